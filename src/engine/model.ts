// The result model and the context every rule evaluates against.
import { IssueList } from "./issues";
import { Params, Resolved } from "./params";
import { Period } from "./periods";
import { ReadSheet, Rec } from "./read";
import { SheetKey } from "./sheets";
import { DayNum, Seconds } from "./time";
import { Cents } from "./money";

export type Status = "pass" | "fail" | "na" | "pending";

/** A pointer to a source row (or cell) in an input sheet. */
export interface Evidence {
  sheet: string;
  row: number;
  /** cell address, e.g. A17 */
  cell: string;
  /** what the row is, e.g. the ticket id */
  label: string;
}

export interface Kpi {
  ruleId: string;
  period: string;
  subject: string | null;
  numerator: number | null;
  denominator: number | null;
  /** the measured value (a rate, a mean score, a count, a rank) */
  value: number | null;
  /** the target, as shown to the auditor (e.g. 0.9, 90, 2, 26) */
  target: number | null;
  /** how value and target compare: 'rate' values are fractions */
  valueKind: "rate" | "score" | "count" | "rank" | "date" | "none";
  status: Status;
  occurrences: number;
  unit: Cents;
  deduction: Cents;
  /** the evaluation date (period end, due date, …) that decides the acceptance window */
  evalDay: DayNum;
  /** rows left out for unreadable values */
  leftOut: number;
  note: string;
  noteEn: string;
  evidence: Evidence[];
}

export interface Finding {
  ruleId: string;
  subject: string | null;
  period: string | null;
  message: string;
  messageEn: string;
  evidence: Evidence[];
}

export interface Claim {
  ruleId: string;
  subject: string | null;
  amount: Cents;
  message: string;
  messageEn: string;
}

export interface RuleOutput {
  kpis?: Kpi[];
  findings?: Finding[];
  claims?: Claim[];
}

// ---- typed input records (after the as-of view) ----

export interface Ticket {
  ticket_id: string;
  received_at: Seconds | null;
  signed_at: Seconds | null;
  forwarded_at: Seconds | null;
  department: string | null;
  dispatch_correct: boolean | null;
  due_at: Seconds | null;
  feedback_at: Seconds | null;
  closed_at: Seconds | null;
  callback_at: Seconds | null;
  callback_recording: boolean | null;
}
export interface Staff {
  staff_id: string;
  name: string | null;
  role: string | null;
  education: string | null;
  medical_major: boolean | null;
  start_date: DayNum | null;
  end_date: DayNum | null;
  pretraining_date: DayNum | null;
  onboarding_passed: boolean | null;
}
export interface Shift {
  staff_id: string | null;
  start_at: Seconds | null;
  end_at: Seconds | null;
}
export interface Training {
  date: DayNum | null;
  topic: string | null;
  kind: string | null;
}
export interface Report {
  type: string | null;
  period: Period | null;
  scores_published_on: DayNum | null;
  submitted_on: DayNum | null;
}
export interface QaSample {
  date: DayNum | null;
  staff_id: string | null;
  ticket_id: string | null;
  score: number | null;
}
export interface Complaint {
  date: DayNum | null;
  staff_id: string | null;
  kind: string | null;
  verdict: string | null;
  matter: string | null;
}
export interface Policy {
  name: string | null;
  kind: string | null;
  established_on: DayNum | null;
}
export interface Ranking {
  period: Period | null;
  district_rank: number | null;
  peer_rank: number | null;
}
export interface Payment {
  installment: number | null;
  invoice_on: DayNum | null;
  invoice_amount: Cents | null;
  guarantee_on: DayNum | null;
  guarantee_amount: Cents | null;
  paid_on: DayNum | null;
  paid_amount: Cents | null;
  fiscal_delay: boolean | null;
}
export interface Replacement {
  notice_on: DayNum | null;
  staff_out: string | null;
  reason: string | null;
  filled_on: DayNum | null;
  staff_in: string | null;
}
export interface Incident {
  date: DayNum | null;
  matter: string | null;
}

export interface Holiday {
  date: DayNum | null;
  /** 休 or 班 (the enum's Chinese value) */
  kind: string | null;
  name: string | null;
}

export interface SheetData {
  tickets: Ticket;
  staff: Staff;
  roster: Shift;
  trainings: Training;
  reports: Report;
  qa: QaSample;
  complaints: Complaint;
  policies: Policy;
  rankings: Ranking;
  payments: Payment;
  replacements: Replacement;
  incidents: Incident;
  holidays: Holiday;
}

export interface Context {
  r: Resolved;
  p: Params;
  serviceStart: DayNum;
  serviceEnd: DayNum;
  asOf: DayNum;
  /** the end of asOf: 23:59:59 */
  asOfEnd: Seconds;
  firstCutoff: DayNum;
  /** the input sheets found, as read (names, columns, all records before the as-of view) */
  sheets: Partial<Record<SheetKey, ReadSheet>>;
  /** records after the as-of view, per sheet; absent when the sheet is absent */
  data: { [K in SheetKey]?: Rec<SheetData[K]>[] };
  issues: IssueList;
}

// The result model and the context every rule evaluates against.
import { IssueList } from "./issues";
import { Params, Resolved } from "./params";
import { InputSheets, Rec } from "./read";
import { RecordOf, SheetKey } from "./sheets";
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

// ---- typed input records (after the as-of view), derived from the sheets' definitions ----

export type Ticket = RecordOf<"tickets">;
export type Staff = RecordOf<"staff">;
export type Shift = RecordOf<"roster">;
export type Training = RecordOf<"trainings">;
export type Report = RecordOf<"reports">;
export type QaSample = RecordOf<"qa">;
export type Complaint = RecordOf<"complaints">;
export type Policy = RecordOf<"policies">;
export type Ranking = RecordOf<"rankings">;
export type Payment = RecordOf<"payments">;
export type Replacement = RecordOf<"replacements">;
export type Incident = RecordOf<"incidents">;
/** `kind` is 休 or 班 (the enum's Chinese value) */
export type Holiday = RecordOf<"holidays">;

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
  sheets: InputSheets;
  /** records after the as-of view, per sheet; absent when the sheet is absent */
  data: { [K in SheetKey]?: Rec<RecordOf<K>>[] };
  issues: IssueList;
}

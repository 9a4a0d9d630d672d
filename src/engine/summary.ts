// The machine-readable summary of WORKBOOK.md (schemaVersion 1). Amounts are strings with two decimals.
// Also the totals per deduction rule that every summary shows (result sheets, pane, CLI).
import { AuditResult } from "./audit";
import { Status } from "./model";
import { Cents, formatCents } from "./money";
import { paramsForm } from "./readings";
import { DEDUCTION_RULES } from "./rules";
import { formatDay } from "./time";

export interface SummaryJson {
  schemaVersion: 1;
  asOf: string;
  kpis: {
    ruleId: string;
    period: string;
    subject: string | null;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    status: string;
    occurrences: number;
    deduction: string;
    leftOut: number;
    note: string;
  }[];
  deductions: {
    ruleId: string;
    period: string;
    subject: string | null;
    occurrences: number;
    unitAmount: string;
    amount: string;
    window: string;
  }[];
  findings: {
    ruleId: string;
    subject: string | null;
    period: string | null;
    message: string;
    messageEn: string;
  }[];
  claims: { ruleId: string; subject: string | null; amount: string; message: string }[];
  installments: {
    no: number;
    amount: string;
    dueOn: string | null;
    deductions: string;
    payable: string;
    paidOn: string | null;
    paidAmount: string | null;
    daysLate: number;
    lateFee: string;
    status: string;
  }[];
  totals: Record<
    | "deductions"
    | "firstWindow"
    | "finalWindow"
    | "installment3Payable"
    | "refundDue"
    | "settlement"
    | "claims"
    | "lateFees",
    string
  > & { refundDueOn: string | null };
  issues: {
    sheet: string;
    row: number | null;
    column: string | null;
    cell: string | null;
    level: string;
    code: string;
    message: string;
    messageEn: string;
  }[];
  params: Record<string, unknown>;
  changedParams: string[];
  sheets: {
    key: string;
    name: string | null;
    rows: number;
    sha256: string | null;
    /** the workbook sheets the input was read from (several for a monthly export) */
    sources: { name: string; rows: number; sha256: string }[];
  }[];
  /** WORKBOOK.md 列映射: how every field found was read */
  mapping: { sheet: string; field: string; source: string; values: string; how: string }[];
  version: string;
  /** RULES.md §5; absent with --no-readings */
  readings?: {
    key: string;
    /** the value used and the other reading, in the form --params accepts */
    value: unknown;
    alternative: unknown;
    totals: Record<(typeof READING_TOTALS)[number], string>;
  }[];
}

/** The totals a reading is measured by (RULES.md §5). */
export const READING_TOTALS = [
  "deductions",
  "installment3Payable",
  "refundDue",
  "settlement",
  "claims",
  "lateFees",
] as const;

export function toSummaryJson(r: AuditResult): SummaryJson {
  const s = r.settlement;
  const t = s.totals;
  return {
    schemaVersion: 1,
    asOf: r.asOf,
    kpis: r.kpis.map((k) => ({
      ruleId: k.ruleId,
      period: k.period,
      subject: k.subject,
      numerator: k.numerator,
      denominator: k.denominator,
      value: k.valueKind === "date" || k.value === null ? null : Math.round(k.value * 1e6) / 1e6,
      status: k.status,
      occurrences: k.occurrences,
      deduction: formatCents(k.deduction),
      leftOut: k.leftOut,
      note: k.note,
    })),
    deductions: s.deductions.map((d) => ({
      ruleId: d.ruleId,
      period: d.period,
      subject: d.subject,
      occurrences: d.occurrences,
      unitAmount: formatCents(d.unit),
      amount: formatCents(d.amount),
      window: d.window,
    })),
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      subject: f.subject,
      period: f.period,
      message: f.message,
      messageEn: f.messageEn,
    })),
    claims: r.claims.map((c) => ({
      ruleId: c.ruleId,
      subject: c.subject,
      amount: formatCents(c.amount),
      message: c.message,
    })),
    installments: s.installments.map((i) => ({
      no: i.no,
      amount: formatCents(i.amount),
      dueOn: i.dueOn === null ? null : formatDay(i.dueOn),
      deductions: formatCents(i.deductions),
      payable: formatCents(i.payable),
      paidOn: i.paidOn === null ? null : formatDay(i.paidOn),
      paidAmount: i.paidAmount === null ? null : formatCents(i.paidAmount),
      daysLate: i.daysLate,
      lateFee: formatCents(i.lateFee),
      status: i.status,
    })),
    totals: {
      deductions: formatCents(t.deductions),
      firstWindow: formatCents(t.firstWindow),
      finalWindow: formatCents(t.finalWindow),
      installment3Payable: formatCents(t.installment3Payable),
      refundDue: formatCents(t.refundDue),
      settlement: formatCents(t.settlement),
      claims: formatCents(t.claims),
      lateFees: formatCents(t.lateFees),
      refundDueOn: t.refundDueOn === null ? null : formatDay(t.refundDueOn),
    },
    issues: r.issues.map((i) => ({
      sheet: i.sheet,
      row: i.row,
      column: i.column,
      cell: i.cell,
      level: i.level,
      code: i.code,
      message: i.message,
      messageEn: i.messageEn,
    })),
    params: r.params as Record<string, unknown>,
    changedParams: r.changedParams,
    sheets: r.sheets.map((x) => ({
      key: x.key,
      name: x.name,
      rows: x.rows,
      sha256: x.sha256,
      sources: x.sources,
    })),
    mapping: r.mapping.map((m) => ({ ...m })),
    version: r.version,
    ...(r.readings
      ? {
          readings: r.readings.map((x) => ({
            key: x.key,
            value: paramsForm(x.key, x.value),
            alternative: paramsForm(x.key, x.alternative),
            totals: Object.fromEntries(
              READING_TOTALS.map((k) => [k, formatCents(x.totals[k])])
            ) as Record<(typeof READING_TOTALS)[number], string>,
          })),
        }
      : {}),
  };
}

export interface RuleTotal {
  ruleId: string;
  /** KPI rows (periods, reports, policies) of the rule */
  periods: number;
  byStatus: Record<Status, number>;
  occurrences: number;
  amount: Cents;
}

/** Occurrences, deductions and statuses per deduction rule (R1–R10), in catalogue order. */
export function ruleTotals(r: Pick<AuditResult, "kpis">): RuleTotal[] {
  return DEDUCTION_RULES.map((rule) => {
    const ks = r.kpis.filter((k) => k.ruleId === rule.id);
    const byStatus: Record<Status, number> = { pass: 0, fail: 0, na: 0, pending: 0 };
    for (const k of ks) byStatus[k.status]++;
    return {
      ruleId: rule.id,
      periods: ks.length,
      byStatus,
      occurrences: ks.reduce((a, k) => a + k.occurrences, 0),
      amount: ks.reduce((a, k) => a + k.deduction, 0),
    };
  });
}

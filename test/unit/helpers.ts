// Tiny builders for the engine's RawTable model and a one-call audit runner.
import type { IssueCode } from "../../src/engine/issue-codes";
import { audit, AuditFailure, AuditOptions } from "../../src/engine/audit";
import { SummaryJson, toSummaryJson } from "../../src/engine/summary";
import { RawCell, RawTable } from "../../src/engine/table";

export type Summary = SummaryJson;
export type KpiRow = SummaryJson["kpis"][number];
export type IssueRow = SummaryJson["issues"][number];

/**
 * A sheet from readable rows: row 0 of `values` is the header row.
 * `at` places values[0][0] elsewhere than A1 (a used range need not start there).
 */
export function sheet(
  name: string,
  headers: string[],
  rows: RawCell[][],
  at: { row?: number; col?: number } = {}
): RawTable {
  return { name, firstRow: at.row ?? 1, firstCol: at.col ?? 1, values: [headers, ...rows] };
}

/**
 * A 工单 sheet with the columns R1 reads (工单编号, 派单时间, 签收时间, 转派时间) and nothing else,
 * so R2 (no 派单准确), R3 (no 办结时间…) and R4 (no 反馈时间) are `na` and only R1 can deduct.
 */
export function tickets(
  rows: (
    | [id: RawCell, received: RawCell, signed: RawCell]
    | [id: RawCell, received: RawCell, signed: RawCell, forwarded: RawCell]
  )[]
): RawTable {
  return sheet(
    "工单",
    ["工单编号", "派单时间", "签收时间", "转派时间"],
    rows.map((r) => [r[0], r[1], r[2], r[3] ?? null])
  );
}

/** A 工单 sheet with one ticket signed and forwarded in time (for tests about other sheets). */
export function oneTicket(): RawTable {
  return tickets([["GD1", "2023-03-01 09:00", "2023-03-01 09:10", "2023-03-01 09:20"]]);
}

/** The 人员 columns the C rules read, in the order the compliance tests write them. */
export const STAFF_HEADERS = [
  "工号",
  "姓名",
  "岗位",
  "学历",
  "医学相关",
  "入职日期",
  "离职日期",
  "岗前培训日期",
  "上岗考核",
];

/** A 规则参数 sheet (参数 | 值). */
export function paramsSheet(rows: [string, RawCell][]): RawTable {
  return sheet("规则参数", ["参数", "值"], rows);
}

export function run(tables: RawTable[], opts: AuditOptions = {}): Summary {
  return toSummaryJson(audit(tables, opts));
}

/** The KPI row of a rule, period and (for R9) subject; throws when absent so a typo cannot pass silently. */
export function kpi(
  summary: Summary,
  ruleId: string,
  period: string,
  subject?: string | null
): KpiRow {
  const hits = summary.kpis.filter(
    (k) =>
      k.ruleId === ruleId && k.period === period && (subject === undefined || k.subject === subject)
  );
  if (hits.length !== 1)
    throw new Error(
      `expected exactly one KPI ${ruleId} ${period}${subject ? ` ${subject}` : ""}, found ${hits.length}`
    );
  return hits[0];
}

export function kpisOf(summary: Summary, ruleId: string): KpiRow[] {
  return summary.kpis.filter((k) => k.ruleId === ruleId);
}

export function issuesWith(summary: Summary, code: IssueCode): IssueRow[] {
  return summary.issues.filter((i) => i.code === code);
}

/** Runs audit() and returns the AuditFailure it throws (fails the test when it does not throw one). */
export function auditFailure(tables: RawTable[], opts: AuditOptions = {}): AuditFailure {
  try {
    audit(tables, opts);
  } catch (e) {
    if (e instanceof AuditFailure) return e;
    throw e;
  }
  throw new Error("expected audit() to throw an AuditFailure, it returned normally");
}

/** Naive seconds of a wall-clock time, computed independently of the engine. */
export function secs(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h, mi, s) / 1000;
}

/** Naive day number (days since 1970-01-01), computed independently of the engine. */
export function dayNum(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000;
}

/** "2023-03-05" of a day number, computed independently of the engine. */
export function isoOf(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

// Shared by the monthly ticket rules (R2–R4): one KPI row per month of the service window.
import { Context, Kpi, Ticket } from "../model";
import { ClippedPeriod, monthIndexer, periodsInWindow } from "../periods";
import { Rec } from "../read";
import { ColumnKey } from "../sheets";
import { dayOf } from "../time";
import {
  MAX_EVIDENCE,
  Need,
  evidenceOf,
  makeKpi,
  missingReason,
  naRows,
  pct,
  rateAtLeast,
  usable,
} from "./common";
import { Cents } from "../money";

export function serviceMonths(ctx: Context): ClippedPeriod[] {
  return periodsInWindow("month", ctx.serviceStart, ctx.serviceEnd);
}

export interface MonthlyTicketSpec {
  ruleId: string;
  needs: Need[];
  /** ticket columns whose unreadable value leaves the ticket out */
  columns: ColumnKey<"tickets">[];
  unit: Cents;
  threshold: number;
  /** the instant that puts a ticket into a month, or null when it is not in the population */
  anchor(t: Ticket, ctx: Context): number | null;
  /** the columns `anchor` reads: a row left out with one of them unreadable might be in the population */
  anchorColumns: ColumnKey<"tickets">[];
  /** true = counts in the numerator; null = not yet measurable (left out) */
  good(t: Ticket, ctx: Context): boolean | null;
  badNote: [string, string];
}

export function evaluateMonthlyTickets(ctx: Context, spec: MonthlyTicketSpec): Kpi[] {
  const months = serviceMonths(ctx);
  const reason = missingReason(ctx, spec.needs);
  if (reason) return naRows(spec.ruleId, months, ctx, reason, spec.unit);
  const { ok, leftOut } = usable(ctx.data.tickets ?? [], spec.columns);
  const buckets = months.map(() => ({
    total: 0,
    good: 0,
    bad: [] as Rec<Ticket>[],
    skipped: 0,
    waiting: 0,
  }));
  const indexOf = monthIndexer(months);
  for (const t of ok) {
    const a = spec.anchor(t.v, ctx);
    if (a === null) continue;
    const i = indexOf(dayOf(a));
    if (i < 0) continue;
    const g = spec.good(t.v, ctx);
    const b = buckets[i];
    if (g === null) {
      b.waiting++; // not yet measurable (e.g. its call-back is not yet due)
      continue;
    }
    b.total++;
    if (g) b.good++;
    else b.bad.push(t);
  }
  for (const t of leftOut) {
    // counted in the month the rule would have put it in; when a cell that decides that month is
    // the unreadable one, in the month it was received; a ticket outside the population not at all
    const r =
      spec.anchor(t.v, ctx) ??
      (spec.anchorColumns.some((c) => t.bad.has(c)) ? t.v.received_at : null);
    if (r === null) continue;
    const i = indexOf(dayOf(r));
    if (i >= 0) buckets[i].skipped++;
  }
  return months.map((p, i) => {
    const b = buckets[i];
    if (p.end > ctx.asOf)
      return makeKpi({
        ruleId: spec.ruleId,
        period: p.key,
        evalDay: p.end,
        status: "pending",
        unit: spec.unit,
        target: spec.threshold,
        valueKind: "rate",
      });
    // a month whose every ticket is still within its grace is pending, not empty
    const status =
      b.total === 0
        ? b.waiting > 0
          ? "pending"
          : "na"
        : rateAtLeast(b.good, b.total, spec.threshold)
          ? "pass"
          : "fail";
    return makeKpi({
      ruleId: spec.ruleId,
      period: p.key,
      evalDay: p.end,
      status,
      numerator: b.good,
      denominator: b.total,
      value: b.total ? b.good / b.total : null,
      target: spec.threshold,
      valueKind: "rate",
      unit: spec.unit,
      leftOut: b.skipped,
      note:
        b.total === 0
          ? b.waiting > 0
            ? `${b.waiting} 张工单尚未到期，待定`
            : "当月无统计对象"
          : `${b.good}/${b.total} = ${pct(b.good, b.total)}${b.bad.length ? `；${b.bad.length} 张${spec.badNote[0]}` : ""}${b.skipped ? `；${b.skipped} 行因单元格无法识别未计入` : ""}`,
      noteEn:
        b.total === 0
          ? b.waiting > 0
            ? `${b.waiting} ticket(s) not yet due: pending`
            : "nothing to measure this month"
          : `${b.good}/${b.total} = ${pct(b.good, b.total)}${b.bad.length ? `; ${b.bad.length} ${spec.badNote[1]}` : ""}${b.skipped ? `; ${b.skipped} row(s) left out for unreadable cells` : ""}`,
      evidence:
        status === "fail"
          ? b.bad.slice(0, MAX_EVIDENCE).map((t) => evidenceOf(ctx, "tickets", t, "ticket_id"))
          : [],
    });
  });
}

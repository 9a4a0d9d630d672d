// R6 报表及时性: the contract's 18 data-analysis reports, each due 10 days after that period's scores are published.
import { addNaturalDays } from "../calendar";
import { monthPeriod, quarterPeriod, halfPeriod, yearPeriod, Period } from "../periods";
import { formatDay } from "../time";
import { Rule, missingReason, naRows, unitCents } from "./common";
import { cellOf } from "../read";
import { ExpectedReport, evaluateReports, reportIndex } from "./reports";

/** The expected list: 月报 × 12, 季报 × 4, 半年报 H1, 年报, of the assessment year (contract.year). */
export function expectedDataReports(year: number): { type: string; period: Period }[] {
  return [
    ...Array.from({ length: 12 }, (_, i) => ({ type: "月报", period: monthPeriod(year, i + 1) })),
    ...[1, 2, 3, 4].map((q) => ({ type: "季报", period: quarterPeriod(year, q) })),
    { type: "半年报", period: halfPeriod(year, 1) },
    { type: "年报", period: yearPeriod(year) },
  ];
}

export const r6: Rule = {
  id: "R6",
  zh: "报表及时性（数据分析报告18期）",
  en: "timely data-analysis reports (18)",
  needs: [{ sheet: "reports", columns: ["type", "period", "submitted_on"] }],
  evaluate(ctx) {
    const unit = unitCents(ctx, "r6.unit");
    const list = expectedDataReports(ctx.r.contractYear);
    const reason = missingReason(ctx, this.needs);
    const roll = ctx.p["deadlines.rollOverRestDays"];
    if (reason) {
      const periods = list.map((e) => ({
        ...e.period,
        start: e.period.first,
        end: addNaturalDays(e.period.last, ctx.p["r6.fallbackDueDays"], roll),
      }));
      return { kpis: naRows("R6", periods, ctx, reason, unit) };
    }
    // a row whose 成绩公布日期 cannot be read is left out (the report counts as not found)
    const all = reportIndex(ctx);
    const index = new Map([...all].filter(([, r]) => !r.bad.has("scores_published_on")));
    const unreadable = new Map(
      [...all]
        .filter(([k]) => !index.has(k))
        .map(([k, rec]) => [k, { rec, column: "scores_published_on" as const }])
    );
    const expected: ExpectedReport[] = list.map((e) => {
      const rec = index.get(`${e.type}|${e.period.key}`);
      const published = rec ? rec.v.scores_published_on : null;
      if (published !== null) {
        const due = addNaturalDays(published, ctx.p["r6.dueDays"], roll);
        return {
          type: e.type,
          period: e.period.key,
          due,
          dueNote: `成绩公布 ${formatDay(published)} 后 ${ctx.p["r6.dueDays"]} 日`,
          dueNoteEn: `${ctx.p["r6.dueDays"]} days after scores published ${formatDay(published)}`,
        };
      }
      const due = addNaturalDays(e.period.last, ctx.p["r6.fallbackDueDays"], roll);
      // (an unreadable 成绩公布日期 is an error already, and its report is not evaluated)
      if (rec) {
        const at = cellOf(rec, "scores_published_on");
        ctx.issues.add({
          sheet: rec.src.name,
          row: rec.row,
          column: at?.column ?? "成绩公布日期",
          cell: at?.cell ?? null,
          code: "fallback-due",
          message: `${e.type} ${e.period.key} 无成绩公布日期，按期末后 ${ctx.p["r6.fallbackDueDays"]} 日（${formatDay(due)}）为截止日`,
          messageEn: `${e.type} ${e.period.key} has no publication date; due ${ctx.p["r6.fallbackDueDays"]} days after the period end (${formatDay(due)})`,
        });
      }
      return {
        type: e.type,
        period: e.period.key,
        due,
        dueNote: `无成绩公布日期，期末后 ${ctx.p["r6.fallbackDueDays"]} 日`,
        dueNoteEn: `no publication date: ${ctx.p["r6.fallbackDueDays"]} days after the period end`,
      };
    });
    return { kpis: evaluateReports(ctx, "R6", expected, index, unit, unreadable) };
  },
};

// R7 项目总结报告: the half-year and the annual project summary, each by its fixed due date.
import { parseIsoDay } from "../time";
import { Rule, missingReason, naRows, unitCents } from "./common";
import { ExpectedReport, evaluateReports, reportIndex } from "./reports";

export const r7: Rule = {
  id: "R7",
  zh: "项目总结报告",
  en: "project summary reports",
  needs: [{ sheet: "reports", columns: ["type", "period", "submitted_on"] }],
  evaluate(ctx) {
    const unit = unitCents(ctx, "r7.unit");
    const y = ctx.r.contractYear;
    const half = parseIsoDay(ctx.p["r7.halfYearDue"])!;
    const annual = parseIsoDay(ctx.r.r7AnnualDue)!;
    const expected: ExpectedReport[] = [
      {
        type: "半年工作总结",
        period: `${y}-H1`,
        due: half,
        dueNote: "合同约定",
        dueNoteEn: "fixed date",
      },
      {
        type: "年度工作总结",
        period: `${y}`,
        due: annual,
        dueNote: "服务期结束",
        dueNoteEn: "service end",
      },
    ];
    const reason = missingReason(ctx, this.needs);
    if (reason)
      return {
        kpis: naRows(
          "R7",
          expected.map((e) => ({
            key: e.period,
            kind: "half" as const,
            first: e.due,
            last: e.due,
            start: e.due,
            end: e.due,
          })),
          ctx,
          reason,
          unit
        ),
      };
    return { kpis: evaluateReports(ctx, "R7", expected, reportIndex(ctx), unit) };
  },
};

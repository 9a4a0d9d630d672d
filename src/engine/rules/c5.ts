// C5 季度人员流失率: leavers in the quarter ÷ headcount on its first service day < 15%.
import { Finding } from "../model";
import { periodsInWindow } from "../periods";
import { Rule, missingReason, pct, rateBelow } from "./common";
import { activeOn, staffOnProject } from "./staffing";

export const c5: Rule = {
  id: "C5",
  zh: "季度人员流失率",
  en: "quarterly staff attrition",
  needs: [{ sheet: "staff", columns: ["staff_id", "start_date", "end_date"] }],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    const staff = staffOnProject(ctx);
    const max = ctx.p["c5.maxAttrition"];
    const findings: Finding[] = [];
    for (const q of periodsInWindow("quarter", ctx.serviceStart, ctx.serviceEnd)) {
      if (q.end > ctx.asOf) continue;
      const headcount = staff.filter((s) => activeOn(s.v, q.start)).length;
      const leavers = staff.filter(
        // leaving on or after service.end is the contract ending, not turnover
        (s) =>
          s.v.end_date !== null &&
          s.v.end_date >= q.start &&
          s.v.end_date <= q.end &&
          s.v.end_date < ctx.serviceEnd
      );
      if (headcount === 0 || rateBelow(leavers.length, headcount, max)) continue;
      findings.push({
        ruleId: "C5",
        subject: null,
        period: q.key,
        message: `${q.key} 离职 ${leavers.length} 人 / 季初在岗 ${headcount} 人 = ${pct(leavers.length, headcount)}，不低于 ${(max * 100).toFixed(0)}%（${leavers.map((s) => s.v.staff_id).join("、")}）`,
        messageEn: `${q.key}: ${leavers.length} leavers / ${headcount} at the start = ${pct(leavers.length, headcount)}, not below ${(max * 100).toFixed(0)}%`,
        evidence: [],
      });
    }
    return { findings };
  },
};

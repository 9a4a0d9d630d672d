// R2 派单准确率: correct ÷ forwarded tickets of the month ≥ 90%.
import { Rule, unitCents } from "./common";
import { evaluateMonthlyTickets } from "./monthly";

export const r2: Rule = {
  id: "R2",
  zh: "派单准确率",
  en: "dispatch accuracy",
  needs: [{ sheet: "tickets", columns: ["forwarded_at", "dispatch_correct"] }],
  evaluate(ctx) {
    const blankOk = ctx.p["r2.blankCountsCorrect"];
    return {
      kpis: evaluateMonthlyTickets(ctx, {
        ruleId: "R2",
        needs: this.needs,
        columns: ["forwarded_at", "dispatch_correct"],
        unit: unitCents(ctx, "r2.unit"),
        threshold: ctx.p["r2.threshold"],
        anchor: (t) => t.forwarded_at,
        anchorColumns: ["forwarded_at"],
        good: (t) => (t.dispatch_correct === null ? blankOk : t.dispatch_correct),
        badNote: ["派单不准确（退单/改派）", "wrongly dispatched"],
      }),
    };
  },
};

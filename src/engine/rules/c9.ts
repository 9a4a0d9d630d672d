// C9 综治安全: no public-safety incident in the window.
import { Finding } from "../model";
import { formatDay } from "../time";
import { Rule, evidenceOf, missingReason, usable } from "./common";
import { windowEnd } from "./staffing";

export const c9: Rule = {
  id: "C9",
  zh: "综治安全无事故",
  en: "no safety incidents",
  needs: [{ sheet: "incidents", columns: ["date"] }],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    const end = windowEnd(ctx);
    const findings: Finding[] = usable(ctx.data.incidents ?? [], ["date"])
      .ok.filter((i) => i.v.date! >= ctx.serviceStart && i.v.date! <= end)
      .map((i) => ({
        ruleId: "C9",
        subject: null,
        period: null,
        message: `${formatDay(i.v.date!)} 安全事故：${i.v.matter ?? ""}`,
        messageEn: `${formatDay(i.v.date!)} safety incident: ${i.v.matter ?? ""}`,
        evidence: [evidenceOf(ctx, "incidents", i, "matter")],
      }));
    return { findings };
  },
};

// C3 项目经理: exactly one active project manager on every day of the window.
import { Finding } from "../model";
import { formatDay } from "../time";
import { Rule, missingReason, usable } from "./common";
import { activeOn, staffOnProject, windowEnd } from "./staffing";

export const c3: Rule = {
  id: "C3",
  zh: "项目经理（1名）",
  en: "one project manager",
  needs: [{ sheet: "staff", columns: ["staff_id", "role", "start_date"] }],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    const managers = usable(staffOnProject(ctx), ["role"]).ok.filter(
      (s) => s.v.role === "项目经理"
    );
    const findings: Finding[] = [];
    for (let d = ctx.serviceStart; d <= windowEnd(ctx); d++) {
      const on = managers.filter((m) => activeOn(m.v, d));
      if (on.length === 1) continue;
      findings.push({
        ruleId: "C3",
        subject: null,
        period: formatDay(d),
        message:
          on.length === 0
            ? `${formatDay(d)} 无在岗项目经理`
            : `${formatDay(d)} 有 ${on.length} 名项目经理在岗（${on.map((m) => m.v.staff_id).join("、")}）`,
        messageEn:
          on.length === 0
            ? `${formatDay(d)}: no active project manager`
            : `${formatDay(d)}: ${on.length} active project managers`,
        evidence: [],
      });
    }
    return { findings };
  },
};

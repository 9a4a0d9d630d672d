// C2 专业: staff with a medical major are the majority (以医学相关专业为主).
import { Rule, missingReason, pct, rateAtLeast, usable } from "./common";
import { staffOnProject } from "./staffing";

export const c2: Rule = {
  id: "C2",
  zh: "专业（以医学相关专业为主）",
  en: "medical majors",
  needs: [{ sheet: "staff", columns: ["staff_id", "medical_major"] }],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    const associateOnly = ctx.p["c2.population"] === "associate";
    const pop = usable(staffOnProject(ctx), [
      "medical_major",
      ...(associateOnly ? (["education"] as const) : []),
    ]).ok.filter((s) => !associateOnly || s.v.education === "大专");
    if (pop.length === 0) return {};
    const medical = pop.filter((s) => s.v.medical_major === true).length;
    const min = ctx.p["c2.minShare"];
    if (rateAtLeast(medical, pop.length, min)) return {};
    return {
      findings: [
        {
          ruleId: "C2",
          subject: null,
          period: null,
          message: `医学相关专业 ${medical}/${pop.length} = ${pct(medical, pop.length)}，低于 ${(min * 100).toFixed(0)}%`,
          messageEn: `medical majors ${medical}/${pop.length} = ${pct(medical, pop.length)}, below ${(min * 100).toFixed(0)}%`,
          evidence: [],
        },
      ],
    };
  },
};

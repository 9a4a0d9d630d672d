// C1 学历: every staff member holds at least an associate degree (大专).
import { Finding } from "../model";
import { Rule, evidenceOf, missingReason, usable } from "./common";
import { staffOnProject } from "./staffing";

const BELOW_ASSOCIATE = new Set(["中专", "高中及以下"]);

export const c1: Rule = {
  id: "C1",
  zh: "学历（大专及以上100%）",
  en: "education: associate degree or higher",
  needs: [{ sheet: "staff", columns: ["staff_id", "education"] }],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    const findings: Finding[] = usable(staffOnProject(ctx), ["education"])
      .ok.filter((s) => s.v.education !== null && BELOW_ASSOCIATE.has(s.v.education))
      .map((s) => ({
        ruleId: "C1",
        subject: s.v.staff_id,
        period: null,
        message: `${s.v.staff_id} ${s.v.name ?? ""} 学历为${s.v.education}，低于大专`,
        messageEn: `${s.v.staff_id}: education ${s.v.education}, below associate degree`,
        evidence: [evidenceOf(ctx, "staff", s, "education", `${s.v.staff_id} ${s.v.education}`)],
      }));
    return { findings };
  },
};

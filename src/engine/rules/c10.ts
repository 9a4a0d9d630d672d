// C10 全系统培训与宣传: two system-wide trainings and one publicity event in the service period.
import { Finding } from "../model";
import { Rule, evidenceOf, missingReason, usable } from "./common";

export const c10: Rule = {
  id: "C10",
  zh: "全系统业务培训与宣传活动",
  en: "system-wide trainings and publicity",
  needs: [{ sheet: "trainings", columns: ["date", "kind"] }],
  evaluate(ctx) {
    if (ctx.serviceEnd > ctx.asOf || missingReason(ctx, this.needs)) return {};
    const held = usable(ctx.data.trainings ?? [], ["date", "kind"]).ok.filter(
      (t) => t.v.date! >= ctx.serviceStart && t.v.date! <= ctx.serviceEnd
    );
    const findings: Finding[] = [];
    for (const [kind, min] of [
      ["全系统业务培训", ctx.p["c10.minSystemTrainings"]],
      ["宣传活动", ctx.p["c10.minPublicity"]],
    ] as [string, number][]) {
      const rows = held.filter((t) => t.v.kind === kind);
      if (rows.length >= min) continue;
      findings.push({
        ruleId: "C10",
        subject: kind,
        period: null,
        message: `服务期内${kind} ${rows.length} 次，合同要求 ${min} 次`,
        messageEn: `${rows.length} ${kind} in the service period, ${min} required`,
        evidence: rows.map((t) => evidenceOf(ctx, "trainings", t, "topic")),
      });
    }
    return { findings };
  },
};

// C4 考核合格上岗: nobody works a shift before pre-job training and the onboarding assessment.
import { Claim, Finding, Shift } from "../model";
import { applyRate, toCents } from "../money";
import { Rec } from "../read";
import { dayOf, formatDay, formatDateTimeSpace } from "../time";
import { Rule, evidenceOf, missingReason, usable } from "./common";

export const c4: Rule = {
  id: "C4",
  zh: "考核合格上岗（岗前培训与上岗考核）",
  en: "trained and assessed before the first shift",
  needs: [
    { sheet: "staff", columns: ["staff_id", "pretraining_date", "onboarding_passed"] },
    { sheet: "roster", columns: ["staff_id", "start_at"] },
  ],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    const shifts = new Map<string, Rec<Shift>[]>();
    for (const s of usable(ctx.data.roster ?? [], ["staff_id", "start_at"]).ok) {
      const list = shifts.get(s.v.staff_id!) ?? [];
      list.push(s);
      shifts.set(s.v.staff_id!, list);
    }
    const findings: Finding[] = [];
    for (const st of usable(ctx.data.staff ?? [], ["pretraining_date", "onboarding_passed"]).ok) {
      if (st.v.staff_id === null) continue; // a keyed sheet: never, when the column is there
      const own = shifts.get(st.v.staff_id);
      if (!own?.length) continue;
      const first = own.reduce((a, b) => (b.v.start_at! < a.v.start_at! ? b : a));
      const trained = st.v.pretraining_date;
      const reasons: string[] = [];
      const reasonsEn: string[] = [];
      if (trained === null) {
        reasons.push("无岗前培训日期");
        reasonsEn.push("no pre-job training date");
      } else if (dayOf(first.v.start_at!) < trained) {
        reasons.push(
          `首个班次 ${formatDateTimeSpace(first.v.start_at!)} 早于岗前培训 ${formatDay(trained)}`
        );
        reasonsEn.push(
          `first shift ${formatDateTimeSpace(first.v.start_at!)} before training on ${formatDay(trained)}`
        );
      }
      if (st.v.onboarding_passed !== true) {
        reasons.push("上岗考核未通过");
        reasonsEn.push("onboarding assessment not passed");
      }
      if (!reasons.length) continue;
      findings.push({
        ruleId: "C4",
        subject: st.v.staff_id,
        period: null,
        message: `${st.v.staff_id} ${st.v.name ?? ""}：${reasons.join("；")}`,
        messageEn: `${st.v.staff_id}: ${reasonsEn.join("; ")}`,
        evidence: [
          evidenceOf(ctx, "staff", st, "staff_id"),
          evidenceOf(
            ctx,
            "roster",
            first,
            "start_at",
            `首个班次 ${formatDateTimeSpace(first.v.start_at!)}`
          ),
        ],
      });
    }
    const claims: Claim[] = [];
    if (findings.length >= ctx.p["c4.claimMinStaff"]) {
      const amount = applyRate(toCents(ctx.r.serviceFee)!, ctx.p["c4.claimRate"]);
      claims.push({
        ruleId: "C4",
        subject: null,
        amount,
        message: `累计 ${findings.length} 人未经培训考核上岗（合同六.3）：甲方可主张服务费 ${(ctx.p["c4.claimRate"] * 100).toFixed(0)}% 违约金并可解除合同，须双方书面确认`,
        messageEn: `${findings.length} staff worked untrained (contract 6.3): Party A may claim ${(ctx.p["c4.claimRate"] * 100).toFixed(0)}% of the fee and terminate; needs written confirmation`,
      });
    }
    return { findings, claims };
  },
};

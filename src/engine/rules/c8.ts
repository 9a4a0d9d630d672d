// C8 人员调换时限: a replacement is in place within 20 natural days of Party A's notice
// (5 working days when the reason is 未培训上岗); each late one gives a 2% claim.
import { addNaturalDays, addWorkdays } from "../calendar";
import { Claim, Finding } from "../model";
import { applyRate, toCents } from "../money";
import { formatDay } from "../time";
import { Rule, evidenceOf, missingReason, usable } from "./common";

export const c8: Rule = {
  id: "C8",
  zh: "人员调换时限",
  en: "replacement in time",
  needs: [{ sheet: "replacements", columns: ["notice_on", "staff_out", "filled_on"] }],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    const fee = toCents(ctx.r.serviceFee)!;
    const rate = ctx.p["c8.claimRate"];
    const findings: Finding[] = [];
    const claims: Claim[] = [];
    for (const r of usable(ctx.data.replacements ?? [], ["notice_on", "filled_on", "reason"]).ok) {
      const untrained = r.v.reason === "未培训上岗";
      const limit = untrained
        ? addWorkdays(r.v.notice_on!, ctx.p["c8.untrainedWorkdays"])
        : addNaturalDays(r.v.notice_on!, ctx.p["c8.days"], ctx.p["deadlines.rollOverRestDays"]);
      const filled = r.v.filled_on;
      // an unfilled one is late once its limit day is over: at the end of the as-of day, on it too
      const late = filled !== null ? filled > limit : limit <= ctx.asOf;
      if (!late) continue;
      const rule = untrained
        ? `${ctx.p["c8.untrainedWorkdays"]} 个工作日`
        : `${ctx.p["c8.days"]} 个自然日`;
      const ruleEn = untrained
        ? `${ctx.p["c8.untrainedWorkdays"]} working days`
        : `${ctx.p["c8.days"]} natural days`;
      const subject = r.v.staff_out;
      const message = `${formatDay(r.v.notice_on!)} 通知调换 ${subject}，期限 ${formatDay(limit)}（${rule}），${filled !== null ? `${formatDay(filled)} 到位，逾期` : "至今未到位"}`;
      const messageEn = `replacement of ${subject} notified ${formatDay(r.v.notice_on!)}, due ${formatDay(limit)} (${ruleEn}), ${filled !== null ? `filled ${formatDay(filled)}, late` : "not filled"}`;
      findings.push({
        ruleId: "C8",
        subject,
        period: null,
        message,
        messageEn,
        evidence: [evidenceOf(ctx, "replacements", r, "staff_out")],
      });
      claims.push({
        ruleId: "C8",
        subject,
        amount: applyRate(fee, rate),
        // 六.2: replacement in 20 natural days; 六.3: an untrained person replaced in 5 working days
        message: `${message}：甲方可主张服务费 ${(rate * 100).toFixed(0)}% 违约金（合同${untrained ? "六.3" : "六.2"}），须双方书面确认`,
        messageEn: `${messageEn}: Party A may claim ${(rate * 100).toFixed(0)}% of the fee (contract ${untrained ? "6.3" : "6.2"}); needs written confirmation`,
      });
    }
    return { findings, claims };
  },
};

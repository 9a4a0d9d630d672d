// R10 区内考核结果稳定性: the annual district rank must not drop below the baseline (26);
// a drop costs 5% / 10% / 15% of the contract fee. A peer rank outside the top 3 is a finding.
import { applyRate } from "../money";
import { toCents } from "../money";
import { ymdToDay, formatDay } from "../time";
import { Rule, badCells, evidenceOf, makeKpi, missingReason, usable } from "./common";
import { Finding } from "../model";

/** The deduction rate for a drop in rank (0 when the rank did not drop). */
export function tierRate(drop: number, tiers: { minDrop: number; rate: number }[]): number {
  let rate = 0;
  for (const t of tiers) if (drop >= t.minDrop) rate = t.rate;
  return rate;
}

export const r10: Rule = {
  id: "R10",
  zh: "区内考核结果稳定性（排名）",
  en: "district ranking",
  needs: [{ sheet: "rankings", columns: ["period", "district_rank"] }],
  evaluate(ctx) {
    const year = ctx.r.contractYear;
    const period = String(year);
    const yearEnd = ymdToDay(year, 12, 31);
    const baseline = ctx.p["r10.baselineRank"];
    const base = {
      ruleId: "R10",
      period,
      evalDay: ctx.serviceEnd,
      target: baseline,
      valueKind: "rank" as const,
    };
    if (yearEnd > ctx.asOf)
      return {
        kpis: [
          makeKpi({
            ...base,
            status: "pending",
            note: `${formatDay(yearEnd)} 后评价`,
            noteEn: `evaluated after ${formatDay(yearEnd)}`,
          }),
        ],
      };
    const reason = missingReason(ctx, this.needs);
    if (reason)
      return { kpis: [makeKpi({ ...base, status: "na", note: reason.zh, noteEn: reason.en })] };
    const { ok, leftOut } = usable(ctx.data.rankings ?? [], ["period", "district_rank"]);
    const row = ok.find((r) => r.v.period!.key === period);
    // the year's row is there but its rank cannot be read: not evaluated, the cell named
    const unreadable = leftOut.find((r) => !r.bad.has("period") && r.v.period?.key === period);
    if (!row && unreadable) {
      const where = badCells(ctx, "rankings", [unreadable], ["district_rank"]);
      return {
        kpis: [
          makeKpi({
            ...base,
            status: "na",
            leftOut: 1,
            note: `${period} 年度排名无法识别（${where}），不予评价，请更正后重新核查`,
            noteEn: `the ${period} annual rank cannot be read (${where}); not evaluated, correct and run again`,
            evidence: [evidenceOf(ctx, "rankings", unreadable, "district_rank", period)],
          }),
        ],
      };
    }
    // (区级排名 is required: a blank one left the row out, and is reported as above)
    if (!row) {
      ctx.issues.sheet(
        ctx.sheets.rankings!.name,
        "no-annual-rank",
        `考核排名表中没有 ${period} 年度排名，R10 待定`,
        `no annual ${period} ranking row; R10 is pending`
      );
      return {
        kpis: [
          makeKpi({
            ...base,
            status: "pending",
            note: `缺少 ${period} 年度排名`,
            noteEn: `no ${period} annual ranking`,
          }),
        ],
      };
    }
    const rank = row.v.district_rank!;
    const drop = rank - baseline;
    const rate = tierRate(drop, ctx.p["r10.tiers"]);
    const fee = toCents(ctx.r.serviceFee)!;
    const deduction = applyRate(fee, rate);
    const findings: Finding[] = [];
    const peer = row.v.peer_rank;
    if (peer !== null && peer > ctx.p["r10.peerTop"])
      findings.push({
        ruleId: "R10",
        subject: "peer_rank",
        period,
        message: `${period} 年委办局排名第 ${peer} 名，未进入前 ${ctx.p["r10.peerTop"]} 名（不扣款）`,
        messageEn: `${period} peer rank ${peer}, outside the top ${ctx.p["r10.peerTop"]} (no deduction)`,
        evidence: [evidenceOf(ctx, "rankings", row, "peer_rank", `委办局排名 ${peer}`)],
      });
    // a rate comes only with a drop: every tier's minDrop is at least 1
    const fail = rate > 0;
    return {
      kpis: [
        makeKpi({
          ...base,
          status: fail ? "fail" : "pass",
          numerator: rank,
          denominator: baseline,
          value: rank,
          occurrences: 1,
          unit: deduction,
          deduction,
          note:
            drop > 0
              ? `区级排名第 ${rank} 名，较基准 ${baseline} 名下降 ${drop} 名，扣减服务费 ${(rate * 100).toFixed(0)}%`
              : `区级排名第 ${rank} 名，不低于基准 ${baseline} 名`,
          noteEn:
            drop > 0
              ? `district rank ${rank}, ${drop} below the baseline ${baseline}: ${(rate * 100).toFixed(0)}% of the fee`
              : `district rank ${rank}, not below the baseline ${baseline}`,
          evidence: [evidenceOf(ctx, "rankings", row, "district_rank", `区级排名 ${rank}`)],
        }),
      ],
      findings,
    };
  },
};

// R8 培训开展: at least 2 counted trainings a month (prorated in partial months).
import { daysInMonth, dayToYmd } from "../time";
import { Rule, evidenceOf, makeKpi, missingReason, naRows, unitCents, usable } from "./common";
import { serviceMonths } from "./monthly";

export const r8: Rule = {
  id: "R8",
  zh: "培训开展",
  en: "trainings held",
  needs: [{ sheet: "trainings", columns: ["date", "kind"] }],
  evaluate(ctx) {
    const unit = unitCents(ctx, "r8.unit");
    const months = serviceMonths(ctx);
    const reason = missingReason(ctx, this.needs);
    if (reason) return { kpis: naRows("R8", months, ctx, reason, unit) };
    const counted = new Set(ctx.p["r8.countedKinds"]);
    const min = ctx.p["r8.minPerMonth"];
    const mode = ctx.p["r8.partialMonth"];
    const { ok, leftOut } = usable(ctx.data.trainings ?? [], ["date", "kind"]);
    return {
      kpis: months.map((p) => {
        const { y, m } = dayToYmd(p.first);
        const dim = daysInMonth(y, m);
        const serviceDays = p.end - p.start + 1;
        const partial = serviceDays < dim;
        if (p.end > ctx.asOf)
          return makeKpi({
            ruleId: "R8",
            period: p.key,
            evalDay: p.end,
            status: "pending",
            unit,
            valueKind: "count",
          });
        if (partial && mode === "skip")
          return makeKpi({
            ruleId: "R8",
            period: p.key,
            evalDay: p.end,
            status: "na",
            unit,
            note: "不足整月，不考核",
            noteEn: "partial month not assessed",
          });
        const required = partial && mode === "prorate" ? Math.ceil((min * serviceDays) / dim) : min;
        const held = ok.filter(
          (t) => t.v.date! >= p.start && t.v.date! <= p.end && counted.has(t.v.kind!)
        );
        const skipped = leftOut.filter(
          (t) => t.v.date !== null && t.v.date >= p.start && t.v.date <= p.end
        ).length;
        const pass = held.length >= required;
        return makeKpi({
          ruleId: "R8",
          period: p.key,
          evalDay: p.end,
          status: pass ? "pass" : "fail",
          numerator: held.length,
          denominator: required,
          value: held.length,
          target: required,
          valueKind: "count",
          unit,
          leftOut: skipped,
          note: `${held.length} 场，要求 ${required} 场${partial && mode === "prorate" ? `（服务 ${serviceDays}/${dim} 天折算）` : ""}`,
          noteEn: `${held.length} held, ${required} required${partial && mode === "prorate" ? ` (prorated ${serviceDays}/${dim} days)` : ""}`,
          evidence: held.map((t) => evidenceOf(ctx, "trainings", t, "topic")),
        });
      }),
    };
  },
};

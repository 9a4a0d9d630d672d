// R5 质量监督·质检得分: the mean QA score of the month ≥ 90 (no samples fails: checks are owed monthly).
import {
  Rule,
  badCells,
  evidenceOf,
  makeKpi,
  missingReason,
  naRows,
  unitCents,
  usable,
  MAX_EVIDENCE,
} from "./common";
import { formatDay } from "../time";
import { serviceMonths } from "./monthly";

/** A number's exact decimal digits: 89.9999999 → [899999999n, 7]. */
function decimal(x: number): [bigint, number] {
  const text = Math.abs(x) < 1e21 && !/e/i.test(String(x)) ? String(x) : x.toFixed(20);
  const [int, frac = ""] = text.split(".");
  return [BigInt(int + frac), frac.length];
}

/** mean(values) ≥ target, compared exactly on the decimal values as written (no float sum). */
export function meanAtLeast(values: number[], target: number): boolean {
  const parts = [...values, target].map(decimal);
  const scale = Math.max(...parts.map(([, d]) => d));
  const at = ([m, d]: [bigint, number]) => m * 10n ** BigInt(scale - d);
  const sum = parts.slice(0, -1).reduce((a, p) => a + at(p), 0n);
  return sum >= at(parts[parts.length - 1]) * BigInt(values.length);
}

export const r5: Rule = {
  id: "R5",
  zh: "质量监督·质检得分",
  en: "QA score",
  needs: [{ sheet: "qa", columns: ["date", "score"] }],
  evaluate(ctx) {
    const unit = unitCents(ctx, "r5.unit");
    const months = serviceMonths(ctx);
    const reason = missingReason(ctx, this.needs);
    if (reason) return { kpis: naRows("R5", months, ctx, reason, unit) };
    const threshold = ctx.p["r5.threshold"];
    const { ok, leftOut } = usable(ctx.data.qa ?? [], ["date", "score"]);
    return {
      kpis: months.map((p) => {
        if (p.end > ctx.asOf)
          return makeKpi({
            ruleId: "R5",
            period: p.key,
            evalDay: p.end,
            status: "pending",
            unit,
            target: threshold,
            valueKind: "score",
          });
        const samples = ok.filter((s) => s.v.date! >= p.start && s.v.date! <= p.end);
        const skippedRows = leftOut.filter(
          (s) => s.v.date !== null && s.v.date >= p.start && s.v.date <= p.end
        );
        const skipped = skippedRows.length;
        if (samples.length === 0) {
          // every sample of the month unreadable: nothing is measured, nothing deducted;
          // no sample rows at all: checks are owed monthly (r5.missingFails)
          const where = skipped > 0 ? badCells(ctx, "qa", skippedRows, ["score", "date"]) : "";
          return makeKpi({
            ruleId: "R5",
            period: p.key,
            evalDay: p.end,
            status: skipped > 0 || !ctx.p["r5.missingFails"] ? "na" : "fail",
            numerator: 0,
            denominator: 0,
            target: threshold,
            valueKind: "score",
            unit,
            leftOut: skipped,
            note:
              skipped > 0
                ? `当月质检记录均无法读取（${where}），请更正后重新核查`
                : "当月无质检记录",
            noteEn:
              skipped > 0
                ? `every QA sample of the month is unreadable (${where}); correct and run again`
                : "no QA samples this month",
          });
        }
        // the unrounded mean against the target, exactly: Σ scores ≥ target × n in decimal integers
        const pass = meanAtLeast(
          samples.map((s) => s.v.score!),
          threshold
        );
        const mean = samples.reduce((a, s) => a + s.v.score!, 0) / samples.length;
        return makeKpi({
          ruleId: "R5",
          period: p.key,
          evalDay: p.end,
          status: pass ? "pass" : "fail",
          numerator: null,
          denominator: samples.length,
          value: mean,
          target: threshold,
          valueKind: "score",
          unit,
          leftOut: skipped,
          note: `${samples.length} 条质检，平均 ${mean.toFixed(2)} 分`,
          noteEn: `${samples.length} samples, mean ${mean.toFixed(2)}`,
          evidence: pass
            ? []
            : samples
                .filter((s) => s.v.score! < threshold)
                .slice(0, MAX_EVIDENCE)
                // who was scored, and when: a bare "72" tells the reader nothing
                .map((s) =>
                  evidenceOf(
                    ctx,
                    "qa",
                    s,
                    "score",
                    // (a usable sample has its date)
                    `${formatDay(s.v.date!)} ${s.v.staff_id ?? ""} ${s.v.score}分`.replace(
                      /\s+/g,
                      " "
                    )
                  )
                ),
        });
      }),
    };
  },
};

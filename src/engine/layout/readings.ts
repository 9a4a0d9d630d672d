// 口径对比 (Readings): for each reading the contract leaves open (RULES.md §5), the value used, the
// other reading, and the totals a run with only that parameter changed gives, with the difference
// from this run. The rows that move money come first, highlighted.
import type { AuditResult, Reading } from "../audit";
import { formatSignedYuan } from "../money";
import { paramMeta } from "../params";
import { displayParam } from "../param-text";
import { READINGS, readingPhrase } from "../readings";
import { READING_TOTALS } from "../summary";
import { Builder, col, money } from "./builder";
import { SheetSpec, SpecCell, t } from "./spec";

type TotalKey = (typeof READING_TOTALS)[number];

const TOTAL_LABELS: Record<TotalKey, [string, string]> = {
  deductions: ["扣款合计", "deductions"],
  installment3Payable: ["尾款应付", "installment 3 payable"],
  refundDue: ["乙方应退款", "refund due"],
  settlement: ["最终决算价款", "final settlement"],
  claims: ["违约金主张", "claims"],
  lateFees: ["甲方逾期付款违约金", "Party A's late fees"],
};

/** The difference of each total from this run's, in cents. */
export function readingDifferences(r: AuditResult, x: Reading): Record<TotalKey, number> {
  const base = r.settlement.totals;
  return Object.fromEntries(READING_TOTALS.map((k) => [k, x.totals[k] - base[k]])) as Record<
    TotalKey,
    number
  >;
}

/** Readings that move money, the largest move first; then the others in RULES.md's order. */
export function orderedReadings(r: AuditResult): Reading[] {
  const size = (x: Reading) =>
    Math.max(...Object.values(readingDifferences(r, x)).map((v) => Math.abs(v)));
  return [...(r.readings ?? [])].sort((a, b) => size(b) - size(a));
}

/**
 * The readings that move money, as short lines for the pane and the terminal:
 * "若 R1 只考核签收：扣款 −¥1,800.00，决算价款 +¥1,800.00".
 */
export function readingLines(r: AuditResult, lang: "zh" | "en"): string[] {
  const out: string[] = [];
  for (const x of orderedReadings(r)) {
    const d = readingDifferences(r, x);
    const moved = READING_TOTALS.filter((k) => d[k] !== 0);
    if (!moved.length) continue;
    const def = READINGS.find((e) => e.key === x.key)!;
    const parts = moved.map(
      (k) => `${lang === "zh" ? SHORT[k][0] : SHORT[k][1]} ${formatSignedYuan(d[k])}`
    );
    out.push(
      `${readingPhrase(def, x.alternative, lang, r.params)}${lang === "zh" ? "：" : ": "}${parts.join(lang === "zh" ? "，" : ", ")}`
    );
  }
  return out;
}

const SHORT: Record<TotalKey, [string, string]> = {
  deductions: ["扣款", "deductions"],
  installment3Payable: ["尾款", "installment 3"],
  refundDue: ["退款", "refund"],
  settlement: ["决算价款", "final settlement"],
  claims: ["违约金主张", "claims"],
  lateFees: ["甲方逾期违约金", "Party A's late fees"],
};

export function readingsSheet(r: AuditResult, lang: "zh" | "en", subtitle: string): SheetSpec {
  const L = (zh: string, en: string) => (lang === "zh" ? zh : en);
  const b = new Builder(L("（无）", "(none)"));
  if (!r.readings) {
    b.keyValue([
      [
        L("口径对比", "readings"),
        t(
          L(
            "本次为快速核查，未计算口径对比（命令行 --no-readings，或任务窗格中关闭了“口径对比”）。重新核查即可得到。",
            "not computed in this quick run (--no-readings, or readings switched off in the pane): run the audit again to get them"
          )
        ),
      ],
    ]);
  } else {
    const rows = orderedReadings(r);
    const diff = (c: number): SpecCell => ({
      ...money(c),
      highlight: c === 0 ? "muted" : undefined,
    });
    b.table(
      "Readings",
      [
        col(L("另一口径", "the other reading"), "text", 34),
        col(L("参数", "parameter"), "text", 24),
        col(L("本次取值", "value used"), "text", 18),
        col(L("另一取值", "other value"), "text", 18),
        // an Excel table's headers are unique: each difference is named by its total
        ...READING_TOTALS.flatMap((k) => [
          col(L(TOTAL_LABELS[k][0], TOTAL_LABELS[k][1]), "money", 16),
          col(L(`${SHORT[k][0]}差额`, `${SHORT[k][1]} difference`), "money", 14),
        ]),
      ],
      rows.map((x) => {
        const def = READINGS.find((d) => d.key === x.key)!;
        const d = readingDifferences(r, x);
        return [
          t(readingPhrase(def, x.alternative, lang, r.params)),
          t(`${paramMeta(x.key)[lang]}（${x.key}）`),
          t(displayParam(x.key, x.value, lang)),
          t(displayParam(x.key, x.alternative, lang)),
          ...READING_TOTALS.flatMap((k) => [money(x.totals[k]), diff(d[k])]),
        ];
      }),
      {
        caption: L(
          "每行只改动一个参数、其余与本次相同时的结果；差额 = 该口径下的金额 − 本次金额",
          "each row: the results with only that parameter changed; difference = that reading − this run"
        ),
        rowHighlight: rows.map((x) =>
          Object.values(readingDifferences(r, x)).some((v) => v !== 0) ? "warn" : null
        ),
      }
    );
  }
  return {
    name: "口径对比",
    title: L(
      "口径对比：合同未明确之处各种理解的影响",
      "Readings: what each open point of the contract costs"
    ),
    subtitle,
    freezeRows: 3,
    wrap: [0, 1],
    blocks: b.blocks,
  };
}

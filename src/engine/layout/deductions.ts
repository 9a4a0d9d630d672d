// 扣款明细: one row per deduction with its window, then every source row behind it as a link.
import { Builder, col, money } from "./builder";
import { formatYuan } from "../money";
import { SheetSpec, SpecCell, link, n, t } from "./spec";
import { LayoutContext, MAX_EVIDENCE_ROWS } from "./context";

export function deductionsSheet(x: LayoutContext): SheetSpec {
  const { lang, L, s, tt, titled, windowLabel, subtitle, evidenceLink, evidenceText } = x;
  const dedB = new Builder(L("（无）", "(none)"));
  dedB.row = 3;
  dedB.table(
    "Deductions",
    [
      col(L("规则", "rule"), "text", 7),
      col(L("指标", "indicator"), "text", 22),
      col(L("期间", "period"), "text", 12),
      col(L("对象", "subject"), "text", 16),
      col(L("原因", "reason"), "text", 48),
      col(L("次数", "occurrences"), "int", 7),
      col(L("单价", "unit"), "money", 14),
      col(L("金额", "amount"), "money", 14),
      col(L("验收批次", "acceptance"), "text", 12),
      col(L("证据（首条）", "first evidence"), "text", 20),
      col(L("证据", "evidence"), "text", 60),
    ],
    s.deductions.map((x) => [
      t(x.ruleId),
      t(titled(x.ruleId)),
      t(x.period),
      t(x.subject),
      t(lang === "zh" ? x.kpi.note : x.kpi.noteEn),
      n(x.occurrences, "int"),
      money(x.unit),
      money(x.amount),
      t(windowLabel(x.window)),
      evidenceLink(x.kpi),
      evidenceText(x.kpi),
    ])
  );
  const evidenceRows: SpecCell[][] = [];
  for (const x of s.deductions)
    for (const e of x.kpi.evidence) {
      if (evidenceRows.length >= MAX_EVIDENCE_ROWS) break;
      evidenceRows.push([
        t(x.ruleId),
        t(x.period),
        t(e.sheet),
        n(e.row, "int"),
        link(e.label.slice(0, 255), e.sheet, e.cell),
      ]);
    }
  dedB.table(
    "DeductionEvidence",
    [
      col(L("规则", "rule"), "text", 7),
      col(L("期间", "period"), "text", 12),
      col(L("来源工作表", "source sheet"), "text", 12),
      col(L("行", "row"), "int", 8),
      col(L("来源（点击定位）", "source (click to go)"), "text", 24),
    ],
    evidenceRows,
    {
      caption: L("扣款证据：导致扣款的每一行", "evidence: every row behind a deduction"),
    }
  );
  const dedSheet: SheetSpec = {
    name: "扣款明细",
    title: L("扣款明细", "Deductions"),
    subtitle: `${subtitle} · ${L("合计", "total")} ${formatYuan(tt.deductions)}`,
    freezeRows: 3,
    wrap: [1, 3, 4, 9, 10],
    blocks: dedB.blocks,
  };
  return dedSheet;
}

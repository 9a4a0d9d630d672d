// KPI明细: one row per rule × period (15 columns, A–O: see KPI_LAST_COLUMN), failures highlighted.
import { Builder, col, money } from "./builder";
import { SheetSpec, n, t } from "./spec";
import { LayoutContext, STATUS } from "./context";

/** KPI明细; `openOnly`: filtered to the failing and pending rows (the user clears the filter). */
export function kpisSheet(x: LayoutContext, openOnly = false): SheetSpec {
  const { r, lang, L, title, status, windowLabel, firstCutoff, subtitle, evidenceLink, measure } =
    x;
  const kpiB = new Builder(L("（无）", "(none)"));
  kpiB.row = 3;
  const table = kpiB.table(
    "KpiDetail",
    [
      col(L("规则", "rule"), "text", 7),
      col(L("指标", "indicator"), "text", 22),
      col(L("期间", "period"), "text", 12),
      col(L("对象", "subject"), "text", 16),
      col(L("分子", "numerator"), "int", 8),
      col(L("分母", "denominator"), "int", 8),
      col(L("实际值", "value"), "number", 12),
      col(L("目标值", "target"), "number", 12),
      col(L("结果", "status"), "text", 9),
      col(L("扣款次数", "occurrences"), "int", 9),
      col(L("扣款金额", "deduction"), "money", 14),
      col(L("验收批次", "acceptance"), "text", 12),
      col(L("未计入行数", "rows left out"), "int", 10),
      col(L("说明", "note"), "text", 48),
      col(L("证据", "evidence"), "text", 18),
    ],
    r.kpis.map((k) => [
      t(k.ruleId),
      t(title(k.ruleId)),
      t(k.period),
      t(k.subject),
      n(k.numerator, "int"),
      n(k.denominator, "int"),
      measure(k, k.value),
      measure(k, k.target),
      { v: { text: status(k.status) }, highlight: STATUS[k.status].hl ?? undefined },
      n(k.occurrences, "int"),
      money(k.deduction),
      t(k.status === "fail" ? windowLabel(k.evalDay <= firstCutoff ? "first" : "final") : null),
      n(k.leftOut || null, "int"),
      t(lang === "zh" ? k.note : k.noteEn),
      evidenceLink(k),
    ]),
    { rowHighlight: r.kpis.map((k) => (k.status === "fail" ? "fail" : null)) }
  );
  const open = r.kpis.filter((k) => k.status === "fail" || k.status === "pending").length;
  const kpiSheet: SheetSpec = {
    name: "KPI明细",
    title: L("KPI明细：每条规则 × 每个考核期", "KPIs: every rule × period"),
    subtitle: openOnly
      ? `${subtitle} · ${L(
          `已筛选：只显示未达标与待定的 ${open} 行（共 ${r.kpis.length} 行），清除“结果”列的筛选即见全部`,
          `filtered: the ${open} failing and pending rows of ${r.kpis.length}; clear the filter on “status” to see them all`
        )}`
      : subtitle,
    filter: openOnly
      ? {
          table: "KpiDetail",
          column: table.columns.findIndex((c) => c.header === L("结果", "status")),
          values: [status("fail"), status("pending")],
        }
      : undefined,
    freezeRows: 3,
    wrap: [1, 3, 13, 14],
    blocks: kpiB.blocks,
  };
  return kpiSheet;
}

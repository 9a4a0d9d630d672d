// 校验问题: one row per validation issue, with a link to its cell; the kind of issue in words, its
// code last, for the record.
import { issueTitle } from "../issue-codes";
import { LEVEL_ZH } from "../issues";
import { Builder, col } from "./builder";
import { SheetSpec, link, n, t } from "./spec";
import { LayoutContext, MAX_CELL_TEXT } from "./context";

export function issuesSheet(x: LayoutContext): SheetSpec {
  const { r, lang, L, errors, warnings, infos, subtitle } = x;
  const issB = new Builder(L("（无）", "(none)"));
  issB.row = 3;
  issB.table(
    "Issues",
    [
      col(L("工作表", "sheet"), "text", 12),
      col(L("行", "row"), "int", 7),
      col(L("列", "column"), "text", 14),
      col(L("单元格", "cell"), "text", 9),
      col(L("级别", "level"), "text", 7),
      col(L("问题", "issue"), "text", 18),
      col(L("说明", "message"), "text", 70),
      col(L("English", "Chinese"), "text", 60),
      col(L("代码", "code"), "text", 16),
    ],
    r.issues.map((i) => [
      t(i.sheet),
      n(i.row, "int"),
      t(i.column),
      i.cell ? link(i.cell, i.sheet, i.cell) : t(null),
      {
        v: { text: lang === "zh" ? LEVEL_ZH[i.level] : i.level },
        highlight: i.level === "error" ? "fail" : i.level === "warning" ? "warn" : undefined,
      },
      t(issueTitle(i.code, lang)),
      t((lang === "zh" ? i.message : i.messageEn).slice(0, MAX_CELL_TEXT)),
      t((lang === "zh" ? i.messageEn : i.message).slice(0, MAX_CELL_TEXT)),
      t(i.code),
    ])
  );
  const issSheet: SheetSpec = {
    name: "校验问题",
    title: L("校验问题", "Validation issues"),
    subtitle: `${subtitle} · ${L(`错误 ${errors} · 警告 ${warnings} · 提示 ${infos}`, `${errors} errors · ${warnings} warnings · ${infos} info`)}`,
    freezeRows: 3,
    wrap: [6, 7],
    blocks: issB.blocks,
  };
  return issSheet;
}

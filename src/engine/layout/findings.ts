// 合规检查: C1–C10, P1–P3 and the peer-rank finding; claims listed apart, never netted.
import { Builder, col, money } from "./builder";
import { Highlight, SheetSpec, SpecCell, link, t } from "./spec";
import { LayoutContext } from "./context";

export function findingsSheet(x: LayoutContext): SheetSpec {
  const { r, lang, L, titled, subtitle } = x;
  const finB = new Builder(L("（无）", "(none)"));
  finB.row = 3;
  const claimsBy = new Map(r.claims.map((c) => [`${c.ruleId}|${c.subject}`, c]));
  const finRows: SpecCell[][] = r.findings.map((f) => {
    const c = claimsBy.get(`${f.ruleId}|${f.subject}`);
    return [
      t(f.ruleId),
      t(titled(f.ruleId)),
      t(L("发现", "finding")),
      t(f.subject),
      // a C7 gap starts at a time: shown as a date-time is written everywhere else
      t(
        f.period && /T\d\d:\d\d/.test(f.period) ? f.period.replace("T", " ").slice(0, 16) : f.period
      ),
      money(c?.amount ?? null),
      t(lang === "zh" ? f.message : f.messageEn),
      f.evidence.length
        ? link(f.evidence[0].label, f.evidence[0].sheet, f.evidence[0].cell)
        : t(null),
    ];
  });
  const finHl: (Highlight | null)[] = finRows.map(() => "warn");
  for (const c of r.claims.filter((c) => c.subject === null)) {
    finRows.push([
      t(c.ruleId),
      t(titled(c.ruleId)),
      t(L("违约金主张", "claim")),
      t(null),
      t(null),
      money(c.amount),
      t(lang === "zh" ? c.message : c.messageEn),
      t(null),
    ]);
    finHl.push("fail");
  }
  finB.table(
    "Findings",
    [
      col(L("规则", "rule"), "text", 7),
      col(L("检查项", "check"), "text", 24),
      col(L("类型", "kind"), "text", 10),
      col(L("对象", "subject"), "text", 14),
      col(L("期间", "period"), "text", 20),
      col(L("违约金主张", "claim"), "money", 14),
      col(L("说明", "message"), "text", 70),
      col(L("证据", "evidence"), "text", 20),
    ],
    finRows,
    { rowHighlight: finHl }
  );
  const finSheet: SheetSpec = {
    name: "合规检查",
    title: L("合规检查与违约金主张", "Compliance findings and claims"),
    subtitle: `${subtitle} · ${L("违约金主张须双方书面确认，不自动抵扣", "claims need both parties’ written confirmation and are never netted")}`,
    freezeRows: 3,
    wrap: [1, 4, 6, 7],
    blocks: finB.blocks,
  };
  return finSheet;
}

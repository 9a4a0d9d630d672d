// 结算确认单 (WORKBOOK.md revision 3): the first result sheet; its figures are the summary JSON's
// (payable, refund, paid, 最终决算价款) with their 大写; the net if both parties agree to offset is
// shown and never applied; deductions by 考核细则 item in the annex's words; claims apart; every changed
// parameter with both values; the sign-off lines of 经办人、复核人、负责人 and both parties.
import path from "path";
import { audit } from "../../src/engine/audit";
import { layoutResults } from "../../src/engine/layout";
import { layoutContext } from "../../src/engine/layout/context";
import { ANNEX_ITEMS, settlementFigures } from "../../src/engine/layout/settlement";
import { toChineseCapital } from "../../src/engine/money";
import { toSummaryJson } from "../../src/engine/summary";
import type { SheetSpec } from "../../src/engine/layout/spec";
import { readXlsx } from "../xlsx";
import { paramsSheet } from "./helpers";

const tables = readXlsx(path.join(__dirname, "..", "fixtures", "year-plain.xlsx")).tables;
const cents = (s: string) => Math.round(Number(s) * 100);

/** Every text on a sheet, in order. */
function texts(spec: SheetSpec): string[] {
  const out: string[] = [spec.title];
  for (const b of spec.blocks) {
    const rows =
      b.kind === "table" ? [b.columns.map((c) => ({ v: { text: c.header } })), ...b.rows] : b.rows;
    if ("caption" in b && b.caption) out.push(b.caption);
    for (const row of rows as { v: unknown }[][])
      for (const c of row) {
        if (typeof c === "string") {
          out.push(c);
          continue;
        }
        const v = (c as { v: unknown }).v;
        if (typeof v === "string") out.push(v);
        else if (v && typeof v === "object" && "text" in v)
          out.push(String((v as { text: string }).text));
        else if (typeof v === "number") out.push(String(v));
      }
  }
  return out;
}

test("the first result sheet; its figures are the summary's, each with its 大写", () => {
  const r = audit(tables, { readings: false });
  const [first] = layoutResults(r);
  expect(first.name).toBe("结算确认单");
  const j = toSummaryJson(r);
  const f = settlementFigures(layoutContext(r, "zh"));
  expect(f.refund).toBe(cents(j.totals.refundDue));
  expect(f.settlement).toBe(cents(j.totals.settlement));
  const i3 = j.installments.find((i) => i.no === 3)!;
  expect(f.payNow).toBe(i3.paidOn === null ? cents(i3.payable) : 0);
  const paid = j.installments
    .filter((i) => i.paidOn !== null && i.paidOn <= j.asOf)
    .reduce((a, i) => a + cents(i.paidAmount ?? "0"), 0);
  expect(f.paid).toBe(paid);
  expect(f.net).toBe(f.payNow - f.refund);
  const all = texts(first).join("\n");
  for (const v of [f.refund, f.settlement, f.paid]) expect(all).toContain(toChineseCapital(v));
  expect(all).toContain("最终决算价款");
  expect(all).toContain("书面同意相抵则净额");
  expect(all).toMatch(f.net >= 0 ? /甲方净付乙方|两清/ : /乙方净付甲方/);
  for (const who of [
    "甲方经办人",
    "甲方复核人",
    "甲方负责人",
    "甲方（盖章）",
    "乙方（签字、盖章）",
  ])
    expect(all).toContain(who);
  expect(all).toContain("北京市朝阳区卫生健康委员会");
  expect(all).toContain("经双方书面确认后");
  expect(first.onePage).toBe(true);
  expect(first.print!.orientation).toBe("portrait");
});

test("deductions by 考核细则 item in the annex's words, totalling the run's deductions", () => {
  const r = audit(tables, { readings: false });
  const first = layoutResults(r)[0];
  const table = first.blocks.find((b) => b.kind === "table" && b.name === "SettlementDeductions");
  if (!table || table.kind !== "table") throw new Error("no deductions table");
  expect(table.rows).toHaveLength(11);
  expect(texts(first)).toEqual(
    expect.arrayContaining([
      "第1项 工单处理",
      "诉求处置时效（案件不过夜）",
      "第9项 项目管理",
      "区内考核结果稳定性",
    ])
  );
  const amounts = table.rows.slice(0, 10).map((row) => Math.round((row[3].v as number) * 100));
  expect(amounts.reduce((a, b) => a + b, 0)).toBe(r.settlement.totals.deductions);
  expect(Object.keys(ANNEX_ITEMS)).toEqual([
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
    "R6",
    "R7",
    "R8",
    "R9",
    "R10",
  ]);
});

test("a changed parameter is named with both values; the contract's own facts come from the parameters", () => {
  const r = audit(
    [
      ...tables.filter((t) => t.name !== "规则参数"),
      paramsSheet([
        ["r2.threshold", "85%"],
        ["contract.number", "CY-2023-12345"],
      ]),
    ],
    {
      readings: false,
    }
  );
  const all = texts(layoutResults(r)[0]).join("\n");
  expect(all).toContain("CY-2023-12345");
  expect(all).toMatch(/R2[^\n]*\n合同：90%\n本次采用：85%/);
});

test("claims apart, one line a rule: how many, their total and whom, never in the settlement", () => {
  const edge = readXlsx(path.join(__dirname, "..", "fixtures", "year-edge.xlsx")).tables;
  const r = audit(edge, { readings: false });
  expect(r.claims.length).toBeGreaterThan(1);
  const first = layoutResults(r)[0];
  const block = first.blocks.find((b) => b.caption?.startsWith("违约金主张"));
  if (!block || block.kind !== "keyValue") throw new Error("no claims block");
  const ids = [...new Set(r.claims.map((c) => c.ruleId))];
  expect(block.rows.map((row) => row[0].split(" ")[0])).toEqual(ids);
  block.rows.forEach((row, i) => {
    const of = r.claims.filter((c) => c.ruleId === ids[i]);
    expect(Math.round((row[1].v as number) * 100)).toBe(of.reduce((a, c) => a + c.amount, 0));
    const note = (row[2]!.v as { text: string }).text;
    expect(note).toContain(`${of.length} 项`);
    for (const c of of.slice(0, 6)) expect(note).toContain(c.subject!);
    expect(note).toContain(`合规检查 ${ids[i]}`);
  });
  // the claims are apart from the final settlement: the fee less the deductions, nothing else
  expect(r.settlement.totals.settlement).toBe(
    Math.round(Number(r.params["contract.totalFee"]) * 100) - r.settlement.totals.deductions
  );
  expect(first.print!.fit).toBe("page");
});

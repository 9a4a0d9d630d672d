// KPI明细 printable as its failing and pending rows only (WORKBOOK.md "On paper"): with the option,
// both writers write the table filtered on 结果 — the other rows hidden, nothing removed, the filter
// one the user clears in Excel — and the subtitle says so.
import { audit } from "../../src/engine/audit";
import { layoutResults } from "../../src/engine/layout";
import { SheetSpec, TableBlock, filteredOut } from "../../src/engine/layout/spec";
import { RawTable } from "../../src/engine/table";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { entryBytes, readDirectory } from "../../src/file/zip";
import { readFileSync } from "fs";
import { adapterOn } from "./client";
import { SMALL, fakeFrom, tablesOf } from "./helpers";

let tables: RawTable[];
let result: ReturnType<typeof audit>;
beforeAll(async () => {
  tables = await tablesOf(SMALL);
  result = audit(tables, { runAt: "2026-01-01 09:00:00", asOf: "2023-02-28" });
});

const kpiSheet = (specs: SheetSpec[]) => specs.find((s) => s.name === "KPI明细")!;
const statusOf = (b: TableBlock, i: number) => {
  const v = b.rows[i][8].v as { text: string };
  return v.text;
};

test("the layout: no filter by default; with the option, 结果 shows 不达标 and 待定 and the subtitle counts them", () => {
  const plain = kpiSheet(layoutResults(result));
  expect(plain.filter).toBeUndefined();
  const spec = kpiSheet(layoutResults(result, { kpiOpenOnly: true }));
  const table = spec.blocks[0] as TableBlock;
  expect(table.columns[spec.filter!.column].header).toBe("结果");
  expect(spec.filter).toMatchObject({ table: "KpiDetail", values: ["不达标", "待定"] });
  const hidden = filteredOut(table, spec.filter);
  const open = result.kpis.filter((k) => k.status === "fail" || k.status === "pending");
  // a workbook with both failing and passing rows, so the filter has something to do
  expect(open.length).toBeGreaterThan(0);
  expect(hidden.size).toBe(result.kpis.length - open.length);
  table.rows.forEach((_, i) =>
    expect(hidden.has(i)).toBe(!["不达标", "待定"].includes(statusOf(table, i)))
  );
  // nothing is removed: every row is still there
  expect(table.rows).toHaveLength(result.kpis.length);
  expect(spec.subtitle).toContain(
    `只显示未达标与待定的 ${open.length} 行（共 ${result.kpis.length} 行）`
  );
});

test("the .xlsx: the table's autoFilter on 结果, and exactly the other rows hidden", () => {
  const wb = XlsxWorkbook.open(readFileSync(SMALL));
  const specs = layoutResults(result, { kpiOpenOnly: true });
  wb.writeResultSheetsSync(specs);
  const bytes = wb.bytes();
  const text = (name: string) =>
    new TextDecoder().decode(
      entryBytes(
        bytes,
        readDirectory(bytes).find((e) => e.name === name)!
      )
    );
  const parts = readDirectory(bytes).map((e) => e.name);
  const tablePart = parts
    .filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))
    .map(text)
    .find((x) => x.includes('name="KpiDetail"'))!;
  expect(tablePart).toMatch(
    /<autoFilter ref="A3:O\d+"><filterColumn colId="8"><filters><filter val="不达标"\/><filter val="待定"\/><\/filters><\/filterColumn><\/autoFilter>/
  );
  const spec = kpiSheet(specs);
  const table = spec.blocks[0] as TableBlock;
  const expected = [...filteredOut(table, spec.filter)]
    .map((i) => table.row + 1 + i)
    .sort((a, b) => a - b);
  // one sheet has hidden rows: KPI明细, and exactly the rows the filter hides
  const kpiXml = parts
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .map(text)
    .filter((x) => /<row r="\d+"[^>]* hidden="1"/.test(x));
  expect(kpiXml).toHaveLength(1);
  const hiddenRows = [...kpiXml[0].matchAll(/<row r="(\d+)"[^>]* hidden="1"/g)].map((m) =>
    Number(m[1])
  );
  expect(hiddenRows).toEqual(expected);
  expect(kpiXml[0]).toContain(spec.title);
});

test("Office.js: the same filter applied to the table, ExcelApi's values filter on 结果", async () => {
  const fake = fakeFrom(tables);
  await adapterOn(fake).writeResultSheets(layoutResults(result, { kpiOpenOnly: true }));
  const kpi = fake.tables.find((t) => t.name === "KpiDetail")!;
  expect(kpi.filters).toEqual({ 8: ["不达标", "待定"] });
  // no other table is filtered
  expect(fake.tables.filter((t) => t.filters)).toHaveLength(1);
  const plain = fakeFrom(tables);
  await adapterOn(plain).writeResultSheets(layoutResults(result));
  expect(plain.tables.filter((t) => t.filters)).toHaveLength(0);
});

// The adapter's reads through Office.js's own client: the tables equal the file reader's.
import { ExcelAdapter } from "../../src/excel";
import { SMALL, fakeFrom, tablesOf } from "./helpers";
import { hashTable } from "../../src/engine/fingerprint";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { FakeExcel } from "../fakes/excel";
import { pkg } from "../file/pkg";
import { adapterOn, officeClient } from "./client";

test("readTables through the real client gives the .xlsx reader's tables", async () => {
  const tables = await tablesOf(SMALL);
  const client = officeClient(fakeFrom(tables));
  const adapter = new ExcelAdapter(client.run, { supports: client.supports });
  const sheets = await adapter.listSheets();
  expect(sheets.map((s) => s.name)).toEqual(tables.map((t) => t.name));
  const got = await adapter.readTables(tables.map((t) => t.name));
  expect(got).toEqual(tables);
  expect(client.responder.requests.length).toBeGreaterThan(2);
});

test("merged cells: Excel and the file path audit the same data (only the top-left holds a value)", async () => {
  // a file whose covered cells still hold values, as other programs write them
  const sheetXml =
    `<sheetData>` +
    `<row r="1"><c r="A1" t="inlineStr"><is><t>工单编号</t></is></c><c r="B1" t="inlineStr"><is><t>派单时间</t></is></c><c r="C1"><v>3</v></c></row>` +
    `<row r="2"><c r="A2" t="inlineStr"><is><t>W1</t></is></c><c r="B2"><v>45000.5</v></c><c r="C2"><v>6</v></c></row>` +
    `<row r="3"><c r="A3" t="inlineStr"><is><t>W2</t></is></c><c r="B3"><v>45001.5</v></c><c r="C3"><v>9</v></c></row>` +
    `</sheetData><mergeCells count="2"><mergeCell ref="B2:B3"/><mergeCell ref="C2:C3"/></mergeCells>`;
  const wb = XlsxWorkbook.open(pkg({ 工单: sheetXml }));
  const fromFile = wb.readTablesSync(["工单"]);

  const fake = new FakeExcel();
  const s = fake.addSheet("工单", [
    ["工单编号", "派单时间", 3],
    ["W1", 45000.5, 6],
    ["W2", 45001.5, 9],
  ]);
  s.merge("B2:B3");
  s.merge("C2:C3");
  const fromExcel = await adapterOn(fake).readTables(["工单"]);

  expect(fromExcel[0].values).toEqual([["工单编号", "派单时间", 3], ["W1", 45000.5, 6], ["W2"]]);
  expect(fromExcel).toEqual(fromFile);
  expect(hashTable(fromExcel[0])).toBe(hashTable(fromFile[0]));
});

test("a merge at the bottom right does not stretch the used range", async () => {
  const fake = new FakeExcel();
  const s = fake.addSheet("工单", [
    ["a", "b"],
    [1, 2],
    [null, 3],
  ]);
  s.merge("A2:B3");
  const [t] = await adapterOn(fake).readTables(["工单"]);
  expect(t.values).toEqual([["a", "b"], [1]]);
});

test("a row alone over Excel's request limit is read a few columns at a time", async () => {
  // sixty cells of 32,767 CJK characters: about 6 MB of JSON in one row, over the 5 MB limit
  const long = "工".repeat(32767);
  const wide = Array.from({ length: 60 }, (_, j) => (j === 0 ? "GD1" : `${long.slice(0, -3)}${j}`));
  const fake = new FakeExcel();
  fake.addSheet("工单", [Array.from({ length: 60 }, (_, j) => `列${j}`), wide, ["GD2", "短"]]);
  const client = officeClient(fake);
  const adapter = new ExcelAdapter(client.run, { supports: client.supports });
  const [t] = await adapter.readTables(["工单"]);
  expect(t.values[1]).toEqual(wide);
  expect(t.values[2].slice(0, 2)).toEqual(["GD2", "短"]);
  // some request was refused as too large, and none of those that passed was over the limit
  expect(client.responder.requests.some((r) => r.failed)).toBe(true);
  for (const r of client.responder.requests.filter((x) => !x.failed))
    expect(r.responseBytes).toBeLessThanOrEqual(client.responder.limits.bytes);
});

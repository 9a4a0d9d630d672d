// The fake's model as strict as Excel where the adapter could trip: table and sheet names,
// hyperlinks on one cell only, table headers made unique. And the result sheets pass all of it:
// every table header is written exactly as the layout gives it (Excel would rename a repeat).
import { audit } from "../../src/engine/audit";
import { layoutResults } from "../../src/engine/layout";
import { TableBlock } from "../../src/engine/layout/spec";
import { FakeExcel, validSheetName, validTableName } from "../fakes/excel";
import { SMALL, fakeFrom, tablesOf } from "./helpers";
import { adapterOn } from "./client";

test("table names: what Excel accepts and refuses", () => {
  for (const ok of ["Issues", "KPI明细表", "_x", "\\x", "T.1", "Rx", "AAAA1", "R1C1x"])
    expect({ ok, valid: validTableName(ok) }).toEqual({ ok, valid: true });
  for (const bad of [
    "A1",
    "XFD1048576",
    "R1C1",
    "R",
    "c",
    "RC",
    "r2c",
    "1T",
    "a b",
    "x".repeat(256),
  ])
    expect({ bad, valid: validTableName(bad) }).toEqual({ bad, valid: false });
});

test("sheet names: History is reserved", () => {
  expect(validSheetName("History")).toBe(false);
  expect(validSheetName("history")).toBe(false);
  expect(validSheetName("History2")).toBe(true);
  expect(() => new FakeExcel().createSheet("HISTORY")).toThrow(/bad sheet name/);
});

test("a hyperlink on more than one cell, and repeated table headers, as Excel treats them", async () => {
  const fake = new FakeExcel();
  fake.addSheet("S", [
    ["名称", "名称", ""],
    [1, 2, 3],
  ]);
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("S").tables.add("A1:C2", true);
    await ctx.sync();
  });
  expect(fake.officeValues("S")[0]).toEqual(["名称", "名称2", "Column3"]);
  await expect(
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:B1").hyperlink = {
        documentReference: "'S'!A1",
      };
      await ctx.sync();
    })
  ).rejects.toThrow(/one cell only/);
});

test("every result table's headers reach Excel exactly as laid out", async () => {
  const tables = await tablesOf(SMALL);
  const specs = layoutResults(audit(tables, { runAt: "2026-01-01 09:00:00" }));
  const fake = fakeFrom(tables);
  await adapterOn(fake).writeResultSheets(specs);
  for (const spec of specs)
    for (const b of spec.blocks.filter((x): x is TableBlock => x.kind === "table")) {
      const row = fake.officeValues(spec.name)[b.row - 1].slice(0, b.columns.length);
      expect({ sheet: spec.name, row }).toEqual({
        sheet: spec.name,
        row: b.columns.map((c) => c.header),
      });
    }
});

test("the last visible sheet cannot be deleted, and a run over hidden inputs still replaces its results", async () => {
  const fake = new FakeExcel();
  fake.addSheet("A", [["x"]]);
  fake.addSheet("B", [["y"]]).visibility = "Hidden";
  await expect(
    fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").delete();
      await ctx.sync();
    })
  ).rejects.toThrow(/last visible sheet/);

  // every input hidden, the results the only visible sheets: the old results go only once the
  // new ones exist, so a second run succeeds
  const tables = await tablesOf(SMALL);
  const specs = layoutResults(audit(tables, { runAt: "2026-01-01 09:00:00" }));
  const book = fakeFrom(tables);
  const adapter = adapterOn(book);
  await adapter.writeResultSheets(specs);
  for (const s of book.sheets) if (!specs.some((x) => x.name === s.name)) s.visibility = "Hidden";
  await adapter.writeResultSheets(specs);
  expect(book.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(
    specs.map((s) => s.name)
  );
});

// The Office.js adapter's other writes: 规则参数 (replaced in place), template sheets (never
// overwriting), selecting a cell.
import { templateSpecs } from "../../src/engine/layout/own";
import { paramsSheetSpec } from "../../src/engine/param-sheet";
import { DEFAULT_PARAMS } from "../../src/engine/params";
import { SHEETS, SheetKey } from "../../src/engine/sheets";
import { ExcelAdapter, TEMP_PREFIX } from "../../src/excel";
import { NUM_FMT } from "../../src/engine/layout/styles";
import { adapterOn } from "./client";
import { FakeExcel } from "../fakes/excel";
import { expectWithinLimits } from "./helpers";

function workbook(options = {}): FakeExcel {
  const fake = new FakeExcel(options);
  fake.addSheet("说明", [["示例"]]);
  fake.addSheet("工单", [
    ["工单编号", "派单时间"],
    ["GD1", 44949.5],
  ]);
  fake.sheet("工单").cellMeta(1, 1, true).numberFormat = "yyyy-mm-dd hh:mm";
  fake.addSheet("Staff", [
    ["工号", "姓名"],
    ["HX001", "王丽娜"],
  ]);
  return fake;
}

describe("writeOwnSheet", () => {
  test("creates 规则参数, then replaces it where it is; other sheets unchanged", async () => {
    const fake = workbook();
    const adapter = adapterOn(fake);
    const before = ["说明", "工单", "Staff"].map((n) => fake.snapshot(n));
    await adapter.writeOwnSheet(paramsSheetSpec(DEFAULT_PARAMS));
    expect(fake.sheets.map((s) => s.name)).toEqual(["说明", "工单", "Staff", "规则参数"]);
    const sheet = fake.sheet("规则参数");
    expect(sheet.get(0, 0)).toBe(paramsSheetSpec(DEFAULT_PARAMS).title);
    expect(fake.tablesOn("规则参数").map((t) => t.name)).toEqual(["RuleParameters"]);

    // the user moved it to the front; a changed parameter is written back there
    fake.sheets = [fake.sheet("规则参数"), ...fake.sheets.filter((s) => s.name !== "规则参数")];
    const changed = { ...DEFAULT_PARAMS, "r2.threshold": 0.85 } as typeof DEFAULT_PARAMS;
    await adapter.writeOwnSheet(paramsSheetSpec(changed));
    expect(fake.sheets.map((s) => s.name)).toEqual(["规则参数", "说明", "工单", "Staff"]);
    expect(fake.tablesOn("规则参数").map((t) => t.name)).toEqual(["RuleParameters"]);
    expect([...fake.sheet("规则参数").meta.values()].some((m) => m.fill)).toBe(true);
    expect(["说明", "工单", "Staff"].map((n) => fake.snapshot(n))).toEqual(before);
    expectWithinLimits(fake.syncs);
  });

  test("replaces the English-named Parameters sheet too", async () => {
    const fake = workbook();
    fake.addSheet("Parameters", [["r2.threshold", "85%"]]);
    await adapterOn(fake).writeOwnSheet(paramsSheetSpec(DEFAULT_PARAMS));
    expect(fake.sheets.map((s) => s.name)).toEqual(["说明", "工单", "Staff", "规则参数"]);
  });

  test("never overwrites an input or a result sheet", async () => {
    const fake = workbook();
    const before = fake.snapshot("工单");
    const adapter = adapterOn(fake);
    await expect(
      adapter.writeOwnSheet({ ...paramsSheetSpec(DEFAULT_PARAMS), name: "工单" })
    ).rejects.toThrow();
    await expect(
      adapter.writeOwnSheet({ ...paramsSheetSpec(DEFAULT_PARAMS), name: "核查汇总" })
    ).rejects.toThrow();
    expect(fake.snapshot("工单")).toBe(before);
    expect(fake.syncs).toHaveLength(0);
  });
});

describe("insertTemplates", () => {
  const all = SHEETS.map((s) => s.key as SheetKey);

  test("adds only the missing sheets (by name or English alias), never overwriting", async () => {
    const fake = workbook({ notes: true });
    const before = ["说明", "工单", "Staff"].map((n) => fake.snapshot(n));
    const specs = templateSpecs(all, 200);
    const added = await adapterOn(fake).insertTemplates(specs);
    const expected = SHEETS.filter((s) => s.zh !== "工单" && s.zh !== "人员").map((s) => s.zh);
    expect(added).toEqual(expected);
    expect(fake.sheets.map((s) => s.name)).toEqual(["说明", "工单", "Staff", ...expected]);
    expect(["说明", "工单", "Staff"].map((n) => fake.snapshot(n))).toEqual(before);
    expectWithinLimits(fake.syncs);
    // again: nothing to add, nothing touched
    const again = ["说明", "工单", "Staff", ...expected].map((n) => fake.snapshot(n));
    expect(await adapterOn(fake).insertTemplates(specs)).toEqual([]);
    expect(["说明", "工单", "Staff", ...expected].map((n) => fake.snapshot(n))).toEqual(again);
  });

  test("headers bold as text with notes, drop-downs, formats over the rows, frozen header, widths", async () => {
    const fake = new FakeExcel({ notes: true });
    fake.addSheet("说明", [["x"]]);
    const [spec] = templateSpecs(["tickets"], 50);
    // worksheet.notes (ExcelApi 1.18) is newer than the Office.js client in node_modules, so this
    // one runs on the plain fake; the real-client tests (client.ts) cover the same template
    await new ExcelAdapter(fake.run).insertTemplates([spec]);
    const sheet = fake.sheet(spec.name);
    expect(sheet.freezeRows).toBe(1);
    spec.columns.forEach((c, j) => {
      expect(sheet.get(0, j)).toBe(c.header);
      expect(sheet.cellMeta(0, j)).toMatchObject({ numberFormat: "@", font: { bold: true } });
      expect(sheet.notes.get(`${String.fromCharCode(65 + j)}1`)).toBe(c.note);
      const fmt = sheet.cellMeta(1, j)?.numberFormat;
      expect(fmt).toBe(NUM_FMT[c.format]);
      expect(sheet.cellMeta(50, j)?.numberFormat).toBe(fmt);
      expect(sheet.cellMeta(51, j)).toBeUndefined();
      expect(sheet.columnWidths.get(j)).toBeCloseTo((c.width * 7 + 5) * 0.75);
    });
    const datetime = spec.columns.findIndex((c) => c.format === "datetime");
    expect(sheet.cellMeta(1, datetime)?.numberFormat).toBe(NUM_FMT.datetime);
    const listed = spec.columns.filter((c) => c.list);
    expect(listed.length).toBeGreaterThan(0);
    expect(sheet.validations.map((v) => v.rule)).toEqual(
      listed.map((c) => ({ list: { inCellDropDown: true, source: c.list!.join(",") } }))
    );
    for (const v of sheet.validations) expect(v.address).toMatch(/^[A-Z]+2:[A-Z]+51$/);
    // the template writes no value below the header
    expect(sheet.usedBox(true)).toEqual({ r: 0, c: 0, rows: 1, cols: spec.columns.length });
  });

  test("threaded comments where notes are missing; neither: still adds the sheets", async () => {
    const [spec] = templateSpecs(["staff"], 10);
    const withComments = new FakeExcel({ comments: true });
    withComments.addSheet("说明");
    await adapterOn(withComments).insertTemplates([spec]);
    expect(withComments.comments.map((c) => c.content)).toEqual(spec.columns.map((c) => c.note));
    const plain = new FakeExcel();
    plain.addSheet("说明");
    expect(await adapterOn(plain).insertTemplates([spec])).toEqual(["人员"]);
  });

  test("a failure takes the half-added sheets away again", async () => {
    const fake = workbook();
    fake.failWhen = (cmd) => cmd.op === "dataValidation.rule" && cmd.path.includes("排班");
    await expect(
      adapterOn(fake).insertTemplates(templateSpecs(["roster", "reports"], 10))
    ).rejects.toThrow();
    expect(fake.sheets.map((s) => s.name)).toEqual(["说明", "工单", "Staff"]);
    expect(fake.sheets.some((s) => s.name.startsWith(TEMP_PREFIX))).toBe(false);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const fake = workbook();
    await adapterOn(fake).selectCell("工单", "B2");
    expect(fake.activeSheetId).toBe(fake.sheet("工单").id);
    expect(fake.selection).toEqual({ sheet: "工单", address: "B2" });
    expect(fake.syncs).toHaveLength(1);
  });
});

// What the real Office.js client and Excel's answers expose that the fake alone hid: cell-edit
// mode, notes that a host cannot add, payload errors in the web's own words, null values for an
// oversized read, and the links limit.
import { audit } from "../../src/engine/audit";
import { layoutResults } from "../../src/engine/layout";
import { templateSpecs } from "../../src/engine/layout/own";
import {
  MAX_LINKS_PER_SHEET,
  SheetSpec,
  capLinks,
  isLink,
  link,
  t,
} from "../../src/engine/layout/spec";
import { RESULT_SHEET_NAMES } from "../../src/engine/sheets";
import { digitWidthPx } from "../../src/excel/cells";
import { HIGHLIGHT } from "../../src/engine/layout/styles";
import { RawTable } from "../../src/engine/table";
import { FakeExcel } from "../fakes/excel";
import { SAMPLE, SMALL, fakeFrom, firstDifference, tablesOf } from "./helpers";
import { MICROSOFT_365, OFFICE_2019_VOLUME, adapterOn, clientOf } from "./client";
import { ObjectPathInfo, RecordedRequest } from "./responder";

let small: RawTable[];
beforeAll(async () => {
  small = await tablesOf(SMALL);
});

const resultsOf = (tables: RawTable[]) =>
  layoutResults(audit(tables, { runAt: "2026-01-01 09:00:00" }));

/** Whether a request calls `method` on an object reached through `parent` (e.g. Comments.Add). */
function calls(req: RecordedRequest, parent: string, method: string): boolean {
  const paths = req.body.ObjectPaths;
  return Object.values(paths).some(
    (p: ObjectPathInfo) => p.Name === method && paths[String(p.ParentObjectPathId)]?.Name === parent
  );
}

describe("cell-edit mode", () => {
  test("Microsoft 365: the run waits for the edit (delayForCellEdit) and completes", async () => {
    const fake = fakeFrom(small);
    const adapter = adapterOn(fake, { host: MICROSOFT_365 });
    const { responder } = clientOf(fake);
    responder.cellEditing = true;
    await adapter.writeResultSheets(resultsOf(small));
    expect(responder.requests.length).toBeGreaterThan(2);
    for (const r of responder.requests) expect(r.flags & 64).toBe(64);
    expect(fake.sheets.filter((s) => RESULT_SHEET_NAMES.includes(s.name as never))).toHaveLength(
      RESULT_SHEET_NAMES.length
    );
  });

  test("an older host says what to do; the next run clears what the failed one left", async () => {
    const fake = fakeFrom(small);
    const adapter = adapterOn(fake, { host: { excelApi: "1.9" }, budget: { bytes: 256 * 1024 } });
    const { responder } = clientOf(fake);
    // the user starts typing in a cell while the sheets are being written
    responder.failWhen = (req) => {
      if (req.index === 4) responder.cellEditing = true;
      return undefined;
    };
    await expect(adapter.writeResultSheets(resultsOf(small))).rejects.toThrow(
      /正在编辑单元格.*Enter 或 Esc.*editing a cell/
    );
    // the edit ends; the next run removes the temporary sheets and writes the results
    responder.cellEditing = false;
    responder.failWhen = undefined;
    await adapter.writeResultSheets(resultsOf(small));
    const names = fake.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("~"))).toEqual([]);
    expect(names.slice(-RESULT_SHEET_NAMES.length)).toEqual([...RESULT_SHEET_NAMES]);
  });
});

test("templates: a host that cannot add notes still gets every template sheet", async () => {
  const fake = new FakeExcel();
  fake.addSheet("说明", [["x"]]);
  const adapter = adapterOn(fake, { host: { excelApi: "1.10" } });
  const { responder } = clientOf(fake);
  // office-js#1847: comments.add throws NotImplemented
  responder.failWhen = (req) =>
    calls(req, "Comments", "Add")
      ? { code: "NotImplemented", message: "The requested operation is not implemented." }
      : undefined;
  const specs = templateSpecs(["staff", "roster"], 20);
  expect(await adapter.insertTemplates(specs)).toEqual(["人员", "排班"]);
  expect(fake.sheets.map((s) => s.name)).toEqual(["说明", "人员", "排班"]);
  expect(fake.sheet("人员").get(0, 0)).toBe(specs[0].columns[0].header);
  // the notes were tried, after the sheets were complete
  const first = responder.requests.findIndex((r) => calls(r, "Comments", "Add"));
  expect(first).toBeGreaterThan(0);
  expect(responder.requests.slice(0, first).some((r) => r.failed)).toBe(false);
});

describe("payload limits as Excel on the web answers them", () => {
  test("a read refused with the web's GeneralException is read again in smaller chunks", async () => {
    const tables = await tablesOf(SAMPLE);
    const tickets = tables.find((x) => x.name === "工单")!;
    const fake = fakeFrom([tickets], { maxPayloadBytes: 1.5 * 1024 * 1024 });
    const adapter = adapterOn(fake);
    const { responder } = clientOf(fake);
    responder.payloadAnswer = "internal-error";
    const [got] = await adapter.readTables(["工单"]);
    expect(firstDifference(got.values, tickets.values)).toBe(-1);
    expect(responder.requests.some((r) => r.failed === "GeneralException")).toBe(true);
  });

  test("a read over the cell limit that comes back as null values is read again", async () => {
    const tables = await tablesOf(SAMPLE);
    const tickets = tables.find((x) => x.name === "工单")!;
    const fake = fakeFrom([tickets], { maxCells: 20_000 });
    const [got] = await adapterOn(fake).readTables(["工单"]);
    expect(firstDifference(got.values, tickets.values)).toBe(-1);
  });

  test("a write refused as too large is sent again in halves, and completes", async () => {
    const fake = fakeFrom(small, { maxPayloadBytes: 48 * 1024 });
    // planned at up to 64 KB a batch, refused over 48 KB
    const adapter = adapterOn(fake, { budget: { bytes: 64 * 1024 } });
    const { responder } = clientOf(fake);
    responder.payloadAnswer = "internal-error";
    const specs = resultsOf(small);
    await adapter.writeResultSheets(specs);
    expect(responder.requests.some((r) => r.failed === "GeneralException")).toBe(true);
    expect(fake.sheets.map((s) => s.name).slice(-RESULT_SHEET_NAMES.length)).toEqual([
      ...RESULT_SHEET_NAMES,
    ]);
    expect(fake.sheet("结算确认单").get(0, 0)).toBe(specs[0].title);
  });
});

describe("links per sheet", () => {
  function issues(n: number): SheetSpec {
    return {
      name: "校验问题",
      title: "校验问题",
      subtitle: "s",
      freezeRows: 3,
      blocks: [
        {
          kind: "table",
          row: 3,
          name: "Issues",
          columns: [
            { header: "单元格", format: "text", width: 10 },
            { header: "说明", format: "text", width: 40 },
          ],
          rows: Array.from({ length: n }, (_, i) => [
            link(`C${i + 2}`, "工单", `C${i + 2}`),
            t("x"),
          ]),
        },
      ],
    };
  }
  const links = (s: SheetSpec) =>
    s.blocks.flatMap((b) => (b.kind === "table" ? b.rows.flat() : [])).filter((c) => isLink(c?.v))
      .length;

  test("ExcelApi 1.9: links with their font in setCellProperties calls, the cells as on 1.8, in under half the bytes", async () => {
    const spec = issues(3000);
    // a highlighted row: its link takes the highlight's font colour
    (spec.blocks[0] as { rowHighlight?: (string | null)[] }).rowHighlight =
      spec.blocks[0].kind === "table"
        ? spec.blocks[0].rows.map((_, i) => (i === 7 ? "fail" : null))
        : [];
    const written = async (excelApi: string) => {
      const fake = fakeFrom(small);
      await adapterOn(fake, { host: { excelApi } }).writeResultSheets([spec]);
      const { responder } = clientOf(fake);
      const sheet = fake.sheet("校验问题");
      return {
        cells: JSON.stringify({
          values: sheet.values,
          meta: [...sheet.meta.entries()].sort(([a], [b]) => a.localeCompare(b)),
        }),
        sheet,
        requests: responder.requests,
      };
    };
    const old = await written("1.8");
    const now = await written("1.9");
    expect(now.cells).toBe(old.cells);
    // every link there, underlined, in the link blue or the row's highlight colour
    const linkCells = [...now.sheet.meta.values()].filter((m) => m.hyperlink);
    expect(linkCells).toHaveLength(3000);
    expect(linkCells.every((m) => m.font?.underline === "Single")).toBe(true);
    expect(now.sheet.cellMeta(3 + 7, 0)?.font?.color).toBe(`#${HIGHLIGHT.fail.font.slice(2)}`);
    expect(now.sheet.cellMeta(3 + 8, 0)?.font?.color).toBe("#0563C1");
    // 1.9: no hyperlink set one cell at a time; 1.8: no setCellProperties (Office.js would refuse it)
    const count = (reqs: RecordedRequest[], key: "sets" | "methods", name: string) =>
      reqs.reduce((n, r) => n + (r[key][name] ?? 0), 0);
    expect(count(now.requests, "sets", "Hyperlink")).toBe(0);
    expect(count(now.requests, "methods", "SetCellProperties")).toBeGreaterThan(0);
    expect(count(old.requests, "sets", "Hyperlink")).toBe(3000);
    expect(count(old.requests, "methods", "SetCellProperties")).toBe(0);
    const bytes = (reqs: RecordedRequest[]) => reqs.reduce((n, r) => n + r.bytes, 0);
    expect(bytes(now.requests)).toBeLessThan(bytes(old.requests) / 2);
  });

  test("over Excel's 65,530: the rest become their address as text, and the sheet says so", () => {
    const capped = capLinks(issues(MAX_LINKS_PER_SHEET + 5));
    expect(links(capped)).toBe(MAX_LINKS_PER_SHEET);
    const table = capped.blocks[0];
    const last = table.kind === "table" ? table.rows[table.rows.length - 1][0] : undefined;
    expect(last?.v).toEqual({ text: `C${MAX_LINKS_PER_SHEET + 6}` });
    expect(capped.subtitle).toContain("Excel 每张表最多 65,530 个链接");
    expect(capped.subtitle).toContain("其余 5 个");
    expect(capLinks(issues(10))).toEqual(issues(10));
  });

  test("the layout caps every result sheet", () => {
    // a workbook whose every ticket has an unreadable dispatch time: one linked issue a row
    const tickets = small.find((x) => x.name === "工单")!;
    const col = (tickets.values[0] as string[]).indexOf("派单时间");
    const rows = Array.from({ length: MAX_LINKS_PER_SHEET + 100 }, (_, i) => {
      const r = [...(tickets.values[1 + (i % (tickets.values.length - 1))] as unknown[])];
      r[0] = `GD-${i}`;
      r[col] = "不是日期";
      return r;
    });
    const bad = small.map((x) =>
      x.name === "工单" ? { ...x, values: [tickets.values[0], ...rows] } : x
    ) as RawTable[];
    const sheet = resultsOf(bad).find((s) => s.name === "校验问题")!;
    expect(links(sheet)).toBe(MAX_LINKS_PER_SHEET);
  });
});

describe("Office 2019 volume-licensed (ExcelApi 1.7)", () => {
  test("results are written; Office.js would refuse any API above 1.7 the adapter used", async () => {
    const fake = fakeFrom(small);
    await adapterOn(fake, { host: OFFICE_2019_VOLUME }).writeResultSheets(resultsOf(small));
    expect(fake.sheets.map((s) => s.name).slice(-RESULT_SHEET_NAMES.length)).toEqual([
      ...RESULT_SHEET_NAMES,
    ]);
  });

  test("templates come without drop-downs (range.dataValidation is ExcelApi 1.8)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("说明", [["x"]]);
    const specs = templateSpecs(["roster"], 20);
    expect(await adapterOn(fake, { host: OFFICE_2019_VOLUME }).insertTemplates(specs)).toEqual([
      "排班",
    ]);
    expect(fake.sheet("排班").validations).toEqual([]);
    expect(fake.sheet("排班").get(0, 0)).toBe(specs[0].columns[0].header);
    // and with 1.8 they are there
    const newer = new FakeExcel();
    newer.addSheet("说明", [["x"]]);
    await adapterOn(newer, { host: { excelApi: "1.8" } }).insertTemplates(specs);
    expect(newer.sheet("排班").validations.length).toBeGreaterThan(0);
  });
});

describe("column widths in the workbook's own font", () => {
  /** each result sheet's widths in characters, as the layout gives them */
  const layoutWidths = (spec: SheetSpec): number[] =>
    spec.widths ??
    (
      spec.blocks.find((b) => b.kind === "table") as { columns: { width: number }[] } | undefined
    )?.columns.map((c) => c.width) ??
    [];

  const writtenWidths = (fake: FakeExcel, name: string): number[] =>
    [...fake.sheet(name).columnWidths.entries()].sort(([a], [b]) => a - b).map(([, w]) => w);

  test.each([
    ["Calibri 11 (7 px a digit)", 7],
    ["等线 11, zh-CN Excel's default (8 px a digit)", 8],
  ])("%s: a column of n characters holds n digits", async (_font, digitPx) => {
    const fake = fakeFrom(small, { digitWidth: digitPx });
    // a resized input column does not mislead the measurement (it is made on a new sheet)
    fake.sheet(small[0].name).columnWidths.set(0, 200);
    const specs = resultsOf(small);
    await adapterOn(fake).writeResultSheets(specs);
    for (const spec of specs) {
      const chars = layoutWidths(spec);
      expect(chars.length).toBeGreaterThan(0);
      expect({ sheet: spec.name, widths: writtenWidths(fake, spec.name) }).toEqual({
        sheet: spec.name,
        widths: chars.map((w) => (w * digitPx + 5) * 0.75),
      });
    }
  });

  test("the 等线 widths are wider than Calibri's, by the font's digit", async () => {
    const calibri = fakeFrom(small);
    const dengxian = fakeFrom(small, { digitWidth: 8 });
    await adapterOn(calibri).writeResultSheets(resultsOf(small));
    await adapterOn(dengxian).writeResultSheets(resultsOf(small));
    const a = writtenWidths(calibri, "KPI明细");
    const b = writtenWidths(dengxian, "KPI明细");
    // 7 → 8 px a digit: every column grows by its character count in pixels (0.75 pt each)
    const chars = a.map((w) => (w / 0.75 - 5) / 7);
    expect(b).toEqual(chars.map((n) => (n * 8 + 5) * 0.75));
    expect(b.every((w, i) => w > a[i])).toBe(true);
  });

  test("the digit from Excel's answer; anything implausible gives Calibri's", () => {
    expect(digitWidthPx(8.43, 48)).toBe(7);
    expect(digitWidthPx(8.38, 54)).toBe(8);
    // 微软雅黑 11 and a large Normal font
    expect(digitWidthPx(8.3, 66)).toBe(10);
    expect(digitWidthPx(8.18, 108)).toBe(17);
    for (const [sw, pt] of [
      [0, 48],
      [8.43, 0],
      [Number.NaN, 48],
      [8.43, 1e6],
      [undefined, 48],
      ["8.43", 48],
    ])
      expect(digitWidthPx(sw, pt)).toBe(7);
  });

  test("templates too", async () => {
    const fake = new FakeExcel({ digitWidth: 8 });
    fake.addSheet("说明", [["x"]]);
    const specs = templateSpecs(["staff"], 20);
    await adapterOn(fake).insertTemplates(specs);
    expect(writtenWidths(fake, "人员")).toEqual(
      specs[0].columns.map((c) => (c.width * 8 + 5) * 0.75)
    );
  });

  test("the width is measured on a new sheet before any width is set", async () => {
    const fake = fakeFrom(small, { digitWidth: 8 });
    await adapterOn(fake).writeResultSheets(resultsOf(small));
    const { responder } = clientOf(fake);
    const queriesFormat = (r: RecordedRequest) =>
      r.body.Actions.some(
        (a) => a.ActionType === 2 && r.body.ObjectPaths[String(a.ObjectPathId)]?.Name === "Format"
      );
    const firstQuery = responder.requests.findIndex(queriesFormat);
    const firstWidth = responder.requests.findIndex((r) => "ColumnWidth" in r.sets);
    expect(firstQuery).toBeGreaterThanOrEqual(0);
    expect(firstQuery).toBeLessThan(firstWidth);
    // one query, with the sheet's creation
    expect(responder.requests.filter(queriesFormat)).toHaveLength(1);
    expect(calls(responder.requests[firstQuery], "Worksheets", "Add")).toBe(true);
  });
});

// The Office.js adapter writing result sheets: inputs never touched, results replaced as a whole
// (temporary sheets, then one swap), text never a formula, every request under 4 MB.
import { audit } from "../../src/engine/audit";
import { layoutResults } from "../../src/engine/layout";
import { KeyValueBlock, SheetSpec, TableBlock, link, t } from "../../src/engine/layout/spec";
import { LINE_PT, stretchedCells } from "../../src/engine/layout/print";
import { RESULT_SHEET_NAMES } from "../../src/engine/sheets";
import { RawTable } from "../../src/engine/table";
import { dayToSerial, ymdToDay } from "../../src/engine/time";
import { TEMP_PREFIX } from "../../src/excel";
import { DATA_BAR_COLOR, HIGHLIGHT, NUM_FMT } from "../../src/engine/layout/styles";
import { Cancelled, WriteProgress } from "../../src/workbook";
import { adapterOn, clientOf } from "./client";
import { FakeExcel, FakeSheet, parseAddress } from "../fakes/excel";
import { SMALL, expectWithinLimits, fakeFrom, tablesOf } from "./helpers";

const FORMULA_LIKE = '=HYPERLINK("http://x","y")';
const TRICKY = [
  FORMULA_LIKE,
  "+86 138 0000 0000",
  "-abc",
  "@foo",
  "2023-01",
  "0012",
  "TRUE",
  "#N/A",
  "1e5",
  "50%",
];

let tables: RawTable[];
beforeAll(async () => {
  tables = await tablesOf(SMALL);
});

/** Real specs from the small fixture, plus a row of formula-like and number-like text in 校验问题. */
function specs(runAt: string): SheetSpec[] {
  const out = layoutResults(audit(tables, { runAt }));
  const issues = out.find((s) => s.name === "校验问题")!;
  const table = issues.blocks.find((b): b is TableBlock => b.kind === "table")!;
  table.rows.push(
    table.columns.map((_, j) =>
      j === 0 ? link(FORMULA_LIKE, "工单", "A2") : t(TRICKY[j % TRICKY.length])
    )
  );
  table.rows.push(TRICKY.slice(0, table.columns.length).map((s) => t(s)));
  return out;
}

/** The fixture's input sheets, with some formats and a formula of their own. */
function inputWorkbook(options = {}): FakeExcel {
  const fake = fakeFrom(tables, options);
  const tickets = fake.sheet("工单");
  tickets.cellMeta(1, 1, true).numberFormat = "yyyy-mm-dd hh:mm:ss";
  tickets.cellMeta(0, 0, true).fill = "#FFFF00";
  tickets.columnWidths.set(0, 80);
  tickets.freezeRows = 1;
  const staff = fake.sheet("人员");
  staff.set(40, 0, 2);
  staff.cellMeta(40, 0, true).formula = "=1+1";
  return fake;
}

const inputNames = () => tables.map((t) => t.name);
const snapshots = (fake: FakeExcel, names: string[]) => names.map((n) => fake.snapshot(n));

function textOf(sheet: FakeSheet, address: string): unknown {
  return sheet.cell(address).value;
}

function formulas(sheet: FakeSheet): string[] {
  return [...sheet.meta.values()].map((m) => m.formula).filter((f): f is string => f !== undefined);
}

function expectResults(fake: FakeExcel, written: SheetSpec[]): void {
  const names = fake.sheets.map((s) => s.name);
  for (const n of RESULT_SHEET_NAMES) expect(names.filter((x) => x === n)).toHaveLength(1);
  expect(names.filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  // inputs first, results after them in spec order
  expect(names).toEqual([...inputNames(), ...written.map((s) => s.name)]);
  for (const spec of written) {
    const sheet = fake.sheet(spec.name);
    expect(textOf(sheet, "A1")).toBe(spec.title);
    expect(textOf(sheet, "A2")).toBe(spec.subtitle);
    expect(formulas(sheet)).toEqual([]);
    const tableNames = fake.tablesOn(spec.name).map((x) => x.name);
    expect(tableNames).toEqual(
      spec.blocks.filter((b): b is TableBlock => b.kind === "table").map((b) => b.name)
    );
  }
  expect(fake.tables).toHaveLength(new Set(fake.tables.map((x) => x.name.toLowerCase())).size);
}

describe("writeResultSheets", () => {
  test("writes the seven sheets as the layout says; inputs byte-for-byte unchanged", async () => {
    const fake = inputWorkbook();
    const before = snapshots(fake, inputNames());
    const written = specs("2024-02-01 10:00:00");
    const progress: WriteProgress[] = [];
    await adapterOn(fake).writeResultSheets(written, (p) => progress.push(p));

    expect(snapshots(fake, inputNames())).toEqual(before);
    expectResults(fake, written);
    expectWithinLimits(fake.syncs);
    expect(progress[progress.length - 1].fraction).toBe(1);
    // the workbook now shows the settlement page
    expect(fake.activeSheetId).toBe(fake.sheet("结算确认单").id);
    // every sheet prints as the layout set it up: A4, its orientation and fit, its footer, the
    // header row repeated only where the layout says, the page break before a long table
    for (const spec of written) {
      const p = spec.print!;
      expect(fake.sheet(spec.name).pageLayout).toEqual({
        paperSize: "A4",
        orientation: p.orientation === "portrait" ? "Portrait" : "Landscape",
        zoom:
          p.fit === "page"
            ? { horizontalFitToPages: 1, verticalFitToPages: 1 }
            : p.fit === "width"
              ? { horizontalFitToPages: 1, verticalFitToPages: 0 }
              : { scale: p.fit },
        margins: { left: 36, right: 36, top: 43.2, bottom: 54, header: 21.6, footer: 21.6 },
        footer: { leftFooter: p.footer[0], centerFooter: p.footer[1], rightFooter: p.footer[2] },
        ...(p.repeatRow ? { printTitleRows: `$${p.repeatRow}:$${p.repeatRow}` } : {}),
        ...(p.repeatColumns ? { printTitleColumns: `$A:$${"AB"[p.repeatColumns - 1]}` } : {}),
        ...(p.breakBefore ? { breaks: [`A${p.breakBefore}`] } : {}),
      });
    }
    expect(fake.sheet("结算确认单").pageLayout.orientation).toBe("Portrait");
    // 结算确认单 as the .xlsx writer has it: each stretched key/value cell merged to the last
    // column and wrapped there, text after an amount set in from it, the seal row tall
    const settle = written.find((x) => x.name === "结算确认单")!;
    const ss = fake.sheet("结算确认单");
    const across = settle.widths!.length;
    const stretched = stretchedCells(settle);
    expect(stretched.length).toBeGreaterThan(10);
    expect(ss.merges).toEqual(
      expect.arrayContaining([
        { r: 1, c: 0, rows: 1, cols: across },
        ...stretched.map(([row, col]) => ({
          r: row - 1,
          c: col - 1,
          rows: 1,
          cols: across - col + 1,
        })),
      ])
    );
    for (const [row, col] of stretched) expect(ss.cellMeta(row - 1, col - 1)?.wrap).toBe(true);
    const conclusion = settle.blocks.find(
      (b): b is KeyValueBlock => b.kind === "keyValue" && b.caption === "结论"
    )!;
    expect(ss.cellMeta(conclusion.row - 1, 2)?.indent).toBe(1);
    expect(ss.cellMeta(conclusion.row - 1, 0)?.indent).toBeUndefined();
    const deductions = settle.blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.name === "SettlementDeductions"
    )!;
    // 明细 follows 扣款金额: set in; 指标 follows 考核细则 (text): not
    expect(ss.cellMeta(deductions.row, 4)?.indent).toBe(1);
    expect(ss.cellMeta(deductions.row, 1)?.indent).toBeUndefined();
    const seal = settle.blocks[settle.blocks.length - 1] as KeyValueBlock;
    expect(seal.lines).toBeGreaterThan(2);
    expect(ss.rowHeights.get(seal.row - 1)).toBe(seal.lines! * LINE_PT);
    // long text wraps in its column, in the block's rows only (the caption above does not)
    const kpis = written.find((x) => x.name === "KPI明细")!;
    const note = kpis.blocks[0] as TableBlock;
    expect(kpis.wrap).toContain(13);
    expect(fake.sheet("KPI明细").cellMeta(note.row, 13)?.wrap).toBe(true);
    expect(fake.sheet("KPI明细").cellMeta(note.row, 0)?.valign).toBe("Top");
    expect(fake.sheet("KPI明细").cellMeta(note.row - 1, 13)?.wrap).toBeUndefined();
    expect(fake.sheet("KPI明细").autofitRows.length).toBeGreaterThan(0);
    // headers over numbers and dates are aligned right, as their cells are; text headers are not
    for (const spec of written)
      for (const b of spec.blocks.filter((x): x is TableBlock => x.kind === "table"))
        b.columns.forEach((c, j) => {
          const align = fake.sheet(spec.name).cellMeta(b.row - 1, j)?.align;
          expect({ sheet: spec.name, header: c.header, align }).toEqual({
            sheet: spec.name,
            header: c.header,
            align: c.format === "text" ? undefined : "Right",
          });
        });
    expect(progress.map((p) => p.fraction)).toEqual(
      [...progress.map((p) => p.fraction)].sort((a, b) => a - b)
    );
    // every writing sync had calculation and screen updating suspended
    const writing = fake.syncs.slice(1, -1);
    expect(writing.length).toBeGreaterThan(0);
    for (const s of writing)
      expect(s).toMatchObject({ suspendedCalculation: true, suspendedScreen: true });

    // a table: header at block.row, caption above, values, formats, banded style
    const kpi = written.find((s) => s.name === "KPI明细")!;
    const kt = kpi.blocks[0] as TableBlock;
    const sheet = fake.sheet("KPI明细");
    const [table] = fake.tablesOn("KPI明细");
    expect(parseAddress(table.address)).toEqual({
      r: kt.row - 1,
      c: 0,
      rows: kt.rows.length + 1,
      cols: kt.columns.length,
    });
    expect(table.style).toBe("TableStyleLight9");
    expect(sheet.get(kt.row - 1, 0)).toBe(kt.columns[0].header);
    expect(sheet.freezeRows).toBe(kpi.freezeRows);
    expect(sheet.columnWidths.get(0)).toBeCloseTo((kpi.widths![0] * 7 + 5) * 0.75);
    // a failed KPI row is highlighted (fill and font colour)
    const failRow = kt.rowHighlight!.findIndex((h) => h === "fail");
    expect(failRow).toBeGreaterThanOrEqual(0);
    const m = sheet.cellMeta(kt.row + failRow, 0)!;
    expect(m.fill).toBe(`#${HIGHLIGHT.fail.fill.slice(2)}`);
    expect(m.font?.color).toBe(`#${HIGHLIGHT.fail.font.slice(2)}`);
    // dates are Excel serials with a date format: every date cell of every table (there are some)
    let dates = 0;
    for (const spec of written)
      for (const b of spec.blocks) {
        if (b.kind !== "table") continue;
        const ws = fake.sheet(spec.name);
        b.rows.forEach((row, i) =>
          row.forEach((cell, j) => {
            const v = cell?.v;
            if (!(v && typeof v === "object" && "day" in v)) return;
            dates++;
            expect(ws.get(b.row + i, j)).toBe(dayToSerial(v.day));
            expect(ws.cellMeta(b.row + i, j)?.numberFormat).toBe(
              NUM_FMT[cell!.format === "datetime" ? "datetime" : "date"]
            );
          })
        );
      }
    expect(dates).toBeGreaterThan(10);

    // links to the source cells
    const evidence = fake.sheet("扣款明细");
    const links = [...evidence.meta.values()]
      .filter((x) => x.hyperlink)
      .map((x) => x.hyperlink!.documentReference);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toMatch(/^'[^']+'![A-Z]+\d+$/);
    // the data bar on the monthly deductions
    expect(fake.sheet("核查汇总").conditionalFormats.map((c) => c.type)).toEqual(["DataBar"]);
    // a light red, so the amount over it stays readable
    expect(JSON.stringify(fake.sheet("核查汇总").conditionalFormats[0].dataBar)).toContain(
      `#${DATA_BAR_COLOR.slice(2)}`
    );
    expect(fake.sheet("核查汇总").tabColor).toBe("#1F4E79");
  });

  test("text is written as text: formula-like, number-like and date-like strings stay exactly as given", async () => {
    const fake = inputWorkbook();
    const written = specs("2024-02-01 10:00:00");
    await adapterOn(fake).writeResultSheets(written);
    const sheet = fake.sheet("校验问题");
    const table = written.find((s) => s.name === "校验问题")!.blocks[0] as TableBlock;
    const last = table.row + table.rows.length - 1; // 0-based row of the last data row
    table.rows[table.rows.length - 1].forEach((c, j) => {
      expect(sheet.get(last, j)).toBe(TRICKY[j]);
      expect(sheet.cellMeta(last, j)?.numberFormat).toBe("@");
      expect(sheet.cellMeta(last, j)?.formula).toBeUndefined();
    });
    // the link whose text looks like a formula
    expect(sheet.get(last - 1, 0)).toBe(FORMULA_LIKE);
    expect(sheet.cellMeta(last - 1, 0)).toMatchObject({
      numberFormat: "@",
      hyperlink: { documentReference: "'工单'!A2", textToDisplay: FORMULA_LIKE },
    });
    expect(formulas(sheet)).toEqual([]);
  });

  test("a second run replaces the results: one sheet of each, new content, same table names", async () => {
    const fake = inputWorkbook();
    const before = snapshots(fake, inputNames());
    const adapter = adapterOn(fake);
    await adapter.writeResultSheets(specs("2024-02-01 10:00:00"));
    const second = specs("2024-03-09 08:30:00");
    await adapter.writeResultSheets(second);
    expectResults(fake, second);
    expect(String(fake.sheet("核查汇总").get(1, 0))).toContain("2024-03-09 08:30:00");
    expect(snapshots(fake, inputNames())).toEqual(before);
  });

  test("a failure in the middle leaves the old results intact and no temporary sheet behind", async () => {
    const fake = inputWorkbook();
    const adapter = adapterOn(fake);
    const first = specs("2024-02-01 10:00:00");
    await adapter.writeResultSheets(first);
    const results = snapshots(fake, [...RESULT_SHEET_NAMES]);
    const inputs = snapshots(fake, inputNames());
    const tablesBefore = JSON.stringify(fake.tables);

    fake.failWhen = (cmd) =>
      cmd.op === "range.values" && cmd.path.includes(`${TEMP_PREFIX}扣款明细`);
    await expect(adapter.writeResultSheets(specs("2024-03-09 08:30:00"))).rejects.toThrow(
      /injected failure/
    );
    fake.failWhen = undefined;

    expect(snapshots(fake, [...RESULT_SHEET_NAMES])).toEqual(results);
    expect(snapshots(fake, inputNames())).toEqual(inputs);
    expect(JSON.stringify(fake.tables)).toBe(tablesBefore);
    expectResults(fake, first);
  });

  test("cancelled while writing: old results intact, no temporary sheet", async () => {
    const fake = inputWorkbook();
    const adapter = adapterOn(fake, { budget: { bytes: 64 * 1024 } });
    const first = specs("2024-02-01 10:00:00");
    await adapter.writeResultSheets(first);
    const results = snapshots(fake, [...RESULT_SHEET_NAMES]);
    const abort = new AbortController();
    await expect(
      adapter.writeResultSheets(specs("2024-03-09 08:30:00"), () => abort.abort(), abort.signal)
    ).rejects.toBeInstanceOf(Cancelled);
    expect(snapshots(fake, [...RESULT_SHEET_NAMES])).toEqual(results);
    expectResults(fake, first);
  });

  test("a failure in the final swap finishes the swap: the complete new results are kept", async () => {
    const fake = inputWorkbook();
    const adapter = adapterOn(fake);
    await adapter.writeResultSheets(specs("2024-02-01 10:00:00"));
    let failed = false;
    fake.failWhen = (cmd) => {
      if (failed || cmd.op !== "worksheet.name") return false;
      return (failed = true);
    };
    const second = specs("2024-03-09 08:30:00");
    await expect(adapter.writeResultSheets(second)).rejects.toThrow(/injected failure/);
    fake.failWhen = undefined;
    const names = fake.sheets.map((s) => s.name);
    expect(names).toEqual([...inputNames(), ...second.map((s) => s.name)]);
    expect(String(fake.sheet("核查汇总").get(1, 0))).toContain("2024-03-09 08:30:00");
  });

  test("temporary sheets a crashed run left behind are removed; other sheets and tables stay", async () => {
    const fake = inputWorkbook();
    fake.addSheet(`${TEMP_PREFIX}核查汇总`, [["half written"]]);
    fake.addSheet("备注", [["my notes"]]);
    fake.tables.push({
      id: 999,
      name: "RuleTotals",
      sheetId: fake.sheet("备注").id,
      address: "A1:A2",
    });
    fake.names.push("KpiDetail");
    const notes = fake.snapshot("备注");
    const written = specs("2024-02-01 10:00:00");
    await adapterOn(fake).writeResultSheets(written);
    const names = fake.sheets.map((s) => s.name);
    expect(names).not.toContain(`${TEMP_PREFIX}核查汇总`);
    expect(fake.snapshot("备注")).toBe(notes);
    // names taken elsewhere in the workbook get a suffix instead of failing the run
    expect(fake.tablesOn("核查汇总").map((x) => x.name)).toContain("RuleTotals_2");
    expect(fake.tablesOn("KPI明细").map((x) => x.name)).toEqual(["KpiDetail_2"]);
  });

  test("refuses a spec that is not a result sheet, before touching anything", async () => {
    const fake = inputWorkbook();
    const before = snapshots(fake, inputNames());
    const bad = { ...specs("2024-02-01 10:00:00")[0], name: "工单" };
    await expect(adapterOn(fake).writeResultSheets([bad])).rejects.toThrow(/工单/);
    expect(fake.syncs).toHaveLength(0);
    expect(snapshots(fake, inputNames())).toEqual(before);
  });

  test("works on a host without the optional APIs (no suspend, no page layout)", async () => {
    const fake = inputWorkbook({ suspend: false, pageLayout: false });
    const written = specs("2024-02-01 10:00:00");
    await adapterOn(fake).writeResultSheets(written);
    expectResults(fake, written);
    // and the requirement-set check alone switches them off on a real host
    const fake2 = inputWorkbook();
    await adapterOn(fake2, {
      supports: (v) => Number(v.split(".")[1]) <= 8,
    }).writeResultSheets(written);
    expect(fake2.syncs.some((s) => s.suspendedScreen)).toBe(false);
    expect(fake2.syncs.some((s) => s.suspendedCalculation)).toBe(true);
    expect(fake2.sheet("KPI明细").pageLayout).toEqual({});
  });

  test("a large result sheet is written in several syncs, none over 4 MB", async () => {
    const fake = inputWorkbook();
    const columns = ["工作表", "行", "列", "单元格", "级别", "代码", "说明", "Message"].map(
      (header) => ({
        header,
        format: "text" as const,
        width: 12,
      })
    );
    const rows = Array.from({ length: 40_000 }, (_, i) => [
      t("工单"),
      { v: i + 2, format: "int" as const },
      t("诉求内容"),
      link(`S${i + 2}`, "工单", `S${i + 2}`),
      { ...t("错误"), highlight: i % 3 ? undefined : ("fail" as const) },
      t("bad-date"),
      t(`第${i + 2}行“派单时间”无法识别为日期时间，本行不参与计算`.repeat(2)),
      t(`row ${i + 2}: the dispatch time is not a date-time; this row is left out`),
    ]);
    const spec: SheetSpec = {
      name: "校验问题",
      title: "校验问题",
      subtitle: "s",
      freezeRows: 3,
      blocks: [
        {
          kind: "table",
          row: 3,
          name: "Issues",
          columns,
          rows,
          rowHighlight: rows.map((_, i) => (i % 5 ? null : "warn")),
        },
      ],
    };
    await adapterOn(fake).writeResultSheets([spec]);
    // every range was untracked as it was used: nothing kept, nothing to release at the end
    const { responder } = clientOf(fake);
    expect(responder.requests.some((r) => r.keeps > 0 || r.methods._RemoveReference)).toBe(false);
    expect(responder.liveReferences).toBe(0);
    expectWithinLimits(fake.syncs);
    expect(fake.syncs.length).toBeGreaterThan(3);
    const sheet = fake.sheet("校验问题");
    expect(sheet.get(40_002, 6)).toBe(
      String(rows[39_999][6].v && (rows[39_999][6].v as { text: string }).text)
    );
    expect(sheet.cellMeta(40_002, 3)?.hyperlink?.documentReference).toBe("'工单'!S40001");
    expect(formulas(sheet)).toEqual([]);
  });

  test("naive dates and date-times become Excel serials", async () => {
    const fake = inputWorkbook();
    const day = ymdToDay(2023, 3, 5);
    const spec: SheetSpec = {
      name: "付款计划",
      title: "t",
      subtitle: "s",
      freezeRows: 0,
      blocks: [
        {
          kind: "keyValue",
          row: 4,
          rows: [
            ["日期", { v: { day }, format: "date" }],
            ["时间", { v: { seconds: day * 86400 + 14 * 3600 + 22 * 60 + 5 }, format: "datetime" }],
          ],
        },
      ],
    };
    await adapterOn(fake).writeResultSheets([spec]);
    const sheet = fake.sheet("付款计划");
    expect(sheet.get(3, 1)).toBe(44990);
    expect(sheet.cellMeta(3, 1)?.numberFormat).toBe(NUM_FMT.date);
    expect(sheet.get(4, 1)).toBeCloseTo(44990 + (14 * 3600 + 22 * 60 + 5) / 86400, 10);
    expect(sheet.cellMeta(4, 1)?.numberFormat).toBe(NUM_FMT.datetime);
  });
});

/**
 * @jest-environment jsdom
 */
// The .xlsx writer: what it adds is well-formed and never a formula, links stay under Excel's
// limit, names never collide with the user's, a failed change leaves the package as it was,
// 规则参数 keeps its place, templates carry their notes.
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import { DEFAULT_PARAMS } from "../../src/engine/params";
import { templateSpecs } from "../../src/engine/layout/own";
import { paramsSheetSpec } from "../../src/engine/param-sheet";
import { PrintSetup, SheetSpec, SpecCell, link, t } from "../../src/engine/layout/spec";
import { MAX_LINKS_PER_SHEET } from "../../src/file/sheet-writer";
import { withPrintSetup } from "../../src/engine/layout/print";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { entryBytes, readDirectory } from "../../src/file/zip";
import { readXlsx } from "../xlsx";

const SMALL = path.join(__dirname, "..", "fixtures", "small-2months.xlsx");
const small = () => XlsxWorkbook.open(readFileSync(SMALL));

const spec = (name: string, rows: SpecCell[][], table = "Issues"): SheetSpec => ({
  name,
  title: `${name} 标题`,
  subtitle: "副标题",
  freezeRows: 3,
  blocks: [
    {
      kind: "table",
      row: 3,
      name: table,
      columns: [
        { header: "内容", format: "text", width: 20 },
        { header: "金额", format: "money", width: 12 },
      ],
      rows,
    },
  ],
});

/** Parts that differ between two packages, with their text. */
function newParts(before: Uint8Array, after: Uint8Array): Map<string, string> {
  const a = new Map(readDirectory(before).map((e) => [e.name, e]));
  const out = new Map<string, string>();
  for (const e of readDirectory(after)) {
    const old = a.get(e.name);
    const text = new TextDecoder().decode(entryBytes(after, e));
    if (!old || new TextDecoder().decode(entryBytes(before, old)) !== text) out.set(e.name, text);
  }
  return out;
}

const wellFormed = (xml: string) =>
  new DOMParser().parseFromString(xml, "application/xml").getElementsByTagName("parsererror")
    .length === 0;

test("text that looks like a formula is written as text; what is added is well-formed XML", async () => {
  const wb = small();
  const before = wb.bytes();
  const hostile = [
    '=HYPERLINK("http://x","点我")',
    "+1+1",
    "-2",
    "@SUM(A1)",
    "\tTAB",
    "\rCR",
    "a\u0001b",
    "_x000D_ literal",
    "<b>&amp;</b>",
    "😀 ".repeat(3),
  ];
  await wb.writeResultSheets([
    spec(
      "校验问题",
      hostile.map((h) => [t(h), { v: Number.NaN }])
    ),
  ]);
  const after = wb.bytes();
  const added = newParts(before, after);
  expect(added.size).toBeGreaterThan(3);
  for (const [name, xml] of added) {
    if (name.endsWith(".xml") || name.endsWith(".rels"))
      expect({ name, ok: wellFormed(xml) }).toEqual({ name, ok: true });
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).not.toMatch(/<v>(NaN|-?Infinity)<\/v>/);
  }
  // an independent reader sees exactly the text
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(after as unknown as ExcelJS.Buffer);
  const ws = x.getWorksheet("校验问题")!;
  hostile.forEach((h, i) => {
    const c = ws.getCell(4 + i, 1);
    expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
    // a control character is stored as OOXML's _x0001_ and a literal "_x000D_" as _x005F_x000D_:
    // Excel decodes both, exceljs shows them as stored (our reader, below, decodes them)
    if (!h.includes("\u0001") && !h.includes("_x")) expect(c.value).toBe(h);
  });
  // and the product's own reader reads the same text back
  const back = readXlsx(after).tables.find((tb) => tb.name === "校验问题")!;
  expect(back.values.slice(3, 3 + hostile.length).map((r) => r[0])).toEqual(hostile);
});

test(`links stop at Excel's ${MAX_LINKS_PER_SHEET} per sheet; the rest are plain text`, () => {
  const wb = small();
  const rows = Array.from({ length: MAX_LINKS_PER_SHEET + 100 }, (_, i) => [
    link(`GD${i}`, "工单", `A${i + 2}`),
    { v: i },
  ]);
  wb.writeResultSheetsSync([spec("校验问题", rows)]);
  const xml = [...newParts(small().bytes(), wb.bytes()).entries()].find(([, x]) =>
    x.includes("校验问题 标题")
  )![1];
  expect((xml.match(/<hyperlink /g) ?? []).length).toBe(MAX_LINKS_PER_SHEET);
  expect(xml).toContain(`location="'工单'!A2"`);
  expect(xml).not.toContain(`location="'工单'!A${MAX_LINKS_PER_SHEET + 2}"`);
});

test("table names never collide with the user's tables or names; ids stay unique", async () => {
  const wb = small();
  await wb.writeResultSheets([
    spec("校验问题", [[t("a"), { v: 1 }]], "Issues"),
    spec("运行记录", [[t("b"), { v: 2 }]], "Issues"),
  ]);
  const names = [...newParts(small().bytes(), wb.bytes()).entries()]
    .filter(([n]) => n.startsWith("xl/tables/"))
    .map(([, x]) => [/ id="(\d+)"/.exec(x)![1], / name="([^"]+)"/.exec(x)![1]]);
  expect(new Set(names.map((n) => n[0])).size).toBe(names.length);
  expect(names.map((n) => n[1]).sort()).toEqual(["Issues", "Issues_2"]);
});

test("a write that fails half-way leaves the package exactly as it was", async () => {
  const wb = small();
  await wb.writeResultSheets([spec("校验问题", [[t("first"), { v: 1 }]])]);
  const before = wb.bytes();
  const broken = spec("运行记录", [[t("x"), { v: 1 }]]);
  Object.defineProperty(broken, "blocks", {
    get() {
      throw new Error("injected failure");
    },
  });
  await expect(
    wb.writeResultSheets([spec("校验问题", [[t("second"), { v: 2 }]]), broken])
  ).rejects.toThrow("injected failure");
  expect(Buffer.from(wb.bytes()).equals(Buffer.from(before))).toBe(true);
});

test("规则参数 is replaced where it stands; templates get headers, notes, drop-downs", async () => {
  const wb = small();
  await wb.writeOwnSheet(paramsSheetSpec(DEFAULT_PARAMS));
  await wb.writeResultSheets([spec("校验问题", [[t("a"), { v: 1 }]])]);
  await wb.writeOwnSheet(paramsSheetSpec({ ...DEFAULT_PARAMS, "r2.threshold": 0.85 }));
  const names = readXlsx(wb.bytes()).names;
  expect(names.filter((n) => n === "规则参数")).toHaveLength(1);
  expect(names.indexOf("规则参数")).toBeLessThan(names.indexOf("校验问题"));
  // 人员 exists in the fixture: only the missing template is added
  const fresh = XlsxWorkbook.open(
    (() => {
      const w = small();
      return w.bytes();
    })()
  );
  expect(await fresh.insertTemplates(templateSpecs(["staff"], 20))).toEqual([]);
  const noStaff = XlsxWorkbook.open(
    readFileSync(path.join(__dirname, "..", "fixtures", "small-2months.xlsx"))
  );
  const added = await noStaff.insertTemplates([
    { ...templateSpecs(["staff"], 20)[0], name: "人员（新）" },
  ]);
  expect(added).toEqual(["人员（新）"]);
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(noStaff.bytes() as unknown as ExcelJS.Buffer);
  const ws = x.getWorksheet("人员（新）")!;
  expect(ws.getCell("A1").value).toBe("工号");
  expect(String(ws.getCell("A1").note ?? "")).toContain("工号");
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
});

test("headers over numbers and dates are aligned right, as their cells are (read back by exceljs)", async () => {
  const wb = small();
  const money: SpecCell = { v: 1234.5, format: "money" };
  const s: SheetSpec = {
    ...spec("核查汇总", [[t("a"), money]]),
  };
  wb.writeResultSheetsSync([s]);
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(wb.bytes() as unknown as ArrayBuffer);
  const ws = x.getWorksheet("核查汇总")!;
  // the table's header row is row 3: 内容 (text) left as it is, 金额 (money) right
  expect(ws.getCell("A3").value).toBe("内容");
  expect(ws.getCell("A3").alignment?.horizontal).toBeUndefined();
  expect(ws.getCell("B3").value).toBe("金额");
  expect(ws.getCell("B3").alignment?.horizontal).toBe("right");
});

test("each sheet prints as its print setup says: A4, orientation, fit or scale, footer, titles, page break", () => {
  const wb = small();
  const before = wb.bytes();
  const print = (p: Partial<PrintSetup>): PrintSetup => ({
    orientation: "landscape",
    fit: "width",
    repeatRow: null,
    repeatColumns: 0,
    breakBefore: null,
    footer: ["&A · &F", "第 &P 页 共 &N 页", "评价截止 2023-12-31 · R&&D"],
    tallRows: [],
    ...p,
  });
  const sheets = [
    {
      ...spec("核查汇总", [[t("a"), { v: 1, format: "money" }]]),
      print: print({ orientation: "portrait", fit: "page", tallRows: [[4, 3]] }),
    },
    {
      ...spec("KPI明细", [[t("b"), { v: 2, format: "money" }]], "Kpi"),
      print: print({ fit: 85, repeatRow: 3, repeatColumns: 2, breakBefore: 3 }),
    },
  ];
  wb.writeResultSheetsSync(sheets);
  const parts = newParts(before, wb.bytes());
  const xml = [...parts.values()].filter((x) => x.includes("<pageSetup"));
  const summary = xml.find((x) => x.includes("核查汇总"))!;
  expect(summary).toContain(
    '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="1"/>'
  );
  expect(summary).toContain('<pageSetUpPr fitToPage="1"/>');
  // a literal & doubled in the footer, the whole escaped as XML text
  expect(summary).toContain(
    "<headerFooter><oddFooter>&amp;L&amp;A · &amp;F&amp;C第 &amp;P 页 共 &amp;N 页&amp;R评价截止 2023-12-31 · R&amp;&amp;D</oddFooter></headerFooter>"
  );
  // a row of wrapped text three lines tall
  expect(summary).toContain('<row r="4" ht="45" customHeight="1">');
  const kpi = xml.find((x) => x.includes("KPI明细") || x.includes('scale="85"'))!;
  expect(kpi).toContain('<pageSetup paperSize="9" orientation="landscape" scale="85"/>');
  expect(kpi).not.toContain("fitToPage");
  expect(kpi).toContain(
    '<rowBreaks count="1" manualBreakCount="1"><brk id="2" max="16383" man="1"/></rowBreaks>'
  );
  const book = parts.get("xl/workbook.xml")!;
  expect(book).toMatch(
    /<definedName name="_xlnm.Print_Titles" localSheetId="\d+">'KPI明细'!\$A:\$B,'KPI明细'!\$3:\$3<\/definedName>/
  );
});

test("a stretched key/value cell is merged to the last column and wraps; text after an amount is set in (read back by exceljs)", async () => {
  const wb = small();
  const s: SheetSpec = {
    name: "结算确认单",
    title: "结算确认单",
    subtitle: "副标题",
    freezeRows: 0,
    widths: [20, 16, 10, 16, 20],
    blocks: [
      {
        kind: "keyValue",
        row: 4,
        stretch: true,
        lines: 3,
        rows: [
          ["项目名称", t("朝阳区卫生健康委“接诉即办”工作服务采购项目")],
          ["乙方应退款", { v: 200699.8, format: "money" }, t("贰拾万零陆佰玖拾玖元捌角")],
        ],
      },
    ],
  };
  // the rows' heights come from the print setup, as in a run
  wb.writeResultSheetsSync([withPrintSetup(s, s.widths!, "评价截止 2024-01-22", "zh")]);
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(wb.bytes() as unknown as ArrayBuffer);
  const ws = x.getWorksheet("结算确认单")!;
  const merges = (ws.model as unknown as { merges: string[] }).merges;
  expect([...merges].sort()).toEqual(["A2:E2", "B4:E4", "C5:E5"]);
  expect(ws.getCell("B4").alignment).toMatchObject({ wrapText: true, vertical: "top" });
  expect(ws.getCell("C5").alignment).toMatchObject({ wrapText: true, indent: 1 });
  // the amount itself and the label are not set in; they keep to the top of the tall row
  expect(ws.getCell("B5").alignment?.indent).toBeUndefined();
  expect(ws.getCell("A5").alignment).toMatchObject({ vertical: "top" });
  // each row at least the block's lines tall
  expect(ws.getRow(4).height).toBe(45);
  expect(ws.getRow(5).height).toBe(45);
});

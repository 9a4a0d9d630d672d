// The .xlsx path's promise: the audited copy is the user's package with parts added. Workbooks
// that carry what real finance workbooks carry (a chart, an image, comments, data validation,
// conditional formats, defined names, a hidden sheet, a formula, an out-of-range date, parts the
// product has never heard of, macros, the 1904 date system) go through the command line; every
// part that is not an index part comes back byte for byte (even as compressed), also after a
// re-audit, the styles and strings keep their entries as a prefix, and exceljs reads the copy.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../../src/cli/main";
import type { SummaryJson } from "../../src/engine/summary";
import { RESULT_SHEET_NAMES } from "../../src/engine/sheets";
import { XlsxPackage } from "../../src/file/package";
import { concat, entryBytes, rawData, readDirectory } from "../../src/file/zip";
import { readXlsx } from "../xlsx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { crowdedStyles } from "./crowded";

const dir = mkdtempSync(path.join(tmpdir(), "audit-keep-"));
const SMALL = path.join(__dirname, "..", "fixtures", "small-2months.xlsx");
// a 1×1 PNG
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
);
const INDEX_PARTS = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
]);

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'人员'!$A$2:$A$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

/** A copy of small-2months made by exceljs with the features, then a chart and unknown parts added by hand. */
async function featureWorkbook(
  opts: { date1904?: boolean; macro?: boolean } = {}
): Promise<Uint8Array> {
  const src = readXlsx(SMALL);
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  for (const t of src.tables) {
    const ws = wb.addWorksheet(t.name);
    t.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        // date serials (30000…60000 in this fixture) as a 1904 workbook holds them
        if (typeof v === "number" && opts.date1904 && v > 30000 && v < 60000) cell.value = v - 1462;
        else
          cell.value =
            typeof v === "object" ? { error: v.error as ExcelJS.CellErrorValue["error"] } : v;
      })
    );
  }
  const staff = wb.getWorksheet("人员")!;
  staff.getCell("A1").note = "工号：人事系统编号";
  staff.getCell("B1").note = "姓名";
  (
    staff as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add("C2:C50", {
    type: "list",
    allowBlank: true,
    formulae: ['"话务员,班组长,项目经理"'],
  });
  staff.addConditionalFormatting({
    ref: "A2:A30",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["LEN(A2)>5"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  staff.addImage(img, "L2:M4");
  wb.definedNames.add("'人员'!$A$2:$A$30", "StaffIds");
  const notes = wb.addWorksheet("备注（隐藏）", { state: "hidden" });
  notes.getCell("A1").value = "内部备注";
  notes.getCell("A2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  notes.getCell("A3").value = 1e12;
  notes.getCell("A3").numFmt = "yyyy-mm-dd";
  const base = new Uint8Array(await wb.xlsx.writeBuffer());

  // by hand, as another program would: a chart on 人员, custom XML, a part nobody knows, macros
  const pkg = new XlsxPackage(base);
  const staffPart = pkg.sheets().find((s) => s.name === "人员")!.part!;
  const drawingRel = pkg.rels(staffPart).find((r) => r.type.endsWith("/drawing"))!;
  const drawing = drawingRel.target;
  const drawingXml = pkg.text(drawing);
  const chartAnchor =
    "<xdr:twoCellAnchor><xdr:from><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>19</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="9" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  pkg.set(drawing, drawingXml.replace("</xdr:wsDr>", `${chartAnchor}</xdr:wsDr>`));
  pkg.set("xl/charts/chart1.xml", CHART);
  pkg.addContentType(
    "xl/charts/chart1.xml",
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
  );
  const relsPath = drawing.replace("drawings/", "drawings/_rels/") + ".rels";
  pkg.set(
    relsPath,
    pkg
      .text(relsPath)
      .replace(
        "</Relationships>",
        '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>'
      )
  );
  pkg.set("customXml/item1.xml", '<?xml version="1.0"?><budget year="2023" owner="财务科"/>');
  pkg.set("xl/vendor/unknown-part.bin", new Uint8Array([0, 1, 2, 3, 250, 251, 252]));
  pkg.addContentType("xl/vendor/unknown-part.bin", "application/octet-stream", true);
  if (opts.macro) {
    // as Excel writes a macro workbook's sheets: with a code name (Sheet2 here, so a new sheet
    // must skip it)
    const firstPart = pkg.sheets()[0].part!;
    const first = pkg.text(firstPart);
    pkg.set(
      firstPart,
      /<sheetPr[\s>/]/.test(first)
        ? first.replace(/<sheetPr/, '<sheetPr codeName="Sheet2"')
        : first.replace(/(<worksheet[^>]*>)/, '$1<sheetPr codeName="Sheet2"/>')
    );
    pkg.set(
      "xl/vbaProject.bin",
      new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37) % 256))
    );
    pkg.addContentType("xl/vbaProject.bin", "application/vnd.ms-office.vbaProject", true);
    pkg.addRel(
      pkg.workbookPart,
      "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
      "xl/vbaProject.bin"
    );
    const ct = pkg.text("[Content_Types].xml");
    pkg.set(
      "[Content_Types].xml",
      ct.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
    );
  }
  return concat(pkg.toZip());
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** name → [uncompressed bytes, compressed bytes as stored] of every part. */
function parts(bytes: Uint8Array): Map<string, [Uint8Array, Uint8Array]> {
  const m = new Map<string, [Uint8Array, Uint8Array]>();
  for (const e of readDirectory(bytes)) m.set(e.name, [entryBytes(bytes, e), rawData(bytes, e)]);
  return m;
}

const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

function expectKept(input: Uint8Array, output: Uint8Array): void {
  const a = parts(input);
  const b = parts(output);
  for (const [name, [plain, raw]] of a) {
    if (INDEX_PARTS.has(name)) continue;
    const copy = b.get(name);
    expect({ name, present: !!copy }).toEqual({ name, present: true });
    expect({ name, plain: same(copy![0], plain), raw: same(copy![1], raw) }).toEqual({
      name,
      plain: true,
      raw: true,
    });
  }
  // styles: every original entry in place, new ones after
  const styles = (m: Map<string, [Uint8Array, Uint8Array]>) =>
    new TextDecoder().decode(m.get("xl/styles.xml")![0]);
  for (const el of ["numFmts", "fonts", "fills", "cellXfs"]) {
    const inner = (xml: string) => {
      const m = new RegExp(`<${el}[^>]*>([\\s\\S]*?)</${el}>`).exec(xml);
      return m ? m[1] : "";
    };
    expect(inner(styles(b)).startsWith(inner(styles(a)))).toBe(true);
  }
}

let plain: Uint8Array;
let audited: Uint8Array;
let reaudited: Uint8Array;
const plainFile = path.join(dir, "features.xlsx");

beforeAll(async () => {
  plain = await featureWorkbook();
  writeFileSync(plainFile, plain);
  expect(
    (
      await run([
        plainFile,
        "--out",
        path.join(dir, "a.xlsx"),
        "--as-of",
        "2023-02-28",
        "--json",
        path.join(dir, "a.json"),
      ])
    ).code
  ).toBe(0);
  audited = readFileSync(path.join(dir, "a.xlsx"));
  expect(
    (
      await run([
        path.join(dir, "a.xlsx"),
        "--out",
        path.join(dir, "b.xlsx"),
        "--as-of",
        "2023-02-28",
      ])
    ).code
  ).toBe(0);
  reaudited = readFileSync(path.join(dir, "b.xlsx"));
}, 60000);

test("every part of the user's package is in the copy byte for byte, even as compressed", () => {
  expectKept(plain, audited);
  const names = [...parts(audited).keys()];
  expect(names).toContain("xl/charts/chart1.xml");
  expect(names).toContain("xl/media/image1.png");
  expect(names).toContain("customXml/item1.xml");
});

test("a re-audit keeps them too, and replaces the result sheets instead of adding more", () => {
  expectKept(plain, reaudited);
  const { names } = readXlsx(reaudited);
  for (const n of RESULT_SHEET_NAMES) expect(names.filter((x) => x === n)).toHaveLength(1);
  // the previous run's result parts are gone: as many parts as after the first run
  expect(parts(reaudited).size).toBe(parts(audited).size);
});

test("the copy reads back cleanly in an independent reader, with the user's sheets and the results", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(reaudited) as unknown as ExcelJS.Buffer);
  const names = wb.worksheets.map((w) => w.name);
  expect(names.slice(-RESULT_SHEET_NAMES.length)).toEqual([...RESULT_SHEET_NAMES]);
  expect(wb.getWorksheet("备注（隐藏）")!.state).toBe("hidden");
  expect(wb.getWorksheet("人员")!.getCell("A1").note).toBeDefined();
  expect(wb.getWorksheet("核查汇总")!.getCell("A1").value).toMatch(/核查汇总/);
  // the out-of-range date is kept as the number it is (never NaN)
  expect(wb.getWorksheet("备注（隐藏）")!.getCell("A3").value).toBeDefined();
  expect(new TextDecoder().decode(reaudited)).not.toMatch(/<v>(NaN|Infinity|-Infinity)<\/v>/);
});

test("an .xlsm comes back as an .xlsm with its macros", async () => {
  const file = path.join(dir, "macro.xlsm");
  const input = await featureWorkbook({ macro: true });
  writeFileSync(file, input);
  const r = await run([file, "--as-of", "2023-02-28"]);
  expect(r.code).toBe(0);
  const out = readFileSync(path.join(dir, "macro-2023年度核查.xlsm"));
  expectKept(input, out);
  expect(new XlsxPackage(out).kind).toBe("xlsm");
  // each new sheet has a code name for the VBA project, none of them one the user's sheets have
  const copy = new XlsxPackage(out);
  const codeNames = (names: string[]) =>
    copy
      .sheets()
      .filter((x) => names.includes(x.name))
      .map((x) => /<sheetPr[^>]*codeName="([^"]*)"/.exec(copy.text(x.part!))?.[1]);
  const users = codeNames(
    copy
      .sheets()
      .map((x) => x.name)
      .filter((n) => !(RESULT_SHEET_NAMES as readonly string[]).includes(n))
  );
  const ours = codeNames([...RESULT_SHEET_NAMES]);
  expect(users).toContain("Sheet2");
  expect(ours).toHaveLength(RESULT_SHEET_NAMES.length);
  expect(new Set(ours).size).toBe(ours.length);
  for (const c of ours) {
    expect(c).toMatch(/^Sheet\d+$/);
    expect(users).not.toContain(c);
  }
  expect(ours[0]).toBe("Sheet1");
  // and it is never written under a name Excel would refuse
  const wrong = await run([file, "--out", path.join(dir, "macro.xlsx")]);
  expect(wrong.code).toBe(2);
  expect(wrong.err).toContain(".xlsm");
});

test("a workbook in the 1904 date system audits to the same results as the 1900 one", async () => {
  const file = path.join(dir, "mac1904.xlsx");
  writeFileSync(file, await featureWorkbook({ date1904: true }));
  expect(readXlsx(file).workbook.date1904).toBe(true);
  expect(
    (
      await run([
        file,
        "--out",
        path.join(dir, "c.xlsx"),
        "--as-of",
        "2023-02-28",
        "--json",
        path.join(dir, "c.json"),
      ])
    ).code
  ).toBe(0);
  const a: SummaryJson = JSON.parse(readFileSync(path.join(dir, "a.json"), "utf8"));
  const c: SummaryJson = JSON.parse(readFileSync(path.join(dir, "c.json"), "utf8"));
  expect(c.totals).toEqual(a.totals);
  expect(c.kpis).toEqual(a.kpis);
  expect(c.installments).toEqual(a.installments);
  expect(c.issues.length).toBe(a.issues.length);
  // dates the results write are 1904 serials too: 运行记录 and 付款计划 show the same days
  const days = (f: string, sheet: string) =>
    new ExcelJS.Workbook().xlsx.readFile(f).then((w) => {
      const out: string[] = [];
      w.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => cell.value instanceof Date && out.push(cell.value.toISOString()))
      );
      return out;
    });
  const shown = await days(path.join(dir, "a.xlsx"), "付款计划");
  expect(shown.length).toBeGreaterThan(3);
  expect(await days(path.join(dir, "c.xlsx"), "付款计划")).toEqual(shown);
});

describe("the copy opens on 结算确认单 (WORKBOOK.md: the one view flag the product changes)", () => {
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  /** small-2months with 工单's tab selected, and its workbook view changed by `view`. */
  function selectedInput(view: (workbookXml: string) => string): Uint8Array {
    const files = unzipSync(readFileSync(SMALL));
    const sheet = text(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('<sheetView workbookViewId="0">');
    files["xl/worksheets/sheet1.xml"] = strToU8(
      sheet.replace(
        '<sheetView workbookViewId="0">',
        '<sheetView tabSelected="1" workbookViewId="0">'
      )
    );
    files["xl/workbook.xml"] = strToU8(view(text(files["xl/workbook.xml"])));
    return zipSync(files);
  }

  test.each([
    ["with a workbook view", (x: string) => x],
    ["without one", (x: string) => x.replace(/<bookViews>.*<\/bookViews>/s, "")],
  ])(
    "%s: 结算确认单 active and alone selected; the user's sheet loses only tabSelected",
    async (_, view) => {
      const input = selectedInput(view);
      const file = path.join(dir, `selected-${_.length}.xlsx`);
      const out = path.join(dir, `selected-${_.length}-核查.xlsx`);
      writeFileSync(file, input);
      expect((await run([file, "--out", out, "--as-of", "2023-02-28", "--no-readings"])).code).toBe(
        0
      );
      const copy = new Uint8Array(readFileSync(out));
      const pkg = new XlsxPackage(copy);
      const sheets = pkg.sheets();
      const at = sheets.findIndex((s) => s.name === "结算确认单");
      expect(pkg.workbookXml()).toMatch(new RegExp(`<workbookView[^>]*activeTab="${at}"`));
      // exactly one sheet selected: 结算确认单
      const selected = sheets.filter((s) =>
        /<sheetView[^>]*tabSelected="1"/.test(pkg.text(s.part!))
      );
      expect(selected.map((s) => s.name)).toEqual(["结算确认单"]);
      // the user's sheet: the same bytes but the one attribute
      const before = text(unzipSync(input)["xl/worksheets/sheet1.xml"]);
      expect(pkg.text("xl/worksheets/sheet1.xml")).toBe(before.replace(' tabSelected="1"', ""));
      // every other part of the user's is kept byte for byte
      const a = parts(input);
      const b = parts(copy);
      for (const [name, [plain]] of a)
        if (!INDEX_PARTS.has(name) && name !== "xl/worksheets/sheet1.xml")
          expect({ name, same: same(b.get(name)![0], plain) }).toEqual({ name, same: true });
      // exceljs reads it and opens it on the same sheet
      const x = new ExcelJS.Workbook();
      await x.xlsx.load(copy as unknown as ArrayBuffer);
      expect(x.views[0]?.activeTab).toBe(at);
    }
  );
});

test("a workbook near Excel's limit of cell formats: the copy stays under it, the run says so", async () => {
  const many = 63990;
  const file = path.join(dir, "many-styles.xlsx");
  const out = path.join(dir, "many-styles-核查.xlsx");
  writeFileSync(file, crowdedStyles(new Uint8Array(readFileSync(SMALL)), many));
  const r = await run([file, "--out", out, "--as-of", "2023-02-28", "--no-readings"]);
  expect(r.code).toBe(0);
  expect(r.err).toContain("工作簿的单元格格式已近 Excel 上限（64,000 种）");
  const copy = new XlsxPackage(new Uint8Array(readFileSync(out)));
  const xml = copy.text("xl/styles.xml");
  const count = (xml.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)![1].match(/<xf[\s>/]/g) ?? []).length;
  expect(count).toBeLessThanOrEqual(64000);
  expect(count).toBeGreaterThan(many + 3);
  // every cell of the copy points at a format that exists
  for (const s of copy.sheets()) {
    const ids = [...copy.text(s.part!).matchAll(/<c [^>]*\bs="(\d+)"/g)].map((m) => Number(m[1]));
    for (const id of ids) expect(id).toBeLessThan(count);
  }
  // and it reads back with its results
  expect(readXlsx(new Uint8Array(readFileSync(out))).names).toContain("结算确认单");
});

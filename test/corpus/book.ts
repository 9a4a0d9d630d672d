// A workbook as the corpus describes it, written two ways: as an .xlsx package (by hand, the way
// Excel, WPS and scripts write one: shared and inline strings, cached and uncached formulas,
// merged cells, hidden rows, columns and sheets) and as the fake Excel's workbook, so that the
// two adapters read the same workbook from two independent descriptions.
import { strToU8, zipSync } from "fflate";
import { FakeExcel, FakeValue } from "../fakes/excel";
import { columnLetter } from "../../src/engine/table";

export type Plain = number | string | boolean | { error: string } | null;
/** a formula with the result a spreadsheet computed; `cached: false` when the file lacks it */
export type Formula = { f: string; result: Plain; cached: boolean };
export type CellModel = Plain | Formula;

export interface SheetModel {
  name: string;
  rows: CellModel[][];
  /** where rows[0][0] goes (1-based) */
  at: { row: number; col: number };
  merges: string[];
  hiddenRows: number[];
  hiddenCols: number[];
  state: "visible" | "hidden" | "veryHidden";
}

export interface Book {
  sheets: SheetModel[];
}

export const isFormula = (c: CellModel): c is Formula =>
  c !== null && typeof c === "object" && "f" in c;

/** Text as OOXML stores it: XML escapes, characters XML cannot hold as _xHHHH_, a literal _x escaped. */
function escapeText(s: string): string {
  return s
    .replace(/_x(?=[0-9A-Fa-f]{4}_)/g, "_x005F_x")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
}
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

function cellXml(ref: string, c: CellModel, sst: string[], inline: boolean): string {
  if (c === null) return "";
  if (isFormula(c)) {
    const f = `<f>${escapeText(c.f)}</f>`;
    const r = c.result;
    if (!c.cached || r === null) return `<c r="${ref}">${f}</c>`;
    if (typeof r === "number") return `<c r="${ref}">${f}<v>${r}</v></c>`;
    if (typeof r === "boolean") return `<c r="${ref}" t="b">${f}<v>${r ? 1 : 0}</v></c>`;
    if (typeof r === "string") return `<c r="${ref}" t="str">${f}<v>${escapeText(r)}</v></c>`;
    return `<c r="${ref}" t="e">${f}<v>${escapeText(r.error)}</v></c>`;
  }
  if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
  if (typeof c === "boolean") return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
  if (typeof c === "object") return `<c r="${ref}" t="e"><v>${escapeText(c.error)}</v></c>`;
  const space = /^\s|\s$/.test(c) ? ' xml:space="preserve"' : "";
  if (inline) return `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeText(c)}</t></is></c>`;
  sst.push(`<si><t${space}>${escapeText(c)}</t></si>`);
  return `<c r="${ref}" t="s"><v>${sst.length - 1}</v></c>`;
}

function sheetXml(s: SheetModel, sst: string[]): string {
  const rows: string[] = [];
  const hidden = new Set(s.hiddenRows);
  s.rows.forEach((row, i) => {
    const r = s.at.row + i;
    const cells = row
      .map((c, j) => cellXml(`${columnLetter(s.at.col + j)}${r}`, c, sst, (i + j) % 3 === 0))
      .join("");
    if (cells || hidden.has(r))
      rows.push(`<row r="${r}"${hidden.has(r) ? ' hidden="1"' : ""}>${cells}</row>`);
  });
  const cols = s.hiddenCols.length
    ? `<cols>${[...new Set(s.hiddenCols)]
        .sort((a, b) => a - b)
        .map((c) => `<col min="${c}" max="${c}" width="9" hidden="1" customWidth="1"/>`)
        .join("")}</cols>`
    : "";
  const merges = s.merges.length
    ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${cols}<sheetData>${rows.join("")}</sheetData>${merges}</worksheet>`;
}

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The package. */
export function toXlsx(book: Book): Uint8Array {
  const sst: string[] = [];
  const sheets = book.sheets.map((s) => sheetXml(s, sst));
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets>${book.sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.state === "visible" ? "" : ` state="${s.state}"`} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
    ),
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">${sst.join("")}</sst>`
  );
  return zipSync(files, { level: 0 }); // stored: the readers take both, and deflating costs the corpus seconds
}

/**
 * What Excel holds for a cell: a formula's result. A file without the cached result is read as
 * a blank cell by the file path; Excel would compute it, so the fake holds it blank too and the
 * two paths stay comparable (the corpus checks the blank is reported where it matters).
 */
function excelValue(c: CellModel): FakeValue | null {
  if (isFormula(c)) return c.cached ? (c.result as FakeValue | null) : null;
  return c as FakeValue | null;
}

/** The same workbook in the fake Excel. */
export function toFake(book: Book): FakeExcel {
  const fake = new FakeExcel();
  for (const s of book.sheets) {
    const sheet = fake.addSheet(
      s.name,
      s.rows.map((r) => r.map(excelValue)),
      s.at
    );
    s.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (isFormula(c))
          sheet.cellMeta(s.at.row - 1 + i, s.at.col - 1 + j, true).formula = `=${c.f}`;
      })
    );
    for (const m of s.merges) sheet.merge(m);
    sheet.visibility =
      s.state === "visible" ? "Visible" : s.state === "hidden" ? "Hidden" : "VeryHidden";
  }
  return fake;
}

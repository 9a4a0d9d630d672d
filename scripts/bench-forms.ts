// The bench's workbooks in each writer's form (issue 24): the bundled sample with its 工单 sheet
// grown to n tickets (its rows repeated with new ids), written as a tool writes it. Used by
// `npm run bench` (scripts/bench.ts) and held to the reader by test/file/writer-forms.test.ts
// (every form gives the excel form's tickets and totals).
//
//   excel        as Excel writes it: shared strings (<si><t>…</t></si>), <c r="B2" s="1"><v>…</v></c>
//   inline       as openpyxl and pandas write it: every text an inline string, every character
//                past ASCII a numeric reference (&#24037;)
//   libreoffice  as LibreOffice Calc 7.4 writes it, taken from what `soffice --headless
//                --convert-to xlsx` wrote for the sample on this machine: every cell with s="…" and
//                t="n"/"s"/"b"; numbers rounded to 15 significant digits (44949.0665509259 where
//                Excel writes 44949.06655092593); rows with customFormat, ht, hidden, customHeight,
//                outlineLevel, collapsed and no spans; every shared string <t xml:space="preserve">,
//                and a text mixing CJK and Latin characters (基层卫生/开诊时间) in runs, one font each
//                (<r><rPr>…</rPr><t …>基层卫生</t></r>…); a formula <f aca="false">…</f><v>…</v>, a
//                boolean (from Excel) a formula: <c t="b"><f aca="false">TRUE()</f><v>1</v></c>.
//                Checked: LibreOffice's own conversion of the excel form (2,000 tickets) has the
//                same 工单 rows as this form, byte for byte once the strings are put in place of
//                their indices, but for the style numbers (which follow the input's styles)
//   wps          as WPS Office writes it: no difference from Excel's cell markup was found (a WPS
//                sheet, as quoted in public notes on the format, has Excel's <row r spans> and
//                <c r s t="s"><v>, under a root declaring xmlns:etc and an empty <sheetPr/>), so
//                Excel's cells, WPS's sheet head, and what a user's sheet plausibly adds: a 状态
//                column computed by one shared formula, its results cached as text
//                (<c t="str"><f t="shared" ref="T2:T…" si="0">IF(…)</f><v>按时办结</v>, then
//                <f t="shared" si="0"/>)
import path from "path";
import { parseDateTime } from "../src/engine/parse";
import { RawCell, RawTable, cellAddress } from "../src/engine/table";
import { dayOf, dayToYmd } from "../src/engine/time";
import { CONTENT_TYPE, REL_TYPE, XlsxPackage } from "../src/file/package";
import { readSharedStrings } from "../src/file/sheet-reader";
import { XlsxWorkbook } from "../src/file/workbook-file";
import { escapeAttr, escapeText } from "../src/file/xml";

export const FORMS = ["excel", "inline", "libreoffice", "wps", "monthly"] as const;
export type Form = (typeof FORMS)[number];

/**
 * The cached bench file of a size and form (bench-mapping.ts's `write` owns tickets-N-monthly.xlsx);
 * `-unique` when every ticket's 诉求内容 is its own (`uniqueText`).
 */
export const benchFile = (dir: string, n: number, form: Form, uniqueText = false) =>
  path.join(
    dir,
    (form === "excel" ? `tickets-${n}` : `tickets-${n}-${form === "monthly" ? "by-month" : form}`) +
      (uniqueText ? "-unique.xlsx" : ".xlsx")
  );

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as openpyxl writes it: XML-escaped, every character past ASCII as &#N;. */
export const charRefs = (s: string) =>
  escapeText(s).replace(/[\u0080-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`);

/**
 * The tickets split by the month of 派单时间 (2023年01月 …; 其他 for a ticket without one), each
 * month a sheet with a title row above the header, and the 列映射 that lists them as the 工单.
 */
export function splitByMonth(tickets: RawTable): { months: RawTable[]; mapping: RawTable } {
  const header = tickets.values[0];
  const col = header.indexOf("派单时间");
  const byMonth = new Map<string, RawCell[][]>();
  for (const row of tickets.values.slice(1)) {
    const p = parseDateTime(row[col] ?? null);
    const key =
      p.ok && p.value !== null
        ? (({ y, m }) => `${y}年${String(m).padStart(2, "0")}月`)(dayToYmd(dayOf(p.value)))
        : "其他";
    const list = byMonth.get(key) ?? [];
    list.push(row);
    byMonth.set(key, list);
  }
  const names = [...byMonth.keys()].sort();
  const months: RawTable[] = names.map((name) => ({
    name,
    firstRow: 1,
    firstCol: 1,
    values: [[`${name} 工单明细`], header, ...byMonth.get(name)!],
  }));
  const mapping: RawTable = {
    name: "列映射",
    firstRow: 1,
    firstCol: 1,
    values: [
      ["表", "字段", "来源", "值映射", "说明"],
      ["工单", "（工作表）", names.join("；"), null, null],
    ],
  };
  return { months, mapping };
}

/**
 * The sample's 工单 sheet grown to n tickets: its rows repeated in order, each with a new id. With
 * `uniqueText`, every ticket's 诉求内容 is its own, as in a real year (the sample's 2,067 texts
 * repeat every 9,222 tickets), and as long as the sample's: its last four characters are the
 * ticket's number written in the sample's own characters. No rule reads 诉求内容, so the totals
 * are those of the repeated form; what changes is only that no two texts are alike.
 */
export function grownTickets(sample: XlsxWorkbook, n: number, uniqueText = false): RawTable {
  const [tickets] = sample.readTablesSync(["工单"]);
  const body = tickets.values.slice(1);
  const values: RawCell[][] = [tickets.values[0]];
  const content = uniqueText ? tickets.values[0].indexOf("诉求内容") : -1;
  if (uniqueText && content < 0) throw new Error("the sample's 工单 sheet has no 诉求内容 column");
  const digits = [...new Set([...body.map((r) => String(r[content] ?? "")).join("")])];
  for (let i = 0; i < n; i++) {
    const row = [...body[i % body.length]];
    row[0] = `GD${String(i + 1).padStart(10, "0")}`;
    if (content >= 0) {
      const text = String(row[content] ?? "");
      row[content] = [...text].slice(0, -4).join("") + numberIn(digits, i);
    }
    values.push(row);
  }
  return { ...tickets, values };
}

/** i written in four of these characters (as digits, the first the highest). */
function numberIn(digits: string[], i: number): string {
  const base = digits.length;
  if (i >= base ** 4) throw new Error(`ticket ${i}: more than four characters' worth`);
  let out = "";
  for (let k = 0; k < 4; k++, i = Math.floor(i / base)) out = digits[i % base] + out;
  return out;
}

// ---- WPS: the 状态 column ----

export const WPS_STATUS_HEADER = "状态";

/** What the 状态 formula gives for a ticket: 未办结 without 办结时间, else on time or late. */
export function wpsStatus(header: RawCell[], row: RawCell[]): string {
  const done = row[header.indexOf("办结时间")];
  const due = row[header.indexOf("办理时限")];
  if (done === null || done === undefined || done === "") return "未办结";
  return typeof done === "number" && typeof due === "number" && done <= due
    ? "按时办结"
    : "超期办结";
}

/** The 状态 formula of a row, as typed (IF(M2="","未办结",IF(M2<=K2,"按时办结","超期办结"))). */
function wpsFormula(header: RawCell[], r: number): string {
  const m = cellAddress(r, header.indexOf("办结时间") + 1);
  const k = cellAddress(r, header.indexOf("办理时限") + 1);
  return `IF(${m}="","未办结",IF(${m}<=${k},"按时办结","超期办结"))`;
}

// ---- LibreOffice: numbers and shared strings ----

/**
 * A number as LibreOffice 7.4 writes it: the shortest decimal that reads back as the double,
 * rounded half up to 15 significant digits (44949.39283564815 → 44949.3928356482, where
 * toPrecision(15), rounding the double itself, gives …481).
 */
export function loNumber(v: number): string {
  const s = String(v);
  if (s.includes("e")) return String(Number(v.toPrecision(15)));
  const neg = s.startsWith("-");
  const [int, frac = ""] = (neg ? s.slice(1) : s).split(".");
  const digits = (int + frac).replace(/^0+/, "");
  if (digits.length <= 15) return s;
  const drop = digits.length - 15;
  const unit = 10n ** BigInt(drop);
  const n = BigInt(digits);
  const q = n / unit + (2n * (n % unit) >= unit ? 1n : 0n);
  // q × 10^(drop - decimals)
  const shift = drop - frac.length;
  let out: string;
  if (shift >= 0) out = q.toString() + "0".repeat(shift);
  else {
    const t = q.toString().padStart(1 - shift, "0");
    out = `${t.slice(0, shift)}.${t.slice(shift)}`.replace(/\.?0+$/, "");
  }
  return neg ? `-${out}` : out;
}

/** Character classes of LibreOffice's script detection: 0 weak, 1 Latin, 2 Asian. */
function scriptOf(c: number): number {
  if (c === 32 || c === 9 || c === 10 || c === 13) return 0;
  if (c >= 0x2000 && c <= 0x206f) return 0; // general punctuation: “ ” … take the script around
  return c >= 0x2e80 ? 2 : 1;
}

/**
 * A text split where its script changes (a weak character joins the run before it), as
 * LibreOffice writes a cell whose Western and Asian fonts differ; one run: not split. Matches
 * what it wrote for every one of the sample's 19,024 strings.
 */
export function scriptRuns(s: string): { asian: boolean; text: string }[] {
  const runs: { asian: boolean; text: string }[] = [];
  let text = "";
  let script = 0;
  for (const ch of s) {
    const c = scriptOf(ch.codePointAt(0)!);
    if (c === 0 || c === script || text === "") {
      text += ch;
      if (script === 0) script = c;
      continue;
    }
    runs.push({ asian: script === 2, text });
    text = ch;
    script = c;
  }
  if (text !== "") runs.push({ asian: script === 2, text });
  return runs;
}

// the run properties LibreOffice wrote for the sample's cells (this machine's CJK font)
const LO_ASIAN =
  '<rPr><sz val="11"/><color rgb="FF000000"/><rFont val="WenQuanYi Zen Hei"/><family val="2"/></rPr>';
const LO_LATIN =
  '<rPr><sz val="11"/><color rgb="FF000000"/><rFont val="Calibri"/><family val="2"/><charset val="1"/></rPr>';

/** A shared string item's content as LibreOffice writes it. */
function loItem(s: string): string {
  const runs = scriptRuns(s);
  if (runs.length <= 1) return `<t xml:space="preserve">${escapeText(s)}</t>`;
  return runs
    .map(
      (r) =>
        `<r>${r.asian ? LO_ASIAN : LO_LATIN}<t xml:space="preserve">${escapeText(r.text)}</t></r>`
    )
    .join("");
}

const hasAsian = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x2e80) return true;
  return false;
};

// ---- the parts ----

/** A part written a piece at a time (a sheet of a million rows is never one string). */
class Pieces {
  private readonly encoder = new TextEncoder();
  readonly out: Uint8Array[] = [];
  private chunk = "";
  add(s: string): void {
    this.chunk += s;
    if (this.chunk.length > 1 << 20) this.flush();
  }
  flush(): Uint8Array[] {
    if (this.chunk) this.out.push(this.encoder.encode(this.chunk));
    this.chunk = "";
    return this.out;
  }
}

/** The workbook's shared strings: the sample's first (its other sheets refer to them), then new. */
class SharedStrings {
  private readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  /**
   * `sample`: the sample's items as written; `sampleTexts`: their text, for a form that writes
   * every item its own way (LibreOffice)
   */
  constructor(
    private readonly sample: string[],
    private readonly sampleTexts: string[] | null = null
  ) {}
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.sample.length + this.added.length;
      this.added.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  part(): Uint8Array[] {
    const total = this.sample.length + this.added.length;
    const p = new Pieces();
    p.add(`${XML_DECL}<sst xmlns="${MAIN}" count="${total}" uniqueCount="${total}">`);
    if (this.sampleTexts) {
      for (const s of this.sampleTexts) p.add(`<si>${loItem(s)}</si>`);
      for (const s of this.added) p.add(`<si>${loItem(s)}</si>`);
    } else {
      for (const x of this.sample) p.add(`<si>${x}</si>`);
      for (const s of this.added) p.add(`<si><t>${escapeText(s)}</t></si>`);
    }
    p.add("</sst>");
    return p.flush();
  }
}

/** How one form writes a sheet: its head and tail, a row's tag, a cell. */
interface SheetForm {
  head(dimension: string): string;
  /** `width`: the row's cells (Excel's spans) */
  row(r: number, width: number, header: boolean): string;
  cell(r: number, c: number, v: RawCell, header: boolean): string;
  tail: string;
}

function excelForm(strings: SharedStrings, inline: boolean): SheetForm {
  return {
    head: (dim) =>
      `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
      `<dimension ref="${dim}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`,
    row: (r, width) => `<row r="${r}" spans="1:${width}">`,
    cell: (r, c, v) => {
      if (v === null || typeof v === "object") return "";
      const ref = cellAddress(r, c);
      if (typeof v === "number") return `<c r="${ref}" s="1"><v>${v}</v></c>`;
      if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      if (inline) return `<c r="${ref}" t="inlineStr"><is><t>${charRefs(v)}</t></is></c>`;
      return `<c r="${ref}" t="s"><v>${strings.of(v)}</v></c>`;
    },
    tail: '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  };
}

function libreOfficeForm(strings: SharedStrings): SheetForm {
  return {
    head: (dim) =>
      `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      `<sheetPr filterMode="false"><tabColor rgb="FF2F75B5"/><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="${dim}"/>` +
      '<sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="false" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="60" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultColWidth="8.6796875" defaultRowHeight="15" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"></sheetFormatPr>' +
      '<cols><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="1" min="1" style="0" width="17"/><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="4" min="2" style="3" width="20"/><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="5" min="5" style="0" width="20"/><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="8" min="8" style="0" width="24"/><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="9" min="9" style="0" width="10"/><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="14" min="11" style="3" width="20"/><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="18" min="18" style="0" width="14"/><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="19" min="19" style="0" width="72"/></cols><sheetData>',
    row: (r, _width, header) =>
      header
        ? `<row r="${r}" customFormat="false" ht="19.5" hidden="false" customHeight="true" outlineLevel="0" collapsed="false">`
        : `<row r="${r}" customFormat="false" ht="15" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">`,
    cell: (r, c, v, header) => {
      if (v === null || typeof v === "object") return "";
      const ref = cellAddress(r, c);
      if (typeof v === "number") return `<c r="${ref}" s="3" t="n"><v>${loNumber(v)}</v></c>`;
      if (typeof v === "boolean")
        return `<c r="${ref}" s="0" t="b"><f aca="false">${v ? "TRUE" : "FALSE"}()</f><v>${v ? 1 : 0}</v></c>`;
      // the header's style; a text with CJK characters gets the style with the Asian font
      const s = header ? 4 : hasAsian(v) ? 5 : 0;
      return `<c r="${ref}" s="${s}" t="s"><v>${strings.of(v)}</v></c>`;
    },
    tail: '</sheetData><printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.511811023622047" footer="0.511811023622047"/><pageSetup paperSize="1" scale="100" fitToWidth="1" fitToHeight="1" pageOrder="downThenOver" orientation="portrait" blackAndWhite="false" draft="false" cellComments="none" horizontalDpi="300" verticalDpi="300" copies="1"/><headerFooter differentFirst="false" differentOddEven="false"><oddHeader></oddHeader><oddFooter></oddFooter></headerFooter></worksheet>',
  };
}

function wpsForm(strings: SharedStrings): SheetForm {
  return {
    head: (dim) =>
      `${XML_DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">` +
      `<sheetPr/><dimension ref="${dim}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
      '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/><sheetData>',
    row: (r, width) => `<row r="${r}" spans="1:${width}">`,
    cell: (r, c, v, header) => {
      if (v === null || typeof v === "object") return "";
      const ref = cellAddress(r, c);
      if (typeof v === "number") return `<c r="${ref}" s="3"><v>${v}</v></c>`;
      if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      return `<c r="${ref}"${header ? ' s="4"' : ""} t="s"><v>${strings.of(v)}</v></c>`;
    },
    tail: '</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><headerFooter/></worksheet>',
  };
}

/** A sheet part: its rows (values[0] on row 1), header rows as `headerRows` says. */
function sheetPart(
  form: SheetForm,
  values: RawCell[][],
  headerRows: Set<number>,
  extra?: (r: number, p: Pieces) => void,
  extraColumns = 0
): Uint8Array[] {
  const p = new Pieces();
  const columns = values.reduce((m, r) => Math.max(m, r.length), 0) + extraColumns;
  p.add(form.head(`A1:${cellAddress(values.length, columns)}`));
  values.forEach((row, i) => {
    const r = i + 1;
    const header = headerRows.has(r);
    let s = form.row(r, row.length + extraColumns, header);
    for (let j = 0; j < row.length; j++) s += form.cell(r, j + 1, row[j], header);
    p.add(s);
    extra?.(r, p);
    p.add("</row>");
  });
  p.add(form.tail);
  return p.flush();
}

/** The 工单 sheet in WPS's form: the tickets and a 状态 column of one shared formula. */
function wpsTickets(form: SheetForm, tickets: RawTable): Uint8Array[] {
  const header = tickets.values[0];
  const col = header.length + 1;
  const last = tickets.values.length;
  const values = tickets.values;
  return sheetPart(
    form,
    values,
    new Set([1]),
    (r, p) => {
      const ref = cellAddress(r, col);
      if (r === 1) p.add(form.cell(1, col, WPS_STATUS_HEADER, true));
      else {
        // the first cell holds the formula and its range, the others refer to it by si
        const f =
          r === 2
            ? `<f t="shared" ref="${ref}:${cellAddress(last, col)}" si="0">${escapeText(wpsFormula(header, 2))}</f>`
            : '<f t="shared" si="0"/>';
        p.add(
          `<c r="${ref}" t="str">${f}<v>${escapeText(wpsStatus(header, values[r - 1]))}</v></c>`
        );
      }
    },
    1
  );
}

/** Adds sheets after `after` in the tab order (each part, its relationship, its <sheet>). */
function addSheets(pkg: XlsxPackage, after: string, sheets: [string, Uint8Array[]][]): void {
  const rp = pkg.relPrefix();
  let id = pkg.sheets().reduce((m, s) => Math.max(m, s.sheetId), 0);
  const tags = sheets.map(([name, content]) => {
    const part = pkg.freeName("xl/worksheets/sheet", ".xml");
    pkg.set(part, content);
    pkg.addContentType(part, CONTENT_TYPE.worksheet);
    const rid = pkg.addRel(pkg.workbookPart, REL_TYPE.worksheet, part);
    return `<sheet name="${escapeAttr(name)}" sheetId="${++id}" state="visible" ${rp}id="${rid}"/>`;
  });
  const xml = pkg.workbookXml();
  const at = xml.indexOf(">", xml.indexOf(`name="${escapeAttr(after)}"`)) + 1;
  pkg.set(pkg.workbookPart, xml.slice(0, at) + tags.join("") + xml.slice(at));
}

/** The workbook in a form, as zip pieces (write them in order); `level` 1 for a quicker build. */
export function buildForm(
  sampleBytes: Uint8Array,
  n: number,
  form: Form,
  level: 1 | 6 = 6,
  uniqueText = false
): Uint8Array[] {
  const wb = XlsxWorkbook.open(sampleBytes);
  const pkg = wb.package;
  const ticketsSheet = pkg.sheets().find((s) => s.name === "工单")!;
  const tickets = grownTickets(wb, n, uniqueText);
  const sstPart = pkg.workbookRelated(REL_TYPE.sharedStrings)!;
  const sampleItems = [...pkg.text(sstPart).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  // LibreOffice writes the sample's strings its own way too (their text as the reader reads it)
  const strings = new SharedStrings(
    sampleItems,
    form === "libreoffice" ? readSharedStrings(pkg, sstPart) : null
  );
  const one = new Set([1]);
  if (form === "excel" || form === "inline") {
    pkg.set(
      ticketsSheet.part!,
      sheetPart(excelForm(strings, form === "inline"), tickets.values, one)
    );
  } else if (form === "libreoffice") {
    pkg.set(ticketsSheet.part!, sheetPart(libreOfficeForm(strings), tickets.values, one));
  } else if (form === "wps") {
    pkg.set(ticketsSheet.part!, wpsTickets(wpsForm(strings), tickets));
  } else {
    const { months, mapping } = splitByMonth(tickets);
    const excel = excelForm(strings, false);
    const two = new Set([2]);
    // the first month takes the 工单 sheet's place and part, the others and 列映射 follow it
    pkg.set(ticketsSheet.part!, sheetPart(excel, months[0].values, two));
    const xml = pkg.workbookXml();
    pkg.set(pkg.workbookPart, xml.replace('name="工单"', `name="${escapeAttr(months[0].name)}"`));
    addSheets(pkg, months[0].name, [
      ...months
        .slice(1)
        .map((m): [string, Uint8Array[]] => [m.name, sheetPart(excel, m.values, two)]),
      [mapping.name, sheetPart(excel, mapping.values, one)],
    ]);
  }
  pkg.set(sstPart, strings.part());
  return pkg.toZip(level);
}

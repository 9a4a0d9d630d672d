// A sheet spec → the XML of a new worksheet part (and its tables): values, number formats,
// highlights, internal links, frozen header, column widths, print setup, data bars. Text is
// always an inline string (never a formula, never a change to the shared strings); numbers are
// always finite; dates are serials of the workbook's own date system.
import {
  Format,
  alignsRight,
  Highlight,
  SheetSpec,
  SpecCell,
  TableBlock,
  TemplateSheetSpec,
  isLink,
  PrintSetup,
  cellFormat,
  filteredOut,
  RowFilter,
  indentsAfter,
  lastCellColumn,
} from "../engine/layout/spec";
import { DATA_BAR_COLOR, HIGHLIGHT, NUM_FMT, TABLE_STYLE, TEXT } from "../engine/layout/styles";
import { LINE_PT, PRINT_MARGINS, printTitles, stretchedCells } from "../engine/layout/print";
import { cellAddress, columnLetter, sheetReference } from "../engine/table";
import { dayToSerial, secondsToSerial } from "../engine/time";
import { DAYS_1904 } from "../engine/parse";
import { NS_MAIN, NS_REL } from "./package";
import { CellStyle, StyleBook } from "./styles";
import { escapeAttr, escapeText } from "./xml";

/** Excel keeps at most this many hyperlinks on a worksheet; the rest are written as plain text. */
import { MAX_LINKS_PER_SHEET } from "../engine/layout/spec";
export { MAX_LINKS_PER_SHEET };
export const MAX_CELL_CHARS = 32767;

export interface TablePart {
  /** filled in by the caller: the workbook-unique id and name */
  id: number;
  name: string;
  xml: (id: number, name: string) => string;
  wantedName: string;
}

export interface WrittenSheet {
  /** the worksheet XML, in pieces (a large sheet is never one string) */
  pieces: string[];
  tables: TablePart[];
  /** rows and columns repeated on every printed page, e.g. `$A:$B,$3:$3` (sheet-qualified by the caller) */
  printTitles: string[];
  /** links left out over Excel's limit */
  linksDropped: number;
}

interface Cell {
  col: number;
  xml: string;
}

/** Collects cells row by row and writes <sheetData>. */
class Grid {
  private readonly rows: Cell[][] = [];
  links: string[] = [];
  linksDropped = 0;

  constructor(
    private readonly styles: StyleBook,
    private readonly date1904: boolean
  ) {}

  private put(row: number, col: number, xml: string): void {
    (this.rows[row - 1] ??= []).push({ col, xml });
  }

  private serial(day: number | null, seconds: number | null): number {
    const s = day !== null ? dayToSerial(day) : secondsToSerial(seconds!);
    return this.date1904 ? s - DAYS_1904 : s;
  }

  /** Writes one value with a style. */
  value(row: number, col: number, c: SpecCell | undefined, style: CellStyle): void {
    const v = c?.v ?? null;
    const ref = cellAddress(row, col);
    const hasStyle = Object.values(style).some((x) => x !== undefined && x !== false);
    const s = hasStyle ? ` s="${this.styles.xf(style)}"` : "";
    if (v === null) {
      if (hasStyle) this.put(row, col, `<c r="${ref}"${s}/>`);
      return;
    }
    if (typeof v === "number") {
      if (Number.isFinite(v)) this.put(row, col, `<c r="${ref}"${s}><v>${v}</v></c>`);
      else this.text(row, col, ref, "", s);
      return;
    }
    if (typeof v === "boolean") {
      this.put(row, col, `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`);
      return;
    }
    if ("text" in v && !isLink(v)) {
      this.text(row, col, ref, v.text, s);
      return;
    }
    if (isLink(v)) {
      this.text(row, col, ref, v.text, s);
      return;
    }
    const serial = "day" in v ? this.serial(v.day, null) : this.serial(null, v.seconds);
    this.put(row, col, `<c r="${ref}"${s}><v>${serial}</v></c>`);
  }

  private text(row: number, col: number, ref: string, text: string, s: string): void {
    const t = text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
    const space = /^\s|\s$/.test(t) ? ' xml:space="preserve"' : "";
    this.put(
      row,
      col,
      `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeText(t)}</t></is></c>`
    );
  }

  /** An internal link (`location`, no relationship), when under Excel's per-sheet limit. */
  link(row: number, col: number, sheet: string, cell: string, display: string): boolean {
    if (this.links.length >= MAX_LINKS_PER_SHEET) {
      this.linksDropped++;
      return false;
    }
    const location = sheetReference(sheet, cell);
    this.links.push(
      `<hyperlink ref="${cellAddress(row, col)}" location="${escapeAttr(location)}" display="${escapeAttr(display.slice(0, 255))}"/>`
    );
    return true;
  }

  /**
   * The <sheetData> element in pieces, rows in order, cells in column order; `tall`: row → lines;
   * `hidden`: rows (1-based) a table's filter hides.
   */
  sheetData(
    out: string[],
    tall: [number, number][] = [],
    hidden: Set<number> = new Set()
  ): { lastRow: number; lastCol: number } {
    const lines = new Map(tall);
    out.push("<sheetData>");
    let lastRow = 0;
    let lastCol = 0;
    let piece = "";
    for (let i = 0; i < this.rows.length; i++) {
      const cells = this.rows[i];
      if (!cells) continue;
      cells.sort((a, b) => a.col - b.col);
      lastRow = i + 1;
      lastCol = Math.max(lastCol, cells[cells.length - 1].col);
      const n = lines.get(i + 1);
      let r = `<row r="${i + 1}"${n ? ` ht="${n * LINE_PT}" customHeight="1"` : ""}${hidden.has(i + 1) ? ' hidden="1"' : ""}>`;
      for (const c of cells) r += c.xml;
      piece += r + "</row>";
      if (piece.length > 1 << 16) {
        out.push(piece);
        piece = "";
      }
    }
    if (piece) out.push(piece);
    out.push("</sheetData>");
    return { lastRow, lastCol };
  }
}

const numFmt = (f: Format | undefined): string | undefined =>
  f && f !== "text" ? NUM_FMT[f] : undefined;

function cellStyle(
  c: SpecCell | undefined,
  columnFormat: Format | undefined,
  rowHl: Highlight | null | undefined
): CellStyle {
  const hl = c?.highlight ?? rowHl ?? undefined;
  const style: CellStyle = { numFmt: numFmt(c?.format ?? columnFormat) };
  if (hl) {
    style.fill = HIGHLIGHT[hl].fill;
    style.color = HIGHLIGHT[hl].font;
  }
  if (c?.bold) style.bold = true;
  if (isLink(c?.v)) {
    style.underline = true;
    style.color = hl ? HIGHLIGHT[hl].font : TEXT.link;
  }
  return style;
}

/** Column widths in characters of the workbook's default font. */
function colsXml(widths: number[], styleOf?: (i: number) => number | null): string {
  if (!widths.length) return "";
  return (
    "<cols>" +
    widths
      .map((w, i) => {
        const st = styleOf?.(i);
        return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${st ? ` style="${st}"` : ""}/>`;
      })
      .join("") +
    "</cols>"
  );
}

function sheetViewXml(freezeRows: number, selected = false): string {
  const view = `<sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  if (!freezeRows) return `<sheetViews>${view}/></sheetViews>`;
  return (
    `<sheetViews>${view}><pane ySplit="${freezeRows}" topLeftCell="A${freezeRows + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${freezeRows + 1}" sqref="A${freezeRows + 1}"/></sheetView></sheetViews>`
  );
}

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
/** A sheet spec made without the layout's print setup (own sheets, tests): one page wide, sideways. */
const DEFAULT_PRINT: PrintSetup = {
  orientation: "landscape",
  fit: "width",
  repeatRow: null,
  repeatColumns: 0,
  breakBefore: null,
  footer: ["&A", "&P / &N", ""],
  tallRows: [],
};

function marginsXml(): string {
  const m = PRINT_MARGINS;
  return `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
}

/** margins, page set-up, footer and the page break, in the order CT_Worksheet has them */
function printXml(p: PrintSetup): string {
  const margins = marginsXml();
  const fit =
    p.fit === "page"
      ? ' fitToWidth="1" fitToHeight="1"'
      : p.fit === "width"
        ? ' fitToWidth="1" fitToHeight="0"'
        : ` scale="${p.fit}"`;
  const footer = p.footer.map((f, i) => (f ? `&${"LCR"[i]}${f}` : "")).join("");
  return (
    margins +
    `<pageSetup paperSize="9" orientation="${p.orientation}"${fit}/>` +
    (footer ? `<headerFooter><oddFooter>${escapeText(footer)}</oddFooter></headerFooter>` : "") +
    (p.breakBefore
      ? `<rowBreaks count="1" manualBreakCount="1"><brk id="${p.breakBefore - 1}" max="16383" man="1"/></rowBreaks>`
      : "")
  );
}

/** Unique table column names (Excel requires them), as the header cells then read. */
function tableHeaders(b: TableBlock): string[] {
  const seen = new Set<string>();
  return b.columns.map((c) => {
    let h = c.header.trim() || "列";
    let n = 2;
    while (seen.has(h.toLowerCase())) h = `${c.header.trim() || "列"}${n++}`;
    seen.add(h.toLowerCase());
    return h;
  });
}

function tablePart(b: TableBlock, headers: string[], filter?: RowFilter): TablePart {
  const last = columnLetter(b.columns.length);
  const ref = `A${b.row}:${last}${b.row + Math.max(1, b.rows.length)}`;
  // the filter as Excel's filter button writes it (the rows it hides are hidden in the sheet)
  const filterXml =
    filter && filter.table === b.name
      ? `<filterColumn colId="${filter.column}"><filters>${filter.values.map((v) => `<filter val="${escapeAttr(v)}"/>`).join("")}</filters></filterColumn>`
      : "";
  return {
    id: 0,
    name: b.name,
    wantedName: b.name,
    xml: (id, name) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS_MAIN}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
      (filterXml
        ? `<autoFilter ref="${ref}">${filterXml}</autoFilter>`
        : `<autoFilter ref="${ref}"/>`) +
      `<tableColumns count="${headers.length}">` +
      headers
        .map(
          (h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(h.replace(/\n/g, "_x000a_"))}"/>`
        )
        .join("") +
      `</tableColumns><tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  };
}

/** The worksheet XML for a result (or own) sheet spec. Table rIds are `rIdT1…`. */
export function sheetXml(
  spec: SheetSpec,
  styles: StyleBook,
  date1904: boolean,
  /** the sheet the workbook opens on (its tab selected) */
  selected = false,
  /** its name in a macro workbook's VBA project (an .xlsm's sheets each have one) */
  codeName?: string
): WrittenSheet {
  const g = new Grid(styles, date1904);
  const wraps = new Set(spec.wrap ?? []);
  // long text wraps in the columns the layout narrowed for the page; the cells beside it keep to
  // the top of the row with it
  const wrapped = (col: number, style: CellStyle): CellStyle =>
    wraps.has(col - 1) ? { ...style, wrap: true } : wraps.size ? { ...style, top: true } : style;
  g.value(1, 1, { v: { text: spec.title } }, { ...TEXT.title });
  // the subtitle wraps over the sheet's width: row 2 is merged across every column, so it never
  // widens the printed page (a long one ran far past the last column)
  g.value(2, 1, { v: { text: spec.subtitle } }, { ...TEXT.subtitle, wrap: true });
  const tables: TablePart[] = [];
  const hidden = new Set<number>();
  let dataBar = "";
  for (const b of spec.blocks) {
    if (b.caption) g.value(b.row - 1, 1, { v: { text: b.caption } }, { ...TEXT.caption });
    if (b.kind === "table") {
      const headers = tableHeaders(b);
      headers.forEach((h, j) =>
        g.value(
          b.row,
          j + 1,
          { v: { text: h } },
          alignsRight(b.columns[j].format) ? { align: "right" } : {}
        )
      );
      b.rows.forEach((r, i) => {
        const row = b.row + 1 + i;
        b.columns.forEach((c, j) => {
          const cell = r[j];
          const v = cell?.v;
          const linked = isLink(v) && g.link(row, j + 1, v.link.sheet, v.link.cell, v.text);
          // a link over Excel's limit is written as plain text, and looks like it
          const shown = isLink(v) && !linked ? { ...cell, v: { text: v.text } } : cell;
          const style = cellStyle(shown, c.format, b.rowHighlight?.[i]);
          if (indentsAfter(b.columns[j - 1]?.format, c.format)) style.indent = true;
          g.value(row, j + 1, cell, wrapped(j + 1, style));
        });
      });
      tables.push(tablePart(b, headers, spec.filter));
      for (const i of filteredOut(b, spec.filter)) hidden.add(b.row + 1 + i);
      if (b.dataBarColumn !== undefined && b.rows.length) {
        const L = columnLetter(b.dataBarColumn + 1);
        dataBar =
          `<conditionalFormatting sqref="${L}${b.row + 1}:${L}${b.row + b.rows.length}"><cfRule type="dataBar" priority="1">` +
          `<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${DATA_BAR_COLOR}"/></dataBar></cfRule></conditionalFormatting>`;
      }
    } else {
      b.rows.forEach((r, i) => {
        const [label, value, extra] = r;
        const row = b.row + i;
        // a stretched row's last cell wraps over the merged columns; the others keep to the top
        const last = b.stretch ? lastCellColumn(r) + 1 : 0;
        const styled = (col: number, style: CellStyle): CellStyle =>
          col === last
            ? { ...style, wrap: true }
            : last
              ? { ...wrapped(col, style), top: true }
              : wrapped(col, style);
        g.value(row, 1, { v: { text: label } }, styled(1, { ...TEXT.label }));
        const put = (col: number, c: SpecCell | undefined, left?: SpecCell) => {
          const v = c?.v;
          const linked = isLink(v) && g.link(row, col, v.link.sheet, v.link.cell, v.text);
          const shown = isLink(v) && !linked ? { ...c, v: { text: v.text } } : c;
          const style = cellStyle(shown, undefined, null);
          if (left && indentsAfter(cellFormat(left), c?.format)) style.indent = true;
          g.value(row, col, shown, styled(col, style));
        };
        put(2, value);
        if (extra) put(3, extra, value);
      });
    }
  }
  const first = spec.blocks.find((b): b is TableBlock => b.kind === "table");
  const widths = spec.widths ?? first?.columns.map((c) => c.width) ?? [];
  const print = spec.print ?? DEFAULT_PRINT;
  const out: string[] = [];
  const data: string[] = [];
  const { lastRow, lastCol } = g.sheetData(data, print.tallRows, hidden);
  out.push(
    HEAD +
      `<sheetPr${codeName ? ` codeName="${escapeAttr(codeName)}"` : ""}>${spec.tabColor ? `<tabColor rgb="${escapeAttr(spec.tabColor)}"/>` : ""}${typeof print.fit === "number" ? "" : '<pageSetUpPr fitToPage="1"/>'}</sheetPr>` +
      `<dimension ref="A1:${columnLetter(Math.max(1, lastCol))}${Math.max(1, lastRow)}"/>` +
      sheetViewXml(spec.freezeRows, selected) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      colsXml(widths)
  );
  out.push(...data);
  const across = widths.length;
  // the subtitle over every column, and each stretched key/value cell to the last one
  const merges = [
    ...(across > 1 ? [`A2:${columnLetter(across)}2`] : []),
    ...stretchedCells(spec)
      .filter(([, col]) => col < across)
      .map(([row, col]) => `${columnLetter(col)}${row}:${columnLetter(across)}${row}`),
  ];
  let end =
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "") + dataBar;
  if (g.links.length) end += `<hyperlinks>${g.links.join("")}</hyperlinks>`;
  end += printXml(print);
  if (tables.length)
    end += `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rIdT${i + 1}"/>`).join("")}</tableParts>`;
  out.push(end + "</worksheet>");
  return {
    pieces: out,
    tables,
    printTitles: printTitles(print),
    linksDropped: g.linksDropped,
  };
}

export interface WrittenTemplate {
  xml: string;
  /** the header notes: cell → text */
  notes: { ref: string; text: string }[];
}

/** An empty input sheet: bold headers with notes, drop-down lists, the columns' formats. */
export function templateXml(
  spec: TemplateSheetSpec,
  styles: StyleBook,
  date1904: boolean
): WrittenTemplate {
  const g = new Grid(styles, date1904);
  spec.columns.forEach((c, j) =>
    g.value(
      1,
      j + 1,
      { v: { text: c.header } },
      {
        bold: true,
        color: c.required ? TEXT.templateHeader.required : TEXT.templateHeader.optional,
        fill: TEXT.templateHeader.fill,
      }
    )
  );
  const data: string[] = [];
  g.sheetData(data);
  const last = spec.rows + 1;
  const validations = spec.columns
    .map((c, j) => {
      if (!c.list) return "";
      const L = columnLetter(j + 1);
      return (
        `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${escapeAttr("无效值 invalid value")}" ` +
        `error="${escapeAttr(`请从列表中选择：${c.list.join("、")}`.slice(0, 225))}" sqref="${L}2:${L}${last}">` +
        `<formula1>${escapeText(`"${c.list.join(",")}"`)}</formula1></dataValidation>`
      );
    })
    .filter(Boolean);
  const colStyle = (i: number) => {
    const f = numFmt(spec.columns[i].format);
    return f ? styles.xf({ numFmt: f }) : null;
  };
  const xml =
    HEAD +
    `<dimension ref="A1:${columnLetter(Math.max(1, spec.columns.length))}1"/>` +
    sheetViewXml(1) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(
      spec.columns.map((c) => c.width),
      colStyle
    ) +
    data.join("") +
    (validations.length
      ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`
      : "") +
    marginsXml() +
    '<legacyDrawing r:id="rIdV1"/>' +
    "</worksheet>";
  return { xml, notes: spec.columns.map((c, j) => ({ ref: cellAddress(1, j + 1), text: c.note })) };
}

/** The comments part of a template's header notes. */
export function commentsXml(notes: { ref: string; text: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors><author>接诉即办合同考核</author></authors><commentList>` +
    notes
      .map(
        (n) =>
          `<comment ref="${n.ref}" authorId="0"><text><r><t xml:space="preserve">${escapeText(n.text)}</t></r></text></comment>`
      )
      .join("") +
    "</commentList></comments>"
  );
}

/** The legacy (VML) drawing Excel needs to show notes; `idBlock` is unique in the workbook. */
export function notesVml(notes: { ref: string }[], idBlock: number): string {
  const shapes = notes
    .map((_, i) => {
      const col = i; // notes sit on row 1, column i + 1 (0-based in VML)
      return (
        `<v:shape id="_x0000_s${idBlock * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, 0, 2, ${col + 4}, 15, 5, 2</x:Anchor>` +
        `<x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes +
    "</xml>"
  );
}

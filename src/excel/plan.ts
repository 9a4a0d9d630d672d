/// <reference types="office-js" />
// Sheet specs → a list of small Office.js operations ("ops"), each with its estimated request
// size. The adapter packs consecutive ops into batches under the request budget and syncs once
// per batch. The order is the order Excel needs: sheet, number formats and values (formats
// first, in the same op, so text is never parsed), tables, styles, links, freeze, widths.
// Every op writes to the sheet it created; none touches any other sheet.
import {
  ColumnSpec,
  Highlight,
  KeyValueBlock,
  PrintSetup,
  SheetSpec,
  SpecCell,
  TableBlock,
  TemplateSheetSpec,
  alignsRight,
  isLink,
  cellFormat,
  indentsAfter,
  RowFilter,
} from "../engine/layout/spec";
import { columnLetter } from "../engine/table";
import {
  BULK_CELLS,
  BULK_CHUNK_BYTES,
  Budget,
  COMMAND_BYTES,
  bulkOverhead,
  jsonBytes,
  utf8Length,
} from "./budget";
import {
  LINK_COLOR,
  NUM_FMT,
  OfficeCell,
  TEXT_FORMAT,
  CALIBRI_DIGIT_PX,
  columnWidthPoints,
  cssColor,
  digitWidthPx,
  highlightColors,
  officeCell,
  textCell,
} from "./cells";
import { DATA_BAR_COLOR, TABLE_STYLE, TEXT } from "../engine/layout/styles";
import { LINE_PT, PRINT_MARGINS, printTitles, stretchedCells } from "../engine/layout/print";

export type OpKind =
  | "create"
  | "values"
  | "style"
  | "link"
  | "table"
  | "dataBar"
  | "width"
  | "freeze"
  | "pageLayout"
  | "formats"
  | "validation"
  | "note"
  | "measure"
  | "delete";

export interface Op {
  /** the sheet's final name (for progress) */
  sheet: string;
  /** what it does (the budget test compares each kind's estimate with its real request bytes) */
  kind: OpKind;
  /** estimated request bytes */
  bytes: number;
  /** cells written (values and formats counted apart) */
  cells: number;
  apply(context: Excel.RequestContext): void;
}

/** Optional APIs, decided once per run from the requirement sets the host supports. */
export interface Features {
  /** ExcelApi 1.8: range.dataValidation (template drop-downs) */
  validation: boolean;
  /** ExcelApi 1.9: worksheet.pageLayout */
  pageLayout: boolean;
  /** ExcelApi 1.18: worksheet.notes */
  notes: boolean;
  /** ExcelApi 1.10: workbook.comments (threaded comments, used when notes are missing) */
  comments: boolean;
  /** ExcelApi 1.9: range.setCellProperties (many links, with their font, in one call) */
  cellProperties: boolean;
}

/** The worksheet proxy an earlier op created; later ops of the same Excel.run use it. */
export class SheetRef {
  ws: Excel.Worksheet | null = null;
  constructor(
    /** the name the sheet is created under (a temporary name for replaced sheets) */
    readonly createAs: string,
    /** the name it will have in the end */
    readonly finalName: string
  ) {}

  get(): Excel.Worksheet {
    if (!this.ws) throw new Error(`sheet ${this.createAs} used before it was created`);
    return this.ws;
  }
}

/**
 * A range of the sheet `ref` made, untracked at once. Office.js otherwise keeps a reference to
 * every range an Excel.run creates and releases them all in one request when the run ends: for a
 * 40,000-row sheet that request alone is over Excel on the web's 5 MB (refused, retried, dropped,
 * leaving Excel holding the references). Untracked, a range costs nothing after its request.
 */
export function rangeAt(
  ref: SheetRef,
  row: number,
  col: number,
  rows: number,
  cols: number
): Excel.Range {
  return ref.get().getRangeByIndexes(row, col, rows, cols).untrack();
}

/**
 * The width of the workbook's characters, which column widths in points depend on: measured on
 * the first sheet the write creates, before any of its columns is resized (its column A then has
 * the workbook's default width, in the workbook's Normal font). The width ops come in batches
 * after the one that measured; until then (and when the measurement fails) Calibri 11's is used.
 */
export class ColumnScale {
  digitPx = CALIBRI_DIGIT_PX;
  private probe: { ws: Excel.Worksheet; cell: Excel.Range } | null = null;

  /** queues the measurement on `ref`'s new sheet: put it right after the op that creates it */
  measureOp(ref: SheetRef): Op {
    return {
      sheet: ref.finalName,
      kind: "measure",
      bytes: 3 * COMMAND_BYTES,
      cells: 0,
      apply: () => {
        const ws = ref.get();
        ws.load("standardWidth");
        const cell = rangeAt(ref, 0, 0, 1, 1);
        cell.format.load("columnWidth");
        this.probe = { ws, cell };
      },
    };
  }

  /** after the sync that ran measureOp */
  settle(): void {
    if (!this.probe) return;
    const { ws, cell } = this.probe;
    this.probe = null;
    try {
      this.digitPx = digitWidthPx(ws.standardWidth, cell.format.columnWidth);
    } catch {
      // not loaded (a host without the properties): Calibri's width stays
    }
  }

  points(chars: number): number {
    return columnWidthPoints(chars, this.digitPx);
  }

  /**
   * `ops` in two phases: everything but the widths, with the measurement right after `ref`'s
   * sheet is created; then the widths, to run after settle().
   */
  phases(ops: Op[], ref: SheetRef): [Op[], Op[]] {
    const first = ops.filter((o) => o.kind !== "width");
    const at = first.findIndex((o) => o.kind === "create" && o.sheet === ref.finalName);
    if (at >= 0) first.splice(at + 1, 0, this.measureOp(ref));
    return [first, ops.filter((o) => o.kind === "width")];
  }
}

/** Largest value op: a quarter of the budget, so several pack into one request. */
function chunkBudget(budget: Budget): Budget {
  return {
    bytes: Math.max(1, Math.floor(budget.bytes / 4)),
    cells: Math.max(1, Math.floor(budget.cells / 4)),
  };
}

interface Rect {
  /** 1-based */
  row: number;
  col: number;
  cells: OfficeCell[][];
}

/** A rectangle of values, split into row chunks; each chunk sets the number formats, then the values. */
function valueOps(ref: SheetRef, rect: Rect, budget: Budget): Op[] {
  const width = Math.max(0, ...rect.cells.map((r) => r.length));
  if (!width || !rect.cells.length) return [];
  const limit = chunkBudget(budget);
  const rows = rect.cells.map((r) => {
    const values = new Array(width).fill(null);
    const formats = new Array(width).fill(null);
    r.forEach((c, j) => {
      values[j] = c.value;
      formats[j] = c.format;
    });
    return { values, formats, bytes: jsonBytes(values) + jsonBytes(formats) };
  });
  // what Office.js's chunking of large sets adds per row, for the values and the formats
  const perRow = (2 * width * BULK_CHUNK_BYTES) / BULK_CELLS;
  const ops: Op[] = [];
  const push = (start: number, end: number, bytes: number) => {
    const slice = rows.slice(start, end);
    const values = slice.map((r) => r.values);
    const formats = slice.map((r) => r.formats);
    ops.push({
      sheet: ref.finalName,
      kind: "values",
      bytes: bytes + 2 * COMMAND_BYTES + 2 * bulkOverhead(values.length * width),
      cells: 2 * values.length * width,
      apply: () => {
        const range = rangeAt(ref, rect.row - 1 + start, rect.col - 1, end - start, width);
        // formats first: a cell is Text ('@') before its string arrives, so Excel keeps it as typed
        range.numberFormat = formats;
        range.values = values;
      },
    });
  };
  let start = 0;
  let bytes = 0;
  rows.forEach((r, i) => {
    if (
      i > start &&
      (bytes + (i - start + 1) * perRow + r.bytes > limit.bytes ||
        2 * (i - start + 1) * width > limit.cells)
    ) {
      push(start, i, bytes);
      start = i;
      bytes = 0;
    }
    bytes += r.bytes;
  });
  push(start, rows.length, bytes);
  return ops;
}

interface Style {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  underline?: boolean;
  /** horizontal alignment (headers over numbers) */
  align?: "Right";
  /** vertical alignment (beside wrapped text in a taller row) */
  valign?: "Top";
  wrap?: boolean;
  /** the rows fitted to their (wrapped) text by Excel */
  autofitRows?: boolean;
  /** set in from the left by one indent (text after a number); ExcelApi 1.9 */
  indent?: boolean;
  /** the rows' height in points (after any fitting) */
  rowHeight?: number;
}

function styleOp(
  ref: SheetRef,
  row: number,
  col: number,
  rows: number,
  cols: number,
  s: Style
): Op {
  const props = Object.values(s).filter((v) => v !== undefined).length;
  return {
    sheet: ref.finalName,
    kind: "style",
    // measured through the real client: a range, its format (and fill or font) paths, and a set
    // action per property: about 470 bytes plus 230 a property (test/excel/budget.test.ts),
    // and more once a batch's object path ids run to five digits (thousands of ops in one batch)
    bytes: 400 + COMMAND_BYTES * props,
    cells: 0,
    apply: () => {
      const format = rangeAt(ref, row - 1, col - 1, rows, cols).format;
      if (s.fill !== undefined) format.fill.color = s.fill;
      if (s.fontColor !== undefined) format.font.color = s.fontColor;
      if (s.bold !== undefined) format.font.bold = s.bold;
      if (s.size !== undefined) format.font.size = s.size;
      if (s.underline) format.font.underline = "Single";
      if (s.align) format.horizontalAlignment = s.align;
      if (s.valign) format.verticalAlignment = s.valign;
      if (s.wrap) format.wrapText = true;
      if (s.autofitRows) format.autofitRows();
      if (s.indent) {
        format.horizontalAlignment = "Left";
        format.indentLevel = 1;
      }
      if (s.rowHeight !== undefined) format.rowHeight = s.rowHeight;
    },
  };
}

function linkOp(ref: SheetRef, row: number, col: number, link: Link): Op {
  return {
    sheet: ref.finalName,
    kind: "link",
    bytes: 2 * COMMAND_BYTES + utf8Length(link.documentReference) + utf8Length(link.textToDisplay),
    cells: 0,
    apply: () => {
      rangeAt(ref, row - 1, col - 1, 1, 1).hyperlink = {
        documentReference: link.documentReference,
        textToDisplay: link.textToDisplay,
      };
    },
  };
}

/** One cell of a column, for the link ops: its spec cell, its row's highlight, its Office cell. */
interface ColumnCell {
  cell: SpecCell | undefined;
  rowHl: Highlight | null | undefined;
  office: OfficeCell | undefined;
}

/** The link's font colour: the highlight's, or the link blue. */
function linkColor({ cell, rowHl }: ColumnCell): string {
  const h = cell?.highlight ?? rowHl;
  return h ? highlightColors(h).font : LINK_COLOR;
}

/**
 * The links of one column (rows from `row` on), underlined, in the link blue or in the
 * highlight's font colour. Comes after the highlight ops, whose font colour it overrides for
 * links, as in the .xlsx writer. With range.setCellProperties (ExcelApi 1.9) a run of
 * neighbouring links is one call, each link with its font (about 140 bytes a link); without it
 * each link is a hyperlink set on its own cell (about 520 bytes) and neighbouring links of one
 * colour share a font op.
 */
function linkOps(
  ref: SheetRef,
  row: number,
  col: number,
  cells: ColumnCell[],
  features: Features,
  budget: Budget
): Op[] {
  const links = cells.map((c) => (isLink(c.cell?.v) ? c.office?.link : undefined));
  return features.cellProperties
    ? cellPropertiesLinkOps(ref, row, col, cells, links, budget)
    : [
        ...links.flatMap((link, i) => (link ? [linkOp(ref, row + i, col, link)] : [])),
        ...linkFontOps(ref, row, col, cells, links),
      ];
}

type Link = NonNullable<OfficeCell["link"]>;

function cellPropertiesLinkOps(
  ref: SheetRef,
  row: number,
  col: number,
  cells: ColumnCell[],
  links: (Link | undefined)[],
  budget: Budget
): Op[] {
  const limit = chunkBudget(budget).bytes;
  const ops: Op[] = [];
  let start = -1;
  let data: Excel.SettableCellProperties[][] = [];
  let bytes = 0;
  const flush = () => {
    if (start >= 0 && data.length) {
      const [first, grid, size] = [start, data, bytes];
      ops.push({
        sheet: ref.finalName,
        kind: "link",
        // measured through the real client: a range path, the call, and the grid's JSON
        bytes: 2 * COMMAND_BYTES + size,
        cells: grid.length,
        apply: () => rangeAt(ref, row - 1 + first, col - 1, grid.length, 1).setCellProperties(grid),
      });
    }
    start = -1;
    data = [];
    bytes = 0;
  };
  links.forEach((link, i) => {
    if (!link) return flush();
    const props: Excel.SettableCellProperties = {
      hyperlink: { documentReference: link.documentReference, textToDisplay: link.textToDisplay },
      format: { font: { color: linkColor(cells[i]), underline: "Single" } },
    };
    const size = jsonBytes(props) + 4;
    if (start >= 0 && bytes + size > limit) flush();
    if (start < 0) start = i;
    data.push([props]);
    bytes += size;
  });
  flush();
  return ops;
}

function linkFontOps(
  ref: SheetRef,
  row: number,
  col: number,
  cells: ColumnCell[],
  links: (Link | undefined)[]
): Op[] {
  const ops: Op[] = [];
  let start = -1;
  let color = "";
  const flush = (end: number) => {
    if (start >= 0)
      ops.push(
        styleOp(ref, row + start, col, end - start, 1, { fontColor: color, underline: true })
      );
    start = -1;
  };
  cells.forEach((cell, i) => {
    if (!links[i]) return flush(i);
    const c = linkColor(cell);
    if (start < 0 || c !== color) {
      flush(i);
      start = i;
      color = c;
    }
  });
  flush(cells.length);
  return ops;
}

/**
 * Styles of one row of spec cells from column `col` on: a cell's own highlight (fill and font
 * colour; it overrides the row's, applied before) and bold. Neighbouring cells with the same
 * style share one op.
 */
function cellStyleOps(
  ref: SheetRef,
  row: number,
  col: number,
  cells: (SpecCell | undefined)[]
): Op[] {
  const ops: Op[] = [];
  let run: { start: number; key: string; style: Style } | null = null;
  const flush = (end: number) => {
    if (run && run.key) ops.push(styleOp(ref, row, col + run.start, 1, end - run.start, run.style));
    run = null;
  };
  cells.forEach((c, j) => {
    const hl = c?.highlight;
    const style: Style = {};
    if (hl) {
      const colors = highlightColors(hl);
      style.fill = colors.fill;
      style.fontColor = colors.font;
    }
    if (c?.bold) style.bold = true;
    const key = JSON.stringify(style) === "{}" ? "" : JSON.stringify(style);
    if (!run || run.key !== key) {
      flush(j);
      run = { start: j, key, style };
    }
  });
  flush(cells.length);
  return ops;
}

const TITLE: Style = { bold: true, size: TEXT.title.size, fontColor: cssColor(TEXT.title.color) };
const SUBTITLE: Style = { fontColor: cssColor(TEXT.subtitle.color) };
const CAPTION: Style = { ...TEXT.caption };
const LABEL: Style = { fontColor: cssColor(TEXT.label.color) };
export { TABLE_STYLE };

function captionOps(ref: SheetRef, b: { row: number; caption?: string }, budget: Budget): Op[] {
  if (!b.caption) return [];
  return [
    ...valueOps(ref, { row: b.row - 1, col: 1, cells: [[textCell(b.caption)]] }, budget),
    styleOp(ref, b.row - 1, 1, 1, 1, CAPTION),
  ];
}

function tableOps(
  ref: SheetRef,
  b: TableBlock,
  tableName: string,
  features: Features,
  budget: Budget,
  filter?: RowFilter
): Op[] {
  const n = b.columns.length;
  // as the .xlsx writer: a table written filtered (Excel hides the other rows; the user clears it)
  const filtered = filter && filter.table === b.name ? filter : null;
  const header = b.columns.map((c) => textCell(c.header));
  const body = b.rows.map((r) => b.columns.map((c, j) => officeCell(r[j], c.format)));
  const ops = [
    ...captionOps(ref, b, budget),
    ...valueOps(ref, { row: b.row, col: 1, cells: [header, ...body] }, budget),
  ];
  // headers over numbers and dates aligned as their cells are (right), neighbours in one op
  for (let j = 0; j < n;) {
    let k = j;
    while (k < n && alignsRight(b.columns[k].format)) k++;
    if (k > j) ops.push(styleOp(ref, b.row, j + 1, 1, k - j, { align: "Right" }));
    j = Math.max(k, j + 1);
  }
  const address = `A${b.row}:${columnLetter(n)}${b.row + b.rows.length}`;
  ops.push({
    sheet: ref.finalName,
    kind: "table",
    bytes: (filtered ? 7 : 4) * COMMAND_BYTES,
    cells: 0,
    apply: () => {
      const table = ref.get().tables.add(address, true);
      table.name = tableName;
      table.style = TABLE_STYLE;
      table.showBandedRows = true;
      // ExcelApi 1.2
      if (filtered)
        table.columns.getItemAt(filtered.column).filter.applyValuesFilter(filtered.values);
    },
  });
  // text right after a number column is set in from it, as in the .xlsx writer
  if (features.pageLayout && b.rows.length)
    b.columns.forEach((c, j) => {
      if (indentsAfter(b.columns[j - 1]?.format, c.format))
        ops.push(styleOp(ref, b.row + 1, j + 1, b.rows.length, 1, { indent: true }));
    });
  // whole-row highlights, consecutive equal rows in one op
  const hls = b.rowHighlight ?? [];
  for (let i = 0; i < b.rows.length;) {
    const h = hls[i];
    let j = i + 1;
    while (j < b.rows.length && hls[j] === h) j++;
    if (h) {
      const colors = highlightColors(h);
      ops.push(
        styleOp(ref, b.row + 1 + i, 1, j - i, n, { fill: colors.fill, fontColor: colors.font })
      );
    }
    i = j;
  }
  b.rows.forEach((r, i) =>
    ops.push(
      ...cellStyleOps(
        ref,
        b.row + 1 + i,
        1,
        b.columns.map((_, j) => r[j])
      )
    )
  );
  b.columns.forEach((_, j) =>
    ops.push(
      ...linkOps(
        ref,
        b.row + 1,
        j + 1,
        b.rows.map((r, i) => ({ cell: r[j], rowHl: hls[i], office: body[i][j] })),
        features,
        budget
      )
    )
  );
  if (b.dataBarColumn !== undefined && b.rows.length) {
    const col = b.dataBarColumn;
    const rows = b.rows.length;
    ops.push({
      sheet: ref.finalName,
      kind: "dataBar",
      bytes: 5 * COMMAND_BYTES,
      cells: 0,
      apply: () => {
        // conditional formats are ExcelApi 1.6, inside the required 1.8
        const cf = rangeAt(ref, b.row, col, rows, 1).conditionalFormats.add("DataBar");
        cf.dataBar.positiveFormat.fillColor = cssColor(DATA_BAR_COLOR);
        cf.dataBar.positiveFormat.gradientFill = false;
      },
    });
  }
  return ops;
}

function keyValueOps(ref: SheetRef, b: KeyValueBlock, features: Features, budget: Budget): Op[] {
  const cells = b.rows.map(([label, value, extra]) => {
    const row = [textCell(label), officeCell(value)];
    if (extra) row.push(officeCell(extra));
    return row;
  });
  const ops = [
    ...captionOps(ref, b, budget),
    ...valueOps(ref, { row: b.row, col: 1, cells }, budget),
  ];
  if (b.rows.length) ops.push(styleOp(ref, b.row, 1, b.rows.length, 1, LABEL));
  b.rows.forEach(([, value, extra], i) => {
    ops.push(...cellStyleOps(ref, b.row + i, 2, extra ? [value, extra] : [value]));
    if (features.pageLayout && extra && indentsAfter(cellFormat(value), extra.format))
      ops.push(styleOp(ref, b.row + i, 3, 1, 1, { indent: true }));
  });
  for (const j of [1, 2])
    ops.push(
      ...linkOps(
        ref,
        b.row,
        j + 1,
        b.rows.map((r, i) => ({
          cell: r[j] as SpecCell | undefined,
          rowHl: null,
          office: cells[i][j],
        })),
        features,
        budget
      )
    );
  return ops;
}

function widthOps(ref: SheetRef, widths: number[], scale: ColumnScale): Op[] {
  return widths.map((w, i) => ({
    sheet: ref.finalName,
    kind: "width",
    bytes: 2 * COMMAND_BYTES,
    cells: 0,
    apply: () => {
      rangeAt(ref, 0, i, 1, 1).format.columnWidth = scale.points(w);
    },
  }));
}

/** One row's cells from `col` (1-based), `cols` wide, merged into one (a style op's cost). */
function mergeOp(ref: SheetRef, row: number, col: number, cols: number): Op {
  return {
    sheet: ref.finalName,
    kind: "style",
    bytes: 400 + COMMAND_BYTES,
    cells: 0,
    apply: () => rangeAt(ref, row - 1, col - 1, 1, cols).merge(false),
  };
}

function freezeOp(ref: SheetRef, rows: number): Op {
  return {
    sheet: ref.finalName,
    kind: "freeze",
    bytes: 2 * COMMAND_BYTES,
    cells: 0,
    apply: () => ref.get().freezePanes.freezeRows(rows),
  };
}

function createOp(ref: SheetRef, tabColor?: string): Op {
  return {
    sheet: ref.finalName,
    kind: "create",
    bytes: 2 * COMMAND_BYTES,
    cells: 0,
    apply: (context) => {
      ref.ws = context.workbook.worksheets.add(ref.createAs);
      if (tabColor) ref.ws.tabColor = cssColor(tabColor);
    },
  };
}

/**
 * The ops that write one result (or own) sheet into a new sheet named `ref.createAs`, mirroring
 * src/file/write.ts: title in A1, subtitle in A2, captions on the row above a block, tables at
 * block.row, number formats, highlights, links, data bars, frozen rows, column widths.
 * `tableName` maps a block's table name to the name to create it under.
 */
export function sheetOps(
  spec: SheetSpec,
  ref: SheetRef,
  tableName: (name: string) => string,
  features: Features,
  budget: Budget,
  scale: ColumnScale
): Op[] {
  const ops: Op[] = [createOp(ref, spec.tabColor)];
  ops.push(
    ...valueOps(
      ref,
      { row: 1, col: 1, cells: [[textCell(spec.title)], [textCell(spec.subtitle)]] },
      budget
    )
  );
  ops.push(styleOp(ref, 1, 1, 1, 1, TITLE), styleOp(ref, 2, 1, 1, 1, SUBTITLE));
  // as the .xlsx writer: the subtitle wraps over the sheet's width, never widening the page
  const across = (spec.widths ?? []).length;
  if (across > 1)
    ops.push(
      mergeOp(ref, 2, 1, across),
      styleOp(ref, 2, 1, 1, across, { wrap: true, valign: "Top", autofitRows: true })
    );
  for (const b of spec.blocks) {
    if (b.kind === "table")
      ops.push(...tableOps(ref, b, tableName(b.name), features, budget, spec.filter));
    else ops.push(...keyValueOps(ref, b, features, budget));
  }
  if (spec.freezeRows) ops.push(freezeOp(ref, spec.freezeRows));
  const first = spec.blocks.find((b): b is TableBlock => b.kind === "table");
  ops.push(
    ...widthOps(ref, spec.widths ?? first?.columns.map((c: ColumnSpec) => c.width) ?? [], scale)
  );
  ops.push(...wrapOps(spec, ref), ...stretchOps(spec, ref));
  if (features.pageLayout && spec.print) ops.push(pageLayoutOp(spec.print, ref));
  return ops;
}

/**
 * Long text wraps in the sheet's wrap columns, block by block (never a title or caption), the
 * cells beside it keep to the top, and the rows are fitted to the wrapped text by Excel itself.
 */
function wrapOps(spec: SheetSpec, ref: SheetRef): Op[] {
  const wrap = spec.wrap ?? [];
  if (!wrap.length) return [];
  const ops: Op[] = [];
  for (const b of spec.blocks) {
    const first = b.kind === "table" ? b.row + 1 : b.row;
    const rows = b.rows.length;
    if (!rows) continue;
    const cols = b.kind === "table" ? b.columns.length : 3;
    ops.push(styleOp(ref, first, 1, rows, cols, { valign: "Top" }));
    for (const j of wrap.filter((c) => c < cols))
      ops.push(styleOp(ref, first, j + 1, rows, 1, { wrap: true }));
    ops.push(styleOp(ref, first, 1, rows, cols, { autofitRows: true }));
  }
  return ops;
}

/**
 * As the .xlsx writer: each stretched key/value cell merged to the sheet's last column and
 * wrapped there, the row's other cells at the top, the rows fitted, and a block's least height
 * (room to sign, or for a seal) set after the fitting.
 */
function stretchOps(spec: SheetSpec, ref: SheetRef): Op[] {
  const across = (spec.widths ?? []).length;
  const ops: Op[] = [];
  for (const [row, col] of stretchedCells(spec)) {
    if (col < across) ops.push(mergeOp(ref, row, col, across - col + 1));
    ops.push(
      styleOp(ref, row, 1, 1, col, { valign: "Top" }),
      styleOp(ref, row, col, 1, 1, { wrap: true, autofitRows: true })
    );
  }
  const tall = new Map(spec.print?.tallRows ?? []);
  for (const b of spec.blocks)
    if (b.kind === "keyValue" && (b.lines ?? 1) > 1)
      b.rows.forEach((_, i) =>
        ops.push(
          styleOp(ref, b.row + i, 1, 1, 1, {
            rowHeight: (tall.get(b.row + i) ?? b.lines!) * LINE_PT,
          })
        )
      );
  return ops;
}

/** As the .xlsx writer: A4, the sheet's orientation and fit, repeated titles, footer, page break. */
function pageLayoutOp(p: PrintSetup, ref: SheetRef): Op {
  return {
    sheet: ref.finalName,
    kind: "pageLayout",
    bytes: 12 * COMMAND_BYTES,
    cells: 0,
    apply: () => {
      const ws = ref.get();
      const layout = ws.pageLayout;
      if (!layout) return;
      layout.paperSize = "A4";
      layout.orientation = p.orientation === "portrait" ? "Portrait" : "Landscape";
      layout.zoom =
        p.fit === "page"
          ? { horizontalFitToPages: 1, verticalFitToPages: 1 }
          : p.fit === "width"
            ? { horizontalFitToPages: 1, verticalFitToPages: 0 }
            : { scale: p.fit };
      // Office.js takes margins in points, the .xlsx part in inches
      const pt = (inches: number) => Math.round(inches * 7200) / 100;
      const m = PRINT_MARGINS;
      layout.leftMargin = pt(m.left);
      layout.rightMargin = pt(m.right);
      layout.topMargin = pt(m.top);
      layout.bottomMargin = pt(m.bottom);
      layout.headerMargin = pt(m.header);
      layout.footerMargin = pt(m.footer);
      for (const t of printTitles(p))
        if (/^\$\d/.test(t)) layout.setPrintTitleRows(t);
        else layout.setPrintTitleColumns(t);
      const footer = layout.headersFooters.defaultForAllPages;
      footer.leftFooter = p.footer[0];
      footer.centerFooter = p.footer[1];
      footer.rightFooter = p.footer[2];
      if (p.breakBefore) ws.horizontalPageBreaks.add(`A${p.breakBefore}`);
    },
  };
}

/** Drop-down source: Excel takes a comma-separated list of at most 255 characters. */
function listSource(list: string[] | undefined): string | null {
  if (!list?.length || list.some((v) => v.includes(","))) return null;
  const s = list.join(",");
  return s.length <= 255 ? s : null;
}

// template headers as the .xlsx writer makes them: bold on light blue, required ones in dark red
const HEADER_FILL = cssColor(TEXT.templateHeader.fill);
const REQUIRED_HEADER = cssColor(TEXT.templateHeader.required);
const OPTIONAL_HEADER = cssColor(TEXT.templateHeader.optional);

/**
 * The ops that create one empty input sheet: bold headers in row 1 (as text) with a note on each
 * saying what goes there, number formats and drop-downs over `rows` data rows, row 1 frozen,
 * column widths. Text columns get the Text format ('@') too, unlike the .xlsx writer: in Excel
 * a period typed as `2023-01` or an id typed as `0012` would otherwise become a date or a number.
 */
export function templateOps(
  spec: TemplateSheetSpec,
  ref: SheetRef,
  features: Features,
  budget: Budget,
  scale: ColumnScale
): Op[] {
  const n = spec.columns.length;
  const ops: Op[] = [createOp(ref)];
  if (!n) return ops;
  ops.push(
    ...valueOps(
      ref,
      { row: 1, col: 1, cells: [spec.columns.map((c) => textCell(c.header))] },
      budget
    )
  );
  ops.push(styleOp(ref, 1, 1, 1, n, { bold: true, fill: HEADER_FILL }));
  spec.columns.forEach((c, j) => {
    ops.push(
      styleOp(ref, 1, j + 1, 1, 1, { fontColor: c.required ? REQUIRED_HEADER : OPTIONAL_HEADER })
    );
    if (spec.rows > 0) {
      const fmt = NUM_FMT[c.format] ?? TEXT_FORMAT;
      const formats = Array.from({ length: spec.rows }, () => [fmt]);
      ops.push({
        sheet: ref.finalName,
        kind: "formats",
        bytes: jsonBytes(formats) + COMMAND_BYTES + bulkOverhead(spec.rows),
        cells: spec.rows,
        apply: () => {
          rangeAt(ref, 1, j, spec.rows, 1).numberFormat = formats;
        },
      });
      const source = features.validation ? listSource(c.list) : null;
      if (source) {
        ops.push({
          sheet: ref.finalName,
          kind: "validation",
          bytes: 3 * COMMAND_BYTES + utf8Length(source),
          cells: 0,
          apply: () => {
            const dv = rangeAt(ref, 1, j, spec.rows, 1).dataValidation;
            dv.rule = { list: { inCellDropDown: true, source } };
            dv.errorAlert = {
              showAlert: true,
              style: "Stop",
              title: c.header,
              message: `请从下拉列表中选择：${c.list!.join("、")}`,
            };
          },
        });
      }
    }
    if (c.note && (features.notes || features.comments)) {
      ops.push({
        sheet: ref.finalName,
        kind: "note",
        bytes: 2 * COMMAND_BYTES + utf8Length(c.note),
        cells: 0,
        apply: (context) => {
          const ws = ref.get();
          const cell = rangeAt(ref, 0, j, 1, 1);
          // notes (ExcelApi 1.18) are the plain cell notes meant for this; threaded comments
          // (ExcelApi 1.10) are the fallback on hosts without them
          if (features.notes && typeof ws.notes?.add === "function") ws.notes.add(cell, c.note);
          else if (features.comments && typeof context.workbook.comments?.add === "function")
            context.workbook.comments.add(cell, c.note);
        },
      });
    }
  });
  ops.push(freezeOp(ref, 1));
  ops.push(
    ...widthOps(
      ref,
      spec.columns.map((c) => c.width),
      scale
    )
  );
  return ops;
}

// Sheet specs: the result sheets as plain data. The layout module decides everything here;
// the adapters (.xlsx, Office.js) only write what it says.

export type Format =
  "money" | "percent" | "date" | "datetime" | "int" | "number" | "score" | "text";

/** Formats whose cells Excel aligns right (numbers and dates): their headers are aligned so too. */
export function alignsRight(f: Format): boolean {
  return f !== "text";
}

export type Highlight = "fail" | "warn" | "ok" | "muted" | "changed";

/** A cell value: text is always written as text (never a formula), dates as naive values. */
export type SpecValue =
  | null
  | number
  | boolean
  | { text: string }
  | { day: number }
  | { seconds: number }
  | { link: { sheet: string; cell: string }; text: string };

export interface SpecCell {
  v: SpecValue;
  /** overrides the column format for this cell */
  format?: Format;
  highlight?: Highlight;
  bold?: boolean;
}

export interface ColumnSpec {
  header: string;
  format: Format;
  /** character width */
  width: number;
}

export interface TableBlock {
  kind: "table";
  /** 1-based row of the header */
  row: number;
  /** Excel table name (ASCII, unique in the workbook) */
  name: string;
  caption?: string;
  columns: ColumnSpec[];
  rows: SpecCell[][];
  /** highlight a whole row */
  rowHighlight?: (Highlight | null)[];
  /** column index with data bars (a chart of the values) */
  dataBarColumn?: number;
}

export interface KeyValueBlock {
  kind: "keyValue";
  row: number;
  caption?: string;
  /** label, value, optional third column (e.g. 大写) */
  rows: [string, SpecCell, SpecCell?][];
  /**
   * each row's last cell spans to the sheet's last column (merged) and wraps there: a sentence
   * beside a short label reads on one or two lines instead of down a narrow column
   */
  stretch?: boolean;
  /** each row at least this many lines tall: room to sign, or for a seal */
  lines?: number;
}

/** The 0-based column of a key/value row's last cell, which a stretched block spans from. */
export const lastCellColumn = (row: KeyValueBlock["rows"][number]): number => (row[2] ? 2 : 1);

/**
 * Whether a text cell is set in from the left: the cell to its left holds a number, aligned right,
 * so the two would otherwise touch ("¥500.00第一次验收").
 */
/** A key/value cell's format: its own, else a number's "number" and anything else's "text". */
export const cellFormat = (c: SpecCell | undefined): Format =>
  c?.format ?? (typeof c?.v === "number" ? "number" : "text");

export const indentsAfter = (left: Format | undefined, format: Format | undefined): boolean =>
  left !== undefined && alignsRight(left) && (format === undefined || format === "text");

export type Block = TableBlock | KeyValueBlock;

export interface SheetSpec {
  name: string;
  title: string;
  subtitle: string;
  /** rows frozen at the top (the first table's header row), 0 = none */
  freezeRows: number;
  tabColor?: string;
  blocks: Block[];
  /** column widths for key/value sheets (when the first block is not a table) */
  widths?: number[];
  /** printed upright, on one A4 page (结算确认单, the page that is signed and filed) */
  onePage?: boolean;
  /** printed upright (portrait); otherwise sideways */
  portrait?: boolean;
  /** columns (0-based) whose block cells wrap their text: long sentences, read on paper */
  wrap?: number[];
  /** how the sheet prints: worked out by the layout (print.ts) from the above, written by both writers */
  print?: PrintSetup;
  /** a table written filtered: only some of its rows shown (and printed) until the user clears it */
  filter?: RowFilter;
}

/**
 * A filter on one column of a table, as Excel's filter button sets it: the rows whose cell is none
 * of `values` are hidden; clearing the filter shows them again. Nothing is removed.
 */
export interface RowFilter {
  /** the table block's name */
  table: string;
  /** 0-based column of the table */
  column: number;
  /** the cell texts shown */
  values: string[];
}

/** The 0-based rows of a table block a filter hides. */
export function filteredOut(b: TableBlock, f: RowFilter | undefined): Set<number> {
  const out = new Set<number>();
  if (!f || f.table !== b.name) return out;
  b.rows.forEach((r, i) => {
    const v = r[f.column]?.v;
    const text = v && typeof v === "object" && "text" in v ? v.text : null;
    if (text === null || !f.values.includes(text)) out.add(i);
  });
  return out;
}

/** A result sheet on paper (WORKBOOK.md "On paper"): A4, ≥ 9 pt, a footer on every page. */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /**
   * `width`: one page wide, as many long as needed (fitToWidth 1, fitToHeight 0); `page`: all of it
   * on one page; a number: printed at that percentage, several pages across, `repeatColumns` on each
   */
  fit: "width" | "page" | number;
  /** the header row repeated above every page of the table it heads (1-based), or none */
  repeatRow: number | null;
  /** how many leftmost columns repeat on every page when the sheet is several pages wide */
  repeatColumns: number;
  /** a page break above this row (1-based): the long table starts a page of its own */
  breakBefore: number | null;
  /** the footer: left, centre and right, in Excel's header/footer codes (&P page, &N pages, &A sheet, &F file) */
  footer: [string, string, string];
  /** rows whose wrapped text needs more than one line: [row (1-based), lines], in row order */
  tallRows: [number, number][];
}

export const t = (s: string | null | undefined): SpecCell => ({
  v: s === null || s === undefined ? null : { text: s },
});
export const n = (x: number | null | undefined, format?: Format): SpecCell => ({
  v: x === null || x === undefined ? null : x,
  format,
});
export const d = (day: number | null | undefined): SpecCell => ({
  v: day === null || day === undefined ? null : { day },
  format: "date",
});
export const link = (text: string, sheet: string, cell: string): SpecCell => ({
  v: { link: { sheet, cell }, text },
});

export function isLink(
  v: SpecValue | undefined
): v is { link: { sheet: string; cell: string }; text: string } {
  return typeof v === "object" && v !== null && "link" in v;
}

/** An empty input sheet with its headers, for the pane's "插入模板表". */
export interface TemplateSheetSpec {
  name: string;
  /** the header row is row 1 and is frozen */
  columns: {
    header: string;
    /** the header cell's note: what goes in the column */
    note: string;
    /** format of the data cells below the header */
    format: Format;
    width: number;
    required: boolean;
    /** allowed values (a drop-down list) */
    list?: string[];
  }[];
  /** how many data rows get the formats and drop-downs */
  rows: number;
}

/** Excel's limit of hyperlinks on one worksheet (65,530); a sheet with more will not open or save. */
export const MAX_LINKS_PER_SHEET = 65530;

/**
 * Keeps a sheet's links under Excel's limit: the first MAX_LINKS_PER_SHEET links stay, later ones
 * become plain text (the same text, so the cell still names its source), and the subtitle says so.
 * Both writers get the same sheet. Returns the spec unchanged when it is under the limit.
 */
export function capLinks(spec: SheetSpec, lang: "zh" | "en" = "zh"): SheetSpec {
  let links = 0;
  const seen = (c: SpecCell | undefined) => isLink(c?.v) && ++links > MAX_LINKS_PER_SHEET;
  const plain = (c: SpecCell): SpecCell => (isLink(c.v) ? { ...c, v: { text: c.v.text } } : c);
  let dropped = 0;
  const blocks = spec.blocks.map((b) => {
    if (b.kind === "table") {
      const rows = b.rows.map((r) =>
        r.map((c) => {
          if (!seen(c)) return c;
          dropped++;
          return plain(c!);
        })
      );
      return { ...b, rows };
    }
    const rows = b.rows.map(
      (r) =>
        r.map((c, j) => {
          if (j === 0 || typeof c === "string" || !seen(c as SpecCell)) return c;
          dropped++;
          return plain(c as SpecCell);
        }) as typeof r
    );
    return { ...b, rows };
  });
  if (!dropped) return spec;
  const n = MAX_LINKS_PER_SHEET.toLocaleString("en-US");
  const note =
    lang === "zh"
      ? `Excel 每张表最多 ${n} 个链接：前 ${n} 个可点击跳转，其余 ${dropped.toLocaleString("en-US")} 个只写出单元格地址`
      : `Excel allows ${n} links a sheet: the first ${n} are links, the other ${dropped.toLocaleString("en-US")} give the cell address as text`;
  return { ...spec, blocks, subtitle: `${spec.subtitle} · ${note}` };
}

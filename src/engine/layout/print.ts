// How a result sheet prints (WORKBOOK.md "On paper"): on A4, upright or sideways by sheet, never
// shrunk below MIN_SCALE (11 pt text prints at ≥ 9 pt), long text wrapped in columns narrow enough
// for the page, the header row repeated only above the table it heads, and a footer on every page
// naming the page, the sheet, the file, the as-of date and the input's fingerprint.
//
// Widths are in characters of the workbook's Normal font (11 pt: 7 px a digit, 5 px of padding a
// column), the unit the column fitting already uses.
import type { AuditResult } from "../audit";
import { columnLetter } from "../table";
import { cellWidth, displayWidth } from "./fit";
import { PrintSetup, SheetSpec, SpecCell, TableBlock, lastCellColumn } from "./spec";

/** The smallest print scale: 11 pt text prints at 9.35 pt. */
export const MIN_SCALE = 0.85;
/**
 * The scale a sheet that fits one page wide is planned for: a little above MIN_SCALE, as a
 * spreadsheet program may measure a column a few per cent wider than Excel's 7 px a character.
 */
const PLANNED_SCALE = 0.9;
/**
 * The least scale a one-page sheet (结算确认单) is planned for: printed whole on one page, it may
 * shrink a little below PLANNED_SCALE, never to MIN_SCALE by our reckoning of its height.
 */
const ONE_PAGE_SCALE = 0.87;
/** Most lines a wrapped cell is given: longer text is read in the cell. */
export const MAX_LINES = 12;
/** Narrowest a wrapped column is made for the page (characters). */
export const MIN_WRAP_WIDTH = 14;
/** Widest a wrapped column is on any page: a longer sentence wraps rather than widens the sheet. */
export const MAX_WRAP_WIDTH = 36;
/** A table this long or longer, below other blocks, starts a page of its own with its header repeated. */
const LONG_TABLE_ROWS = 25;

/** The margins both writers set (inches): narrow at the sides, room for the footer below. */
export const PRINT_MARGINS = {
  left: 0.5,
  right: 0.5,
  top: 0.6,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/** A4 in points. */
const A4 = { width: 595.3, height: 841.9 };

/** Screen pixels of a column `w` characters wide (Excel: 7 px a digit of 11 pt, 5 px padding). */
export const columnPx = (w: number): number => Math.round(w * 7 + 5);

/** The printable width of an A4 page at 100 %, in screen pixels (0.75 pt each). */
export function pagePx(orientation: PrintSetup["orientation"]): number {
  const pt = orientation === "portrait" ? A4.width : A4.height;
  return ((pt - (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72) / 0.75) | 0;
}

/**
 * Narrows the wrapped columns until the sheet is no wider than `budgetPx`, each no narrower than
 * MIN_WRAP_WIDTH and none wider than MAX_WRAP_WIDTH; the other columns keep their fitted widths.
 */
export function printWidths(widths: number[], wrap: number[], budgetPx: number): number[] {
  const out = widths.map((w, i) => (wrap.includes(i) ? Math.min(w, MAX_WRAP_WIDTH) : w));
  const total = () => out.reduce((a, w) => a + columnPx(w), 0);
  // take a character at a time from the widest wrapped column: the page fills evenly
  while (total() > budgetPx) {
    let widest = -1;
    for (const i of wrap)
      if (out[i] > MIN_WRAP_WIDTH && (widest < 0 || out[i] > out[widest])) widest = i;
    if (widest < 0) break;
    out[widest] = Math.max(MIN_WRAP_WIDTH, Math.floor(out[widest] - 1));
  }
  return out;
}

/** What the footer's right part says: the as-of date and the ticket sheet's fingerprint. */
export function footerRight(r: AuditResult, lang: "zh" | "en"): string {
  const tickets = r.sheets.find((s) => s.key === "tickets")?.sha256;
  const fp = tickets ? tickets.slice(0, 8) : "—";
  return lang === "zh" ? `评价截止 ${r.asOf} · 工单指纹 ${fp}` : `as of ${r.asOf} · tickets ${fp}`;
}

/** Excel's header/footer text: a literal ampersand is doubled. */
const footerText = (s: string) => s.replace(/&/g, "&&");

/** The sheet's print setup, and its widths narrowed for the page where it wraps text. */
export function withPrintSetup(
  spec: SheetSpec,
  widths: number[],
  right: string,
  lang: "zh" | "en"
): SheetSpec {
  const orientation = spec.portrait || spec.onePage ? "portrait" : "landscape";
  const budget = pagePx(orientation) / PLANNED_SCALE;
  const printed = printWidths(widths, spec.wrap ?? [], budget);
  const total = printed.reduce((a, w) => a + columnPx(w), 0);
  const fits = total <= budget;
  const tall = tallRows(spec, printed);
  // one page when it fits at the planned scale; else one page wide over as many as it takes;
  // too wide even so: at MIN_SCALE over several pages across, the first table's key columns on each
  const onePage = spec.onePage && sheetHeight(spec, tall) <= pageHeightPt() / ONE_PAGE_SCALE;
  const fit: PrintSetup["fit"] = !fits ? Math.round(MIN_SCALE * 100) : onePage ? "page" : "width";
  const last = spec.blocks[spec.blocks.length - 1];
  let repeatRow: number | null = null;
  let breakBefore: number | null = null;
  if (!spec.onePage && last?.kind === "table") {
    if (spec.blocks.length === 1) repeatRow = last.row;
    else if (last.rows.length >= LONG_TABLE_ROWS) {
      repeatRow = last.row;
      breakBefore = last.caption ? last.row - 1 : last.row;
    }
  }
  const first = spec.blocks.find((b): b is TableBlock => b.kind === "table");
  const repeatColumns = typeof fit === "number" && first ? keyColumns(first) : 0;
  const page = lang === "zh" ? "第 &P 页 共 &N 页" : "page &P of &N";
  return {
    ...spec,
    widths: printed,
    print: {
      orientation,
      fit,
      repeatRow,
      repeatColumns,
      breakBefore,
      footer: [`&A · &F`, page, footerText(right)],
      tallRows: tall,
    },
  };
}

/** The printable height of an upright A4 page at 100 %, in points. */
const pageHeightPt = () => A4.height - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72;

/** Points the sheet takes down the page: its last row, a line of 15 pt each, taller rows as set. */
function sheetHeight(spec: SheetSpec, tall: [number, number][]): number {
  const last = spec.blocks.reduce(
    (m, b) => Math.max(m, b.kind === "table" ? b.row + b.rows.length : b.row + b.rows.length - 1),
    2
  );
  return (last + tall.reduce((a, [, lines]) => a + lines - 1, 0)) * LINE_PT + TITLE_EXTRA_PT;
}

/** Points a line of 11 pt text takes (Excel's default row height); the title's 15 pt adds a little. */
export const LINE_PT = 15;
const TITLE_EXTRA_PT = 6;

/** The repeated columns and rows, unqualified (`$A:$B`, `$3:$3`): both writers name these. */
export function printTitles(p: PrintSetup): string[] {
  const out: string[] = [];
  if (p.repeatColumns) out.push(`$A:$${columnLetter(p.repeatColumns)}`);
  if (p.repeatRow) out.push(`$${p.repeatRow}:$${p.repeatRow}`);
  return out;
}

/** Lines a text of display width `w` takes in a column `width` characters wide. */
export function linesIn(w: number, width: number): number {
  return Math.min(MAX_LINES, Math.max(1, Math.ceil(w / Math.max(1, width - 1.5))));
}

/** The rows whose wrapped cells need more than one line, and how many. */
function tallRows(spec: SheetSpec, widths: number[]): [number, number][] {
  const wrap = spec.wrap ?? [];
  const out: [number, number][] = [];
  // the subtitle wraps across the sheet's width (both writers merge row 2 over every column)
  const across = widths.reduce((a, w) => a + w, 0);
  const sub = linesIn(displayWidth(spec.subtitle), across);
  if (sub > 1) out.push([2, sub]);
  const lines = (c: SpecCell | undefined, width: number) => {
    const v = c?.v;
    return v && typeof v === "object" && "text" in v ? linesIn(cellWidth(c, "text"), width) : 1;
  };
  const measure = (
    row: number,
    cells: (SpecCell | undefined)[],
    stretched: number | null = null,
    least = 1
  ) => {
    let most = least;
    for (const j of wrap)
      if (j !== stretched) most = Math.max(most, lines(cells[j], widths[j] ?? 8.43));
    if (stretched !== null)
      most = Math.max(most, lines(cells[stretched], spanWidth(widths, stretched)));
    if (most > 1) out.push([row, most]);
  };
  for (const b of spec.blocks) {
    if (b.kind === "table") b.rows.forEach((r, i) => measure(b.row + 1 + i, r));
    else
      b.rows.forEach((r, i) =>
        measure(
          b.row + i,
          [{ v: { text: r[0] } }, r[1], r[2]],
          b.stretch ? lastCellColumn(r) : null,
          b.lines ?? 1
        )
      );
  }
  return out;
}

/** The width a cell spanning from column `from` to the sheet's last column has (characters). */
export function spanWidth(widths: number[], from: number): number {
  // merged columns also gain the padding between them
  return widths.slice(from).reduce((a, w) => a + w, 0) + (widths.length - from - 1) * (5 / 7);
}

/** The merged ranges of a sheet's stretched key/value rows: [row (1-based), first column (1-based)]. */
export function stretchedCells(spec: SheetSpec): [number, number][] {
  const out: [number, number][] = [];
  for (const b of spec.blocks)
    if (b.kind === "keyValue" && b.stretch)
      b.rows.forEach((r, i) => out.push([b.row + i, lastCellColumn(r) + 1]));
  return out;
}

/** The leading text columns that name a row (规则, 指标 …), at most two. */
function keyColumns(t: TableBlock): number {
  let n = 0;
  while (n < 2 && n < t.columns.length - 1 && t.columns[n].format === "text") n++;
  return Math.max(1, n);
}

// Cell conversions between Office.js and the project's models: `range.values` → RawCell on
// reading, SpecCell → value + number format on writing. Pure functions (no Office objects).
import { RawCell, rawCell, sheetReference } from "../engine/table";
export { EXCEL_ERRORS, rawCell } from "../engine/table";
import { Format, Highlight, SpecCell, isLink } from "../engine/layout/spec";
import { dayToSerial, secondsToSerial } from "../engine/time";
import { HIGHLIGHT, NUM_FMT, TEXT } from "../engine/layout/styles";

/**
 * Rows of `range.values` → raw rows, `leadingCols` blank cells first (the used range's column
 * offset), trailing blanks dropped: the exact form the .xlsx reader gives (src/file/sheet-reader.ts),
 * so both adapters hash a sheet identically.
 */
export function rawRows(values: unknown[][], leadingCols: number): RawCell[][] {
  const out: RawCell[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    let last = src.length - 1;
    while (last >= 0 && rawCell(src[last]) === null) last--;
    if (last < 0) {
      out[i] = [];
      continue;
    }
    const row: RawCell[] = new Array(leadingCols + last + 1);
    for (let j = 0; j < leadingCols; j++) row[j] = null;
    for (let j = 0; j <= last; j++) row[leadingCols + j] = rawCell(src[j]);
    out[i] = row;
  }
  return out;
}

/** Excel's cell text limit. */
export const MAX_CELL_CHARS = 32767;

export type OfficeValue = string | number | boolean | null;

export interface OfficeCell {
  /** null = leave the cell alone (Office.js ignores null in a 2-D array) */
  value: OfficeValue;
  /** number format written before the value; null = leave alone */
  format: string | null;
  link?: { documentReference: string; textToDisplay: string };
}

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

function numberFormat(fmt: Format | undefined): string {
  return fmt && fmt !== "text" ? (NUM_FMT[fmt] ?? GENERAL_FORMAT) : GENERAL_FORMAT;
}

function dateFormat(fmt: Format | undefined, fallback: "date" | "datetime"): string {
  return NUM_FMT[fmt === "date" || fmt === "datetime" ? fmt : fallback]!;
}

/**
 * A text value: written into a cell whose number format is already '@' (Text), in the same batch
 * and before the value. Excel then stores the string exactly as given — `=HYPERLINK(…)` stays
 * text and is never a formula, `2023-01` stays text and is not turned into a date, `0012` keeps
 * its zeros, `TRUE` stays text — and the displayed value is identical to the string. A leading
 * apostrophe would do the same for formulas but shows up in the formula bar and has to be
 * doubled for strings that start with one; '@' needs no change to the string at all.
 */
export function textCell(s: string): OfficeCell {
  return { value: s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS) : s, format: TEXT_FORMAT };
}

/** What to write for a spec cell: the value (dates as Excel serials) and its number format. */
export function officeCell(c: SpecCell | undefined, columnFormat?: Format): OfficeCell {
  const v = c?.v ?? null;
  const fmt = c?.format ?? columnFormat;
  if (v === null) return { value: null, format: null };
  if (typeof v === "number") return { value: v, format: numberFormat(fmt) };
  if (typeof v === "boolean") return { value: v, format: GENERAL_FORMAT };
  if (isLink(v))
    return {
      ...textCell(v.text),
      link: {
        documentReference: sheetReference(v.link.sheet, v.link.cell),
        textToDisplay: v.text,
      },
    };
  if ("text" in v) return textCell(v.text);
  if ("day" in v) return { value: dayToSerial(v.day), format: dateFormat(fmt, "date") };
  return { value: secondsToSerial(v.seconds), format: dateFormat(fmt, "datetime") };
}

/** `FF1F4E79` (ARGB, as the layout and the .xlsx writer write colours) → `#1F4E79` for Office.js. */
export function cssColor(argb: string): string {
  const hex = argb.replace(/^#/, "");
  return `#${hex.length === 8 ? hex.slice(2) : hex}`.toUpperCase();
}

export function highlightColors(h: Highlight): { fill: string; font: string } {
  return { fill: cssColor(HIGHLIGHT[h].fill), font: cssColor(HIGHLIGHT[h].font) };
}

export const LINK_COLOR = cssColor(TEXT.link);

/** The digit width of Calibri 11, the Normal font of an English Excel, in pixels. */
export const CALIBRI_DIGIT_PX = 7;

/**
 * Office.js column widths are in points; the layout gives widths in characters of the workbook's
 * Normal font: a digit's pixels each, plus 5 px of padding, 0.75 pt a px. Calibri 11 (7 px a
 * digit): 8.43 characters → 48 pt. 等线 11, zh-CN Excel's default (8 px): 8.38 → 54 pt.
 */
export function columnWidthPoints(chars: number, digitPx = CALIBRI_DIGIT_PX): number {
  return Math.round((chars * digitPx + 5) * 0.75 * 100) / 100;
}

/**
 * The digit width of the workbook's Normal font, from what Excel says of a column nobody has
 * resized: `standardWidth` characters (worksheet.standardWidth) take `points`
 * (range.format.columnWidth). Digits are whole pixels; anything implausible gives Calibri's.
 */
export function digitWidthPx(standardWidth: unknown, points: unknown): number {
  if (typeof standardWidth !== "number" || typeof points !== "number") return CALIBRI_DIGIT_PX;
  const px = Math.round((points / 0.75 - 5) / standardWidth);
  return Number.isFinite(px) && px >= 4 && px <= 40 ? px : CALIBRI_DIGIT_PX;
}

export { NUM_FMT };

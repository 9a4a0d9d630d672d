// The plain table model: what a sheet holds, as a spreadsheet gives it. Both adapters
// (Office.js and the .xlsx reader) produce exactly this; the engine never sees a workbook object.

/** An Excel error value such as `#N/A`. */
export interface CellError {
  error: string;
}

/** number (incl. date serials) | string | boolean | blank | error */
export type RawCell = number | string | boolean | null | CellError;

export interface RawTable {
  /** the sheet name as written in the workbook */
  name: string;
  /** 1-based row and column of values[0][0] (a used range need not start at A1) */
  firstRow: number;
  firstCol: number;
  /** rows of cells; rows may be shorter than others (missing trailing cells are blank) */
  values: RawCell[][];
  /**
   * The workbook counts dates from 1904 (Mac Excel's old default): its date serials are 1,462
   * days smaller than the same dates in the 1900 system. The engine adds them back when it reads
   * a date; the values themselves stay as the workbook holds them (and as they are hashed).
   */
  date1904?: boolean;
}

/**
 * Excel's error values as `range.values` (and the .xlsx reader) gives them (a string). A text cell that holds exactly
 * one of these strings cannot be told apart from the error without loading `valueTypes` too;
 * both mean "no usable value" to the engine, so both become {error}.
 */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#BUSY!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

/** One value of `range.values` (and the .xlsx reader) as the raw model holds it: '' → null, '#N/A' → {error}. */
export function rawCell(v: unknown): RawCell {
  if (v === "" || v === null || v === undefined) return null;
  // (every error value starts with #: most texts are not looked up, nor their hash computed)
  if (typeof v === "string")
    return v.charCodeAt(0) === 35 && EXCEL_ERRORS.has(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

export function isCellError(v: RawCell): v is CellError {
  return typeof v === "object" && v !== null;
}

export function isBlank(v: RawCell): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/**
 * A reference to a cell or range of a sheet as formulas, links and defined names write it:
 * `'工单'!C17` — the name always quoted, a quote in it doubled.
 */
export function sheetReference(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** 1 → A, 27 → AA */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

// The plain table model: what a sheet holds, as a spreadsheet gives it. Both adapters
// (Office.js and exceljs) produce exactly this; the engine never sees a workbook object.

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
}

export function isCellError(v: RawCell): v is CellError {
  return typeof v === "object" && v !== null;
}

export function isBlank(v: RawCell): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
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

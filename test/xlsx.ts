// Test helper: a workbook file through the product's .xlsx reader — every worksheet's table and
// the sheet names in tab order.
import { readFileSync } from "fs";
import type { RawTable } from "../src/engine/table";
import { XlsxWorkbook } from "../src/file/workbook-file";

export interface ReadXlsx {
  workbook: XlsxWorkbook;
  /** every worksheet, in tab order */
  names: string[];
  tables: RawTable[];
}

export function readXlsx(file: string | Uint8Array): ReadXlsx {
  const workbook = XlsxWorkbook.open(typeof file === "string" ? readFileSync(file) : file);
  const names = workbook.package
    .sheets()
    .filter((s) => s.part !== null)
    .map((s) => s.name);
  return { workbook, names, tables: workbook.readTablesSync(names) };
}

// The exceljs adapter: an .xlsx file (or its bytes) in, raw tables out; sheet specs in, bytes out.
import ExcelJS from "exceljs";
import { RawTable } from "../engine/table";
import { SheetSpec } from "../engine/layout/spec";
import { workbookToTables } from "./read";
import { writeResultSheets } from "./write";
import { fixXlsx } from "./postprocess";

export interface OpenWorkbook {
  workbook: ExcelJS.Workbook;
  tables: RawTable[];
}

export async function readWorkbookFile(file: string): Promise<OpenWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { workbook, tables: workbookToTables(workbook) };
}

export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array): Promise<OpenWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return { workbook, tables: workbookToTables(workbook) };
}

/** The workbook as .xlsx bytes, with exceljs's internal-link and table quirks fixed. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return fixXlsx(await workbook.xlsx.writeBuffer());
}

export async function auditedWorkbookBuffer(
  open: OpenWorkbook,
  specs: SheetSpec[]
): Promise<Uint8Array> {
  writeResultSheets(open.workbook, specs);
  return workbookBytes(open.workbook);
}

// exceljs → the plain table model. Dates become Excel serials (exceljs hands them over as
// Date objects whose UTC fields hold the naive value), formulas become their cached results,
// rich text becomes plain text.
import type ExcelJS from "exceljs";
import { RawCell, RawTable } from "../engine/table";
import { dateFromUtcFields, secondsToSerial } from "../engine/time";

export function cellValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return secondsToSerial(dateFromUtcFields(v));
  if (typeof v === "object") {
    if ("error" in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ("richText" in v)
      return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? "");
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

export function worksheetToTable(ws: ExcelJS.Worksheet): RawTable {
  const values: RawCell[][] = [];
  const last = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const out: RawCell[] = [];
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) out.push(cellValue(row.getCell(c).value));
    while (out.length && out[out.length - 1] === null) out.pop();
    values.push(out);
  }
  while (values.length && values[values.length - 1].length === 0) values.pop();
  return { name: ws.name, firstRow: 1, firstCol: 1, values };
}

export function workbookToTables(wb: ExcelJS.Workbook): RawTable[] {
  return wb.worksheets.map(worksheetToTable);
}

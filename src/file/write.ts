// Writes sheet specs into an exceljs workbook: real Excel tables, number formats, frozen
// headers, column widths, highlights, internal links. Replaces earlier result sheets.
import type ExcelJS from "exceljs";
import {
  Format,
  Highlight,
  SheetSpec,
  SpecCell,
  TableBlock,
  KeyValueBlock,
  isLink,
  TemplateSheetSpec,
} from "../engine/layout/spec";
import { HIGHLIGHT, NUM_FMT } from "../engine/layout/styles";
import { isResultSheetName } from "../engine/read";
import { normalizeName } from "../engine/sheets";
import { utcFieldsDate, dayStart } from "../engine/time";
import { columnLetter } from "../engine/table";

/** The exceljs value of a spec cell. Text stays text: exceljs writes strings as shared strings, never formulas. */
export function excelValue(c: SpecCell | undefined): ExcelJS.CellValue {
  const v = c?.v ?? null;
  if (v === null || typeof v === "number" || typeof v === "boolean") return v;
  if (isLink(v))
    return { text: v.text, hyperlink: `#'${v.link.sheet.replace(/'/g, "''")}'!${v.link.cell}` };
  if ("text" in v) return v.text;
  if ("day" in v) return utcFieldsDate(dayStart(v.day));
  return utcFieldsDate(v.seconds);
}

function style(
  cell: ExcelJS.Cell,
  c: SpecCell | undefined,
  columnFormat: Format | undefined,
  rowHl: Highlight | null | undefined
): void {
  const fmt = c?.format ?? columnFormat;
  if (fmt && fmt !== "text" && NUM_FMT[fmt]) cell.numFmt = NUM_FMT[fmt]!;
  const hl = c?.highlight ?? rowHl ?? undefined;
  if (hl) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HIGHLIGHT[hl].fill } };
    cell.font = { color: { argb: HIGHLIGHT[hl].font }, bold: c?.bold };
  } else if (c?.bold) cell.font = { bold: true };
  const v = c?.v;
  if (isLink(v))
    cell.font = {
      ...(cell.font ?? {}),
      color: { argb: hl ? HIGHLIGHT[hl].font : "FF0563C1" },
      underline: true,
    };
}

function writeTable(ws: ExcelJS.Worksheet, b: TableBlock): void {
  if (b.caption) {
    const cap = ws.getCell(b.row - 1, 1);
    cap.value = b.caption;
    cap.font = { bold: true, size: 12 };
  }
  ws.addTable({
    name: b.name,
    ref: `A${b.row}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: b.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: b.rows.map((r) => b.columns.map((_, j) => excelValue(r[j]))),
  });
  b.rows.forEach((r, i) => {
    const row = ws.getRow(b.row + 1 + i);
    b.columns.forEach((c, j) => style(row.getCell(j + 1), r[j], c.format, b.rowHighlight?.[i]));
  });
  if (b.dataBarColumn !== undefined && b.rows.length) {
    const L = columnLetter(b.dataBarColumn + 1);
    ws.addConditionalFormatting({
      ref: `${L}${b.row + 1}:${L}${b.row + b.rows.length}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: "FFC00000" },
          gradient: false,
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

function writeKeyValue(ws: ExcelJS.Worksheet, b: KeyValueBlock): void {
  if (b.caption) {
    const cap = ws.getCell(b.row - 1, 1);
    cap.value = b.caption;
    cap.font = { bold: true, size: 12 };
  }
  b.rows.forEach(([label, value, extra], i) => {
    const row = ws.getRow(b.row + i);
    row.getCell(1).value = label;
    row.getCell(1).font = { color: { argb: "FF404040" } };
    row.getCell(2).value = excelValue(value);
    style(row.getCell(2), value, undefined, null);
    if (extra) {
      row.getCell(3).value = excelValue(extra);
      style(row.getCell(3), extra, undefined, null);
    }
  });
}

/** Adds one worksheet written from a spec, at the end of the workbook. */
export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name, {
    properties: { tabColor: spec.tabColor ? { argb: spec.tabColor } : undefined },
    views: spec.freezeRows
      ? [
          {
            state: "frozen",
            ySplit: spec.freezeRows,
            xSplit: 0,
            topLeftCell: `A${spec.freezeRows + 1}`,
          },
        ]
      : [{}],
    pageSetup: {
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    },
  });
  ws.getCell("A1").value = spec.title;
  ws.getCell("A1").font = { bold: true, size: 15, color: { argb: "FF1F4E79" } };
  ws.getCell("A2").value = spec.subtitle;
  ws.getCell("A2").font = { color: { argb: "FF595959" } };
  for (const b of spec.blocks) {
    if (b.kind === "table") writeTable(ws, b);
    else writeKeyValue(ws, b);
  }
  const first = spec.blocks.find((b): b is TableBlock => b.kind === "table");
  const widths = spec.widths ?? first?.columns.map((c) => c.width) ?? [];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (spec.freezeRows) ws.pageSetup.printTitlesRow = `${spec.freezeRows}:${spec.freezeRows}`;
  return ws;
}

/** Removes earlier result sheets and writes the new ones after the input sheets. */
export function writeResultSheets(wb: ExcelJS.Workbook, specs: SheetSpec[]): void {
  for (const ws of [...wb.worksheets]) if (isResultSheetName(ws.name)) wb.removeWorksheet(ws.id);
  for (const spec of specs) addSheet(wb, spec);
}

/** Creates or replaces a sheet the add-in owns (规则参数), keeping its position when it existed. */
export function writeOwnSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const old = wb.worksheets.find((w) => normalizeName(w.name) === normalizeName(spec.name));
  if (isResultSheetName(spec.name)) throw new Error(`${spec.name} is a result sheet`);
  const at = old ? wb.worksheets.indexOf(old) : -1;
  if (old) wb.removeWorksheet(old.id);
  const ws = addSheet(wb, spec);
  if (at >= 0) {
    // exceljs orders sheets by orderNo: move the new sheet back to where the old one was
    const sheets = wb.worksheets.filter((w) => w !== ws);
    sheets.splice(at, 0, ws);
    sheets.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i));
  }
}

/** Adds empty input sheets with headers, notes, drop-downs and formats; never overwrites. */
export function insertTemplates(wb: ExcelJS.Workbook, specs: TemplateSheetSpec[]): string[] {
  const added: string[] = [];
  const existing = new Set(wb.worksheets.map((w) => normalizeName(w.name)));
  for (const spec of specs) {
    if (existing.has(normalizeName(spec.name))) continue;
    const ws = wb.addWorksheet(spec.name, {
      views: [{ state: "frozen", ySplit: 1, xSplit: 0, topLeftCell: "A2" }],
    });
    spec.columns.forEach((c, j) => {
      const col = ws.getColumn(j + 1);
      col.width = c.width;
      const head = ws.getCell(1, j + 1);
      head.value = c.header;
      head.font = { bold: true, color: { argb: c.required ? "FF9C0006" : "FF1F4E79" } };
      head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      head.note = c.note;
      const L = columnLetter(j + 1);
      if (c.list)
        (
          ws as unknown as {
            dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void };
          }
        ).dataValidations.add(`${L}2:${L}${spec.rows + 1}`, {
          type: "list",
          allowBlank: true,
          formulae: [`"${c.list.join(",")}"`],
          showErrorMessage: true,
          errorTitle: "无效值 invalid value",
          error: `请从列表中选择：${c.list.join("、")}`,
        });
      const fmt = NUM_FMT[c.format];
      if (fmt && c.format !== "text")
        for (let r = 2; r <= spec.rows + 1; r++) ws.getCell(r, j + 1).numFmt = fmt;
    });
    added.push(spec.name);
    existing.add(normalizeName(spec.name));
  }
  return added;
}

// Sheets the add-in writes besides the results and 规则参数 (param-sheet.ts): empty input-sheet
// templates and the 列映射 sheet, generated from the sheet list.
import { MAPPING_HEADERS, MAPPING_SHEET, SHEET_FIELD } from "../mapping";
import { SHEETS, SheetKey } from "../sheets";
import { Format, SheetSpec, TemplateSheetSpec, t } from "./spec";

const FORMAT_OF: Record<string, Format> = {
  datetime: "datetime",
  date: "date",
  money: "money",
  number: "number",
  bool: "text",
  enum: "text",
  text: "text",
  period: "text",
};

/** What the 模板 tab can insert: an input sheet, or the 列映射 sheet. */
export type TemplateKey = SheetKey | "mapping";

/** A 列映射 to fill in by hand: its five columns with their notes, 表 as a drop-down. */
export function mappingTemplateSpec(rows = 200): TemplateSheetSpec {
  const notes = [
    `输入表的名称（${SHEETS.map((s) => s.zh).join("、")}） / the input sheet`,
    `“${SHEET_FIELD}”：列出该输入表所在的工作表；或该表的字段名（如 派单时间） / “${SHEET_FIELD}” or a field`,
    "（工作表）行：工作表名，多张用“；”分隔；字段行：数据中的表头，多个用“|”分隔，取第一个非空 / sheets (；) or headers (|)",
    "仅“是/否”和选项字段：源值=目标值，用“；”分隔；空 = 空白单元格，其他 = 未列出的值。例：0=是；其他=否 / value map",
    "说明；以“待核对”开头的行是尚未核对的建议 / note; 待核对 marks a suggestion not yet checked",
  ];
  const widths = [10, 14, 40, 28, 40];
  return {
    name: MAPPING_SHEET.zh,
    rows,
    columns: MAPPING_HEADERS.map((header, i) => ({
      header,
      note: notes[i],
      format: "text" as Format,
      width: widths[i],
      required: i < 3,
      list: i === 0 ? SHEETS.map((s) => s.zh) : undefined,
    })),
  };
}

/**
 * The template sheets of these inputs (and 列映射). `year`: the contract year whose dates the notes
 * give as examples (全年写 2025，月度写 2025-05).
 */
export function templateSpecs(keys: TemplateKey[], rows = 1000, year = 2023): TemplateSheetSpec[] {
  const example = (note: string) => note.replace(/2023/g, String(year));
  const inputs = SHEETS.filter((s) => keys.includes(s.key)).map((s) => ({
    name: s.zh,
    rows,
    columns: s.columns.map((c) => ({
      header: c.zh,
      note: [`${c.zh}（${c.en}）${c.required ? " · 必填 required" : ""}`, example(c.note ?? "")]
        .filter(Boolean)
        .join("\n"),
      format: c.type.kind === "number" && c.type.integer ? "int" : FORMAT_OF[c.type.kind],
      width:
        c.type.kind === "datetime"
          ? 20
          : c.type.kind === "date"
            ? 12
            : Math.max(10, c.zh.length * 2 + 4),
      required: c.required,
      list:
        c.type.kind === "enum"
          ? c.type.values.map((v) => v.zh)
          : c.type.kind === "bool"
            ? ["是", "否"]
            : undefined,
    })),
  }));
  return keys.includes("mapping") ? [...inputs, mappingTemplateSpec()] : inputs;
}

/**
 * The 列映射 sheet (WORKBOOK.md revision 3): 表 | 字段 | 来源 | 值映射 | 说明, one row each; rows whose
 * 说明 says 待核对 (a suggestion not yet confirmed) are highlighted for checking.
 */
export function mappingSheetSpec(rows: string[][]): SheetSpec {
  return {
    name: MAPPING_SHEET.zh,
    title: "列映射 · 输入表与列的对应关系（ColumnMap）",
    subtitle:
      "每次核查都读取本表：（工作表）行列出输入表所在的工作表（多张用“；”分隔），字段行给出来源表头（多个用“|”分隔，取第一个非空）与值映射（源值=目标值，空 = 空白单元格，其他 = 未列出的值）。“待核对”行是程序的建议，请核对后删去“待核对”。 Read by every run; rows marked 待核对 are suggestions to check.",
    freezeRows: 3,
    blocks: [
      {
        kind: "table",
        row: 3,
        name: "ColumnMap",
        columns: [
          { header: MAPPING_HEADERS[0], format: "text", width: 10 },
          { header: MAPPING_HEADERS[1], format: "text", width: 14 },
          { header: MAPPING_HEADERS[2], format: "text", width: 40 },
          { header: MAPPING_HEADERS[3], format: "text", width: 28 },
          { header: MAPPING_HEADERS[4], format: "text", width: 50 },
        ],
        rows: rows.map((r) => r.map((x) => t(x))),
        rowHighlight: rows.map((r) => (r[4]?.startsWith("待核对") ? "warn" : null)),
      },
    ],
  };
}

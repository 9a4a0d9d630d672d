// Sheets the add-in writes besides the results: the 规则参数 sheet (thresholds that travel with the
// workbook) and empty input-sheet templates. Generated from the parameter schema and the sheet list.
import { DEFAULT_PARAMS, PARAM_KEYS, Params, formatParam, paramMeta } from "../params";
import { SHEETS, SheetKey, PARAMS_SHEET } from "../sheets";
import { Format, SheetSpec, TemplateSheetSpec, t } from "./spec";

/** The 规则参数 sheet: key | value | contract default | description; changed values highlighted. */
export function paramsSheetSpec(params: Params): SheetSpec {
  const rows = PARAM_KEYS.map((k) => {
    const changed = JSON.stringify(params[k]) !== JSON.stringify(DEFAULT_PARAMS[k]);
    const meta = paramMeta(k);
    const def = formatParam(k, DEFAULT_PARAMS[k]) || `同 ${meta.follows}`;
    return [
      t(k),
      { ...t(formatParam(k, params[k])), highlight: changed ? ("changed" as const) : undefined },
      t(def),
      t(`${meta.zh} / ${meta.en}`),
    ];
  });
  return {
    name: PARAMS_SHEET.zh,
    title: "规则参数 · 合同考核阈值（Parameters）",
    subtitle:
      "修改“值”列即可调整阈值；留空 = 合同默认。核查时读取本表，结果的“运行记录”列出实际使用的值。 Edit the value column; blank = contract default.",
    freezeRows: 3,
    blocks: [
      {
        kind: "table",
        row: 3,
        name: "RuleParameters",
        columns: [
          { header: "参数 key", format: "text", width: 30 },
          { header: "值 value", format: "text", width: 24 },
          { header: "合同默认 contract default", format: "text", width: 24 },
          { header: "说明 description", format: "text", width: 80 },
        ],
        rows,
        rowHighlight: rows.map((r) => (r[1].highlight ? "changed" : null)),
      },
    ],
  };
}

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

/** Empty input sheets with headers, notes, drop-downs and formats, for the sheets given. */
export function templateSpecs(keys: SheetKey[], rows = 1000): TemplateSheetSpec[] {
  return SHEETS.filter((s) => keys.includes(s.key)).map((s) => ({
    name: s.zh,
    rows,
    columns: s.columns.map((c) => ({
      header: c.zh,
      note: [`${c.zh}（${c.en}）${c.required ? " · 必填 required" : ""}`, c.note]
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
}

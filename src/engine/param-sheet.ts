// The 规则参数 sheet, both ways: written from the parameters (the pane's 保存到工作簿, the command
// line's --write-params) and read back into values and errors, by the same two headers.
import { serialFrom1904 } from "./parse";
import { RawTable, cellAddress, isBlank } from "./table";
import { quote } from "./privacy";
import { PARAMS_SHEET, normalizeName } from "./sheets";
import { DEFAULT_PARAMS, PARAM_KEYS, ParamError, ParamKey, Params, paramMeta } from "./params";
import { coerceParam, displayParam, formatParam } from "./param-text";
import { SheetSpec, t } from "./layout/spec";

/** The 规则参数 sheet: key | value | contract default | description; changed values highlighted. */
export function paramsSheetSpec(params: Params): SheetSpec {
  const rows = PARAM_KEYS.map((k) => {
    const changed = JSON.stringify(params[k]) !== JSON.stringify(DEFAULT_PARAMS[k]);
    const meta = paramMeta(k);
    // a default that follows another parameter, by that one's name (its key beside, for the record)
    const def = formatParam(k, DEFAULT_PARAMS[k]) || `${displayParam(k, null)}（${meta.follows}）`;
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

/** Reads the 规则参数 sheet (key, value columns); blank value = contract default. */
export function readParamsTable(table: RawTable): {
  values: Record<string, unknown>;
  errors: ParamError[];
  where: Map<string, Omit<ParamError, "key" | "message" | "messageEn">>;
} {
  const values: Record<string, unknown> = {};
  const errors: ParamError[] = [];
  const where = new Map<string, Omit<ParamError, "key" | "message" | "messageEn">>();
  const rows = table.values;
  let keyCol = 0;
  let valCol = 1;
  let start = 0;
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const norm = (rows[i] ?? []).map((c) => (typeof c === "string" ? normalizeName(c) : ""));
    const k = norm.findIndex(
      (c) => c === "参数" || c === "key" || c === "参数key" || c === "parameter"
    );
    const v = norm.findIndex((c) => c === "值" || c === "value" || c === "值value");
    if (k >= 0 && v >= 0) {
      keyCol = k;
      valCol = v;
      start = i + 1;
      break;
    }
  }
  for (let i = start; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const rawKey = r[keyCol] ?? null;
    if (isBlank(rawKey)) continue;
    const key = String(rawKey).normalize("NFKC").trim();
    const row = table.firstRow + i;
    const cell = cellAddress(row, table.firstCol + valCol);
    const loc = { sheet: table.name, row, cell };
    if (!PARAM_KEYS.includes(key as ParamKey)) {
      errors.push({
        key,
        ...loc,
        cell: cellAddress(row, table.firstCol + keyCol),
        message: `未知参数“${quote(key)}”`,
        messageEn: `unknown parameter "${quote(key)}"`,
      });
      continue;
    }
    where.set(key, loc);
    const raw = r[valCol] ?? null;
    const c = coerceParam(
      key as ParamKey,
      table.date1904 &&
        PARAM_KEYS.includes(key as ParamKey) &&
        paramMeta(key as ParamKey).kind === "date"
        ? serialFrom1904(raw, "date")
        : raw
    );
    if (!c.ok) {
      errors.push({
        key,
        ...loc,
        message: `参数“${key}”的值无效：${c.message}`,
        messageEn: `invalid value for "${key}": ${c.messageEn}`,
      });
      continue;
    }
    if (c.value !== undefined) values[key] = c.value;
  }
  return { values, errors, where };
}

// Reading the 规则参数 sheet into values and errors (it is written by layout/own.ts).
import { serialFrom1904 } from "./parse";
import { RawTable, cellAddress, isBlank } from "./table";
import { quote } from "./privacy";
import { normalizeName } from "./sheets";
import { PARAM_KEYS, ParamError, ParamKey, paramMeta } from "./params";
import { coerceParam } from "./param-text";

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

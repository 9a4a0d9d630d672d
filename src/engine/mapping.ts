// The 列映射 sheet (WORKBOOK.md revision 3, "Reading the workbook as it is"): which workbook
// sheet(s) hold an input, which source header feeds a field (`|` for the first non-blank of
// several), and how a bool or enum field's values read (值映射, with 空 and 其他). Parsed and
// checked here; applied by read.ts. Its errors stop the run before anything is computed.
import type { ParamError } from "./params";
import { parseCell } from "./parse";
import { quote } from "./privacy";
import { ColumnDef, SHEETS, SheetDef, SheetKey, normalizeName } from "./sheets";
import { RawCell, RawTable, cellAddress, isBlank, isCellError } from "./table";

export const MAPPING_SHEET = { zh: "列映射", en: "ColumnMap" } as const;
/** The 字段 of a row naming the sheet(s) that hold an input. */
export const SHEET_FIELD = "（工作表）";
export const MAPPING_HEADERS = ["表", "字段", "来源", "值映射", "说明"] as const;
const MAPPING_HEADER_EN = ["sheet", "field", "source", "values", "note"];

export function isMappingSheetName(name: string): boolean {
  const n = normalizeName(name);
  return n === normalizeName(MAPPING_SHEET.zh) || n === normalizeName(MAPPING_SHEET.en);
}

/** What a blank cell (空) or any unlisted value (其他) is mapped to; null is a blank. */
export interface ValueMap {
  /** normalised source value → target as written (a blank target is null) */
  pairs: Map<string, string | null>;
  blank?: string | null;
  other?: string | null;
  /** as written in the sheet */
  text: string;
}

export interface FieldMapping {
  /** the source headers, first non-blank wins; empty: the data has no such column */
  sources: string[];
  values: ValueMap | null;
  /** the 列映射 row (1-based) and the cell of 来源 */
  row: number;
  cell: string;
}

export interface InputMapping {
  /** the sheets holding the input, in the order listed (null: found by the input's own name) */
  sheets: string[] | null;
  sheetRow: number | null;
  fields: Map<string, FieldMapping>;
}

export interface ColumnMapping {
  /** the 列映射 sheet's name as written */
  name: string;
  inputs: Map<SheetKey, InputMapping>;
  /** rows whose 说明 still says 待核对 (a suggestion written by --write-mapping, not yet confirmed) */
  unconfirmed: { row: number; cell: string }[];
}

/** How a suggested row's 说明 begins until the user confirms it. */
export const UNCONFIRMED = "待核对";

/** The words of 值映射 for a blank cell and for any value not listed. */
const BLANK_WORD = "空";
const OTHER_WORD = "其他";

const splitList = (s: string) =>
  s
    .split(/[；;]/)
    .map((x) => x.trim())
    .filter(Boolean);

function findInput(name: string): SheetDef | null {
  const n = normalizeName(name);
  return SHEETS.find((s) => normalizeName(s.zh) === n || normalizeName(s.en) === n) ?? null;
}

function findField(def: SheetDef, name: string): ColumnDef | null {
  const n = normalizeName(name);
  return def.columns.find((c) => normalizeName(c.zh) === n || normalizeName(c.en) === n) ?? null;
}

const cellText = (v: RawCell | undefined): string =>
  v === null || v === undefined || isCellError(v) ? "" : String(v).trim();

/** A source value as 值映射 keys compare it: a number as written (0, 1), text normalised. */
export function valueKey(v: RawCell): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return normalizeName(String(v ?? ""));
}

/**
 * The cell after the 值映射: a blank cell → 空's target, a listed value → its target, any other
 * value → 其他's target; a cell the map does not reach (an error value, a value with no 其他) as is.
 */
export function applyValueMap(v: RawCell, m: ValueMap): RawCell {
  if (isCellError(v)) return v;
  if (isBlank(v)) return m.blank !== undefined ? m.blank : v;
  const hit = m.pairs.get(valueKey(v));
  if (hit !== undefined) return hit;
  return m.other !== undefined ? m.other : v;
}

function parseValueMap(
  text: string,
  col: ColumnDef,
  err: (zh: string, en: string) => void
): ValueMap | null {
  const pairs = new Map<string, string | null>();
  const out: ValueMap = { pairs, text };
  for (const item of splitList(text)) {
    const eq = item.search(/[=＝]/);
    if (eq <= 0) {
      err(
        `值映射“${quote(item)}”应写成 源值=目标值（如 0=是；其他=否）`,
        `value map "${quote(item)}" must be source=target (e.g. 0=是；其他=否)`
      );
      return null;
    }
    const from = item.slice(0, eq).trim();
    const toText = item.slice(eq + 1).trim();
    const to = toText === "" || toText === BLANK_WORD ? null : toText;
    if (to !== null) {
      const p = parseCell(to, col.type);
      if (!p.ok || p.value === null) {
        const allowed =
          col.type.kind === "bool"
            ? "是、否"
            : col.type.kind === "enum"
              ? col.type.values.map((e) => e.zh).join("、")
              : "";
        err(
          `值映射的目标“${quote(to)}”不是“${col.zh}”允许的值（${allowed}，或 空）`,
          `value map target "${quote(to)}" is not an allowed value of ${col.zh} (${allowed}, or 空 for blank)`
        );
        return null;
      }
    }
    if (from === BLANK_WORD) out.blank = to;
    else if (from === OTHER_WORD) out.other = to;
    else pairs.set(valueKey(from), to);
  }
  return out;
}

/** Where a 列映射 table's header row is, and the index of each of its five columns (-1: absent). */
function mappingLayout(table: RawTable): { headerIdx: number; cols: number[] } | null {
  const headerIdx = table.values.findIndex((r) =>
    (r ?? []).some((c) => typeof c === "string" && normalizeName(c) === normalizeName("字段"))
  );
  if (headerIdx < 0) return null;
  const header = table.values[headerIdx].map((c) =>
    typeof c === "string" ? normalizeName(c) : ""
  );
  const cols = MAPPING_HEADERS.map((zh, k) =>
    header.findIndex((h) => h === normalizeName(zh) || h === MAPPING_HEADER_EN[k])
  );
  return { headerIdx, cols };
}

/**
 * A 列映射 table with rows ([表, 字段, 来源, 值映射, 说明]) added below its own, each value in the
 * table's own column for it; a new table when there is none (or it has no header row). The rows
 * of the table keep their numbers, so a message still names the user's row.
 */
export function withMappingRows(table: RawTable | null, rows: RawCell[][]): RawTable {
  const layout = table ? mappingLayout(table) : null;
  if (!table || !layout || layout.cols.slice(0, 3).some((c) => c < 0))
    return {
      name: table?.name ?? MAPPING_SHEET.zh,
      firstRow: 1,
      firstCol: 1,
      values: [[...MAPPING_HEADERS], ...rows],
    };
  const width = Math.max(...layout.cols) + 1;
  const placed = rows.map((r) => {
    const out: RawCell[] = new Array<RawCell>(width).fill(null);
    layout.cols.forEach((c, k) => {
      if (c >= 0) out[c] = r[k] ?? null;
    });
    return out;
  });
  return { ...table, values: [...table.values, ...placed] };
}

export interface MappingParse {
  mapping: ColumnMapping;
  errors: ParamError[];
}

/**
 * Reads the 列映射 sheet against the workbook's tables: each row's 表 and 字段 must be known, its
 * 来源 sheets and headers present, its 值映射 on a bool or enum field with allowed targets; a
 * source header is given to one field of an input, a source sheet to one input.
 */
export function parseMapping(table: RawTable, tables: RawTable[]): MappingParse {
  const mapping: ColumnMapping = { name: table.name, inputs: new Map(), unconfirmed: [] };
  const errors: ParamError[] = [];
  const rows = table.values;
  const layout = mappingLayout(table);
  const headerIdx = layout?.headerIdx ?? -1;
  const at = (i: number, j: number) => ({
    row: table.firstRow + i,
    cell: cellAddress(table.firstRow + i, table.firstCol + j),
  });
  if (headerIdx < 0) {
    if (rows.some((r) => r && !r.every(isBlank)))
      errors.push({
        key: MAPPING_SHEET.zh,
        sheet: table.name,
        ...at(0, 0),
        message: `“${table.name}”表缺少表头（${MAPPING_HEADERS.join("、")}）`,
        messageEn: `the "${table.name}" sheet has no header row (${MAPPING_HEADERS.join(", ")})`,
      });
    return { mapping, errors };
  }
  const [cSheet, cField, cSource, cValues, cNote] = layout!.cols;
  const byName = new Map(tables.map((t) => [normalizeName(t.name), t]));
  const headersOf = new Map<string, Set<string>>();
  const sheetHeaders = (t: RawTable): Set<string> => {
    let s = headersOf.get(t.name);
    if (!s) {
      s = new Set();
      for (const r of t.values.slice(0, HEADER_SCAN_ROWS))
        for (const c of r ?? []) if (typeof c === "string") s.add(normalizeName(c));
      headersOf.set(t.name, s);
    }
    return s;
  };
  const sheetOwner = new Map<string, SheetKey>();
  const fieldRows: { key: SheetKey; col: ColumnDef; sources: string[]; row: number }[] = [];
  for (let i = headerIdx + 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    if (r.every(isBlank)) continue;
    const get = (c: number) => (c < 0 ? "" : cellText(r[c]));
    const sheetName = get(cSheet);
    const fieldName = get(cField);
    const source = get(cSource);
    const values = get(cValues);
    const where = (c: number) => at(i, Math.max(c, 0));
    if (get(cNote).startsWith(UNCONFIRMED)) mapping.unconfirmed.push(where(cNote));
    const err = (c: number, zh: string, en: string) =>
      errors.push({
        key: `${MAPPING_SHEET.zh} 第${table.firstRow + i}行`,
        sheet: table.name,
        ...where(c),
        message: `${table.name} 第${table.firstRow + i}行：${zh}`,
        messageEn: `${table.name} row ${table.firstRow + i}: ${en}`,
      });
    const def = findInput(sheetName);
    if (!def) {
      err(
        cSheet,
        `“表”应为输入表的名称（${SHEETS.map((s) => s.zh).join("、")}），而不是“${quote(sheetName)}”`,
        `"表" must name an input sheet (${SHEETS.map((s) => s.zh).join(", ")}), not "${quote(sheetName)}"`
      );
      continue;
    }
    const input = mapping.inputs.get(def.key) ?? {
      sheets: null,
      sheetRow: null,
      fields: new Map(),
    };
    mapping.inputs.set(def.key, input);
    if (normalizeName(fieldName) === normalizeName(SHEET_FIELD) || fieldName === "(sheet)") {
      const names = splitList(source);
      if (input.sheets) {
        err(cField, `${def.zh}的（工作表）写了两次`, `${def.zh}'s (sheet) row appears twice`);
        continue;
      }
      if (values) err(cValues, "（工作表）行不能有值映射", "a (sheet) row takes no value map");
      const found: string[] = [];
      for (const n of names) {
        const t = byName.get(normalizeName(n));
        if (!t) {
          err(
            cSource,
            `来源工作表“${quote(n)}”不在工作簿中`,
            `source sheet "${quote(n)}" is not in the workbook`
          );
          continue;
        }
        const owner = sheetOwner.get(t.name);
        if (owner && owner !== def.key) {
          err(
            cSource,
            `来源工作表“${t.name}”已列在${SHEETS.find((s) => s.key === owner)!.zh}下，一张工作表只能是一个输入表`,
            `source sheet "${t.name}" is already listed under another input; a sheet feeds one input`
          );
          continue;
        }
        sheetOwner.set(t.name, def.key);
        found.push(t.name);
      }
      input.sheets = found;
      input.sheetRow = table.firstRow + i;
      continue;
    }
    const col = findField(def, fieldName);
    if (!col) {
      err(
        cField,
        `“${quote(fieldName)}”不是${def.zh}表的字段（可用：${SHEET_FIELD}、${def.columns.map((c) => c.zh).join("、")}）`,
        `"${quote(fieldName)}" is not a field of ${def.zh} (allowed: ${SHEET_FIELD}, ${def.columns.map((c) => c.zh).join(", ")})`
      );
      continue;
    }
    if (input.fields.has(col.key)) {
      err(cField, `字段“${col.zh}”写了两次`, `field ${col.zh} appears twice`);
      continue;
    }
    let vm: ValueMap | null = null;
    if (values) {
      if (col.type.kind !== "bool" && col.type.kind !== "enum") {
        err(
          cValues,
          `“${col.zh}”不是“是/否”或选项字段，不能有值映射`,
          `${col.zh} is neither a yes/no nor a choice field; it takes no value map`
        );
        continue;
      }
      let failed = false;
      vm = parseValueMap(values, col, (zh, en) => {
        failed = true;
        err(cValues, zh, en);
      });
      if (failed) continue;
    }
    const sources = source
      .split(/[|｜]/)
      .map((s) => s.trim())
      .filter(Boolean);
    input.fields.set(col.key, { sources, values: vm, ...where(cSource) });
    fieldRows.push({ key: def.key, col, sources, row: table.firstRow + i });
  }
  // the source headers must be in the input's sheets; one header feeds one field of an input
  const used = new Map<string, string>();
  for (const f of fieldRows) {
    const input = mapping.inputs.get(f.key)!;
    const def = SHEETS.find((s) => s.key === f.key)!;
    const names = input.sheets ?? defaultSheets(def, tables);
    const fm = input.fields.get(f.col.key)!;
    const err = (zh: string, en: string) =>
      errors.push({
        key: `${MAPPING_SHEET.zh} 第${f.row}行`,
        sheet: table.name,
        row: fm.row,
        cell: fm.cell,
        message: `${table.name} 第${f.row}行：${zh}`,
        messageEn: `${table.name} row ${f.row}: ${en}`,
      });
    for (const h of f.sources) {
      const key = `${f.key}|${normalizeName(h)}`;
      const other = used.get(key);
      if (other && other !== f.col.key) {
        err(
          `来源表头“${quote(h)}”已给了${def.columns.find((c) => c.key === other)!.zh}，一个表头只能对应一个字段`,
          `source header "${quote(h)}" already feeds another field; a header feeds one field`
        );
        continue;
      }
      used.set(key, f.col.key);
      if (!names.length) continue; // no sheet for the input: the input is missing, said elsewhere
      const present = names.some((n) => {
        const t = byName.get(normalizeName(n));
        return t ? sheetHeaders(t).has(normalizeName(h)) : false;
      });
      if (!present)
        err(
          `来源表头“${quote(h)}”不在${names.map((n) => `“${n}”`).join("、")}的表头中`,
          `source header "${quote(h)}" is not among the headers of ${names.map((n) => `"${n}"`).join(", ")}`
        );
    }
  }
  return { mapping, errors };
}

/** The first rows searched for a header row (title and filter rows above it are common). */
export const HEADER_SCAN_ROWS = 20;

/** The sheet an input is found under without a (工作表) row: its own name or alias, the first. */
function defaultSheets(def: SheetDef, tables: RawTable[]): string[] {
  const t = tables.find(
    (x) =>
      normalizeName(x.name) === normalizeName(def.zh) ||
      normalizeName(x.name) === normalizeName(def.en)
  );
  return t ? [t.name] : [];
}

/** The workbook sheets a 列映射 table lists as sources (to read them beside the input sheets). */
export function mappedSourceSheets(table: RawTable | null): string[] {
  if (!table) return [];
  const rows = table.values;
  const layout = mappingLayout(table);
  const headerIdx = layout?.headerIdx ?? -1;
  if (headerIdx < 0) return [];
  const header = rows[headerIdx].map((c) => (typeof c === "string" ? normalizeName(c) : ""));
  const cField = header.findIndex((h) => h === "字段" || h === "field");
  const cSource = header.findIndex((h) => h === "来源" || h === "source");
  if (cField < 0 || cSource < 0) return [];
  const out: string[] = [];
  for (const r of rows.slice(headerIdx + 1)) {
    if (!r || normalizeName(cellText(r[cField])) !== normalizeName(SHEET_FIELD)) continue;
    for (const n of splitList(cellText(r[cSource]))) if (!out.includes(n)) out.push(n);
  }
  return out;
}

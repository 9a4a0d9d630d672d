// Suggestions for a 列映射, never taken silently (WORKBOOK.md revision 3): which sheets hold an
// input (a monthly export), which unknown header is likely a missing field, and a 值映射 for a
// yes/no or choice column whose values the product cannot read. By meaning, not by string
// distance alone: 签收时间 and 派单时间 are two characters apart and mean different moments.
// Each suggestion says why.
import {
  HEADER_SCAN_ROWS,
  SHEET_FIELD,
  UNCONFIRMED,
  isMappingSheetName,
  withMappingRows,
} from "./mapping";
import type { ParamError } from "./params";
import { parseBool, parseDateTime, parseNumberValue } from "./parse";
import type { MatchHow, ReadResult, ReadSheet, SheetPart } from "./read";
import {
  headerIndex,
  isEngineSheetName,
  isResultSheetName,
  matchSheet,
  readWorkbook,
  usedColumns,
} from "./read";
import { ColumnDef, SHEETS, SheetDef, SheetKey, normalizeName } from "./sheets";
import { RawCell, RawTable, isBlank, isCellError } from "./table";

export interface HeaderSuggestion {
  header: string;
  /** 1-based column in its sheet */
  col: number;
  reason: string;
  reasonEn: string;
  /** a 值映射 the column needs to be read as this field (退回次数 → 0=是；其他=否) */
  values?: string;
}

/**
 * Headers close in meaning to a field's but not the same fact: offered, never taken. The reason
 * says what the column is (来电时间 is the call, not the dispatch to the commission).
 */
const NEAR_MEANING: Record<string, [string, string, string, string?][]> = {
  received_at: [
    [
      "来电时间",
      "市民来电的时间，不一定是派到委里的时间",
      "when the citizen called, not necessarily when the platform dispatched it to the commission",
    ],
    [
      "受理时间",
      "热线受理的时间，不一定是派到委里的时间",
      "when the hotline took the call, not necessarily the dispatch to the commission",
    ],
    ["派单日期", "派单的日期（可能没有时刻）", "the dispatch date (perhaps without a time)"],
  ],
  due_at: [
    [
      "处理时限",
      "值可能是天数（如 7），不是截止日期",
      "its values may be a number of days (7), not a deadline",
    ],
    ["办理时限（天）", "值是天数，不是截止日期", "its values are days, not a deadline"],
  ],
  feedback_at: [
    ["回复内容", "回复的内容，不是回复的时间", "the reply's text, not when it was given"],
    ["办理结果反馈时间", "表头含“反馈时间”", "the header contains 反馈时间"],
  ],
  dispatch_correct: [
    [
      "退回次数",
      "退回即派单不准确：0 次为“是”，其他为“否”",
      "returned means wrongly dispatched: 0 is 是, any other count 否",
      "0=是；其他=否",
    ],
    [
      "是否退单",
      "退单即派单不准确：“是”应映射为“否”",
      "a return means wrongly dispatched: 是 maps to 否",
      "是=否；否=是",
    ],
  ],
  signed_at: [
    ["签收日期", "签收的日期（可能没有时刻）", "the signing date (perhaps without a time)"],
  ],
  pretraining_date: [
    ["入职培训日期", "入职时的培训即岗前培训", "the induction training is the pre-job training"],
  ],
};

type Kind = "datetime" | "date" | "bool" | "flag" | "number" | "text" | "empty";

/** What a column's values look like, from a sample below the header. */
function valueKind(table: RawTable, headerIdx: number, j: number): Kind {
  let n = 0;
  let dt = 0;
  let withTime = 0;
  let bool = 0;
  let num = 0;
  let ones = 0;
  for (let i = headerIdx + 1; i < table.values.length && n < 200; i++) {
    const v = table.values[i]?.[j] ?? null;
    if (isBlank(v) || isCellError(v)) continue;
    n++;
    const d = parseDateTime(v);
    if (d.ok && d.value !== null && (typeof v !== "number" || v > 20000)) {
      dt++;
      if (d.value % 86400 !== 0) withTime++;
      continue;
    }
    if (v === 1 || v === "1") ones++;
    const b = parseBool(v);
    if (b.ok && b.value !== null) bool++;
    const x = parseNumberValue(v);
    if (x.ok && x.value !== null) num++;
  }
  if (n === 0) return "empty";
  if (dt / n > 0.8) return withTime ? "datetime" : "date";
  if (ones === n) return "flag";
  if (bool / n > 0.8) return "bool";
  if (num / n > 0.8) return "number";
  return "text";
}

const KIND_ZH: Record<Kind, string> = {
  datetime: "值为日期时间",
  date: "值为日期",
  bool: "值为是/否",
  flag: "值为 1 或空",
  number: "值为数字",
  text: "值为文字",
  empty: "列为空",
};
const KIND_EN: Record<Kind, string> = {
  datetime: "its values are date-times",
  date: "its values are dates",
  bool: "its values are yes/no",
  flag: "its values are 1 or blank",
  number: "its values are numbers",
  text: "its values are text",
  empty: "the column is empty",
};

function fits(col: ColumnDef, kind: Kind): boolean {
  switch (col.type.kind) {
    case "datetime":
      return kind === "datetime" || kind === "date";
    case "date":
      return kind === "date" || kind === "datetime";
    case "bool":
      return kind === "bool" || kind === "flag";
    case "number":
    case "money":
      return kind === "number" || kind === "flag";
    default:
      return kind !== "empty";
  }
}

/** Shared character pairs (Dice), after normalisation. */
function similarity(a: string, b: string): number {
  const pairs = (x: string) => {
    const t = normalizeName(x);
    const out = new Set<string>();
    for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
    return out;
  };
  const p = pairs(a);
  const q = pairs(b);
  let shared = 0;
  for (const x of q) if (p.has(x)) shared++;
  return (2 * shared) / (p.size + q.size || 1);
}

/** Words many headers end in, saying what kind of value, not which fact. */
const GENERIC_WORDS = /时间|日期|时限|期限|部门|单位|名称|编号|内容|是否/g;

/** A header without its generic words. */
const stem = (h: string) => normalizeName(h).replace(GENERIC_WORDS, "");

/** The last two characters of a field's header, the word that says what it is (时间, 日期, 部门). */
const tailWord = (h: string) => h.slice(-2);

/**
 * The unknown header of a sheet most likely to be this field, and why: a header known to be close
 * in meaning, else one whose values fit the field's type and whose name shares its words.
 */
export function suggestHeader(
  col: ColumnDef,
  table: RawTable,
  headerRow: number,
  used: Set<number>,
  pass: "near" | "similar" | "both" = "both"
): HeaderSuggestion | null {
  const headerIdx = headerRow - table.firstRow;
  const cells = (table.values[headerIdx] ?? [])
    .map((h, j) => ({ h: typeof h === "string" ? h.trim() : "", j, col: table.firstCol + j }))
    .filter((c) => c.h !== "" && !used.has(c.col));
  if (pass !== "similar")
    for (const [header, zh, en, values] of NEAR_MEANING[col.key] ?? []) {
      const c = cells.find((x) => normalizeName(x.h) === normalizeName(header));
      if (c)
        return { header: c.h, col: c.col, reason: zh, reasonEn: en, ...(values ? { values } : {}) };
    }
  if (pass === "near") return null;
  const word = tailWord(col.zh);
  // beside the words every header has (时间, 日期, 时限, 部门 …) the names must share a word:
  // 回访时间 is not 受理时间, 办理时限 is not 受理时间
  const stems = [col.zh, ...(col.exportHeaders ?? [])].map(stem);
  const sharesStem = (h: string) => {
    const t = stem(h);
    return stems.some((st) => st === t || similarity(st, t) > 0);
  };
  let best: HeaderSuggestion | null = null;
  let bestScore = 0;
  for (const c of cells) {
    const sim = Math.max(
      similarity(col.zh, c.h),
      ...(col.exportHeaders ?? []).map((h) => similarity(h, c.h))
    );
    if (sim < 0.3 || !sharesStem(c.h)) continue;
    const kind = valueKind(table, headerIdx, c.j);
    if (!fits(col, kind)) continue;
    const score = sim + (c.h.includes(word) ? 0.5 : 0);
    if (score <= bestScore) continue;
    bestScore = score;
    best = {
      header: c.h,
      col: c.col,
      reason: `${KIND_ZH[kind]}${c.h.includes(word) ? `，且表头含“${word}”` : `，表头与“${col.zh}”相近`}`,
      reasonEn: `${KIND_EN[kind]}${c.h.includes(word) ? ` and the header contains ${word}` : ` and the header is like ${col.zh}`}`,
    };
  }
  return best;
}

// ---- a whole mapping, for the pane's 列映射 step and --suggest-mapping ----

export interface FieldPlan {
  key: string;
  zh: string;
  required: boolean;
  /** the header found and how; null when missing */
  header: string | null;
  how: MatchHow | null;
  /** a 值映射 already in force */
  values: string;
  suggestion: HeaderSuggestion | null;
  /** values of a bool or enum column no reading can read, with their counts and a suggested target */
  unreadable: { value: string; count: number; target: string | null }[];
  /** a 值映射 suggested for values that read but mean something else (1 and blank flags) */
  valuesSuggestion: string | null;
  /** the values a 值映射 may give this field (是/否/空, or the choice's values and 空); null: none */
  targets: string[] | null;
}

export interface InputPlan {
  key: SheetKey;
  zh: string;
  en: string;
  /** the workbook sheets holding it, and how they were found */
  sheets: string[];
  sheetsHow: "name" | "map" | "suggested" | "missing";
  fields: FieldPlan[];
  /** the header row's texts of its first sheet, in column order: what a field may be mapped to */
  headers: string[];
}

export interface MappingPlan {
  inputs: InputPlan[];
  /** true when the user should look at it before a run (a missing required field, a suggestion) */
  needed: boolean;
  /** the sheets of the workbook that are none of the inputs */
  otherSheets: string[];
  /** what is wrong with the 列映射 in force (the workbook's, or the one being edited) */
  errors: ParamError[];
  /** rows of that 列映射 still marked 待核对 */
  unconfirmed: number;
}

/** How many fields of an input a sheet's header rows name (own, English, export headers). */
function headerMatches(def: SheetDef, t: RawTable): number {
  const index = headerIndex(def);
  let best = 0;
  for (const r of t.values.slice(0, HEADER_SCAN_ROWS)) {
    const known = new Set<string>();
    for (const c of r ?? [])
      if (typeof c === "string")
        for (const hit of index.get(normalizeName(c)) ?? []) known.add(hit.col.key);
    best = Math.max(best, known.size);
  }
  return best;
}

/** Sheets that look like an input by their headers, for the inputs no sheet is named after. */
export function suggestSheets(tables: RawTable[], taken: Set<SheetKey>): Map<SheetKey, string[]> {
  const out = new Map<SheetKey, string[]>();
  for (const t of tables) {
    if (isEngineSheetName(t.name) || isResultSheetName(t.name)) continue;
    let bestDef: SheetDef | null = null;
    let best = 1;
    for (const def of SHEETS) {
      const m = headerMatches(def, t);
      if (m > best) {
        best = m;
        bestDef = def;
      }
    }
    if (!bestDef || taken.has(bestDef.key)) continue;
    out.set(bestDef.key, [...(out.get(bestDef.key) ?? []), t.name]);
  }
  return out;
}

/** A 值映射 target for a value no reading reads (部分解决 → 否, 一般 → 基本满意), or null. */
function targetFor(col: ColumnDef, value: string): string | null {
  const v = normalizeName(value);
  if (col.type.kind === "bool") {
    if (/^(部分|未|没|不|无)/.test(v)) return "否";
    if (/^(已|有|全部)/.test(v)) return "是";
    return null;
  }
  if (col.type.kind === "enum") {
    if (col.key === "satisfaction") {
      if (/非常满意|很满意/.test(v)) return "满意";
      if (/一般|较满意|比较满意/.test(v)) return "基本满意";
      if (/不满意|差/.test(v)) return "不满意";
    }
    const hit = col.type.values.find((e) => v.includes(normalizeName(e.zh)));
    return hit ? hit.zh : null;
  }
  return null;
}

/** Values of a yes/no column that are only 1 and blank: blank means 否, said in a 值映射. */
function flagValues(sheet: ReadSheet, key: string): string | null {
  const pos = sheet.columns.get(key);
  if (!pos || pos.values) return null;
  let ones = 0;
  let blanks = 0;
  for (const p of sheet.parts) {
    const c = p.columns.get(key);
    if (!c) continue;
    const t = p.table;
    for (let i = p.headerRow - t.firstRow + 1; i < t.values.length; i++) {
      const row = t.values[i];
      if (!row || row.every(isBlank)) continue;
      const v: RawCell = row[c.col - t.firstCol] ?? null;
      if (isBlank(v)) blanks++;
      else if (v === 1 || v === "1") ones++;
      else return null;
    }
  }
  return ones > 0 && blanks > 0 ? "1=是；空=否" : null;
}

/**
 * A suggestion for each missing field of an input, no header suggested twice: the headers known to
 * be close in meaning first, then the likeness of names and values, in the order of the fields.
 */
function suggestFields(
  def: SheetDef,
  sheet: ReadSheet,
  read: ReturnType<typeof readWorkbook>
): Map<string, HeaderSuggestion> {
  const out = new Map<string, HeaderSuggestion>();
  const p = sheet.parts[0];
  const used = usedColumns(p);
  const missing = def.columns.filter(
    (c) =>
      !sheet.columns.has(c.key) &&
      // a blank 来源 says the data has no such column
      read.mapping?.inputs.get(def.key)?.fields.get(c.key)?.sources.length !== 0
  );
  for (const pass of ["near", "similar"] as const)
    for (const c of missing) {
      if (out.has(c.key)) continue;
      const s = suggestHeader(c, p.table, p.headerRow, used, pass);
      if (!s) continue;
      out.set(c.key, s);
      used.add(s.col);
    }
  return out;
}

/** The values a 值映射 may give a field, or null for a field that takes none. */
export function mapTargets(col: ColumnDef): string[] | null {
  if (col.type.kind === "bool") return ["是", "否", "空"];
  if (col.type.kind === "enum") return [...col.type.values.map((v) => v.zh), "空"];
  return null;
}

/** The header row's texts of the first sheet of an input, deduplicated, in column order. */
function headerTexts(part: SheetPart): string[] {
  const row = part.table.values[part.headerRow - part.table.firstRow] ?? [];
  const out: string[] = [];
  for (const c of row) {
    const h = typeof c === "string" ? c.trim() : typeof c === "number" ? String(c) : "";
    if (h && !out.includes(h)) out.push(h);
  }
  return out;
}

/**
 * What the product would match and suggest for this workbook (nothing is taken from the
 * suggestions). `mappingRows` stands for the workbook's 列映射 (the rows being edited in the pane).
 */
export function suggestMapping(tables: RawTable[], mappingRows?: string[][]): MappingPlan {
  return planMapping(tables, mappingRows).plan;
}

/**
 * The plan, and the workbook as read for it when that reading is the one a run would make (no
 * sheet suggested, no 列映射 rows given): a run after the check then need not read it again.
 */
export function planMapping(
  tables: RawTable[],
  mappingRows?: string[][]
): { plan: MappingPlan; read: ReadResult | null } {
  if (mappingRows)
    tables = [
      ...tables.filter((t) => !isMappingSheetName(t.name)),
      withMappingRows(null, mappingRows),
    ];
  const first = readWorkbook(tables);
  const present = new Set(Object.keys(first.sheets) as SheetKey[]);
  const bySheets = suggestSheets(tables, present);
  // read again with the suggested sheets as a 列映射 would list them (below any in the workbook)
  const mapRows: RawCell[][] = [];
  for (const [key, names] of bySheets) {
    const def = SHEETS.find((s) => s.key === key)!;
    mapRows.push([def.zh, SHEET_FIELD, names.join("；"), null, null]);
  }
  const existing = tables.find((t) => isMappingSheetName(t.name)) ?? null;
  const read = mapRows.length
    ? readWorkbook([...tables.filter((t) => t !== existing), withMappingRows(existing, mapRows)])
    : first;
  let needed = read.mappingErrors.length > 0;
  const inputs: InputPlan[] = [];
  for (const def of SHEETS) {
    const sheet = read.sheets[def.key];
    const suggested = bySheets.has(def.key);
    const mapped = read.mapping?.inputs.get(def.key)?.sheets;
    if (suggested) needed = true;
    const fields: FieldPlan[] = [];
    const suggestions = sheet ? suggestFields(def, sheet, read) : new Map();
    for (const c of def.columns) {
      const pos = sheet?.columns.get(c.key) ?? null;
      const suggestion: HeaderSuggestion | null = suggestions.get(c.key) ?? null;
      const counts = sheet?.unreadable.get(c.key);
      const unreadable = [...(counts ?? [])]
        .sort((a, b) => b[1] - a[1])
        .map(([value, count]) => ({ value, count, target: targetFor(c, value) }));
      const valuesSuggestion = sheet && c.type.kind === "bool" ? flagValues(sheet, c.key) : null;
      if ((c.required && !pos && sheet) || suggestion || unreadable.length || valuesSuggestion)
        needed = true;
      fields.push({
        key: c.key,
        zh: c.zh,
        required: c.required,
        header: pos ? [pos.header, ...(pos.alts ?? []).map((a) => a.header)].join("|") : null,
        how: pos?.how ?? null,
        values: pos?.values?.text ?? "",
        suggestion,
        unreadable,
        valuesSuggestion,
        targets: mapTargets(c),
      });
    }
    inputs.push({
      key: def.key,
      zh: def.zh,
      en: def.en,
      sheets: sheet?.parts.map((p) => p.name) ?? [],
      sheetsHow: !sheet ? "missing" : suggested ? "suggested" : mapped ? "map" : "name",
      fields,
      headers: sheet ? headerTexts(sheet.parts[0]) : [],
    });
  }
  const used = new Set(inputs.flatMap((i) => i.sheets));
  const otherSheets = tables
    .map((t) => t.name)
    .filter(
      (n) => !used.has(n) && !isResultSheetName(n) && !isEngineSheetName(n) && !matchSheet(n)
    );
  const unconfirmed = read.mapping?.unconfirmed.length ?? 0;
  const plan = {
    inputs,
    needed: needed || unconfirmed > 0,
    otherSheets,
    errors: read.mappingErrors,
    unconfirmed,
  };
  return { plan, read: !mappingRows && !mapRows.length ? first : null };
}

/**
 * The 列映射 rows a plan gives: the suggested sheets, each suggestion with its 值映射, and each
 * suggested value map; 说明 marks them 待核对 with the reason.
 */
export function planRows(plan: MappingPlan): string[][] {
  const rows: string[][] = [];
  for (const i of plan.inputs) {
    if (i.sheetsHow === "suggested" || i.sheetsHow === "map")
      rows.push([
        i.zh,
        SHEET_FIELD,
        i.sheets.join("；"),
        "",
        i.sheetsHow === "suggested" ? `${UNCONFIRMED}：表头与该输入表相符` : "",
      ]);
    for (const f of i.fields) {
      if (f.how === "map") {
        rows.push([i.zh, f.zh, f.header ?? "", f.values, ""]);
        continue;
      }
      const unreadMap = f.unreadable
        .filter((u) => u.target !== null)
        .map((u) => `${u.value}=${u.target}`)
        .join("；");
      if (f.suggestion) {
        const v = f.suggestion.values ?? "";
        rows.push([i.zh, f.zh, f.suggestion.header, v, `${UNCONFIRMED}：${f.suggestion.reason}`]);
      } else if (f.header && (unreadMap || f.valuesSuggestion)) {
        rows.push([
          i.zh,
          f.zh,
          f.header,
          [f.valuesSuggestion, unreadMap].filter(Boolean).join("；"),
          `${UNCONFIRMED}：${f.valuesSuggestion ? "1 为是、空为否" : "无法识别的值"}`,
        ]);
      }
    }
  }
  return rows;
}

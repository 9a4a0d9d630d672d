// Sheet and header detection, cell parsing into typed records, per-sheet validation issues.
import { Issue, IssueList } from "./issues";
import { parseCell, serialFrom1904 } from "./parse";
import {
  ColumnDef,
  PARAMS_SHEET,
  RESULT_SHEET_NAMES,
  SHEETS,
  SheetDef,
  SheetKey,
  normalizeName,
} from "./sheets";
import { RawTable, cellAddress, isBlank } from "./table";
import { quote } from "./privacy";

export interface Rec<T = Record<string, unknown>> {
  /** 1-based Excel row */
  row: number;
  v: T;
  /** columns whose value is unusable (unreadable, or a required cell left blank) */
  bad: ReadonlySet<string>;
}

export interface ColumnPos {
  def: ColumnDef;
  /** 1-based Excel column */
  col: number;
  /** the header as written in the sheet */
  header: string;
}

/** The `bad` of a record with no unusable cell (shared: records are never changed after reading). */
const NO_BAD: ReadonlySet<string> = new Set<string>();

export interface ReadSheet<T = Record<string, unknown>> {
  def: SheetDef;
  /** the sheet name as written in the workbook */
  name: string;
  headerRow: number;
  columns: Map<string, ColumnPos>;
  /** required or rule-needed columns that are absent */
  missing: string[];
  records: Rec<T>[];
  /** data rows read (incl. rows left out for errors) */
  rowCount: number;
}

export interface ReadResult {
  sheets: Partial<Record<SheetKey, ReadSheet>>;
  /** the raw table of 规则参数, when present */
  paramsTable: RawTable | null;
  issues: IssueList;
}

// A result sheet is one of the names the add-in writes, exactly as Excel compares sheet names
// (letters in any case): a user's sheet whose name only resembles one (核查汇总(2), KPI明细 备份,
// 校验问题 with a space) is hers, never replaced and never read as a result.
const RESULT_NAMES = new Set(RESULT_SHEET_NAMES.map((n) => n.toLowerCase()));

export function isResultSheetName(name: string): boolean {
  return RESULT_NAMES.has(name.toLowerCase());
}

export function isParamsSheetName(name: string): boolean {
  const n = normalizeName(name);
  return n === normalizeName(PARAMS_SHEET.zh) || n === normalizeName(PARAMS_SHEET.en);
}

export function matchSheet(name: string): SheetDef | null {
  const n = normalizeName(name);
  return SHEETS.find((s) => normalizeName(s.zh) === n || normalizeName(s.en) === n) ?? null;
}

function headerIndex(def: SheetDef): Map<string, ColumnDef> {
  const m = new Map<string, ColumnDef>();
  for (const c of def.columns) {
    m.set(normalizeName(c.zh), c);
    m.set(normalizeName(c.en), c);
  }
  return m;
}

const HEADER_SCAN_ROWS = 10;

/** Finds which raw tables are which input sheets (the first match of a sheet wins). */
export function detectSheets(
  tables: RawTable[],
  issues: IssueList
): { found: Map<SheetKey, RawTable>; params: RawTable | null } {
  const found = new Map<SheetKey, RawTable>();
  let params: RawTable | null = null;
  for (const t of tables) {
    if (isResultSheetName(t.name)) continue;
    if (isParamsSheetName(t.name)) {
      params ??= t;
      continue;
    }
    const def = matchSheet(t.name);
    if (!def) continue;
    if (found.has(def.key)) {
      const first = found.get(def.key)!;
      issues.sheet(
        t.name,
        "warning",
        "duplicate-sheet",
        `工作表“${t.name}”与“${first.name}”都是${def.zh}表，只读取“${first.name}”`,
        `sheets "${t.name}" and "${first.name}" are both ${def.en}; only "${first.name}" is read`
      );
      continue;
    }
    found.set(def.key, t);
  }
  return { found, params };
}

export function readSheet(def: SheetDef, table: RawTable, issues: IssueList): ReadSheet | null {
  const index = headerIndex(def);
  const rows = table.values;
  let headerIdx = -1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const known = new Set<string>();
    for (const cell of rows[i] ?? []) {
      if (typeof cell !== "string") continue;
      const c = index.get(normalizeName(cell));
      if (c) known.add(c.key);
    }
    if (known.size >= 2) {
      headerIdx = i;
      break;
    }
  }
  if (headerIdx < 0) {
    issues.sheet(
      table.name,
      "error",
      "no-header",
      `工作表“${table.name}”前${HEADER_SCAN_ROWS}行中找不到表头（至少两个已知列名）。应有的列：${def.columns
        .filter((c) => c.required)
        .map((c) => c.zh)
        .join("、")}`,
      `no header row found in the first ${HEADER_SCAN_ROWS} rows of "${table.name}" (at least two known column names). Expected columns: ${def.columns
        .filter((c) => c.required)
        .map((c) => `${c.zh} (${c.en})`)
        .join(", ")}`
    );
    return null;
  }
  const headerRow = table.firstRow + headerIdx;
  const columns = new Map<string, ColumnPos>();
  const unknownHeaders: string[] = [];
  const headerCells = rows[headerIdx];
  headerCells.forEach((cell, j) => {
    if (isBlank(cell)) return;
    const col = table.firstCol + j;
    const header = String(cell).trim();
    const c = typeof cell === "string" ? index.get(normalizeName(cell)) : undefined;
    const at = cellAddress(headerRow, col);
    if (!c) {
      unknownHeaders.push(header);
      issues.add({
        sheet: table.name,
        row: headerRow,
        column: header,
        cell: at,
        level: "info",
        code: "unknown-column",
        message: `未知列“${quote(header)}”，已忽略`,
        messageEn: `unknown column "${quote(header)}" ignored`,
      });
      return;
    }
    if (columns.has(c.key)) {
      issues.add({
        sheet: table.name,
        row: headerRow,
        column: header,
        cell: at,
        level: "warning",
        code: "duplicate-column",
        message: `列“${quote(header)}”重复，只读取第一列（${columns.get(c.key)!.header}）`,
        messageEn: `column "${quote(header)}" appears twice; only the first is read`,
      });
      return;
    }
    columns.set(c.key, { def: c, col, header });
  });
  const missing: string[] = [];
  for (const c of def.columns) {
    if (columns.has(c.key)) continue;
    missing.push(c.key);
    if (c.required) {
      // the unknown header most like the missing one (受理时间 where 派单时间 is expected)
      const near = nearestHeader(c.zh, unknownHeaders);
      issues.add({
        sheet: table.name,
        row: headerRow,
        column: c.zh,
        cell: null,
        level: "error",
        code: "missing-column",
        message: `缺少必填列“${c.zh}”（${c.en}），用到它的规则不予评价${near ? `；表头中有未识别的“${quote(near)}”，如即此列，请把表头改为“${c.zh}”` : ""}`,
        messageEn: `required column "${c.zh}" (${c.en}) is missing; rules that need it are not evaluated${near ? `; the header row has an unknown "${quote(near)}": if that is this column, rename its header to "${c.zh}"` : ""}`,
      });
    }
  }

  const cols = [...columns.values()];
  const requiredCols = cols.filter((c) => c.def.required);
  const records: Rec[] = [];
  const keyCols =
    def.keyColumns?.map((k) => columns.get(k)).filter((c): c is ColumnPos => !!c) ?? [];
  const hasAllKeys = keyCols.length === (def.keyColumns?.length ?? 0) && keyCols.length > 0;
  const seen = new Map<string, number>();
  let rowCount = 0;
  const blankRecord: Record<string, unknown> = {};
  for (const c of def.columns) blankRecord[c.key] = null;
  for (let i = headerIdx + 1; i < rows.length; i++) {
    const raw = rows[i];
    if (!raw || raw.every(isBlank)) continue;
    const row = table.firstRow + i;
    const at = (c: ColumnPos) => raw[c.col - table.firstCol] ?? null;
    if (!cols.some((c) => !isBlank(at(c)))) continue; // content only in unknown columns
    rowCount++;
    // A row with every required cell blank (a totals row, a note) is reported once and left out.
    if (requiredCols.length > 0 && requiredCols.every((c) => isBlank(at(c)))) {
      issues.add({
        sheet: table.name,
        row,
        column: null,
        cell: cellAddress(row, table.firstCol),
        level: "warning",
        code: "stray-row",
        message: `第${row}行没有必填内容（如合计行或备注），已跳过`,
        messageEn: `row ${row} has none of the required cells (a totals row or a note?) and is left out`,
      });
      continue;
    }
    // every column of the sheet's definition is a key of the record: absent columns read as blank
    // every record of a sheet has the same shape (one object layout, fast to fill and read)
    const v: Record<string, unknown> = { ...blankRecord };
    let bad: ReadonlySet<string> = NO_BAD;
    const markBad = (key: string) => {
      const own = bad === NO_BAD ? new Set<string>() : (bad as Set<string>);
      own.add(key);
      bad = own;
    };
    for (const c of cols) {
      const cell = table.date1904 ? serialFrom1904(at(c), c.def.type.kind) : at(c);
      const p = parseCell(cell, c.def.type);
      const addr = cellAddress(row, c.col);
      if (!p.ok) {
        markBad(c.def.key);
        v[c.def.key] = null;
        issues.add({
          sheet: table.name,
          row,
          column: c.header,
          cell: addr,
          level: "error",
          code: `invalid-${c.def.type.kind}`,
          message: `${addr}：${p.reason}，本行不参与需要该值的规则`,
          messageEn: `${addr}: ${p.reasonEn}; the row is left out of rules that need this value`,
        });
        continue;
      }
      v[c.def.key] = p.value;
      if (p.value === null && c.def.required) {
        markBad(c.def.key);
        issues.add({
          sheet: table.name,
          row,
          column: c.header,
          cell: addr,
          level: "error",
          code: "required",
          message: `${addr}：必填单元格“${c.header}”为空`,
          messageEn: `${addr}: required cell "${c.header}" is blank`,
        });
      }
    }
    if (hasAllKeys) {
      if (keyCols.some((c) => bad.has(c.def.key))) continue; // no usable key: left out of every rule
      const key = keyCols.map((c) => keyString(v[c.def.key])).join("\u0001");
      const firstRow = seen.get(key);
      if (firstRow !== undefined) {
        const c = keyCols[0];
        const addr = cellAddress(row, c.col);
        issues.add({
          sheet: table.name,
          row,
          column: c.header,
          cell: addr,
          level: "error",
          code: "duplicate",
          message: `${addr}：${keyCols.map((k) => k.header).join("+")}“${keyCols.map((k) => displayKey(v[k.def.key])).join(" ")}”与第${firstRow}行重复，本行不参与计算`,
          messageEn: `${addr}: duplicate ${keyCols.map((k) => k.header).join("+")} "${keyCols.map((k) => displayKey(v[k.def.key])).join(" ")}" (first on row ${firstRow}); this row is left out`,
        });
        continue;
      }
      seen.set(key, row);
    }
    records.push({ row, v, bad });
  }
  return { def, name: table.name, headerRow, columns, missing, records, rowCount };
}

/** A key as compared for duplicates: full-width and half-width, case and spaces as headers are (ＧＤ0001 = GD0001). */
function keyString(v: unknown): string {
  if (v && typeof v === "object" && "key" in v) return String((v as { key: string }).key);
  return typeof v === "string" ? normalizeName(v) : String(v);
}

function displayKey(v: unknown): string {
  if (v && typeof v === "object" && "key" in v) return quote((v as { key: string }).key);
  return quote(v);
}

export function readWorkbook(tables: RawTable[]): ReadResult {
  const issues = new IssueList();
  const { found, params } = detectSheets(tables, issues);
  const sheets: Partial<Record<SheetKey, ReadSheet>> = {};
  for (const def of SHEETS) {
    const t = found.get(def.key);
    if (!t) continue;
    const r = readSheet(def, t, issues);
    if (r) sheets[def.key] = r;
  }
  return { sheets, paramsTable: params, issues };
}

export function cellOf(
  sheet: ReadSheet<unknown>,
  row: number,
  key: string
): { column: string; cell: string } | null {
  const c = sheet.columns.get(key);
  return c ? { column: c.header, cell: cellAddress(row, c.col) } : null;
}

export function rowIssue(
  sheet: ReadSheet<unknown>,
  row: number,
  key: string,
  level: Issue["level"],
  code: string,
  message: string,
  messageEn: string
): Issue {
  const c = cellOf(sheet, row, key);
  return {
    sheet: sheet.name,
    row,
    column: c?.column ?? null,
    cell: c?.cell ?? null,
    level,
    code,
    message,
    messageEn,
  };
}

/**
 * Of the headers nobody recognised, the one most like `expected` by shared character pairs
 * (受理时间 ~ 派单时间: 时间), or null when none shares any.
 */
export function nearestHeader(expected: string, headers: string[]): string | null {
  const pairs = (x: string) => {
    const t = normalizeName(x);
    const out = new Set<string>();
    for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
    return out;
  };
  const want = pairs(expected);
  let best: string | null = null;
  let bestScore = 0;
  for (const h of headers) {
    const got = pairs(h);
    let shared = 0;
    for (const p of got) if (want.has(p)) shared++;
    const score = (2 * shared) / (want.size + got.size || 1);
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

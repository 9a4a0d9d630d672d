// Sheet and header detection, cell parsing into typed records, per-sheet validation issues.
import { IssueList, NewIssue } from "./issues";
import type { IssueCode } from "./issue-codes";
import {
  ColumnMapping,
  HEADER_SCAN_ROWS,
  InputMapping,
  ValueMap,
  applyValueMap,
  isMappingSheetName,
  mappedSourceSheets,
  parseMapping,
} from "./mapping";
import type { ParamError } from "./params";
import { parseCell, serialFrom1904 } from "./parse";
import {
  ColumnDef,
  PARAMS_SHEET,
  RESULT_SHEET_NAMES,
  SHEETS,
  SheetDef,
  RecordOf,
  SheetKey,
  normalizeName,
} from "./sheets";
import { RawCell, RawTable, cellAddress, isBlank, isCellError } from "./table";
import { quote } from "./privacy";
import { suggestHeader } from "./suggest";

export interface Rec<T = Record<string, unknown>> {
  /** 1-based Excel row, in the sheet `src` names */
  row: number;
  v: T;
  /** columns whose value is unusable (unreadable, or a required cell left blank) */
  bad: ReadonlySet<string>;
  /** the workbook sheet the row came from (one of its input's parts) */
  src: SheetPart;
}

/** How a column was found: its Chinese header, its English alias, a known export header, 列映射. */
export type MatchHow = "header" | "alias" | "export" | "map";

export interface ColumnPos {
  def: ColumnDef;
  /** 1-based Excel column */
  col: number;
  /** the header as written in the sheet */
  header: string;
  how: MatchHow;
  /** further source columns (`A|B` in 列映射): the first non-blank of col and these is the value */
  alts?: { col: number; header: string }[];
  /** the 值映射 applied before the value is read */
  values?: ValueMap | null;
}

/** One workbook sheet of an input (a monthly export is several), with its own header row. */
export interface SheetPart {
  name: string;
  headerRow: number;
  columns: Map<string, ColumnPos>;
  table: RawTable;
  /** data rows read from this sheet (incl. rows left out for errors) */
  rows: number;
}

/** The `bad` of a record with no unusable cell (shared: records are never changed after reading). */
const NO_BAD: ReadonlySet<string> = new Set<string>();

export interface ReadSheet<T = Record<string, unknown>> {
  def: SheetDef;
  /** the (first) sheet name as written in the workbook */
  name: string;
  /** the first sheet's header row */
  headerRow: number;
  /** every workbook sheet the input was read from, in order (one, unless 列映射 lists several) */
  parts: SheetPart[];
  /** the columns found (in the first sheet that has each) */
  columns: Map<string, ColumnPos>;
  /** required or rule-needed columns that are absent */
  missing: string[];
  records: Rec<T>[];
  /** data rows read (incl. rows left out for errors) */
  rowCount: number;
  /** per bool or enum column, the values no reading and no 值映射 could read, with their counts */
  unreadable: Map<string, Map<string, number>>;
}

/** The input sheets found, each with its records typed by its definition. */
export type InputSheets = { [K in SheetKey]?: ReadSheet<RecordOf<K>> };

export interface ReadResult {
  sheets: InputSheets;
  /** the raw table of 规则参数, when present */
  paramsTable: RawTable | null;
  /** the raw table of 列映射, when present, and the mapping it gives */
  mappingTable: RawTable | null;
  mapping: ColumnMapping | null;
  /** errors of 列映射: the run stops before computing */
  mappingErrors: ParamError[];
  issues: IssueList;
}

// A result sheet is one of the names the add-in writes, exactly as Excel compares sheet names
// (letters in any case): a user's sheet whose name only resembles one (核查汇总(2), KPI明细 备份,
// 校验问题 with a space) is hers, never replaced and never read as a result.
const RESULT_NAMES = new Set(RESULT_SHEET_NAMES.map((n) => n.toLowerCase()));

export function isResultSheetName(name: string): boolean {
  return RESULT_NAMES.has(name.toLowerCase());
}

/** The sheets (names or tables) a run may read: every one but the result sheets it wrote. */
export function inputsOnly<T extends string | { name: string }>(xs: T[]): T[] {
  return xs.filter((x) => !isResultSheetName(typeof x === "string" ? x : x.name));
}

export function isParamsSheetName(name: string): boolean {
  const n = normalizeName(name);
  return n === normalizeName(PARAMS_SHEET.zh) || n === normalizeName(PARAMS_SHEET.en);
}

export function matchSheet(name: string): SheetDef | null {
  const n = normalizeName(name);
  return SHEETS.find((s) => normalizeName(s.zh) === n || normalizeName(s.en) === n) ?? null;
}

/** The sheets the engine's own names mark (inputs, 规则参数, 列映射), before 列映射's sources are known. */
export function isEngineSheetName(name: string): boolean {
  return (
    !isResultSheetName(name) &&
    (matchSheet(name) !== null || isParamsSheetName(name) || isMappingSheetName(name))
  );
}

/**
 * The workbook sheets a run reads: the input sheets, 规则参数 and 列映射 by their names, and the
 * sheets 列映射 lists as sources (given its table; names compared as sheet names are), in
 * workbook order — or, in a workbook with neither a 工单 sheet nor a 列映射, every sheet. Never a
 * result sheet.
 */
export function sheetsToRead(workbookSheets: string[], mappingTable: RawTable | null): string[] {
  const sources = new Set(mappedSourceSheets(mappingTable).map(normalizeName));
  // no 工单 sheet and no 列映射 (an export as the platform gives it): every sheet, so that the run
  // can say which ones look like tickets
  if (!mappingTable && !workbookSheets.some((n) => matchSheet(n)?.key === "tickets"))
    return workbookSheets.filter((n) => !isResultSheetName(n));
  return workbookSheets.filter(
    (n) => isEngineSheetName(n) || (!isResultSheetName(n) && sources.has(normalizeName(n)))
  );
}

interface HeaderHit {
  col: ColumnDef;
  how: MatchHow;
}

const headerIndexes = new WeakMap<SheetDef, Map<string, HeaderHit[]>>();

/** Normalised header → the fields it can be: own header, English alias, known export header. */
export function headerIndex(def: SheetDef): Map<string, HeaderHit[]> {
  let m = headerIndexes.get(def);
  if (m) return m;
  m = new Map();
  const add = (h: string, hit: HeaderHit) => {
    const k = normalizeName(h);
    const list = m!.get(k) ?? [];
    if (!list.some((x) => x.col === hit.col)) list.push(hit);
    m!.set(k, list);
  };
  for (const c of def.columns) {
    add(c.zh, { col: c, how: "header" });
    add(c.en, { col: c, how: "alias" });
  }
  for (const c of def.columns)
    for (const h of c.exportHeaders ?? []) add(h, { col: c, how: "export" });
  headerIndexes.set(def, m);
  return m;
}

/** Finds which raw tables are which input sheets (the first match of a sheet wins). */
export function detectSheets(
  tables: RawTable[],
  issues: IssueList,
  mapping: ColumnMapping | null = null
): {
  found: Map<SheetKey, RawTable[]>;
  params: RawTable | null;
  mappingTable: RawTable | null;
} {
  const found = new Map<SheetKey, RawTable[]>();
  let params: RawTable | null = null;
  let mappingTable: RawTable | null = null;
  const byName = new Map(tables.map((t) => [t.name, t]));
  const listed = new Set<string>();
  for (const [key, input] of mapping?.inputs ?? []) {
    if (!input.sheets) continue;
    found.set(key, input.sheets.map((n) => byName.get(n)!).filter(Boolean));
    for (const n of input.sheets) listed.add(n);
  }
  for (const t of tables) {
    if (isResultSheetName(t.name)) continue;
    if (isParamsSheetName(t.name)) {
      params ??= t;
      continue;
    }
    if (isMappingSheetName(t.name)) {
      mappingTable ??= t;
      continue;
    }
    if (listed.has(t.name)) continue;
    const def = matchSheet(t.name);
    if (!def) continue;
    if (mapping?.inputs.get(def.key)?.sheets) {
      issues.sheet(
        t.name,
        "mapped-elsewhere",
        `列映射指定${def.zh}表来自其他工作表，工作表“${t.name}”未读取`,
        `列映射 names other sheets for ${def.en}; sheet "${t.name}" is not read`
      );
      continue;
    }
    if (found.has(def.key)) {
      const first = found.get(def.key)![0];
      issues.sheet(
        t.name,
        "duplicate-sheet",
        `工作表“${t.name}”与“${first.name}”都是${def.zh}表，只读取“${first.name}”`,
        `sheets "${t.name}" and "${first.name}" are both ${def.en}; only "${first.name}" is read`
      );
      continue;
    }
    found.set(def.key, [t]);
  }
  return { found, params, mappingTable };
}

/** Finds a part's header row and its columns: 列映射 first, then own headers, then export headers. */
function readHeader(
  def: SheetDef,
  table: RawTable,
  input: InputMapping | undefined,
  issues: IssueList
): SheetPart | null {
  const index = headerIndex(def);
  const mapped = new Map<string, string>(); // normalised source header → field key
  for (const [key, f] of input?.fields ?? [])
    for (const h of f.sources) mapped.set(normalizeName(h), key);
  const rows = table.values;
  let headerIdx = -1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const known = new Set<string>();
    for (const cell of rows[i] ?? []) {
      if (typeof cell !== "string") continue;
      const n = normalizeName(cell);
      const m = mapped.get(n);
      if (m) known.add(m);
      for (const hit of index.get(n) ?? []) known.add(hit.col.key);
    }
    if (known.size >= 2) {
      headerIdx = i;
      break;
    }
  }
  if (headerIdx < 0) {
    issues.sheet(
      table.name,
      "no-header",
      `工作表“${table.name}”前${HEADER_SCAN_ROWS}行中找不到表头（至少两个已知列名）。应有的列：${def.columns
        .filter((c) => c.required)
        .map((c) => c.zh)
        .join("、")}；表头不同时，可用“列映射”表指定对应关系`,
      `no header row found in the first ${HEADER_SCAN_ROWS} rows of "${table.name}" (at least two known column names). Expected columns: ${def.columns
        .filter((c) => c.required)
        .map((c) => `${c.zh} (${c.en})`)
        .join(", ")}; where the headers differ, a 列映射 sheet says which is which`
    );
    return null;
  }
  const headerRow = table.firstRow + headerIdx;
  const columns = new Map<string, ColumnPos>();
  const cells: { col: number; header: string; n: string }[] = [];
  (rows[headerIdx] ?? []).forEach((cell, j) => {
    if (isBlank(cell) || typeof cell !== "string") {
      if (!isBlank(cell))
        cells.push({
          col: table.firstCol + j,
          header: String(cell).trim(),
          n: normalizeName(String(cell)),
        });
      return;
    }
    cells.push({ col: table.firstCol + j, header: cell.trim(), n: normalizeName(cell) });
  });
  const used = new Set<number>();
  // 1. 列映射: the listed headers, first non-blank of several
  for (const [key, f] of input?.fields ?? []) {
    const col = def.columns.find((c) => c.key === key)!;
    const found = f.sources
      .map((h) => cells.find((c) => c.n === normalizeName(h)))
      .filter((c): c is (typeof cells)[number] => !!c);
    if (!found.length) continue;
    for (const c of found) used.add(c.col);
    columns.set(key, {
      def: col,
      col: found[0].col,
      header: found[0].header,
      how: "map",
      ...(found.length > 1
        ? { alts: found.slice(1).map((c) => ({ col: c.col, header: c.header })) }
        : {}),
      values: f.values,
    });
  }
  const decided = (key: string) => columns.has(key) || input?.fields.has(key);
  // 2. own header or English alias (the first of a repeated one; the others are warned)
  for (const c of cells) {
    if (used.has(c.col) || mapped.has(c.n)) continue;
    const hit = (index.get(c.n) ?? []).find((h) => h.how !== "export");
    if (!hit || input?.fields.has(hit.col.key)) continue;
    used.add(c.col);
    const prior = columns.get(hit.col.key);
    if (prior) {
      issues.add({
        sheet: table.name,
        row: headerRow,
        column: c.header,
        cell: cellAddress(headerRow, c.col),
        code: "duplicate-column",
        message: `列“${quote(c.header)}”重复，只读取第一列（${prior.header}）`,
        messageEn: `column "${quote(c.header)}" appears twice; only the first is read`,
      });
      continue;
    }
    columns.set(hit.col.key, { def: hit.col, col: c.col, header: c.header, how: hit.how });
  }
  // 3. a known export header, when it is the one candidate of its field
  const candidates = new Map<string, (typeof cells)[number][]>();
  for (const c of cells) {
    if (used.has(c.col) || mapped.has(c.n)) continue;
    for (const hit of index.get(c.n) ?? []) {
      if (hit.how !== "export" || decided(hit.col.key)) continue;
      const list = candidates.get(hit.col.key) ?? [];
      list.push(c);
      candidates.set(hit.col.key, list);
    }
  }
  for (const [key, list] of candidates) {
    const col = def.columns.find((c) => c.key === key)!;
    if (list.length === 1) {
      used.add(list[0].col);
      columns.set(key, { def: col, col: list[0].col, header: list[0].header, how: "export" });
      continue;
    }
    for (const c of list) used.add(c.col);
    issues.add({
      sheet: table.name,
      row: headerRow,
      column: col.zh,
      cell: cellAddress(headerRow, list[0].col),
      code: "ambiguous-column",
      message: `“${col.zh}”有多个可能的列（${list.map((c) => `“${quote(c.header)}”`).join("、")}），均未采用；请在“列映射”表中指定`,
      messageEn: `${col.zh} has several candidate columns (${list.map((c) => `"${quote(c.header)}"`).join(", ")}); none is taken — name one in a 列映射 sheet`,
    });
  }
  for (const c of cells) {
    if (used.has(c.col)) continue;
    issues.add({
      sheet: table.name,
      row: headerRow,
      column: c.header,
      cell: cellAddress(headerRow, c.col),
      code: "unknown-column",
      message: `未知列“${quote(c.header)}”，已忽略`,
      messageEn: `unknown column "${quote(c.header)}" ignored`,
    });
  }
  return { name: table.name, headerRow, columns, table, rows: 0 };
}

/** Reads one input from its sheet(s): one table, rows in the order of the sheets. */
export function readSheet(
  def: SheetDef,
  tables: RawTable | RawTable[],
  issues: IssueList,
  input?: InputMapping
): ReadSheet | null {
  const parts: SheetPart[] = [];
  for (const t of Array.isArray(tables) ? tables : [tables]) {
    const p = readHeader(def, t, input, issues);
    if (p) parts.push(p);
  }
  if (!parts.length) return null;
  const columns = new Map<string, ColumnPos>();
  for (const p of parts) for (const [k, c] of p.columns) if (!columns.has(k)) columns.set(k, c);
  const missing: string[] = [];
  for (const c of def.columns) {
    const lacking = parts.filter((p) => !p.columns.has(c.key));
    if (!lacking.length) continue;
    if (lacking.length === parts.length) missing.push(c.key);
    const deliberate = input?.fields.get(c.key)?.sources.length === 0;
    const report = (p: SheetPart, message: string, messageEn: string) =>
      issues.add({
        sheet: p.name,
        row: p.headerRow,
        column: c.zh,
        cell: null,
        code: "missing-column",
        message,
        messageEn,
      });
    if (lacking.length < parts.length) {
      // a monthly sheet without a field its siblings have: its rows cannot be read for it
      for (const p of lacking)
        report(
          p,
          `工作表“${p.name}”缺少“${c.zh}”列（同一输入的其他工作表有），本表各行不参与需要该列的规则`,
          `sheet "${p.name}" lacks ${c.zh} (${c.en}), which the other sheets of this input have; its rows are left out of rules that need it`
        );
      continue;
    }
    if (!c.required) continue;
    for (const p of lacking) {
      const near = deliberate ? null : suggestHeader(c, p.table, p.headerRow, usedColumns(p));
      report(
        p,
        `缺少必填列“${c.zh}”（${c.en}），用到它的规则不予评价${near ? `；表头中有未识别的“${quote(near.header)}”（${near.reason}），如即此列，请在“列映射”表中指定（来源 = ${quote(near.header)}）` : ""}`,
        `required column "${c.zh}" (${c.en}) is missing; rules that need it are not evaluated${near ? `; the header row has an unknown "${quote(near.header)}" (${near.reasonEn}): if that is this column, name it in a 列映射 sheet` : ""}`
      );
    }
  }

  const records: Rec[] = [];
  const keyDefs = def.keyColumns ?? [];
  const seen = new Map<string, Rec>();
  let rowCount = 0;
  const unreadable = new Map<string, Map<string, number>>();
  const blankRecord: Record<string, unknown> = {};
  for (const c of def.columns) blankRecord[c.key] = null;
  const lackingBad = new Map<SheetPart, string[]>();
  for (const p of parts)
    lackingBad.set(
      p,
      def.columns.filter((c) => !p.columns.has(c.key) && columns.has(c.key)).map((c) => c.key)
    );
  for (const part of parts) {
    const table = part.table;
    const rows = table.values;
    const cols = [...part.columns.values()];
    const requiredCols = cols.filter((c) => c.def.required);
    const keyCols = keyDefs.map((k) => part.columns.get(k)).filter((c): c is ColumnPos => !!c);
    const hasAllKeys = keyCols.length === keyDefs.length && keyCols.length > 0;
    const lacking = lackingBad.get(part)!;
    const headerIdx = part.headerRow - table.firstRow;
    const firstCol = table.firstCol;
    const date1904 = table.date1904 === true;
    /** the cell of a row at a 1-based column */
    const cellAt = (raw: RawCell[], col: number): RawCell => raw[col - firstCol] ?? null;
    /** the source column a value comes from: the first non-blank of a `A|B` mapping */
    const sourceOf = (raw: RawCell[], c: ColumnPos): { col: number; header: string } => {
      if (!c.alts || !isBlank(cellAt(raw, c.col))) return c;
      return c.alts.find((a) => !isBlank(cellAt(raw, a.col))) ?? c;
    };
    const blankAt = (raw: RawCell[], c: ColumnPos): boolean =>
      isBlank(cellAt(raw, c.col)) && (!c.alts || c.alts.every((a) => isBlank(cellAt(raw, a.col))));
    for (let i = headerIdx + 1; i < rows.length; i++) {
      const raw = rows[i];
      if (!raw || raw.every(isBlank)) continue;
      const row = table.firstRow + i;
      if (cols.every((c) => blankAt(raw, c))) continue; // content only in unknown columns
      rowCount++;
      part.rows++;
      // A row with every required cell blank (a totals row, a note) is reported once and left out.
      if (requiredCols.length > 0 && requiredCols.every((c) => blankAt(raw, c))) {
        issues.add({
          sheet: table.name,
          row,
          column: null,
          cell: cellAddress(row, firstCol),
          code: "stray-row",
          message: `第${row}行没有必填内容（如合计行或备注），已跳过`,
          messageEn: `row ${row} has none of the required cells (a totals row or a note?) and is left out`,
        });
        continue;
      }
      // every column of the sheet's definition is a key of the record: absent columns read as blank
      // every record of a sheet has the same shape (one object layout, fast to fill and read)
      const v = copyRecord(blankRecord);
      let bad: ReadonlySet<string> = NO_BAD;
      const markBad = (key: string) => {
        const own = bad === NO_BAD ? new Set<string>() : (bad as Set<string>);
        own.add(key);
        bad = own;
      };
      for (const k of lacking) markBad(k);
      for (const c of cols) {
        const from = c.alts ? sourceOf(raw, c) : c;
        const original = cellAt(raw, from.col);
        const mappedCell = c.values ? applyValueMap(original, c.values) : original;
        const cell = date1904 ? serialFrom1904(mappedCell, c.def.type.kind) : mappedCell;
        const p = parseCell(cell, c.def.type);
        if (!p.ok) {
          const addr = cellAddress(row, from.col);
          markBad(c.def.key);
          v[c.def.key] = null;
          if (
            (c.def.type.kind === "bool" || c.def.type.kind === "enum") &&
            !isCellError(original)
          ) {
            const counts = unreadable.get(c.def.key) ?? new Map<string, number>();
            const text = String(original).trim();
            counts.set(text, (counts.get(text) ?? 0) + 1);
            unreadable.set(c.def.key, counts);
          }
          issues.add({
            sheet: table.name,
            row,
            column: from.header,
            cell: addr,
            code: `invalid-${c.def.type.kind}`,
            message: `${addr}：${p.reason}${c.values ? "（值映射也未覆盖）" : ""}，本行不参与需要该值的规则`,
            messageEn: `${addr}: ${p.reasonEn}${c.values ? " (not covered by the value map either)" : ""}; the row is left out of rules that need this value`,
          });
          continue;
        }
        v[c.def.key] = p.value;
        if (p.value === null && c.def.required) {
          const addr = cellAddress(row, from.col);
          markBad(c.def.key);
          issues.add({
            sheet: table.name,
            row,
            column: from.header,
            cell: addr,
            code: "required",
            message: `${addr}：必填单元格“${from.header}”为空`,
            messageEn: `${addr}: required cell "${from.header}" is blank`,
          });
        }
      }
      const rec: Rec = { row, v, bad, src: part };
      if (hasAllKeys) {
        if (keyCols.some((c) => bad.has(c.def.key))) continue; // no usable key: left out of every rule
        const key =
          keyCols.length === 1
            ? keyString(v[keyCols[0].def.key])
            : keyCols.map((c) => keyString(v[c.def.key])).join("\u0001");
        const first = seen.get(key);
        if (first !== undefined) {
          const c = keyCols[0];
          const addr = cellAddress(row, sourceOf(raw, c).col);
          const where =
            first.src === part ? `第${first.row}行` : `“${first.src.name}”第${first.row}行`;
          const whereEn =
            first.src === part ? `row ${first.row}` : `"${first.src.name}" row ${first.row}`;
          issues.add({
            sheet: table.name,
            row,
            column: sourceOf(raw, c).header,
            cell: addr,
            code: "duplicate",
            message: `${addr}：${keyCols.map((k) => k.header).join("+")}“${keyCols.map((k) => displayKey(v[k.def.key])).join(" ")}”与${where}重复，本行不参与计算`,
            messageEn: `${addr}: duplicate ${keyCols.map((k) => k.header).join("+")} "${keyCols.map((k) => displayKey(v[k.def.key])).join(" ")}" (first on ${whereEn}); this row is left out`,
          });
          continue;
        }
        seen.set(key, rec);
      }
      records.push(rec);
    }
  }
  return {
    def,
    name: parts[0].name,
    headerRow: parts[0].headerRow,
    parts,
    columns,
    missing,
    records,
    rowCount,
    unreadable,
  };
}

/**
 * A copy of a record's blank form, made the fastest way the host has. Node's V8 copies a spread
 * as one block (Object.assign there costs three times as much); the pane's scripts are lowered to
 * ES2017, where a spread becomes a property-by-property helper (0.2 s a year of tickets), and
 * the browser's V8 copies Object.assign fastest.
 */
const copyRecord: (o: Record<string, unknown>) => Record<string, unknown> =
  typeof process !== "undefined" && typeof process.versions?.node === "string"
    ? (o) => ({ ...o })
    : (o) => Object.assign({}, o);

/** A key as compared for duplicates: full-width and half-width, case and spaces as headers are (ＧＤ0001 = GD0001). */
function keyString(v: unknown): string {
  if (v && typeof v === "object" && "key" in v) return String((v as { key: string }).key);
  return typeof v === "string" ? keyName(v) : String(v);
}

/** normalizeName, with the common key (ASCII letters and digits: GD20230001) taken without a regex. */
function keyName(s: string): string {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 95))
      return normalizeName(s);
  }
  return upper ? s.toLowerCase() : s;
}

function displayKey(v: unknown): string {
  if (v && typeof v === "object" && "key" in v) return quote((v as { key: string }).key);
  return quote(v);
}

export function readWorkbook(tables: RawTable[]): ReadResult {
  const issues = new IssueList();
  const mappingTable = tables.find((t) => isMappingSheetName(t.name)) ?? null;
  const parsed = mappingTable ? parseMapping(mappingTable, tables) : null;
  const mapping = parsed?.mapping ?? null;
  const { found, params } = detectSheets(tables, issues, mapping);
  for (const u of mapping?.unconfirmed ?? [])
    issues.add({
      sheet: mapping!.name,
      row: u.row,
      column: "说明",
      cell: u.cell,
      code: "mapping-unconfirmed",
      message: `${mapping!.name}第${u.row}行是程序的建议，尚未核对（说明仍为“待核对”）：核对无误后请删去“待核对”`,
      messageEn: `${mapping!.name} row ${u.row} is a suggestion not yet checked (its note says 待核对): check it, then delete 待核对`,
    });
  // the records' shape is their definition's (readSheet fills every column of it)
  const sheets: Partial<Record<SheetKey, ReadSheet>> = {};
  for (const def of SHEETS) {
    const t = found.get(def.key);
    if (!t?.length) continue;
    const r = readSheet(def, t, issues, mapping?.inputs.get(def.key));
    if (r) sheets[def.key] = r;
  }
  return {
    sheets: sheets as InputSheets,
    paramsTable: params,
    mappingTable,
    mapping,
    mappingErrors: parsed?.errors ?? [],
    issues,
  };
}

/** Where a record's value of `key` is: the sheet, the header as written, the cell. */
export function cellOf<T>(
  rec: Rec<T>,
  key: keyof T & string
): { sheet: string; column: string; cell: string } | null {
  const c = rec.src.columns.get(key);
  if (!c) return null;
  let at: { col: number; header: string } = c;
  if (c.alts) {
    const t = rec.src.table;
    const raw = t.values[rec.row - t.firstRow] ?? [];
    const blank = (col: number) => isBlank(raw[col - t.firstCol] ?? null);
    if (blank(c.col)) at = c.alts.find((a) => !blank(a.col)) ?? c;
  }
  return { sheet: rec.src.name, column: at.header, cell: cellAddress(rec.row, at.col) };
}

export function rowIssue<T>(
  rec: Rec<T>,
  key: keyof T & string,
  code: IssueCode,
  message: string,
  messageEn: string
): NewIssue {
  const c = cellOf(rec, key);
  return {
    sheet: rec.src.name,
    row: rec.row,
    column: c?.column ?? null,
    cell: c?.cell ?? null,
    code,
    message,
    messageEn,
  };
}

/** The columns of a part already taken by a field. */
export function usedColumns(p: SheetPart): Set<number> {
  const out = new Set<number>();
  for (const c of p.columns.values()) {
    out.add(c.col);
    for (const a of c.alts ?? []) out.add(a.col);
  }
  return out;
}

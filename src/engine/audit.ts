// The whole audit, in stages: detect and read the sheets, parameters, the as-of view, row
// checks, every rule, settlement. Pure: tables in, a result model out.
import { recordingUncovered, withUserDays } from "./calendar";
import { UserCalendar, readHolidays } from "./holidays";
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex } from "@noble/hashes/utils";
import { Issue, IssueList, sortIssues } from "./issues";
import { maskPhones } from "./privacy";
import { Claim, Context, Finding, Kpi, Status } from "./model";
import type { Cents } from "./money";
import {
  DEFAULT_PARAMS,
  ParamError,
  Params,
  ParamKey,
  changedParams,
  paramMeta,
  readParamsTable,
  resolve,
  validateParams,
  Resolved,
} from "./params";
import { MatchHow, ReadSheet, readWorkbook } from "./read";
import { COMPLIANCE_RULES, DEDUCTION_RULES } from "./rules";
import { PAYMENT_CHECKS, Settlement, Totals, settle } from "./settle";
import { READINGS, alternativeOf } from "./readings";
import { SHEETS, SheetKey, SHEET_BY_KEY } from "./sheets";
import { RawTable } from "./table";
import { dayEnd, parseIsoDay } from "./time";
import { suggestSheets } from "./suggest";
import { applyAsOf } from "./asof";
import { checkRows } from "./checks";

export const ENGINE_VERSION = "0.1.0";

export interface AuditOptions {
  /** values that override the workbook's 规则参数 sheet (the CLI's --params, the pane's form) */
  params?: Record<string, unknown>;
  /** overrides evaluation.asOf (the CLI's --as-of) */
  asOf?: string;
  /** when the run happened, as naive Beijing local text (for the run log) */
  runAt?: string;
  /** false: no 口径对比 (a quick run); the readings cost a re-evaluation each */
  readings?: boolean;
  /** progress callback: stage name and a fraction */
  onProgress?: (stage: AuditStage, detail?: string) => void;
}

export type AuditStage = "reading" | "checking" | "computing" | "settling" | "done";

export interface SheetSummary {
  key: SheetKey;
  zh: string;
  en: string;
  /** the name as written in the workbook, or null when absent */
  name: string | null;
  rows: number;
  /** records used (after duplicates and stray rows) */
  records: number;
  sha256: string | null;
  /** rules that cannot be evaluated without it */
  costs: string[];
  /** every workbook sheet the input was read from (several for a monthly export), with its fingerprint */
  sources: { name: string; rows: number; sha256: string }[];
}

/** How one field of an input was read (WORKBOOK.md: the summary's `mapping`, the run log). */
export interface FieldSource {
  /** the input's Chinese name (工单) */
  sheet: string;
  /** the field's Chinese header (派单准确) */
  field: string;
  /** the source header(s) as written, `|` between several */
  source: string;
  /** the 值映射 as written, or "" */
  values: string;
  how: MatchHow;
}

export interface AuditResult {
  schemaVersion: 1;
  version: string;
  runAt: string | null;
  asOf: string;
  params: Params;
  resolved: Resolved;
  changedParams: ParamKey[];
  sheets: SheetSummary[];
  kpis: Kpi[];
  findings: Finding[];
  claims: Claim[];
  settlement: Settlement;
  issues: Issue[];
  paramsSheetName: string | null;
  /** SHA-256 of the 规则参数 sheet's values, when present */
  paramsSha256: string | null;
  /** the 列映射 sheet's name and fingerprint, when present */
  mappingSheetName: string | null;
  mappingSha256: string | null;
  /** how every field found was read: its source header, value map and how it was matched */
  mapping: FieldSource[];
  /** the calendar the run counted working days on: the bundled years and the 节假日 sheet's days */
  calendar: UserCalendar;
  /** RULES.md §5: the totals under each other reading; null when the run was asked not to */
  readings: Reading[] | null;
}

export interface Reading {
  key: ParamKey;
  value: unknown;
  alternative: unknown;
  totals: Totals;
}

export class AuditFailure extends Error {
  constructor(
    readonly code: "no-tickets" | "invalid-params" | "invalid-mapping" | "invalid-holidays",
    readonly messageZh: string,
    readonly messageEn: string,
    readonly paramErrors: ParamError[] = []
  ) {
    super(messageEn);
  }
}

/** A SHA-256 that takes its input in pieces and gives the digest in hex. */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  hex(): string;
}

let sha256Impl: () => Sha256 = () => {
  const h = sha256.create();
  return { update: (b) => h.update(b), hex: () => bytesToHex(h.digest()) };
};

/**
 * Replaces the SHA-256 implementation (the engine's own is pure JavaScript; the command line
 * hands it Node's native one, several times faster on a year of tickets). Same digests.
 */
export function useSha256(factory: () => Sha256): void {
  sha256Impl = factory;
}

/**
 * The fingerprint format the run log's SHA-256 column holds: 2 (this version) hashes a compact
 * binary form of the values; 1 (the first releases, header "SHA-256") their JSON text.
 */
export const FINGERPRINT_FORMAT = 2;

/** SHA-256 of a sheet's values, in a form both adapters give identically. */
export function hashTable(t: RawTable, format = FINGERPRINT_FORMAT): string {
  return format === 1 ? hashTableJson(t) : hashTableBinary(t);
}

/**
 * Format 2: per row a 0xFF mark, per cell a tag and its value — 0 blank, 1 a number (as an
 * integer count of millionths, float64 little-endian: an Office.js serial and one read from a
 * file agree far below that), 2 text and 5 an error value (uint32 byte length + UTF-8),
 * 3 true, 4 false. Written into a reused buffer: no text is built, nothing is allocated per cell.
 */
function hashTableBinary(t: RawTable): string {
  const h = sha256Impl();
  const SIZE = 1 << 16;
  const buf = new Uint8Array(SIZE);
  const view = new DataView(buf.buffer);
  let p = 0;
  const flush = () => {
    if (p) h.update(buf.slice(0, p));
    p = 0;
  };
  const room = (n: number) => {
    if (p + n > SIZE) flush();
  };
  const text = (tag: number, s: string) => {
    if (s.length * 3 + 5 > SIZE) {
      const bytes = new TextEncoder().encode(s);
      room(5);
      buf[p] = tag;
      view.setUint32(p + 1, bytes.length, true);
      p += 5;
      flush();
      h.update(bytes);
      return;
    }
    room(s.length * 3 + 5);
    buf[p] = tag;
    const start = p + 5;
    let q = start;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) buf[q++] = c;
      else if (c < 0x800) {
        buf[q++] = 0xc0 | (c >> 6);
        buf[q++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = s.charCodeAt(i + 1);
          if (c < 0xdc00 && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            buf[q++] = 0xf0 | (c >> 18);
            buf[q++] = 0x80 | ((c >> 12) & 63);
            buf[q++] = 0x80 | ((c >> 6) & 63);
            buf[q++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd; // a lone surrogate, as TextEncoder writes it
        }
        buf[q++] = 0xe0 | (c >> 12);
        buf[q++] = 0x80 | ((c >> 6) & 63);
        buf[q++] = 0x80 | (c & 63);
      }
    }
    view.setUint32(p + 1, q - start, true);
    p = q;
  };
  room(17);
  buf[p] = 0xfe;
  view.setFloat64(p + 1, t.firstRow, true);
  view.setFloat64(p + 9, t.firstCol, true);
  p += 17;
  for (const row of t.values) {
    room(1);
    buf[p++] = 0xff;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === "number") {
        room(9);
        buf[p] = 1;
        view.setFloat64(p + 1, Number.isFinite(v) ? Math.round(v * 1e6) : 0, true);
        p += 9;
      } else if (typeof v === "string") text(2, v);
      else if (v === null || v === undefined) {
        room(1);
        buf[p++] = 0;
      } else if (typeof v === "boolean") {
        room(1);
        buf[p++] = v ? 3 : 4;
      } else text(5, v.error);
    }
  }
  flush();
  return h.hex();
}

/** Format 1: the rows as JSON text (numbers in millionths), for run logs of the first releases. */
function hashTableJson(t: RawTable): string {
  const canon = (v: unknown) => (typeof v === "number" ? Math.round(v * 1e6) : v);
  const h = sha256Impl();
  const enc = new TextEncoder();
  let chunk: string[] = [`${t.firstRow},${t.firstCol}`];
  let size = 0;
  for (const row of t.values) {
    const line = JSON.stringify(row.map(canon));
    chunk.push(line);
    size += line.length;
    if (size > 1 << 18) {
      h.update(enc.encode(chunk.join("\n") + "\n"));
      chunk = [];
      size = 0;
    }
  }
  h.update(enc.encode(chunk.join("\n")));
  return h.hex();
}

/** Resolves the parameters in force: contract defaults < 规则参数 sheet < overrides < --as-of. */
export function resolveParams(paramsTable: RawTable | null, options: AuditOptions): Params {
  const errors: ParamError[] = [];
  let values: Record<string, unknown> = {};
  let where = new Map();
  if (paramsTable) {
    const r = readParamsTable(paramsTable);
    errors.push(...r.errors);
    values = r.values;
    where = r.where;
  }
  for (const [k, v] of Object.entries(options.params ?? {})) {
    values[k] = v;
    where.delete(k);
  }
  const asOfBefore = values["evaluation.asOf"];
  if (options.asOf !== undefined) {
    values["evaluation.asOf"] = options.asOf;
    where.delete("evaluation.asOf");
  }
  if (!errors.length) {
    const r = validateParams(values, where);
    if (r.ok) {
      // an as-of date equal to the one in force anyway (service.end by default) changes nothing:
      // the parameters stay as they were, so no change is recorded
      if (options.asOf !== undefined) {
        const before = validateParams({ ...values, "evaluation.asOf": asOfBefore }, where);
        if (before.ok && resolve(before.params).asOf === resolve(r.params).asOf)
          return before.params;
      }
      return r.params;
    }
    errors.push(...r.errors);
  }
  const first = errors[0];
  const at = (e: ParamError) => (e.sheet ? `（${e.sheet}!${e.cell}）` : "");
  // a 规则参数 sheet full of garbage gives one error a row: the message names the first few, the
  // pane and 校验问题-style lists get them all (paramErrors)
  const SHOWN = 5;
  const shown = errors.slice(0, SHOWN);
  const more = errors.length - shown.length;
  throw new AuditFailure(
    "invalid-params",
    `参数无效，未进行计算：${shown.map((e) => `${e.message}${at(e)}`).join("；")}${more ? `；另有 ${more} 项` : ""}`,
    `invalid parameters, nothing computed: ${shown.map((e) => `${e.messageEn}${e.sheet ? ` (${e.sheet}!${e.cell})` : ""}`).join("; ")}${more ? `; ${more} more` : ""}`,
    errors.length ? errors : [first]
  );
}

const COSTS: Record<SheetKey, string[]> = Object.fromEntries(
  SHEETS.map((s) => [s.key, [] as string[]])
) as unknown as Record<SheetKey, string[]>;
for (const r of [...DEDUCTION_RULES, ...COMPLIANCE_RULES])
  for (const n of r.needs) if (!COSTS[n.sheet].includes(r.id)) COSTS[n.sheet].push(r.id);
COSTS.payments.push("付款");

/** The rules that need a sheet (for "培训 not found: R8 and C10 will not be evaluated"). */
export function rulesNeeding(sheet: SheetKey): string[] {
  return COSTS[sheet];
}

/** One warning per column a rule needs that a present sheet lacks (required ones are already errors). */
function warnMissingColumns(ctx: Context): void {
  const byColumn = new Map<string, { sheet: ReadSheet; key: string; rules: string[] }>();
  const checks = [
    ...[...DEDUCTION_RULES, ...COMPLIANCE_RULES].map((r) => ({
      id: r.id,
      needs: r.needsUnder?.(ctx.p) ?? r.needs,
    })),
    ...Object.entries(PAYMENT_CHECKS).map(([id, columns]) => ({
      id: id === "lateFee" ? "逾期违约金" : id,
      needs: [{ sheet: "payments" as const, columns: [...columns] }],
    })),
  ];
  for (const rule of checks)
    for (const need of rule.needs) {
      const sheet = ctx.sheets[need.sheet];
      if (!sheet) continue;
      for (const key of need.columns) {
        if (sheet.columns.has(key)) continue;
        const id = `${need.sheet}|${key}`;
        const entry = byColumn.get(id) ?? { sheet, key, rules: [] };
        if (!entry.rules.includes(rule.id)) entry.rules.push(rule.id);
        byColumn.set(id, entry);
      }
    }
  for (const { sheet, key, rules } of byColumn.values()) {
    const def = sheet.def.columns.find((c) => c.key === key)!;
    if (def.required) continue;
    ctx.issues.add({
      sheet: sheet.name,
      row: sheet.headerRow,
      column: def.zh,
      cell: null,
      code: "missing-optional-column",
      message: `工作表“${sheet.name}”缺少列“${def.zh}”（${def.en}）：${rules.join("、")} 不予评价`,
      messageEn: `sheet "${sheet.name}" has no column ${def.zh} (${def.en}): ${rules.join(", ")} will not be evaluated`,
    });
  }
}

export interface RuleTotal {
  ruleId: string;
  /** KPI rows (periods, reports, policies) of the rule */
  periods: number;
  byStatus: Record<Status, number>;
  occurrences: number;
  amount: Cents;
}

/** Occurrences, deductions and statuses per deduction rule (R1–R10), in catalogue order. */
export function ruleTotals(r: Pick<AuditResult, "kpis">): RuleTotal[] {
  return DEDUCTION_RULES.map((rule) => {
    const ks = r.kpis.filter((k) => k.ruleId === rule.id);
    const byStatus: Record<Status, number> = { pass: 0, fail: 0, na: 0, pending: 0 };
    for (const k of ks) byStatus[k.status]++;
    return {
      ruleId: rule.id,
      periods: ks.length,
      byStatus,
      occurrences: ks.reduce((a, k) => a + k.occurrences, 0),
      amount: ks.reduce((a, k) => a + k.deduction, 0),
    };
  });
}

interface Evaluation {
  kpis: Kpi[];
  findings: Finding[];
  claims: Claim[];
  settlement: Settlement;
}

/** Every rule and the settlement, on records already read and checked. */
function evaluate(
  ctx: Context,
  progress: (stage: AuditStage, detail?: string) => void = () => undefined,
  reuse?: { from: Evaluation; rules: Set<string> }
): Evaluation {
  const kpis: Kpi[] = [];
  const findings: Finding[] = [];
  const claims: Claim[] = [];
  for (const rule of [...DEDUCTION_RULES, ...COMPLIANCE_RULES]) {
    if (reuse && !reuse.rules.has(rule.id)) {
      // a rule the changed parameter does not reach: its results as they were
      kpis.push(...reuse.from.kpis.filter((k) => k.ruleId === rule.id));
      findings.push(...reuse.from.findings.filter((f) => f.ruleId === rule.id));
      claims.push(...reuse.from.claims.filter((c) => c.ruleId === rule.id));
      continue;
    }
    progress("computing", rule.id);
    const out = rule.evaluate(ctx);
    kpis.push(...(out.kpis ?? []));
    findings.push(...(out.findings ?? []));
    claims.push(...(out.claims ?? []));
  }
  progress("settling");
  return { kpis, findings, claims, settlement: settle(ctx, kpis, claims) };
}

/** The rules a parameter reaches (its group's), or null for all of them (a window, the fee). */
function rulesReached(key: ParamKey): Set<string> | null {
  const group = paramMeta(key).group;
  if (/^[RC]\d+$/.test(group)) return new Set([group]);
  if (group === "payments") return new Set(); // the settlement only
  return null;
}

/** The totals with one parameter changed, the records read once (RULES.md §5). */
function readingsOf(ctx: Context, main: Evaluation): Reading[] {
  return READINGS.map((def) => {
    const alternative = alternativeOf(def, ctx.p);
    const p = { ...ctx.p, [def.key]: alternative } as Params;
    const alt: Context = {
      ...ctx,
      p,
      r: resolve(p),
      firstCutoff: parseIsoDay(p["acceptance.firstCutoff"])!,
      // what a rule says of the data was said by the run itself
      issues: new IssueList(),
    };
    const reached = rulesReached(def.key);
    const e = evaluate(alt, undefined, reached ? { from: main, rules: reached } : undefined);
    return { key: def.key, value: ctx.p[def.key], alternative, totals: e.settlement.totals };
  });
}

/** An issue with the phone numbers its messages quote masked (138****5678). */
function masked(i: Issue): Issue {
  const message = maskPhones(i.message);
  const messageEn = maskPhones(i.messageEn);
  return message === i.message && messageEn === i.messageEn ? i : { ...i, message, messageEn };
}

/** How every field found was read, input by input, in the order of WORKBOOK.md's columns. */
function fieldSources(sheets: Partial<Record<SheetKey, ReadSheet>>): FieldSource[] {
  const out: FieldSource[] = [];
  for (const def of SHEETS) {
    const r = sheets[def.key];
    if (!r) continue;
    for (const c of def.columns) {
      const pos = r.columns.get(c.key);
      if (!pos) continue;
      out.push({
        sheet: def.zh,
        field: c.zh,
        source: [pos.header, ...(pos.alts ?? []).map((a) => a.header)].join("|"),
        values: pos.values?.text ?? "",
        how: pos.how,
      });
    }
  }
  return out;
}

/** Stops a run before anything is computed, naming (up to five of) the cells in error. */
function stopWith(code: AuditFailure["code"], zh: string, en: string, errors: ParamError[]): never {
  const SHOWN = 5;
  const more = errors.length - SHOWN;
  throw new AuditFailure(
    code,
    `${zh}，未进行计算：${errors
      .slice(0, SHOWN)
      .map((e) => `${e.message}（${e.sheet}!${e.cell}）`)
      .join("；")}${more > 0 ? `；另有 ${more} 项` : ""}`,
    `${en}, nothing computed: ${errors
      .slice(0, SHOWN)
      .map((e) => `${e.messageEn} (${e.sheet}!${e.cell})`)
      .join("; ")}${more > 0 ? `; ${more} more` : ""}`,
    errors
  );
}

export function audit(tables: RawTable[], options: AuditOptions = {}): AuditResult {
  const progress = options.onProgress ?? (() => undefined);
  progress("reading");
  const read = readWorkbook(tables);
  const issues = read.issues;
  if (read.mappingErrors.length)
    stopWith("invalid-mapping", "列映射有误", "the 列映射 sheet has errors", read.mappingErrors);
  // the workbook's own holidays over the bundled schedule; a calendar cannot be half right
  const { calendar, errors: calendarErrors } = readHolidays(read.sheets.holidays, issues);
  if (calendarErrors.length)
    stopWith("invalid-holidays", "节假日表有误", "the 节假日 sheet has errors", calendarErrors);
  if (!read.sheets.tickets) {
    const present = tables.find((t) => SHEET_BY_KEY.tickets && /工单|ticket/i.test(t.name));
    // sheets whose headers are a ticket export's (a monthly export): say so, and how to map them
    const looksLike = present
      ? []
      : (suggestSheets(tables, new Set(Object.keys(read.sheets) as SheetKey[])).get("tickets") ??
        []);
    const named = `${looksLike.slice(0, 3).join("、")}${looksLike.length > 3 ? ` 等 ${looksLike.length} 张` : " "}`;
    throw new AuditFailure(
      "no-tickets",
      present
        ? `工作表“${present.name}”中找不到工单表头，无法核查`
        : looksLike.length
          ? `未找到“工单”工作表，无法核查。工作表 ${named}的表头像工单导出：请在“列映射”表中列出它们（任务窗格的“列映射”步骤会引导；命令行 --write-mapping 可写出预填的“列映射”表）`
          : `未找到“工单”工作表（或 Tickets），无法核查。现有工作表：${tables.map((t) => t.name).join("、") || "无"}`,
      present
        ? `no ticket header found in sheet "${present.name}"; cannot audit`
        : looksLike.length
          ? `no 工单 sheet; cannot audit. Sheets ${looksLike.slice(0, 3).join(", ")}${looksLike.length > 3 ? ` and ${looksLike.length - 3} more` : ""} have a ticket export's headers: list them in a 列映射 sheet (the pane's 列映射 step guides you; --write-mapping writes one pre-filled)`
          : `no 工单 (Tickets) sheet; cannot audit. Sheets present: ${tables.map((t) => t.name).join(", ") || "none"}`
    );
  }
  // a 工单 sheet with headers and no ticket (a freshly inserted template) has nothing to audit
  if (read.sheets.tickets.rowCount === 0) {
    const name = read.sheets.tickets.name;
    throw new AuditFailure(
      "no-tickets",
      `工作表“${name}”只有表头、没有工单数据，无法核查。请先录入或粘贴工单（每行一件）。`,
      `sheet "${name}" has headers but no tickets; nothing to audit. Enter or paste the tickets first (one per row).`
    );
  }
  // any other input sheet present but empty is worth a word: its rules see no data
  for (const s of Object.values(read.sheets))
    if (s && s.def.key !== "tickets" && s.rowCount === 0)
      issues.add({
        sheet: s.name,
        row: s.headerRow,
        column: null,
        cell: null,
        code: "empty-sheet",
        message: `工作表“${s.name}”只有表头、没有数据行：用到它的规则按无记录处理`,
        messageEn: `sheet "${s.name}" has headers but no data rows: rules that use it see no records`,
      });
  const params = resolveParams(read.paramsTable, options);
  const resolved = resolve(params);
  const asOf = parseIsoDay(resolved.asOf)!;
  const ctx: Context = {
    r: resolved,
    p: params,
    serviceStart: parseIsoDay(params["service.start"])!,
    serviceEnd: parseIsoDay(params["service.end"])!,
    asOf,
    asOfEnd: dayEnd(asOf),
    firstCutoff: parseIsoDay(params["acceptance.firstCutoff"])!,
    sheets: read.sheets,
    data: {},
    issues,
  };
  progress("checking");
  checkRows(ctx);
  for (const s of SHEETS) {
    const sheet = read.sheets[s.key];
    if (!sheet && s.optional) continue;
    if (!sheet) {
      const costs = rulesNeeding(s.key);
      issues.sheet(
        s.zh,
        "missing-sheet",
        `未找到工作表“${s.zh}”（${s.en}）${costs.length ? `：${costs.join("、")} 不予评价` : ""}`,
        `sheet ${s.zh} (${s.en}) not found${costs.length ? `: ${costs.join(", ")} will not be evaluated` : ""}`
      );
      continue;
    }
    (ctx.data as Record<string, unknown>)[s.key] = applyAsOf(s.key, sheet as ReadSheet, ctx);
  }
  warnMissingColumns(ctx);
  if (ctx.asOf < ctx.serviceStart)
    issues.sheet(
      "",
      "as-of-before-service",
      `评价截止日 ${resolved.asOf} 早于服务开始日 ${params["service.start"]}：没有可评价的期间，所有结果均为待定`,
      `the as-of date ${resolved.asOf} is before the service start ${params["service.start"]}: nothing can be evaluated yet, every result is pending`
    );
  progress("computing");
  const { kpis, findings, claims, settlement, uncoveredYears, readings } = withUserDays(
    calendar.days,
    () => {
      const { value, years } = recordingUncovered(() => evaluate(ctx, progress));
      return {
        ...value,
        uncoveredYears: years,
        readings:
          options.readings === false
            ? null
            : readingsOf(ctx, { ...value, findings: [...value.findings] }),
      };
    }
  );
  for (const year of uncoveredYears)
    issues.sheet(
      calendar.sheet ?? "",
      "calendar-not-covered",
      `节假日数据不含 ${year} 年：该年的工作日按周一至周五计算（未计法定节假日与调休），相关截止日可能有误。请在“节假日”工作表中按国务院办公厅 ${year} 年节假日安排的通知填写该年的放假（休）与调休上班（班）日期`,
      `the holiday data does not cover ${year}: its working days are counted as Monday to Friday (no public holidays or make-up days), so deadlines there may be off. Enter that year's State Council holidays (休) and make-up working days (班) in a 节假日 sheet`
    );
  findings.push(...settlement.findings);
  const sheets: SheetSummary[] = SHEETS.map((s) => {
    const r = read.sheets[s.key];
    const sources = (r?.parts ?? []).map((p) => ({
      name: p.name,
      rows: p.rows,
      sha256: hashTable(p.table),
    }));
    return {
      key: s.key,
      zh: s.zh,
      en: s.en,
      name: r?.name ?? null,
      rows: r?.rowCount ?? 0,
      records: r?.records.length ?? 0,
      sha256: sources[0]?.sha256 ?? null,
      costs: rulesNeeding(s.key),
      sources,
    };
  });
  progress("done");
  return {
    schemaVersion: 1,
    version: ENGINE_VERSION,
    runAt: options.runAt ?? null,
    asOf: resolved.asOf,
    params,
    resolved,
    changedParams: changedParams(params),
    sheets,
    kpis,
    findings,
    claims,
    settlement,
    issues: sortIssues(
      params["privacy.maskPhones"] ? issues.items.map(masked) : issues.items,
      SHEETS.flatMap((s) => read.sheets[s.key]?.parts.map((p) => p.name) ?? [s.zh])
    ),
    paramsSheetName: read.paramsTable?.name ?? null,
    paramsSha256: read.paramsTable ? hashTable(read.paramsTable) : null,
    mappingSheetName: read.mappingTable?.name ?? null,
    mappingSha256: read.mappingTable ? hashTable(read.mappingTable) : null,
    mapping: fieldSources(read.sheets),
    calendar,
    readings,
  };
}

export { DEFAULT_PARAMS, IssueList };

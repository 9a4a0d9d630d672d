// The whole audit, one pure function: tables in, a result model out. audit() reads the sheets
// (each input found, 列映射 applied, 节假日 read) and stops with an AuditFailure when a run cannot
// start; then it resolves the parameters, checks the rows, takes each input's records as of the
// as-of date, evaluates every rule (R1–R10, C1–C10), settles the payments and, unless asked not
// to, evaluates again under each other reading (口径对比). Its types and helpers follow it.
import { applyAsOf } from "./asof";
import { AuditFailure } from "./audit-failure";
import { recordingUncovered, withUserDays } from "./calendar";
import { checkRows } from "./checks";
import { hashTable } from "./fingerprint";
import { UserCalendar, readHolidays } from "./holidays";
import { Issue, IssueList, sortIssues } from "./issues";
import { Claim, Context, Finding, Kpi } from "./model";
import {
  ParamError,
  ParamKey,
  Params,
  Resolved,
  changedParams,
  paramMeta,
  resolve,
} from "./params";
import { maskPhones } from "./privacy";
import { MatchHow, ReadResult, ReadSheet, readWorkbook } from "./read";
import { READINGS, alternativeOf } from "./readings";
import { resolveParams } from "./resolve-params";
import { COMPLIANCE_RULES, DEDUCTION_RULES } from "./rules";
import { rulesNeeding, warnMissingColumns } from "./rules/costs";
import { Settlement, Totals, settle } from "./settle";
import { SHEETS, SHEET_BY_KEY, SheetKey } from "./sheets";
import { suggestSheets } from "./suggest";
import { RawTable } from "./table";
import { dayEnd, parseIsoDay } from "./time";

export function audit(tables: RawTable[], options: AuditOptions = {}): AuditResult {
  const progress = options.onProgress ?? (() => undefined);
  progress("reading");
  const read = options.read ?? readWorkbook(tables);
  const issues = read.issues;
  if (read.mappingErrors.length)
    stopWith("invalid-mapping", "列映射有误", "the 列映射 sheet has errors", read.mappingErrors);
  // the workbook's own holidays over the bundled schedule; a calendar cannot be half right
  const { calendar, errors: calendarErrors } = readHolidays(read.sheets.holidays, issues);
  if (calendarErrors.length)
    stopWith("invalid-holidays", "节假日表有误", "the 节假日 sheet has errors", calendarErrors);
  requireTickets(tables, read);
  warnEmptySheets(read);
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
  readAsOf(ctx);
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
  warnUncoveredYears(issues, calendar, uncoveredYears);
  findings.push(...settlement.findings);
  const sheets = sheetSummaries(read);
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
  /**
   * These very tables as `readWorkbook` read them (the pane's 列映射 check reads them first):
   * not read again. Nothing else may have changed them since.
   */
  read?: ReadResult;
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

/**
 * Stops a run that has no ticket to audit: no 工单 sheet (naming the sheets that look like a
 * ticket export, to be listed in 列映射), or one with headers only (a fresh template).
 */
function requireTickets(tables: RawTable[], read: ReadResult): void {
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
}

/** Any input sheet but 工单 present and empty is worth a word: its rules see no data. */
function warnEmptySheets(read: ReadResult): void {
  for (const s of Object.values(read.sheets))
    if (s && s.def.key !== "tickets" && s.rowCount === 0)
      read.issues.add({
        sheet: s.name,
        row: s.headerRow,
        column: null,
        cell: null,
        code: "empty-sheet",
        message: `工作表“${s.name}”只有表头、没有数据行：用到它的规则按无记录处理`,
        messageEn: `sheet "${s.name}" has headers but no data rows: rules that use it see no records`,
      });
}

/**
 * Each input sheet's records as of the as-of date, into ctx.data; a missing sheet is an issue
 * naming the rules it costs.
 */
function readAsOf(ctx: Context): void {
  for (const s of SHEETS) readSheetAsOf(ctx, s.key);
}

function readSheetAsOf<K extends SheetKey>(ctx: Context, key: K): void {
  const s = SHEET_BY_KEY[key];
  const sheet = ctx.sheets[key];
  if (!sheet && s.optional) return;
  if (!sheet) {
    const costs = rulesNeeding(s.key);
    ctx.issues.sheet(
      s.zh,
      "missing-sheet",
      `未找到工作表“${s.zh}”（${s.en}）${costs.length ? `：${costs.join("、")} 不予评价` : ""}`,
      `sheet ${s.zh} (${s.en}) not found${costs.length ? `: ${costs.join(", ")} will not be evaluated` : ""}`
    );
    return;
  }
  // one sheet's records into its own slot (TypeScript cannot correlate the two K-indexed types)
  ctx.data[key] = applyAsOf(key, sheet, ctx) as Context["data"][K];
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

/** A year the holiday data does not cover is counted Monday to Friday: say so, once a year. */
function warnUncoveredYears(issues: IssueList, calendar: UserCalendar, years: string[]): void {
  for (const year of years)
    issues.sheet(
      calendar.sheet ?? "",
      "calendar-not-covered",
      `节假日数据不含 ${year} 年：该年的工作日按周一至周五计算（未计法定节假日与调休），相关截止日可能有误。请在“节假日”工作表中按国务院办公厅 ${year} 年节假日安排的通知填写该年的放假（休）与调休上班（班）日期`,
      `the holiday data does not cover ${year}: its working days are counted as Monday to Friday (no public holidays or make-up days), so deadlines there may be off. Enter that year's State Council holidays (休) and make-up working days (班) in a 节假日 sheet`
    );
}

/** Each input's summary: where it was read from, its fingerprint, the rules it cannot go without. */
function sheetSummaries(read: ReadResult): SheetSummary[] {
  return SHEETS.map((s) => {
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

export { AuditFailure };

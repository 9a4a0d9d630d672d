// The work the pane hands to a Web Worker (so the page stays responsive): auditing raw tables
// (Excel mode), and in file mode everything on the workbook file itself — open, audit, write
// the result sheets, save the 规则参数 sheet, insert templates, hand back the bytes.
// The same handler runs inline where there is no Worker (tests, very old hosts).
// The .xlsx code (src/file/) is loaded only when a file is opened: Excel mode never needs it.
import { AuditFailure, AuditResult, ENGINE_VERSION, audit, AuditStage } from "../../engine/audit";
import { ruleTotals } from "../../engine/summary";
import type { Totals } from "../../engine/settle";
import { UserError, faultLine, faultReport } from "../../fault";
import { layoutResults, Lang } from "../../engine/layout";
import { TemplateKey, templateSpecs } from "../../engine/layout/own";
import { paramsSheetSpec } from "../../engine/param-sheet";
import { SheetSpec } from "../../engine/layout/spec";
import { Params, ParamError } from "../../engine/params";
import { validateParams } from "../../engine/param-text";
import { readParamsTable } from "../../engine/param-sheet";
import { isMappingSheetName } from "../../engine/mapping";
import {
  ReadResult,
  inputsOnly,
  isParamsSheetName,
  isResultSheetName,
  sheetsToRead,
} from "../../engine/read";
import { RESULT_SHEET_NAMES } from "../../engine/sheets";
import { MappingPlan, planMapping, suggestMapping } from "../../engine/suggest";
import { mappingSheetSpec } from "../../engine/layout/own";
import { RawTable } from "../../engine/table";
import { VerifyResult, verifyInputs } from "../../engine/verify";
import { fingerprintAhead } from "../../engine/fingerprint";
import type { XlsxWorkbook } from "../../file/workbook-file";
import type { SheetInfo } from "../../workbook";

export interface RunOptions {
  asOf?: string;
  params?: Record<string, unknown>;
  lang: Lang;
  runAt: string;
  /** false: a quick run without 口径对比 */
  readings?: boolean;
  /** KPI明细 written filtered to its failing and pending rows (the user clears the filter) */
  kpiOpenOnly?: boolean;
  /**
   * true: before computing, check how the inputs are found; when a 列映射 should be looked at
   * (a missing field, a suggestion, an unread value) the run stops with the plan instead
   */
  checkMapping?: boolean;
}

export type Request =
  | { op: "audit"; tables: RawTable[]; options: RunOptions }
  | { op: "open"; bytes: ArrayBuffer; name: string }
  | { op: "runFile"; options: RunOptions }
  | { op: "whatIf"; params: Params; asOf?: string }
  | { op: "saveParams"; params: Params }
  | { op: "templates"; keys: TemplateKey[]; year?: number }
  | { op: "download" }
  | { op: "verify"; tables: RawTable[] }
  | { op: "verifyFile" }
  | { op: "plan"; rows: string[][] }
  | { op: "saveMapping"; rows: string[][] }
  | { op: "warm" };

/** A run: its result (and, Excel mode, the result sheets to write), or the 列映射 to look at first. */
export type AuditOutcome = { result: AuditResult; specs: SheetSpec[] } | { plan: MappingPlan };

/**
 * A run on the open file: its result and 结算确认单 as written into the audited copy (the pane
 * prints it, file mode having no Excel to print with), or the 列映射 to look at first.
 */
export type FileRunOutcome =
  { result: AuditResult; settlement?: SheetSpec } | { plan: MappingPlan };

/** What the totals would be with the thresholds being edited (before anyone saves them). */
export interface WhatIf {
  totals: Totals;
  rules: { ruleId: string; occurrences: number; amount: number }[];
}

export interface Failure {
  code: string;
  messageZh: string;
  messageEn: string;
  paramErrors?: ParamError[];
  /** an unexpected error's report (faultReport), for the pane's "copy report" */
  report?: string;
}

export interface OpenOutcome {
  sheets: SheetInfo[];
  params: { values: Record<string, unknown>; errors: ParamError[]; saved: Params | null };
}

/** The audited copy handed back by a download. */
export interface DownloadFile {
  bytes: Uint8Array;
  name: string;
  kind: "xlsx" | "xlsm" | "xltx" | "xltm";
  /** result cells written plainer: the workbook's cell formats were near Excel's limit */
  stylesFellBack?: number;
}

export type Op = Request["op"];
export type RequestOf<K extends Op> = Extract<Request, { op: K }>;

/** Refuses a map that leaves out a request. */
type EveryOp<T extends Record<Op, unknown>> = T;

/** What each request answers: the pane and the worker agree on it at compile time. */
export type Answers = EveryOp<{
  audit: AuditOutcome;
  open: OpenOutcome;
  runFile: FileRunOutcome;
  whatIf: WhatIf;
  saveParams: SheetInfo[];
  saveMapping: SheetInfo[];
  templates: { added: string[]; sheets: SheetInfo[] };
  download: DownloadFile;
  verify: VerifyResult;
  verifyFile: VerifyResult;
  plan: MappingPlan;
  warm: null;
}>;

export type Response = { ok: true; value: Answers[Op] } | { ok: false; failure: Failure };

/** The answer to a request of this kind (typed by it). */
const answer = <K extends Op>(_op: K, value: Answers[K]): Response => ({ ok: true, value });

export type Progress = { stage: AuditStage | "opening" | "writing"; detail?: string };

function failureOf(e: unknown): Failure {
  if (e instanceof UserError) return { code: "user", messageZh: e.message, messageEn: e.message };
  if (e instanceof AuditFailure)
    return {
      code: e.code,
      messageZh: e.messageZh,
      messageEn: e.messageEn,
      paramErrors: e.paramErrors,
    };
  if (e && typeof e === "object" && "kind" in e && "messageZh" in e && "messageEn" in e) {
    // FileUnreadable: why the file cannot be read, in the user's words
    const f = e as { kind: string; messageZh: string; messageEn: string };
    return { code: `unreadable-${f.kind}`, messageZh: f.messageZh, messageEn: f.messageEn };
  }
  // a bug: one line for the user and a report without data, never the library's message
  const r = faultReport(e, "engine", ENGINE_VERSION);
  const line = faultLine(r.code, "pane");
  return { code: "internal", messageZh: line, messageEn: line, report: r.text };
}

/** The 规则参数 sheet's values as the pane's form starts from them. */
export function paramsFromTables(tables: RawTable[]): OpenOutcome["params"] {
  const t = tables.find((x) => isParamsSheetName(x.name));
  if (!t) return { values: {}, errors: [], saved: null };
  const r = readParamsTable(t);
  const v = r.errors.length ? null : validateParams(r.values, r.where);
  return {
    values: r.values,
    errors: v && !v.ok ? v.errors : r.errors,
    saved: v && v.ok ? v.params : null,
  };
}

/** The page both parties sign: the first result sheet. */
export const SETTLEMENT_SHEET = RESULT_SHEET_NAMES[0];

const loadFileModule = () =>
  Promise.all([
    import(/* webpackChunkName: "xlsx" */ "../../file/workbook-file"),
    import(/* webpackChunkName: "xlsx" */ "../../file/browser-codec"),
  ]).then(([file, codec]) => ({ ...file, ...codec }));

export function createHandler(post: (p: Progress) => void) {
  let open: XlsxWorkbook | null = null;
  /**
   * The open file's tables of these sheets, decompressed ahead in the browser's zlib; what was
   * decompressed ahead and not read (a failed run's, a part no sheet needed) is let go after.
   */
  let readAhead: ((names: string[]) => Promise<RawTable[]>) | null = null;
  let name = "";
  /** the engine's tables of the open file, read once and re-read after a change */
  let tables: RawTable[] | null = null;
  /**
   * The last run's result sheets, written into the package before anything else touches or
   * hands out the package (the totals reach the pane without waiting for the write).
   */
  let unwritten: SheetSpec[] | null = null;
  const flush = () => {
    if (unwritten) file().writeResultSheetsSync(unwritten);
    unwritten = null;
  };

  /** the tables the last 列映射 plan was made on: what the pane's edits are planned on */
  let planTables: RawTable[] | null = null;
  /** the last run's tables and options: what a what-if is computed on */
  let lastRun: { tables: RawTable[]; options: RunOptions } | null = null;
  /**
   * A run on these tables (every sheet but the results when the 列映射 is checked): the plan when
   * the step is needed, else the audit of the sheets the command line would read.
   */
  const checkedRun = (all: RawTable[], options: RunOptions): AuditOutcome => {
    // the check's reading, when it is the run's own
    let checkedRead: ReadResult | undefined;
    if (options.checkMapping) {
      const { plan, read } = planMapping(inputsOnly(all));
      if (plan.needed) {
        planTables = all;
        return { plan };
      }
      checkedRead = read ?? undefined;
    }
    const names = all.map((t) => t.name);
    const map = all.find((t) => isMappingSheetName(t.name)) ?? null;
    const toRead = new Set(sheetsToRead(names, map));
    const tables = all.filter((t) => toRead.has(t.name));
    // the check read these inputs already (about a second for a year of tickets): the run takes
    // that reading rather than making it again. The run's tables are the check's less the sheets
    // no input is read from (a note, a chart sheet), which a reading passes over.
    return runAudit(tables, options, checkedRead);
  };
  const runAudit = (
    tables: RawTable[],
    options: RunOptions,
    read?: ReadResult
  ): { result: AuditResult; specs: SheetSpec[] } => {
    lastRun = { tables, options };
    const result = audit(inputsOnly(tables), {
      read,
      asOf: options.asOf,
      params: options.params,
      runAt: options.runAt,
      readings: options.readings,
      onProgress: (stage, detail) => post({ stage, detail }),
    });
    return {
      result,
      specs: layoutResults(result, { lang: options.lang, kpiOpenOnly: options.kpiOpenOnly }),
    };
  };

  const file = (): XlsxWorkbook => {
    if (!open) throw new Error("no workbook open");
    return open;
  };
  const readTables = (names: string[]): Promise<RawTable[]> => {
    if (!readAhead) throw new Error("no workbook open");
    return readAhead(names);
  };
  const fileTables = async (): Promise<RawTable[]> => {
    if (!tables) {
      tables = await readTables(file().sheetsForEngine());
      await fingerprintAhead(inputsOnly(tables));
    }
    return tables;
  };
  /** every sheet but the results (for a 列映射 plan), the engine's tables among them read once */
  const allFileTables = async (): Promise<RawTable[]> => {
    const have = await fileTables();
    const names = new Set(have.map((t) => t.name));
    const rest = file()
      .sheetNames()
      .filter((n) => !names.has(n) && !isResultSheetName(n));
    if (!rest.length) return have;
    const more = await readTables(rest);
    await fingerprintAhead(inputsOnly(more));
    return [...have, ...more];
  };

  return async function handle(req: Request): Promise<Response> {
    try {
      switch (req.op) {
        case "audit":
          await fingerprintAhead(inputsOnly(req.tables));
          return answer(req.op, checkedRun(req.tables, req.options));
        case "open": {
          post({ stage: "opening", detail: req.name });
          const { XlsxWorkbook, prefetchingCodec, prefetch } = await loadFileModule();
          const codec = prefetchingCodec();
          const wb = XlsxWorkbook.open(new Uint8Array(req.bytes), codec);
          open = wb;
          /** `read` after these sheets' parts are decompressed ahead; what it left unread let go */
          const ahead = async <T>(names: string[], read: () => T | Promise<T>): Promise<T> => {
            try {
              await prefetch(wb, codec, names);
              return await read();
            } finally {
              codec.ready.clear();
            }
          };
          readAhead = (names) =>
            ahead(
              names.filter((n) => !wb.holdsTable(n)),
              () => wb.readTablesSync(names)
            );
          name = req.name;
          tables = null;
          // sheets that declare no size (a platform export's) are read whole to list them, and
          // the run takes those tables: decompressed ahead here, not by the slower fallback
          const value: OpenOutcome = await ahead(wb.sheetsWithoutSize(), async () => ({
            sheets: await wb.listSheets(),
            params: paramsFromTables(
              wb.readTablesSync(wb.sheetsForEngine().filter(isParamsSheetName).slice(0, 1))
            ),
          }));
          return answer(req.op, value);
        }
        case "whatIf": {
          if (!lastRun) throw new UserError("请先核查一次 / run the audit first");
          const r = audit(inputsOnly(lastRun.tables), {
            params: req.params,
            asOf: req.asOf,
            readings: false,
          });
          const value: WhatIf = {
            totals: r.settlement.totals,
            rules: ruleTotals(r).map(({ ruleId, occurrences, amount }) => ({
              ruleId,
              occurrences,
              amount,
            })),
          };
          return answer(req.op, value);
        }
        case "runFile": {
          const all = req.options.checkMapping ? await allFileTables() : await fileTables();
          const out = checkedRun(all, req.options);
          if ("plan" in out) return answer(req.op, out);
          unwritten = out.specs;
          // the pane needs the result and, to print it, 结算确认单: the other sheets stay here
          const value: FileRunOutcome = {
            result: out.result,
            settlement: out.specs.find((sp) => sp.name === SETTLEMENT_SHEET),
          };
          return answer(req.op, value);
        }
        case "plan": {
          if (!planTables) throw new UserError("请先核查一次 / run the audit first");
          const all = inputsOnly(planTables);
          return answer(req.op, suggestMapping(all, req.rows));
        }
        case "saveMapping": {
          flush();
          await file().writeOwnSheet(mappingSheetSpec(req.rows));
          tables = null;
          return answer(req.op, await file().listSheets());
        }
        case "saveParams": {
          flush();
          await file().writeOwnSheet(paramsSheetSpec(req.params));
          tables = null;
          return answer(req.op, await file().listSheets());
        }
        case "templates": {
          flush();
          const added = await file().insertTemplates(templateSpecs(req.keys, undefined, req.year));
          tables = null;
          return answer(req.op, { added, sheets: await file().listSheets() });
        }
        case "verify":
          await fingerprintAhead(inputsOnly(req.tables));
          return answer(req.op, verifyInputs(req.tables));
        case "verifyFile": {
          // inputs as read; the run log as written by the latest run
          flush();
          const inputs = inputsOnly(await fileTables());
          const logs = file().readTablesSync(file().sheetsForEngine().filter(isResultSheetName));
          return answer(req.op, verifyInputs([...inputs, ...logs]));
        }
        case "warm":
          // the .xlsx code loaded before a file is chosen (the pane starts its worker early)
          await loadFileModule();
          return answer(req.op, null);
        case "download": {
          post({ stage: "writing" });
          flush();
          const bytes = file().bytes();
          const stylesFellBack = file().stylesFellBack;
          return answer(req.op, { bytes, name, kind: file().kind, stylesFellBack });
        }
      }
    } catch (e) {
      return { ok: false, failure: failureOf(e) };
    }
  };
}

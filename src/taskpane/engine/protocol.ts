// The work the pane hands to a Web Worker (so the page stays responsive): auditing raw tables
// (Excel mode), and in file mode everything on the workbook file itself — open, audit, write
// the result sheets, save the 规则参数 sheet, insert templates, hand back the bytes.
// The same handler runs inline where there is no Worker (tests, very old hosts).
// The .xlsx code (src/file/) is loaded only when a file is opened: Excel mode never needs it.
import {
  AuditFailure,
  AuditResult,
  ENGINE_VERSION,
  audit,
  AuditStage,
  ruleTotals,
} from "../../engine/audit";
import type { Totals } from "../../engine/settle";
import { UserError, faultLine, faultReport } from "../../fault";
import { layoutResults, Lang } from "../../engine/layout";
import { paramsSheetSpec, templateSpecs } from "../../engine/layout/own";
import { SheetSpec } from "../../engine/layout/spec";
import { Params, readParamsTable, validateParams, ParamError } from "../../engine/params";
import { isParamsSheetName, isResultSheetName } from "../../engine/read";
import { SheetKey } from "../../engine/sheets";
import { RawTable } from "../../engine/table";
import { verifyInputs } from "../../engine/verify";
import type { XlsxWorkbook } from "../../file/workbook-file";
import type { SheetInfo } from "../../workbook";

export interface RunOptions {
  asOf?: string;
  params?: Record<string, unknown>;
  lang: Lang;
  runAt: string;
  /** false: a quick run without 口径对比 */
  readings?: boolean;
}

export type Request =
  | { op: "audit"; tables: RawTable[]; options: RunOptions }
  | { op: "open"; bytes: ArrayBuffer; name: string }
  | { op: "runFile"; options: RunOptions }
  | { op: "whatIf"; params: Params; asOf?: string }
  | { op: "saveParams"; params: Params }
  | { op: "templates"; keys: SheetKey[] }
  | { op: "download" }
  | { op: "verify"; tables: RawTable[] }
  | { op: "verifyFile" };

export interface AuditOutcome {
  result: AuditResult;
  specs: SheetSpec[];
}

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

export type Response = { ok: true; value: unknown } | { ok: false; failure: Failure };

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

const loadFileModule = () =>
  Promise.all([
    import(/* webpackChunkName: "xlsx" */ "../../file/workbook-file"),
    import(/* webpackChunkName: "xlsx" */ "../../file/browser-codec"),
  ]).then(([file, codec]) => ({ ...file, ...codec }));

export function createHandler(post: (p: Progress) => void) {
  let open: XlsxWorkbook | null = null;
  let prefetchTables: (() => Promise<void>) | null = null;
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

  /** the last run's tables and options: what a what-if is computed on */
  let lastRun: { tables: RawTable[]; options: RunOptions } | null = null;
  const runAudit = (tables: RawTable[], options: RunOptions): AuditOutcome => {
    lastRun = { tables, options };
    const result = audit(
      tables.filter((t) => !isResultSheetName(t.name)),
      {
        asOf: options.asOf,
        params: options.params,
        runAt: options.runAt,
        readings: options.readings,
        onProgress: (stage, detail) => post({ stage, detail }),
      }
    );
    return { result, specs: layoutResults(result, { lang: options.lang }) };
  };

  const file = (): XlsxWorkbook => {
    if (!open) throw new Error("no workbook open");
    return open;
  };
  const fileTables = async (): Promise<RawTable[]> => {
    if (!tables) {
      await prefetchTables?.();
      tables = file().readTablesSync(file().sheetsForEngine());
    }
    return tables;
  };

  return async function handle(req: Request): Promise<Response> {
    try {
      switch (req.op) {
        case "audit":
          return { ok: true, value: runAudit(req.tables, req.options) };
        case "open": {
          post({ stage: "opening", detail: req.name });
          const { XlsxWorkbook, prefetchingCodec, prefetch } = await loadFileModule();
          const codec = prefetchingCodec();
          const wb = XlsxWorkbook.open(new Uint8Array(req.bytes), codec);
          open = wb;
          prefetchTables = () => prefetch(wb, codec, wb.sheetsForEngine());
          name = req.name;
          tables = null;
          const paramsSheets = open.sheetsForEngine().filter(isParamsSheetName);
          const value: OpenOutcome = {
            sheets: await open.listSheets(),
            params: paramsFromTables(open.readTablesSync(paramsSheets.slice(0, 1))),
          };
          return { ok: true, value };
        }
        case "whatIf": {
          if (!lastRun) throw new UserError("请先核查一次 / run the audit first");
          const r = audit(
            lastRun.tables.filter((t) => !isResultSheetName(t.name)),
            { params: req.params, asOf: req.asOf, readings: false }
          );
          const value: WhatIf = {
            totals: r.settlement.totals,
            rules: ruleTotals(r).map(({ ruleId, occurrences, amount }) => ({
              ruleId,
              occurrences,
              amount,
            })),
          };
          return { ok: true, value };
        }
        case "runFile": {
          const out = runAudit(await fileTables(), req.options);
          unwritten = out.specs;
          // the pane needs the result only: the sheets stay in the worker
          return { ok: true, value: { result: out.result } };
        }
        case "saveParams": {
          flush();
          await file().writeOwnSheet(paramsSheetSpec(req.params));
          tables = null;
          return { ok: true, value: await file().listSheets() };
        }
        case "templates": {
          flush();
          const added = await file().insertTemplates(templateSpecs(req.keys));
          tables = null;
          return { ok: true, value: { added, sheets: await file().listSheets() } };
        }
        case "verify":
          return { ok: true, value: verifyInputs(req.tables) };
        case "verifyFile": {
          // inputs as read; the run log as written by the latest run
          flush();
          const inputs = (await fileTables()).filter((t) => !isResultSheetName(t.name));
          const logs = file().readTablesSync(file().sheetsForEngine().filter(isResultSheetName));
          return { ok: true, value: verifyInputs([...inputs, ...logs]) };
        }
        case "download": {
          post({ stage: "writing" });
          flush();
          const bytes = file().bytes();
          return { ok: true, value: { bytes, name, kind: file().kind } };
        }
      }
    } catch (e) {
      return { ok: false, failure: failureOf(e) };
    }
  };
}

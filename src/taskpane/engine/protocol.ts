// The work the pane hands to a Web Worker (so the page stays responsive): auditing raw tables
// (Excel mode), and in file mode everything on the workbook file itself — open, audit, write
// the result sheets, save the 规则参数 sheet, insert templates, hand back the bytes.
// The same handler runs inline where there is no Worker (tests, very old hosts).
import { AuditFailure, AuditResult, audit, AuditStage } from "../../engine/audit";
import { layoutResults, Lang } from "../../engine/layout";
import { paramsSheetSpec, templateSpecs } from "../../engine/layout/own";
import { SheetSpec } from "../../engine/layout/spec";
import { Params, readParamsTable, validateParams, ParamError } from "../../engine/params";
import { isParamsSheetName, isResultSheetName } from "../../engine/read";
import { SheetKey } from "../../engine/sheets";
import { RawTable } from "../../engine/table";
import { verifyInputs } from "../../engine/verify";
import { OpenWorkbook, readWorkbookBuffer, workbookBytes } from "../../file/xlsx";
import { insertTemplates, writeOwnSheet, writeResultSheets } from "../../file/write";
import { worksheetToTable } from "../../file/read";
import type { SheetInfo } from "../../workbook";

export interface RunOptions {
  asOf?: string;
  params?: Record<string, unknown>;
  lang: Lang;
  runAt: string;
}

export type Request =
  | { op: "audit"; tables: RawTable[]; options: RunOptions }
  | { op: "open"; bytes: ArrayBuffer; name: string }
  | { op: "runFile"; options: RunOptions }
  | { op: "saveParams"; params: Params }
  | { op: "templates"; keys: SheetKey[] }
  | { op: "download" }
  | { op: "verify"; tables: RawTable[] }
  | { op: "verifyFile" };

export interface AuditOutcome {
  result: AuditResult;
  specs: SheetSpec[];
}

export interface Failure {
  code: string;
  messageZh: string;
  messageEn: string;
  paramErrors?: ParamError[];
}

export interface OpenOutcome {
  sheets: SheetInfo[];
  params: { values: Record<string, unknown>; errors: ParamError[]; saved: Params | null };
}

export type Response = { ok: true; value: unknown } | { ok: false; failure: Failure };

export type Progress = { stage: AuditStage | "opening" | "writing"; detail?: string };

function failureOf(e: unknown): Failure {
  if (e instanceof AuditFailure)
    return {
      code: e.code,
      messageZh: e.messageZh,
      messageEn: e.messageEn,
      paramErrors: e.paramErrors,
    };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: "internal", messageZh: `内部错误：${msg}`, messageEn: `internal error: ${msg}` };
}

/** Sheets of a workbook with the size of what they hold. */
export function sheetInfos(tables: RawTable[]): SheetInfo[] {
  return tables.map((t) => ({
    name: t.name,
    rows: t.values.length,
    columns: t.values.reduce((m, r) => Math.max(m, r.length), 0),
  }));
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

/** Keeps the raw tables in step with sheets the pane just wrote (the next run reads them). */
function refreshTables(open: OpenWorkbook, names: string[]): void {
  for (const n of names) {
    const ws = open.workbook.getWorksheet(n);
    if (!ws) continue;
    const table = worksheetToTable(ws);
    const i = open.tables.findIndex((t) => t.name === n);
    if (i >= 0) open.tables[i] = table;
    else open.tables.push(table);
  }
  const order = open.workbook.worksheets.map((w) => w.name);
  open.tables.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

export function createHandler(post: (p: Progress) => void) {
  let open: OpenWorkbook | null = null;
  let name = "";

  const runAudit = (tables: RawTable[], options: RunOptions): AuditOutcome => {
    const result = audit(
      tables.filter((t) => !isResultSheetName(t.name)),
      {
        asOf: options.asOf,
        params: options.params,
        runAt: options.runAt,
        onProgress: (stage, detail) => post({ stage, detail }),
      }
    );
    return { result, specs: layoutResults(result, { lang: options.lang }) };
  };

  return async function handle(req: Request): Promise<Response> {
    try {
      switch (req.op) {
        case "audit":
          return { ok: true, value: runAudit(req.tables, req.options) };
        case "open": {
          post({ stage: "opening", detail: req.name });
          open = await readWorkbookBuffer(req.bytes);
          name = req.name;
          const value: OpenOutcome = {
            sheets: sheetInfos(open.tables),
            params: paramsFromTables(open.tables),
          };
          return { ok: true, value };
        }
        case "runFile": {
          if (!open) throw new Error("no workbook open");
          const out = runAudit(open.tables, req.options);
          post({ stage: "writing" });
          writeResultSheets(open.workbook, out.specs);
          return { ok: true, value: out };
        }
        case "saveParams": {
          if (!open) throw new Error("no workbook open");
          const spec = paramsSheetSpec(req.params);
          writeOwnSheet(open.workbook, spec);
          refreshTables(open, [spec.name]);
          return { ok: true, value: sheetInfos(open.tables) };
        }
        case "templates": {
          if (!open) throw new Error("no workbook open");
          const added = insertTemplates(open.workbook, templateSpecs(req.keys));
          refreshTables(open, added);
          return { ok: true, value: { added, sheets: sheetInfos(open.tables) } };
        }
        case "verify":
          return { ok: true, value: verifyInputs(req.tables) };
        case "verifyFile": {
          if (!open) throw new Error("no workbook open");
          return { ok: true, value: verifyInputs(open.tables) };
        }
        case "download": {
          if (!open) throw new Error("no workbook open");
          const bytes = await workbookBytes(open.workbook);
          return { ok: true, value: { bytes, name } };
        }
      }
    } catch (e) {
      return { ok: false, failure: failureOf(e) };
    }
  };
}

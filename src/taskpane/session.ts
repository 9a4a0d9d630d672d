// What the pane does with a workbook, in one interface for both modes: the open workbook in
// Excel (through the Office.js adapter) and an .xlsx file in a plain browser (the product's own
// .xlsx reader and writer, in the engine worker). Components call a session; they never call
// Office or the file code themselves.
import type { AuditResult } from "../engine/audit";
import type { SheetSpec } from "../engine/layout/spec";
import { mappingSheetSpec, templateSpecs } from "../engine/layout/own";
import { paramsSheetSpec } from "../engine/param-sheet";
import type { Params } from "../engine/params";
import { isMappingSheetName } from "../engine/mapping";
import { inputsOnly, isParamsSheetName, sheetsToRead } from "../engine/read";
import type { MappingPlan } from "../engine/suggest";
import type { TemplateKey } from "../engine/layout/own";
import { RUN_LOG_SHEET, VerifyResult } from "../engine/verify";
import { Cancelled, SheetInfo, WorkbookAdapter } from "../workbook";
import { auditedBaseName } from "../file/output-name";
import { EngineClient } from "./engine/client";
import type {
  DownloadFile,
  OpenOutcome,
  Progress,
  Request,
  RunOptions,
  WhatIf,
} from "./engine/protocol";
import { paramsFromTables } from "./engine/protocol";

/**
 * A run's end: the result, or the 列映射 step the pane shows before the run. File mode also hands
 * back 结算确认单 as written into the audited copy, for the pane to print.
 */
export type RunOutcome = { result: AuditResult; settlement?: SheetSpec } | { plan: MappingPlan };

export type RunStage =
  "opening" | "reading" | "checking" | "computing" | "settling" | "writing" | "done";

export interface RunProgress {
  stage: RunStage;
  /** the sheet being read and how far (reading) */
  sheet?: string;
  rowsRead?: number;
  rowsTotal?: number;
  /** the rule being computed (computing) */
  detail?: string;
  /** 0..1 within the stage, when known */
  fraction?: number;
}

export interface AuditSession {
  readonly kind: "excel" | "file";
  readonly fileName: string | null;
  listSheets(): Promise<SheetInfo[]>;
  loadParams(): Promise<OpenOutcome["params"]>;
  /** the audit, or (options.checkMapping) the 列映射 to look at before it */
  run(
    options: RunOptions,
    onProgress: (p: RunProgress) => void,
    signal: AbortSignal
  ): Promise<RunOutcome>;
  /** the plan again with these 列映射 rows in place of the workbook's (nothing is written) */
  planMapping(rows: string[][]): Promise<MappingPlan>;
  /** writes these rows as the workbook's 列映射 sheet (replacing one that is there) */
  saveMapping(rows: string[][]): Promise<void>;
  saveParams(params: Params): Promise<void>;
  /** `year`: the contract year the templates' notes give their example dates in */
  insertTemplates(keys: TemplateKey[], year?: number): Promise<string[]>;
  /** false when the mode cannot select cells (a file in a browser) */
  readonly canSelect: boolean;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** compares the inputs with the SHA-256 fingerprints in 运行记录 */
  verify(): Promise<VerifyResult>;
  /** the audited workbook, file mode only */
  download?(): Promise<DownloadFile>;
  /** the totals the last run's inputs give with these parameters (nothing is saved or written) */
  whatIf(params: Params, asOf?: string): Promise<WhatIf>;
}

const engineProgress =
  (onProgress: (p: RunProgress) => void) =>
  (p: Progress): void =>
    onProgress({ stage: p.stage === "done" ? "settling" : p.stage, detail: p.detail });

/** The open workbook in Excel. */
export class ExcelSession implements AuditSession {
  readonly kind = "excel";
  readonly fileName = null;
  readonly canSelect = true;

  constructor(
    private readonly adapter: WorkbookAdapter,
    private readonly engine: EngineClient = new EngineClient()
  ) {}

  listSheets(): Promise<SheetInfo[]> {
    return this.adapter.listSheets();
  }

  async loadParams(): Promise<OpenOutcome["params"]> {
    const sheet = (await this.adapter.listSheets()).find((s) => isParamsSheetName(s.name));
    if (!sheet) return { values: {}, errors: [], saved: null };
    return paramsFromTables(await this.adapter.readTables([sheet.name]));
  }

  async run(
    options: RunOptions,
    onProgress: (p: RunProgress) => void,
    signal: AbortSignal
  ): Promise<RunOutcome> {
    onProgress({ stage: "reading" });
    // only the sheets the engine reads: the inputs, 规则参数, 列映射 and its sources (never the
    // results); to check the 列映射, every sheet but the results (a monthly export's sheets)
    const names = options.checkMapping
      ? inputsOnly((await this.adapter.listSheets()).map((s) => s.name))
      : await this.engineSheets();
    const tables = await this.adapter.readTables(
      names,
      (p) =>
        onProgress({
          stage: "reading",
          sheet: p.sheet,
          rowsRead: p.rowsRead,
          rowsTotal: p.rowsTotal,
          fraction: p.rowsTotal ? p.rowsRead / p.rowsTotal : undefined,
        }),
      signal
    );
    if (signal.aborted) throw new Cancelled();
    const out = await this.engine.request(
      { op: "audit", tables, options },
      engineProgress(onProgress),
      signal
    );
    if ("plan" in out) return out;
    onProgress({ stage: "writing", fraction: 0 });
    await this.adapter.writeResultSheets(
      out.specs,
      (p) => onProgress({ stage: "writing", sheet: p.sheet, fraction: p.fraction }),
      signal
    );
    onProgress({ stage: "done" });
    return { result: out.result };
  }

  planMapping(rows: string[][]): Promise<MappingPlan> {
    return this.engine.request({ op: "plan", rows });
  }

  saveMapping(rows: string[][]): Promise<void> {
    return this.adapter.writeOwnSheet(mappingSheetSpec(rows));
  }

  saveParams(params: Params): Promise<void> {
    return this.adapter.writeOwnSheet(paramsSheetSpec(params));
  }

  whatIf(params: Params, asOf?: string): Promise<WhatIf> {
    return this.engine.request({ op: "whatIf", params, asOf });
  }

  /** The sheets a run reads: 列映射 is read first, for the sources it lists. */
  private async engineSheets(): Promise<string[]> {
    const all = (await this.adapter.listSheets()).map((s) => s.name);
    const map = all.find(isMappingSheetName);
    return sheetsToRead(all, map ? (await this.adapter.readTables([map]))[0] : null);
  }

  async verify(): Promise<VerifyResult> {
    const all = (await this.adapter.listSheets()).map((s) => s.name);
    const read = await this.engineSheets();
    const names = all.filter((n) => read.includes(n) || n === RUN_LOG_SHEET);
    const tables = await this.adapter.readTables(names);
    return this.engine.request({ op: "verify", tables });
  }

  insertTemplates(keys: TemplateKey[], year?: number): Promise<string[]> {
    return this.adapter.insertTemplates(templateSpecs(keys, undefined, year));
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.adapter.selectCell(sheet, cell);
  }
}

/** An .xlsx file opened in a browser: the workbook lives in the engine worker; nothing is uploaded. */
export class FileSession implements AuditSession {
  readonly kind = "file";
  readonly canSelect = false;
  private sheets: SheetInfo[] = [];
  private params: OpenOutcome["params"] = { values: {}, errors: [], saved: null };
  /** changes made since opening, replayed if a cancelled run forces a fresh worker */
  private changes: Request[] = [];

  private constructor(
    private readonly engine: EngineClient,
    private readonly original: ArrayBuffer,
    readonly fileName: string
  ) {}

  static async open(
    bytes: ArrayBuffer,
    name: string,
    engine = new EngineClient(),
    onProgress?: (p: RunProgress) => void
  ): Promise<FileSession> {
    const s = new FileSession(engine, bytes.slice(0), name);
    await s.reopen(onProgress);
    return s;
  }

  private async reopen(onProgress?: (p: RunProgress) => void): Promise<void> {
    const copy = this.original.slice(0);
    const out = await this.engine.request(
      { op: "open", bytes: copy, name: this.fileName },
      (p) => onProgress?.({ stage: "opening", detail: p.detail }),
      undefined,
      [copy]
    );
    this.sheets = out.sheets;
    this.params = out.params;
    for (const c of this.changes) await this.engine.request(c);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets;
  }

  async loadParams(): Promise<OpenOutcome["params"]> {
    return this.params;
  }

  async run(
    options: RunOptions,
    onProgress: (p: RunProgress) => void,
    signal: AbortSignal
  ): Promise<RunOutcome> {
    try {
      const out = await this.engine.request(
        { op: "runFile", options },
        (p) => onProgress({ stage: p.stage === "done" ? "settling" : p.stage, detail: p.detail }),
        signal
      );
      if ("plan" in out) return out;
      onProgress({ stage: "done" });
      return { result: out.result, settlement: out.settlement };
    } catch (e) {
      if (e instanceof Cancelled) await this.reopen();
      throw e;
    }
  }

  whatIf(params: Params, asOf?: string): Promise<WhatIf> {
    return this.engine.request({ op: "whatIf", params, asOf });
  }

  planMapping(rows: string[][]): Promise<MappingPlan> {
    return this.engine.request({ op: "plan", rows });
  }

  async saveMapping(rows: string[][]): Promise<void> {
    const req: Request = { op: "saveMapping", rows };
    this.sheets = await this.engine.request(req);
    this.changes.push(req);
  }

  async saveParams(params: Params): Promise<void> {
    const req: Request = { op: "saveParams", params };
    this.sheets = await this.engine.request(req);
    this.changes.push(req);
    this.params = {
      values: params as unknown as Record<string, unknown>,
      errors: [],
      saved: params,
    };
  }

  async insertTemplates(keys: TemplateKey[], year?: number): Promise<string[]> {
    const req: Request = { op: "templates", keys, year };
    const out = await this.engine.request(req);
    this.sheets = out.sheets;
    this.changes.push(req);
    return out.added;
  }

  verify(): Promise<VerifyResult> {
    return this.engine.request({ op: "verifyFile" });
  }

  async selectCell(): Promise<void> {
    /* a file in a browser has no cell cursor; the pane shows the address instead */
  }

  download(): Promise<DownloadFile> {
    return this.engine.request({ op: "download" });
  }
}

/** The audited copy: its bytes, the name of the file it came from, its type (macros kept). */
export type { DownloadFile };

/** `<original>-2026年度核查.xlsx` (or .xlsm, … : the copy keeps the workbook's type) */
export function resultFileName(
  name: string,
  kind: DownloadFile["kind"] = "xlsx",
  year?: number
): string {
  const base = name.replace(/\.(xlsx|xlsm|xltx|xltm|xls)$/i, "");
  return `${auditedBaseName(base, year)}.${kind}`;
}

/** The MIME type of a workbook of this kind. */
export function mimeType(kind: DownloadFile["kind"]): string {
  return {
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    xlsm: "application/vnd.ms-excel.sheet.macroEnabled.12",
    xltx: "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
    xltm: "application/vnd.ms-excel.template.macroEnabled.12",
  }[kind];
}

/// <reference types="office-js" />
// The Office.js adapter: the open workbook in Excel as raw tables, and sheet specs written back.
//
// Requirement set: ExcelApi 1.7 (Office 2019 volume-licensed, Mac 16.9 and later, and everything
// newer). What the code cannot do without:
//   1.2  workbook.functions.date                               (the date system: DATE(1904,1,1))
//   1.4  worksheet.getUsedRangeOrNullObject(valuesOnly)      (reading, listSheets)
//   1.7  worksheet.getRangeByIndexes, range.hyperlink (internal links), worksheet.freezePanes,
//        worksheet.tabColor
//   (1.6 range.conditionalFormats for the data bars is inside 1.7)
// Everything newer is used only where Office.context.requirements.isSetSupported says the host
// has it (and the object really has the member, so a test fake without it still works):
//   1.8  range.dataValidation (the templates' drop-downs; without it the columns are plain)
//   1.6  application.suspendApiCalculationUntilNextSync
//   1.9  application.suspendScreenUpdatingUntilNextSync, worksheet.pageLayout
//   1.10 workbook.comments (template header notes, when notes are missing)
//   1.18 worksheet.notes (template header notes)
// Office.js itself refuses an API the host lacks (ApiNotFound), so a missing guard fails the
// tests that run the adapter on a 1.7 host through the real client (test/excel/).
//
// Size limits: Excel on the web rejects a request or response over 5 MB; every batch here is
// planned under 4 MB and 4 million cells (src/excel/budget.ts), reads in row chunks sized from the
// JSON actually returned, writes in value chunks whose size is known exactly.
import type { RawCell, RawTable } from "../engine/table";
import type { SheetSpec, TemplateSheetSpec } from "../engine/layout/spec";
import { isResultSheetName, matchSheet } from "../engine/read";
import { normalizeName } from "../engine/sheets";
import {
  Cancelled,
  ReadProgress,
  SheetInfo,
  WorkbookAdapter,
  WriteProgress,
  checkResultSpecs,
  ownSheetTarget,
} from "../workbook";
import {
  Budget,
  DEFAULT_BUDGET,
  FIRST_GUESS_BYTES_PER_CELL,
  LARGE_REQUEST_BYTES,
  SAFETY,
  isPayloadTooLarge,
  jsonBytes,
} from "./budget";
import { rawRows } from "./cells";
import { explainOfficeError } from "./errors";
import { UserError } from "../fault";
import { ColumnScale, Features, Op, SheetRef, sheetOps, templateOps } from "./plan";

/** The ExcelApi requirement set the manifest must declare (see above). */
export const REQUIRED_EXCEL_API = "1.7";

/** The signature of `Excel.run` (the pane passes it; tests pass a fake). */
export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Excel.run as the add-in calls it: with `delayForCellEdit`, so a batch sent while the user is
 * typing in a cell waits for the edit to end instead of failing. Office.js sets the flag only on
 * hosts that have it (the DelayForCellEdit set, ExcelApi 1.11); older ones ignore the option.
 */
export function officeRun(excel: { run: typeof Excel.run }): RunBatch {
  return (batch) => excel.run({ delayForCellEdit: true }, batch);
}

export interface ExcelAdapterOptions {
  /** whether the host supports ExcelApi `version`; default Office.context.requirements */
  supports?: (version: string) => boolean;
  /** request limits (tests lower them) */
  budget?: Partial<Budget>;
}

/** New sheets are written under this prefix and renamed when every one of them is complete. */
export const TEMP_PREFIX = "~";

const MAX_SHEET_NAME = 31;

export function tempSheetName(name: string): string {
  return TEMP_PREFIX + name.slice(0, MAX_SHEET_NAME - TEMP_PREFIX.length);
}

function officeSupports(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  // no Office host (a test fake): whether the object has the member decides alone
  if (!requirements) return true;
  return requirements.isSetSupported("ExcelApi", version);
}

interface ReadJob {
  name: string;
  ws: Excel.Worksheet;
  /** 0-based origin of the used range */
  rowIndex: number;
  colIndex: number;
  rows: number;
  cols: number;
  /** rows read so far */
  next: number;
  /** estimated JSON bytes of one row */
  bytesPerRow: number;
  /** bytesPerRow comes from values read (not from the first guess) */
  measured: boolean;
  out: RawCell[][];
}

interface ReadPart {
  job: ReadJob;
  start: number;
  rows: number;
}

/**
 * The row chunks of one sync: sheets in order, as many rows as fit in the budget. A sheet not
 * measured yet gets at most an eighth of the budget by its first guess, so even a guess eight
 * times too low stays under the limit; later chunks are sized from what came back.
 */
function planRead(jobs: ReadJob[], budget: Budget): ReadPart[] {
  const parts: ReadPart[] = [];
  let bytes = budget.bytes;
  let cells = budget.cells;
  for (const job of jobs) {
    const left = job.rows - job.next;
    if (left <= 0) continue;
    const room = job.measured ? bytes : Math.min(bytes, budget.bytes / 8);
    let rows = Math.min(left, Math.floor(room / job.bytesPerRow), Math.floor(cells / job.cols));
    // a single row wider than the budget still has to be read (a row is never split)
    if (rows < 1) {
      if (parts.length) break;
      rows = 1;
    }
    parts.push({ job, start: job.next, rows });
    bytes -= rows * job.bytesPerRow;
    cells -= rows * job.cols;
    if (bytes <= 0 || cells <= 0) break;
  }
  return parts;
}

/**
 * A part's rows read a piece of the columns at a time, halving the piece while Excel refuses it
 * as too large: for a row that alone is over the request limit. One cell always fits (32,767
 * characters).
 */
async function readByColumns(context: Excel.RequestContext, part: ReadPart): Promise<unknown[][]> {
  const { job } = part;
  const out: unknown[][] = Array.from({ length: part.rows }, () => []);
  let width = Math.max(1, Math.ceil(job.cols / 2));
  for (let c = 0; c < job.cols;) {
    const n = Math.min(width, job.cols - c);
    const range = job.ws
      .getRangeByIndexes(job.rowIndex + part.start, job.colIndex + c, part.rows, n)
      .untrack();
    range.load("values");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (n > 1 && isPayloadTooLarge(e, true)) {
        width = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    if (!Array.isArray(range.values)) {
      if (n > 1) {
        width = Math.ceil(n / 2);
        continue;
      }
      throw new UserError(NO_VALUES);
    }
    range.values.forEach((r, i) => out[i].push(...r));
    c += n;
  }
  return out;
}

const NO_VALUES =
  "Excel 未返回单元格的值（读取范围过大）/ Excel returned no values (the range read was too large)";

type Phase = "write" | "swap";

export class ExcelAdapter implements WorkbookAdapter {
  private readonly supports: (version: string) => boolean;
  private readonly budget: Budget;

  private readonly run: RunBatch;

  constructor(run: RunBatch, options: ExcelAdapterOptions = {}) {
    // every failure from Excel reaches the pane in the user's words where its code allows
    this.run = (batch) =>
      run(batch).catch((e: unknown) => {
        throw explainOfficeError(e);
      });
    this.supports = options.supports ?? officeSupports;
    this.budget = { ...DEFAULT_BUDGET, ...options.budget };
  }

  /** Names and used-range sizes (counted from A1, like the tables readTables returns): two syncs. */
  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((ws) => {
        // untracked: see rangeAt in plan.ts
        const range = ws.getUsedRangeOrNullObject(true).untrack();
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        return range;
      });
      await context.sync();
      return sheets.items.map((ws, i) => {
        const range = used[i];
        return range.isNullObject
          ? { name: ws.name, rows: 0, columns: 0 }
          : {
              name: ws.name,
              rows: range.rowIndex + range.rowCount,
              columns: range.columnIndex + range.columnCount,
            };
      });
    });
  }

  /**
   * The values of these sheets. One sync for the used ranges, then one per ≤ 4 MB of values:
   * several sheets' ranges share a sync while they fit. The first chunk of a sheet is sized from
   * its column count, later ones from the JSON size of what came back. Dates stay serials,
   * blanks ('') become null, error strings {error}. Tables start at A1 (leading blank rows and
   * columns kept as blanks) with trailing blanks trimmed, exactly as the .xlsx reader gives them.
   */
  async readTables(
    names: string[],
    onProgress?: (p: ReadProgress) => void,
    signal?: AbortSignal
  ): Promise<RawTable[]> {
    if (signal?.aborted) throw new Cancelled();
    return this.run(async (context) => {
      const metas = names.map((name) => {
        const ws = context.workbook.worksheets.getItem(name);
        const used = ws.getUsedRangeOrNullObject(true).untrack();
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return { name, ws, used };
      });
      // the date system, in the same sync: DATE(1904,1,1) is 0 in a 1904 workbook, 1462 otherwise
      // (Office.js has no property for it in the requirement sets this add-in targets)
      const functions = (context.workbook as { functions?: Excel.Functions }).functions;
      const probe = functions?.date ? functions.date(1904, 1, 1) : null;
      probe?.load("value");
      try {
        await context.sync();
      } catch (e) {
        throw await missingSheets(context, names, e);
      }
      const date1904 = probe !== null && probe.value === 0;
      const jobs: ReadJob[] = metas.map(({ name, ws, used }) => {
        const empty = used.isNullObject;
        const cols = empty ? 0 : used.columnCount;
        return {
          name,
          ws,
          rowIndex: empty ? 0 : used.rowIndex,
          colIndex: empty ? 0 : used.columnIndex,
          rows: empty ? 0 : used.rowCount,
          cols,
          next: 0,
          bytesPerRow: cols * FIRST_GUESS_BYTES_PER_CELL + 2,
          measured: false,
          out: [],
        };
      });
      const budget = { ...this.budget };
      let retries = 0;
      for (;;) {
        const parts = planRead(jobs, budget);
        if (!parts.length) break;
        if (signal?.aborted) throw new Cancelled();
        const ranges = parts.map(({ job, start, rows }) => {
          const range = job.ws
            .getRangeByIndexes(job.rowIndex + start, job.colIndex, rows, job.cols)
            .untrack();
          range.load("values");
          return range;
        });
        // a chunk too large for Excel after all (an estimate too low, or a host with a lower
        // limit): halve the budget for the rest of this read and read it again
        const canRetry = retries < 8 && parts.some((p) => p.rows > 1);
        const halve = () => {
          retries++;
          budget.bytes = Math.max(64 * 1024, Math.floor(budget.bytes / 2));
          budget.cells = Math.max(1000, Math.floor(budget.cells / 2));
        };
        try {
          // Reading a large sheet takes one sync per ≤ 4 MB of values by design (Excel on the web
          // rejects larger payloads); each sync carries as many ranges as fit.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (e) {
          if (!isPayloadTooLarge(e, budget.bytes >= this.largeRequest)) throw e;
          if (canRetry) {
            halve();
            continue;
          }
          // single rows too large for one request (hundreds of long texts side by side): each
          // part on its own, its row read a few columns at a time
          for (const part of parts) accept(part, await readByColumns(context, part));
          continue;
        }
        // Excel on the web answers a read of too many cells with null values instead of an error
        if (ranges.some((r) => !Array.isArray(r.values))) {
          if (canRetry) {
            halve();
            continue;
          }
          throw new UserError(NO_VALUES);
        }
        retries = 0;
        parts.forEach((part, i) => accept(part, ranges[i].values));
      }
      /** Keeps the values read for a part, and sizes the next chunk from them. */
      function accept(part: ReadPart, values: unknown[][]): void {
        const { job } = part;
        const measured = jsonBytes(values) / Math.max(1, values.length);
        // the next chunk is sized from the largest average seen so far, with a margin
        job.bytesPerRow = Math.max(
          measured * SAFETY,
          job.cols * 3 + 2,
          job.measured ? job.bytesPerRow : 0
        );
        job.measured = true;
        const rows = rawRows(values, job.colIndex);
        for (const r of rows) job.out.push(r);
        job.next += part.rows;
        onProgress?.({
          sheet: job.name,
          rowsRead: job.rowIndex + job.next,
          rowsTotal: job.rowIndex + job.rows,
        });
      }
      return jobs.map((job) => {
        const values: RawCell[][] = [];
        if (job.out.some((r) => r.length)) for (let i = 0; i < job.rowIndex; i++) values.push([]);
        for (const r of job.out) values.push(r);
        while (values.length && values[values.length - 1].length === 0) values.pop();
        return {
          name: job.name,
          firstRow: 1,
          firstCol: 1,
          values,
          ...(date1904 ? { date1904: true } : {}),
        };
      });
    });
  }

  /**
   * Writes the result sheets under temporary names (~核查汇总 …); only when every one is complete
   * are the old result sheets deleted and the new ones renamed, in one sync. A failure or a
   * cancellation while writing deletes the temporary sheets and leaves the old results as they
   * were; a failure in the final sync finishes the swap (the new sheets are complete by then).
   */
  async writeResultSheets(
    specs: SheetSpec[],
    onProgress?: (p: WriteProgress) => void,
    signal?: AbortSignal
  ): Promise<void> {
    checkResultSpecs(specs);
    await this.replace(specs, isResultSheetName, false, onProgress, signal);
  }

  /** Creates or replaces 规则参数 (or another sheet the add-in owns) in place, the same way. */
  async writeOwnSheet(spec: SheetSpec): Promise<void> {
    await this.replace([spec], ownSheetTarget(spec), true);
  }

  /** Adds the template sheets whose input sheet is missing (by name or English alias); never overwrites. */
  async insertTemplates(specs: TemplateSheetSpec[]): Promise<string[]> {
    const features = this.features();
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const present = sheets.items.map((s) => s.name);
      const names = new Set(present.map(normalizeName));
      const keys = new Set(present.map((n) => matchSheet(n)?.key).filter((k) => k !== undefined));
      const todo: TemplateSheetSpec[] = [];
      for (const spec of specs) {
        const key = matchSheet(spec.name)?.key;
        if (names.has(normalizeName(spec.name)) || (key !== undefined && keys.has(key))) continue;
        todo.push(spec);
        names.add(normalizeName(spec.name));
        if (key !== undefined) keys.add(key);
      }
      if (!todo.length) return [];
      const scale = new ColumnScale();
      const refs = todo.map((spec) => new SheetRef(spec.name, spec.name));
      const all = todo.flatMap((spec, i) =>
        templateOps(spec, refs[i], features, this.budget, scale)
      );
      // notes come after the sheets, in syncs of their own: comments.add can throw NotImplemented
      // on some hosts (office-js#1847), and a failure inside the batch that creates the sheets
      // would take every inserted template away with it
      const [ops, widths] = scale.phases(
        all.filter((o) => o.kind !== "note"),
        refs[0]
      );
      const notes = all.filter((o) => o.kind === "note");
      try {
        await this.execute(context, ops, { suspend: true });
        scale.settle();
        await this.execute(context, widths, { suspend: true });
      } catch (e) {
        // the sheets added so far did not exist before this call: take them away again
        await deleteSheets(
          context,
          todo.map((s) => s.name)
        ).catch(() => undefined);
        throw e;
      }
      // a header without its note is still a usable template
      await this.execute(context, notes, { suspend: false }).catch(() => undefined);
      return todo.map((s) => s.name);
    });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).untrack().select();
      try {
        await context.sync();
      } catch (e) {
        // Excel refuses to activate a hidden sheet, and the add-in does not unhide the user's
        // sheets: say what to do
        const again = context.workbook.worksheets.getItemOrNullObject(sheet);
        again.load("visibility");
        await context.sync();
        if (!again.isNullObject && again.visibility !== "Visible")
          throw new UserError(
            `工作表“${sheet}”已隐藏：请先取消隐藏（右键工作表标签 → 取消隐藏），再定位到 ${cell} / the sheet “${sheet}” is hidden: unhide it (right-click a sheet tab → Unhide), then go to ${cell}`
          );
        throw e;
      }
    });
  }

  /** a batch this large is taken as refused for its size when Excel says GeneralException */
  private get largeRequest(): number {
    return Math.min(LARGE_REQUEST_BYTES, this.budget.bytes / 2);
  }

  private features(): Features {
    return {
      validation: this.supports("1.8"),
      pageLayout: this.supports("1.9"),
      notes: this.supports("1.18"),
      comments: this.supports("1.10"),
      cellProperties: this.supports("1.9"),
    };
  }

  /** Suspends recalculation and screen updates for the batch being built (they end at its sync). */
  private suspend(context: Excel.RequestContext): void {
    const app = context.application;
    // nothing written here is a formula or an input of one, so no recalculation is owed afterwards
    if (this.supports("1.6") && typeof app.suspendApiCalculationUntilNextSync === "function")
      app.suspendApiCalculationUntilNextSync();
    // once per batch, not per command (repeated calls within one batch make the window flicker)
    if (this.supports("1.9") && typeof app.suspendScreenUpdatingUntilNextSync === "function")
      app.suspendScreenUpdatingUntilNextSync();
  }

  /** Runs ops in batches under the budget: as many consecutive ops per sync as fit. */
  private async execute(
    context: Excel.RequestContext,
    ops: Op[],
    opts: {
      suspend: boolean;
      signal?: AbortSignal;
      onProgress?: (p: WriteProgress) => void;
      scale?: number;
    }
  ): Promise<void> {
    const total = ops.reduce((s, o) => s + o.bytes, 0) || 1;
    let done = 0;
    let i = 0;
    let limit = this.budget.bytes;
    let retries = 0;
    while (i < ops.length) {
      if (opts.signal?.aborted) throw new Cancelled();
      if (opts.suspend) this.suspend(context);
      const start = i;
      let bytes = 0;
      let cells = 0;
      let sheet = ops[i].sheet;
      do {
        const op = ops[i++];
        op.apply(context);
        bytes += op.bytes;
        cells += op.cells;
        sheet = op.sheet;
      } while (
        i < ops.length &&
        bytes + ops[i].bytes <= limit &&
        cells + ops[i].cells <= this.budget.cells
      );
      try {
        // Writing takes one sync per ≤ 4 MB batch by design (Excel on the web rejects larger
        // requests); each batch carries as many consecutive ops as fit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        // refused as too large (Excel runs none of such a request): the same ops again, in
        // batches half the size
        if (isPayloadTooLarge(e, bytes >= this.largeRequest) && i - start > 1 && retries < 8) {
          retries++;
          limit = Math.max(8 * 1024, Math.floor(bytes / 2));
          i = start;
          continue;
        }
        throw e;
      }
      done += bytes;
      opts.onProgress?.({ sheet, fraction: (done / total) * (opts.scale ?? 1) });
    }
  }

  /**
   * Writes `specs` as new sheets under temporary names, then in one sync deletes the sheets
   * `isOld` matches and renames the new ones (and their tables) to their real names.
   */
  private async replace(
    specs: SheetSpec[],
    isOld: (name: string) => boolean,
    keepPosition: boolean,
    onProgress?: (p: WriteProgress) => void,
    signal?: AbortSignal
  ): Promise<void> {
    if (signal?.aborted) throw new Cancelled();
    const features = this.features();
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/position");
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      const definedNames = context.workbook.names;
      definedNames.load("items/name");
      await context.sync();

      const refs = specs.map((spec) => new SheetRef(tempSheetName(spec.name), spec.name));
      const temps = new Set(refs.map((r) => normalizeName(r.createAs)));
      // temporary sheets a crashed earlier run left behind, and the sheets being replaced
      const leftovers = sheets.items
        .filter((s) => temps.has(normalizeName(s.name)))
        .map((s) => s.name);
      const old = sheets.items.filter((s) => !temps.has(normalizeName(s.name)) && isOld(s.name));
      const going = new Set([...leftovers, ...old.map((s) => s.name)]);

      // Table names are unique in a workbook (and shared with defined names): the new tables are
      // created under temporary names while the old ones exist, and renamed in the final sync.
      const staying = new Set<string>();
      const all = new Set<string>();
      for (const t of tables.items) {
        all.add(t.name.toLowerCase());
        if (!going.has(t.worksheet.name)) staying.add(t.name.toLowerCase());
      }
      for (const n of definedNames.items) {
        all.add(n.name.toLowerCase());
        staying.add(n.name.toLowerCase());
      }
      const unique = (base: string, taken: Set<string>) => {
        let name = base;
        for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
        taken.add(name.toLowerCase());
        return name;
      };
      const tableNames = new Map<string, { temp: string; final: string }>();
      for (const spec of specs)
        for (const b of spec.blocks)
          if (b.kind === "table") {
            const final = unique(b.name, staying);
            tableNames.set(b.name, { final, temp: unique(`${final}_new`, all) });
          }

      const ops: Op[] = [];
      if (leftovers.length)
        ops.push({
          sheet: specs[0]?.name ?? "",
          kind: "delete",
          bytes: 300 * leftovers.length,
          cells: 0,
          apply: (ctx) => leftovers.forEach((n) => ctx.workbook.worksheets.getItem(n).delete()),
        });
      const scale = new ColumnScale();
      specs.forEach((spec, i) =>
        ops.push(
          ...sheetOps(
            spec,
            refs[i],
            (n) => tableNames.get(n)?.temp ?? n,
            features,
            this.budget,
            scale
          )
        )
      );
      const [content, widths] = refs.length ? scale.phases(ops, refs[0]) : [ops, []];

      let phase: Phase = "write";
      try {
        await this.execute(context, content, { suspend: true, signal, onProgress, scale: 0.95 });
        scale.settle();
        await this.execute(context, widths, { suspend: true, signal });
        if (signal?.aborted) throw new Cancelled();
        phase = "swap";
        // the swap: deletions first, then renames, all in one request
        for (const s of old) s.delete();
        for (const ref of refs) ref.get().name = ref.finalName;
        for (const { temp, final } of tableNames.values())
          context.workbook.tables.getItem(temp).name = final;
        if (keepPosition && old.length && refs.length)
          refs[0].get().position = Math.min(...old.map((s) => s.position));
        // the results open on their summary (核查汇总), as the finance officer reads them first
        if (!keepPosition && refs.length) refs[0].get().activate();
        await context.sync();
        onProgress?.({ sheet: specs[specs.length - 1]?.name ?? "", fraction: 1 });
      } catch (e) {
        // Best effort: the original error is what the caller needs to see. A sheet this misses
        // carries the temporary name and is removed by the next run.
        await recover(context, phase, refs, isOld).catch(() => undefined);
        throw e;
      }
    });
  }
}

/** After a failed write: drop the temporary sheets, or (failed swap) finish the swap. */
async function recover(
  context: Excel.RequestContext,
  phase: Phase,
  refs: SheetRef[],
  isOld: (name: string) => boolean
) {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const present = new Set(sheets.items.map((s) => normalizeName(s.name)));
  const temps = refs.filter((r) => present.has(normalizeName(r.createAs)));
  if (phase === "write") {
    for (const r of temps) sheets.getItem(r.createAs).delete();
  } else {
    // deletions come before renames in the swap: if no new sheet was renamed yet, the sheets
    // with result names are the old ones
    if (temps.length === refs.length)
      for (const s of sheets.items)
        if (isOld(s.name) && !temps.some((r) => r.createAs === s.name)) s.delete();
    for (const r of temps) sheets.getItem(r.createAs).name = r.finalName;
  }
  await context.sync();
}

async function deleteSheets(context: Excel.RequestContext, names: string[]) {
  const sheets = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
  await context.sync();
  for (const s of sheets) if (!s.isNullObject) s.delete();
  await context.sync();
}

/** The error to report when the sync that opens the sheets failed: name the missing ones. */
async function missingSheets(
  context: Excel.RequestContext,
  names: string[],
  e: unknown
): Promise<unknown> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const present = new Set(sheets.items.map((s) => normalizeName(s.name)));
    const missing = names.filter((n) => !present.has(normalizeName(n)));
    if (missing.length)
      return new UserError(
        `工作表不存在：${missing.join("、")} / sheet not found: ${missing.join(", ")}`
      );
  } catch {
    // keep the original error
  }
  return e;
}

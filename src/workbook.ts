// The one small interface both workbook adapters implement: the Office.js adapter (src/excel/)
// for the open workbook in Excel, and the .xlsx adapter (src/file/) for an .xlsx file in a
// browser or on the command line. Only adapters touch a workbook; the pane and the CLI call these.
import type { RawTable } from "./engine/table";
import type { SheetSpec, TemplateSheetSpec } from "./engine/layout/spec";
import { isParamsSheetName, isResultSheetName, matchSheet } from "./engine/read";
import { normalizeName } from "./engine/sheets";
import { isMappingSheetName } from "./engine/mapping";

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
  rowsTotal: number;
}

export interface WriteProgress {
  sheet: string;
  /** 0..1 over all sheets being written */
  fraction: number;
}

export interface SheetInfo {
  name: string;
  /** rows in the used range (incl. header and title rows) */
  rows: number;
  columns: number;
}

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

export interface WorkbookAdapter {
  /** every sheet of the workbook, in order, with the size of its used range */
  listSheets(): Promise<SheetInfo[]>;
  /** the values of these sheets, as a spreadsheet holds them */
  readTables(
    names: string[],
    onProgress?: (p: ReadProgress) => void,
    signal?: AbortSignal
  ): Promise<RawTable[]>;
  /**
   * Replaces the result sheets (核查汇总 … 运行记录) with these. Input sheets are never touched;
   * a failed or cancelled write leaves the previous results in place.
   */
  writeResultSheets(
    specs: SheetSpec[],
    onProgress?: (p: WriteProgress) => void,
    signal?: AbortSignal
  ): Promise<void>;
  /** Creates or replaces one sheet the add-in owns besides the results (规则参数). */
  writeOwnSheet(spec: SheetSpec): Promise<void>;
  /** Adds template sheets for missing inputs; an existing sheet is never overwritten. Returns the names added. */
  insertTemplates(specs: TemplateSheetSpec[]): Promise<string[]>;
  /** Activates a sheet and selects a cell (from the issues list or a rule's rows). */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/** What both adapters refuse before writing results: a sheet that is not a result sheet, or twice. */
export function checkResultSpecs(specs: SheetSpec[]): void {
  const seen = new Set<string>();
  for (const s of specs) {
    if (!isResultSheetName(s.name))
      throw new Error(
        `“${s.name}”不是结果表，不会写入 / "${s.name}" is not a result sheet; nothing written`
      );
    if (seen.has(normalizeName(s.name)))
      throw new Error(`结果表重复 / duplicate result sheet "${s.name}"`);
    seen.add(normalizeName(s.name));
  }
}

/**
 * For a sheet the add-in owns (规则参数, 列映射): refuses result and input sheet names, and returns
 * which existing sheets it replaces (the same name, or either name of 规则参数 or 列映射).
 */
export function ownSheetTarget(spec: SheetSpec): (name: string) => boolean {
  if (isResultSheetName(spec.name))
    throw new Error(
      `“${spec.name}”是结果表 / "${spec.name}" is a result sheet: use writeResultSheets`
    );
  if (matchSheet(spec.name))
    throw new Error(
      `“${spec.name}”是输入表，不会覆盖 / "${spec.name}" is an input sheet; never overwritten`
    );
  const key = normalizeName(spec.name);
  // 规则参数 and 列映射 each have two names (Chinese, English): either is replaced
  const same = isParamsSheetName(spec.name)
    ? isParamsSheetName
    : isMappingSheetName(spec.name)
      ? isMappingSheetName
      : () => false;
  return (name) => normalizeName(name) === key || same(name);
}

// The Office.js adapter (see adapter.ts for the requirement set and the size limits).
export { ExcelAdapter, REQUIRED_EXCEL_API, TEMP_PREFIX, officeRun, tempSheetName } from "./adapter";
export type { ExcelAdapterOptions, RunBatch } from "./adapter";
export { DEFAULT_BUDGET } from "./budget";
export type { Budget } from "./budget";

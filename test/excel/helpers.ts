// Shared helpers for the Office.js adapter tests: fake workbooks from raw tables, sync checks.
import * as path from "path";
import { RawTable } from "../../src/engine/table";
import { readXlsx } from "../xlsx";
import { FakeExcel, FakeOptions, FakeValue, SyncRecord } from "../fakes/excel";

export const FOUR_MB = 4 * 1024 * 1024;

export const SAMPLE = path.join(__dirname, "../../assets/sample/接诉即办-2023-示例.xlsx");
export const SMALL = path.join(__dirname, "../fixtures/small-2months.xlsx");

const cache = new Map<string, Promise<RawTable[]>>();

/** The raw tables of an .xlsx (read once per test file). */
export function tablesOf(file: string): Promise<RawTable[]> {
  if (!cache.has(file)) cache.set(file, Promise.resolve(readXlsx(file).tables));
  return cache.get(file)!;
}

export function fakeFrom(tables: RawTable[], options: FakeOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  for (const t of tables)
    fake.addSheet(t.name, t.values as (FakeValue | null)[][], { row: t.firstRow, col: t.firstCol });
  return fake;
}

export function expectWithinLimits(syncs: SyncRecord[]): void {
  for (const s of syncs) {
    expect(s.requestBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(s.responseBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(s.requestCells).toBeLessThanOrEqual(5_000_000);
    expect(s.responseCells).toBeLessThanOrEqual(5_000_000);
  }
}

/** Index of the first row that differs (JSON), or -1; cheaper than toEqual on 2 million cells. */
export function firstDifference(a: unknown[][], b: unknown[][]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return i;
  return -1;
}

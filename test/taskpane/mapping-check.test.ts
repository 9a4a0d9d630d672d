// The pane checks how the inputs are found (the 列映射 step) before each run. When nothing needs a
// step, the run takes the check's reading of the workbook instead of reading it a second time
// (about a second for a year of tickets in the browser, issue 24) — and its results are those of a
// run without the check. When the check had to read something else (a suggested sheet), the run
// reads for itself.
import path from "path";
import * as read from "../../src/engine/read";
import { toSummaryJson } from "../../src/engine/summary";
import { createHandler, RunOptions } from "../../src/taskpane/engine/protocol";
import type { AuditResult } from "../../src/engine/audit";
import { RawTable } from "../../src/engine/table";
import { readXlsx } from "../xlsx";

const SAMPLE = path.join(__dirname, "../../assets/sample/接诉即办-2023-示例.xlsx");
const FIXTURES = path.join(__dirname, "../fixtures");
const OPTIONS: RunOptions = { lang: "zh", runAt: "2026-12-03 10:00:00", readings: false };

async function run(tables: RawTable[], checkMapping: boolean) {
  const handle = createHandler(() => undefined);
  const spy = jest.spyOn(read, "readWorkbook");
  try {
    const res = await handle({ op: "audit", tables, options: { ...OPTIONS, checkMapping } });
    if (!res.ok) throw new Error(res.failure.messageEn);
    const value = res.value as { result?: AuditResult };
    return { result: value.result, reads: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

test.each([
  ["the sample (with a 说明 sheet no input is read from)", SAMPLE],
  ["a monthly export with its 列映射", path.join(FIXTURES, "export-monthly.xlsx")],
  ["a year with problems", path.join(FIXTURES, "year-messy.xlsx")],
])("%s: read once, the same results as a run without the check", async (_name, file) => {
  const tables = readXlsx(file).tables;
  const checked = await run(tables, true);
  const plain = await run(tables, false);
  expect(plain.reads).toBe(1);
  expect(checked.reads).toBe(1);
  expect(toSummaryJson(checked.result!)).toEqual(toSummaryJson(plain.result!));
});

test("a sheet the check had to suggest: the run stops with the plan (its reading is not the run's)", async () => {
  // 工单 under a name no rule knows: the check suggests it, so its reading is not the run's
  const tables = readXlsx(SAMPLE).tables.map((t) =>
    t.name === "工单" ? { ...t, name: "明细" } : t
  );
  const handle = createHandler(() => undefined);
  const res = await handle({ op: "audit", tables, options: { ...OPTIONS, checkMapping: true } });
  if (!res.ok) throw new Error(res.failure.messageEn);
  expect(res.value).toHaveProperty("plan");
  expect((res.value as { plan: { needed: boolean } }).plan.needed).toBe(true);
});

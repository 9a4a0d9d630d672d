/** @jest-environment jsdom */
// The 列映射 step in the pane (issue 20): a monthly export without a 列映射 opened in file mode; a
// run shows the step (13 monthly sheets found by their headers, 退回次数 suggested for 派单准确
// with its reason, the 1/blank flags); confirming writes 列映射 and runs: the totals are the
// fixture's; the downloaded copy carries 列映射 and runs straight away. Excel mode: the step's rows
// are written through the adapter. A workbook whose columns are all found never shows the step.
import * as React from "react";
import { readFileSync } from "fs";
import path from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { App } from "../../src/taskpane/components/App";
import { EngineClient } from "../../src/taskpane/engine/client";
import { ExcelSession } from "../../src/taskpane/session";
import { renderFilePane, xlsxFile } from "./file-pane";
import { formatYuan } from "../../src/engine/money";
import { choiceRows, initialChoice } from "../../src/engine/mapping-choice";
import { expectedOf } from "../fixture-checks";
import { adapterOn } from "../excel/client";
import { fakeFrom } from "../excel/helpers";
import type { RawTable } from "../../src/engine/table";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { nodeCodec } from "../../src/cli/node";

const MONTHLY = path.join(__dirname, "..", "fixtures", "export-monthly.xlsx");
const WIDE = path.join(__dirname, "..", "fixtures", "export-wide.xlsx");
const EXPECTED = expectedOf("export-monthly").expected;
const yuan = (v: string | number) => formatYuan(Math.round(Number(v) * 100));

let bare: Uint8Array;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(MONTHLY) as unknown as ArrayBuffer);
  wb.removeWorksheet(wb.getWorksheet("列映射")!.id);
  bare = new Uint8Array(await wb.xlsx.writeBuffer());
}, 60_000);

const setup = () => renderFilePane();

test("file mode: the step for a monthly export, confirmed as suggested, gives the fixture's totals and a copy with 列映射", async () => {
  const { saved, user } = setup();
  await user.upload(screen.getByTestId("open-workbook"), xlsxFile(bare, "月度导出.xlsx"));
  await screen.findByText(/未找到名为“工单”/, {}, { timeout: 20000 });
  await user.click(screen.getByTestId("run"));
  const step = await screen.findByTestId("mapping-step", {}, { timeout: 30000 });
  // nothing was computed: no totals
  expect(screen.queryByTestId("total-deductions")).toBeNull();
  const tickets = within(step).getByTestId("map-input-tickets");
  expect(tickets.textContent).toContain("2023年01月；2023年02月… 共 13 张（按表头识别（建议））");
  // 派单准确: 退回次数 suggested first, with its reason; its 值映射 offered
  const dispatch = within(tickets).getByTestId(
    "map-header-tickets.dispatch_correct"
  ) as HTMLSelectElement;
  expect(dispatch.value).toBe("退回次数");
  expect(dispatch.options[1].textContent).toBe("退回次数（建议）");
  expect(within(tickets).getByTestId("map-field-tickets.dispatch_correct").textContent).toContain(
    "退回即派单不准确"
  );
  expect(
    (within(tickets).getByTestId("map-values-tickets.dispatch_correct") as HTMLInputElement).value
  ).toBe("0=是；其他=否");
  expect(
    (within(tickets).getByTestId("map-values-tickets.key_case") as HTMLInputElement).value
  ).toBe("1=是；空=否");
  expect(within(step).getByTestId("map-input-staff").textContent).toContain("人员名单");

  await user.click(screen.getByTestId("mapping-confirm"));
  const total = await screen.findByTestId("total-deductions", {}, { timeout: 60000 });
  expect(total.textContent).toBe(yuan(EXPECTED.totals.deductions));
  expect(screen.getByTestId("installment3-payable").textContent).toBe(
    yuan(EXPECTED.totals.installment3Payable)
  );
  expect(screen.queryByTestId("mapping-step")).toBeNull();
  // a second run does not ask again
  await user.click(screen.getByTestId("run"));
  await waitFor(() => expect(screen.getByTestId("total-deductions")).toBeTruthy(), {
    timeout: 60000,
  });
  expect(screen.queryByTestId("mapping-step")).toBeNull();

  await user.click(screen.getByTestId("download-result"));
  await waitFor(() => expect(saved).toHaveLength(1));
  const copy = XlsxWorkbook.open(saved[0].bytes, nodeCodec);
  expect(copy.sheetNames()).toContain("列映射");
  const [map] = copy.readTablesSync(["列映射"]);
  const text = map.values.map((r) => (r ?? []).join("|")).join("\n");
  expect(text).toContain("工单|派单准确|退回次数|0=是；其他=否");
  // every row below the header is confirmed: none is left marked 待核对
  const header = map.values.findIndex((r) => r?.[1] === "字段");
  const notes = map.values.slice(header + 1).map((r) => String(r?.[4] ?? ""));
  expect(notes.length).toBeGreaterThan(4);
  expect(notes.every((n) => n.startsWith("已在任务窗格核对"))).toBe(true);
  expect(text).toContain("工单|重点诉求|是否重点|1=是；空=否|已在任务窗格核对：1 为是、空为否");
}, 180_000);

test("file mode: a workbook whose columns are all found runs without the step", async () => {
  const { user } = setup();
  await user.upload(
    screen.getByTestId("open-workbook"),
    xlsxFile(readFileSync(WIDE), "export-wide.xlsx")
  );
  await screen.findByText(/工单 · /, {}, { timeout: 20000 });
  await user.click(screen.getByTestId("run"));
  const total = await screen.findByTestId("total-deductions", {}, { timeout: 60000 });
  expect(total.textContent).toBe(yuan(expectedOf("export-wide").expected.totals.deductions));
  expect(screen.queryByTestId("mapping-step")).toBeNull();
}, 120_000);

test("the step: a sheet unticked is planned again and offered back; skip runs without writing and does not ask again", async () => {
  const { user, saved } = setup();
  await user.upload(screen.getByTestId("open-workbook"), xlsxFile(bare, "月度导出.xlsx"));
  await screen.findByText(/未找到名为“工单”/, {}, { timeout: 20000 });
  await user.click(screen.getByTestId("run"));
  const step = await screen.findByTestId("mapping-step", {}, { timeout: 30000 });
  // untick the thirteenth monthly sheet: the plan is made again with twelve
  await user.click(within(step).getByTestId("map-sheet-tickets-2024年01月"));
  await waitFor(() =>
    expect(within(screen.getByTestId("map-input-tickets")).getByText(/共 12 张/)).toBeTruthy()
  );
  // the sheet is offered back as a candidate
  expect(
    (within(step).getByTestId("map-sheet-tickets-2024年01月") as HTMLInputElement).checked
  ).toBe(false);
  await user.click(screen.getByTestId("mapping-skip"));
  // without a 列映射 the run cannot find the tickets: it says so, and nothing was written
  await screen.findByTestId("run-error", {}, { timeout: 30000 });
  await user.click(screen.getByTestId("run"));
  expect(screen.queryByTestId("mapping-step")).toBeNull();
  expect(saved).toHaveLength(0);
}, 120_000);

test("Excel mode: the step's rows are written as 列映射 through the adapter; the run then gives the fixture's totals", async () => {
  const tables: RawTable[] = (() => {
    const wb = XlsxWorkbook.open(readFileSync(MONTHLY), nodeCodec);
    return wb.readTablesSync(wb.sheetNames()).filter((t) => t.name !== "列映射");
  })();
  const fake = fakeFrom(tables);
  const before = tables.map((t) => fake.snapshot(t.name));
  const session = new ExcelSession(adapterOn(fake), new EngineClient(false));
  const signal = new AbortController().signal;
  const opts = {
    lang: "zh" as const,
    runAt: "2026-12-03 10:00:00",
    readings: false,
    checkMapping: true,
  };
  const first = await session.run(opts, () => undefined, signal);
  if (!("plan" in first)) throw new Error("expected the 列映射 step");
  await session.saveMapping(choiceRows(first.plan, initialChoice(first.plan)));
  const names = (await session.listSheets()).map((s) => s.name);
  expect(names).toContain("列映射");
  const second = await session.run(opts, () => undefined, signal);
  if (!("result" in second)) throw new Error("the confirmed 列映射 needs no step");
  expect(second.result.settlement.totals.deductions).toBe(
    Math.round(Number(EXPECTED.totals.deductions) * 100)
  );
  // the input sheets were never written
  expect(tables.map((t) => fake.snapshot(t.name))).toEqual(before);
}, 120_000);

test("模板: a 列映射 sheet with its headers, notes and the 表 drop-down is inserted on request; an empty one changes no total", async () => {
  const { user, saved } = setup();
  const small = readFileSync(path.join(__dirname, "..", "fixtures", "small-2months.xlsx"));
  await user.upload(screen.getByTestId("open-workbook"), xlsxFile(small, "small.xlsx"));
  await screen.findByText(/工单 · 411 行/, {}, { timeout: 20000 });
  await user.click(screen.getByRole("tab", { name: "模板" }));
  const box = screen.getByRole("checkbox", { name: /^列映射 ColumnMap/ }) as HTMLInputElement;
  // not chosen at first: a workbook of the template's shape needs none
  expect(box.checked).toBe(false);
  await user.click(box);
  await user.click(screen.getByTestId("insert-templates"));
  expect(await screen.findByText("已插入：列映射")).toBeTruthy();
  await user.click(screen.getByRole("tab", { name: "核查" }));
  const asOf = screen.getByTestId("as-of") as HTMLInputElement;
  await user.clear(asOf);
  await user.type(asOf, "2023-02-28");
  await user.click(screen.getByTestId("run"));
  expect((await screen.findByTestId("total-deductions", {}, { timeout: 30000 })).textContent).toBe(
    "¥2,200.00"
  );
  await user.click(screen.getByTestId("download-result"));
  await waitFor(() => expect(saved).toHaveLength(1));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(saved[0].bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("列映射")!;
  expect([1, 2, 3, 4, 5].map((c) => ws.getCell(1, c).value)).toEqual([
    "表",
    "字段",
    "来源",
    "值映射",
    "说明",
  ]);
  expect(String(ws.getCell(1, 4).note ? JSON.stringify(ws.getCell(1, 4).note) : "")).toContain(
    "0=是；其他=否"
  );
  expect(ws.getCell(2, 1).dataValidation?.formulae?.[0]).toContain("工单");
}, 120_000);

test("Excel mode in the pane: Run shows the step, confirming writes 列映射 into the workbook and runs", async () => {
  const wb = XlsxWorkbook.open(readFileSync(MONTHLY), nodeCodec);
  const tables = wb.readTablesSync(wb.sheetNames()).filter((t) => t.name !== "列映射");
  const fake = fakeFrom(tables);
  const session = new ExcelSession(adapterOn(fake), new EngineClient(false));
  const user = userEvent.setup();
  render(<App mode="excel" session={session} lang="zh" now={() => "2026-12-03 09:00:00"} />);
  await screen.findByText(/未找到名为“工单”/, {}, { timeout: 20000 });
  await user.click(screen.getByTestId("run"));
  await screen.findByTestId("mapping-step", {}, { timeout: 30000 });
  expect(fake.findSheet("列映射")).toBeUndefined();
  await user.click(screen.getByTestId("mapping-confirm"));
  const total = await screen.findByTestId("total-deductions", {}, { timeout: 60000 });
  expect(total.textContent).toBe(yuan(EXPECTED.totals.deductions));
  const values = fake.officeValues("列映射").map((r) => r.join("|"));
  expect(values).toContain(
    "工单|派单准确|退回次数|0=是；其他=否|已在任务窗格核对：退回即派单不准确：0 次为“是”，其他为“否”"
  );
}, 120_000);

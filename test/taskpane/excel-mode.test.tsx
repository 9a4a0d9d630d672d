/** @jest-environment jsdom */
// The pane in Excel mode, the whole flow against the fake Excel API (Office.js mocked only at the
// adapter boundary): sheets found, run, results written, rule and issue clicks select cells,
// thresholds saved into 规则参数 and used by the next run, templates inserted, inputs untouched.
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { adapterOn } from "../excel/client";
import { RESULT_SHEET_NAMES } from "../../src/engine/sheets";
import { App } from "../../src/taskpane/components/App";
import { EngineClient } from "../../src/taskpane/engine/client";
import { ExcelSession } from "../../src/taskpane/session";
import { SMALL, fakeFrom, tablesOf } from "../excel/helpers";

async function setup() {
  const tables = await tablesOf(SMALL);
  const fake = fakeFrom(tables.filter((t) => t.name !== "安全事故"));
  const before = new Map(fake.sheets.map((s) => [s.name, fake.snapshot(s.name)]));
  const session = new ExcelSession(adapterOn(fake), new EngineClient(false));
  render(<App mode="excel" session={session} lang="zh" now={() => "2026-01-01 09:00:00"} />);
  const user = userEvent.setup();
  await screen.findByText("工单 · 411 行", {}, { timeout: 15000 });
  return { fake, before, user };
}

async function runAsOf(user: ReturnType<typeof userEvent.setup>, date: string) {
  const asOf = screen.getByTestId("as-of");
  await user.clear(asOf);
  await user.type(asOf, date);
  await user.click(screen.getByTestId("run"));
}

test("run: reads the sheets, writes the seven result sheets, never touches an input sheet", async () => {
  const { fake, before, user } = await setup();
  expect(screen.getByText("未找到 安全事故：C9 不予评价")).toBeTruthy();
  await runAsOf(user, "2023-02-28");
  await screen.findByTestId("total-deductions", {}, { timeout: 30000 });
  expect(screen.getByTestId("total-deductions").textContent).toBe("¥2,200.00");
  expect(screen.getByTestId("installment3-payable").textContent).toBe("¥797,799.20");
  expect(screen.getByText("结果已写入九张结果表（结算确认单 … 运行记录）。")).toBeTruthy();
  const names = fake.sheets.map((s) => s.name);
  for (const n of RESULT_SHEET_NAMES) expect(names.filter((x) => x === n)).toHaveLength(1);
  for (const [name, snap] of before) expect(fake.snapshot(name)).toBe(snap);
  // a rule opens its rows in KPI明细
  await user.click(screen.getByRole("button", { name: "在 KPI明细 中查看 R2" }));
  await waitFor(() =>
    expect(fake.selection).toEqual({
      sheet: "KPI明细",
      address: expect.stringMatching(/^A\d+:O\d+$/),
    })
  );
  // every row of R2 (one per month of the window: 13), and only those
  const [from, to] = fake.selection!.address.split(":").map((a) => Number(a.slice(1)));
  const kpiRows = fake.officeValues("KPI明细");
  expect(to - from + 1).toBe(13);
  for (let r = from; r <= to; r++) expect(kpiRows[r - 1][0]).toBe("R2");
  expect(kpiRows[from - 2][0]).not.toBe("R2");
  expect(kpiRows[to][0]).not.toBe("R2");
  // the selected block spans the table's 15 columns exactly
  expect(kpiRows[2].length).toBe(15);
  // an issue selects its cell
  await user.click(screen.getByRole("tab", { name: /问题/ }));
  await user.click(screen.getByRole("button", { name: "定位到 工单!C237" }));
  await waitFor(() => expect(fake.selection).toEqual({ sheet: "工单", address: "C237" }));
  // on a hidden sheet Excel cannot go there: the pane says why, and leaves the sheet hidden
  fake.sheet("工单").visibility = "Hidden";
  fake.selection = null;
  await user.click(screen.getByRole("button", { name: "定位到 工单!C237" }));
  expect((await screen.findByText(/工作表“工单”已隐藏：请先取消隐藏/)).textContent).toContain(
    "C237"
  );
  expect(fake.selection).toBeNull();
  expect(fake.sheet("工单").visibility).toBe("Hidden");
  fake.sheet("工单").visibility = "Visible";
  // the auditor's question: have the inputs changed since the results were written?
  await user.click(screen.getByRole("tab", { name: "核查" }));
  await user.click(screen.getByTestId("verify"));
  expect((await screen.findByTestId("verify-result")).textContent).toContain(
    "结果写入后输入未改动"
  );
  fake.sheet("付款").set(1, 6, 1599998.41); // G2: 付款金额 of installment 1
  await user.click(screen.getByTestId("verify"));
  await waitFor(() =>
    expect(screen.getByTestId("verify-result").textContent).toContain("结果写入后输入已改动：付款")
  );
}, 90000);

test("a second run replaces the result sheets", async () => {
  const { fake, user } = await setup();
  await runAsOf(user, "2023-02-28");
  await screen.findByTestId("total-deductions", {}, { timeout: 30000 });
  const firstIds = RESULT_SHEET_NAMES.map((n) => fake.sheets.find((s) => s.name === n)!.id);
  await user.click(screen.getByTestId("run"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull(), { timeout: 30000 });
  await screen.findByTestId("total-deductions", {}, { timeout: 30000 });
  const secondIds = RESULT_SHEET_NAMES.map((n) => fake.sheets.find((s) => s.name === n)!.id);
  for (let i = 0; i < firstIds.length; i++) expect(secondIds[i]).not.toBe(firstIds[i]);
  const names = fake.sheets.map((s) => s.name);
  for (const n of RESULT_SHEET_NAMES) expect(names.filter((x) => x === n)).toHaveLength(1);
  expect(names.some((n) => n.startsWith("~"))).toBe(false);
}, 90000);

test("thresholds saved into 规则参数 travel with the workbook and drive the next run", async () => {
  const { fake, user } = await setup();
  await user.click(screen.getByRole("tab", { name: "参数" }));
  const input = within(screen.getByTestId("param-r1.unit")).getByRole("textbox");
  await user.clear(input);
  await user.type(input, "300");
  await user.click(screen.getByTestId("save-params"));
  await screen.findByText("已保存到“规则参数”表。");
  const sheet = fake.officeValues("规则参数");
  const row = sheet.find((r) => r[0] === "r1.unit")!;
  expect(row[1]).toBe("300.00");
  expect(row[2]).toBe("200.00");
  await user.click(screen.getByRole("tab", { name: "核查" }));
  await runAsOf(user, "2023-02-28");
  await screen.findByTestId("total-deductions", {}, { timeout: 30000 });
  // the one failing R1 day now costs ¥300
  expect(screen.getByTestId("total-deductions").textContent).toBe("¥2,300.00");
}, 90000);

test("templates: the missing sheet is created with headers; existing sheets stay as they were", async () => {
  const { fake, before, user } = await setup();
  await user.click(screen.getByRole("tab", { name: "模板" }));
  await user.click(screen.getByTestId("insert-templates"));
  await screen.findByText("已插入：安全事故");
  expect(fake.officeValues("安全事故")[0]).toEqual(["日期", "事项"]);
  for (const [name, snap] of before) expect(fake.snapshot(name)).toBe(snap);
  await user.click(screen.getByRole("tab", { name: "核查" }));
  expect(screen.queryByText(/未找到 安全事故/)).toBeNull();
}, 60000);

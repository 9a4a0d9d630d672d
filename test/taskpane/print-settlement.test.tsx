/** @jest-environment jsdom */
// 结算确认单 printed from the pane (issue 22): after a run a button beside the settlement
// conclusion. In Excel it opens the sheet (Office.js cannot print) and says how to print it; a
// file in a browser gets a print view of the same sheet — the same cells as the audited copy's
// 结算确认单 — and the browser's print. Both driven through the pane as a user would.
import * as React from "react";
import { readFileSync } from "fs";
import path from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { adapterOn } from "../excel/client";
import { App } from "../../src/taskpane/components/App";
import { EngineClient } from "../../src/taskpane/engine/client";
import { ExcelSession, FileSession } from "../../src/taskpane/session";
import { formatYuan, toChineseCapital } from "../../src/engine/money";
import { SMALL, fakeFrom, tablesOf } from "../excel/helpers";

const FIXTURE = path.join(__dirname, "..", "fixtures", "small-2months.xlsx");
const SHEET = "结算确认单";

let print: jest.SpyInstance;
beforeEach(() => {
  print = jest.spyOn(window, "print").mockImplementation(() => {});
});
afterEach(() => {
  print.mockRestore();
});

async function runAsOf(user: ReturnType<typeof userEvent.setup>, date: string) {
  const asOf = screen.getByTestId("as-of") as HTMLInputElement;
  await user.clear(asOf);
  await user.type(asOf, date);
  await user.click(screen.getByTestId("run"));
  await screen.findByTestId("total-deductions", {}, { timeout: 30000 });
}

/** Every value the audited copy's 结算确认单 shows, as text (amounts as its ¥ format shows them). */
async function sheetTexts(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET)!;
  const out: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (typeof v === "string") out.push(v);
      else if (typeof v === "number")
        out.push(cell.numFmt?.includes("¥") ? formatYuan(Math.round(v * 100)) : String(v));
      else if (v && typeof v === "object" && "text" in v) out.push(String(v.text));
    })
  );
  return out;
}

test("file mode: the button prints a view of 结算确认单 with the same content as the audited copy", async () => {
  const saved: Uint8Array[] = [];
  render(
    <App
      mode="file"
      openFile={(b, name) => FileSession.open(b, name, new EngineClient(false))}
      lang="zh"
      now={() => "2026-01-01 09:00:00"}
      save={(b) => saved.push(b)}
    />
  );
  const user = userEvent.setup();
  const file = new File([readFileSync(FIXTURE)], "small-2months.xlsx");
  await user.upload(screen.getByTestId("open-workbook"), file);
  await screen.findByText(/工单 · 411 行/, {}, { timeout: 15000 });
  expect(screen.queryByTestId("print-settlement")).toBeNull();
  await runAsOf(user, "2023-02-28");

  // the button sits in the conclusion box; nothing is printed before it is pressed
  const button = within(screen.getByTestId("conclusion")).getByTestId("print-settlement");
  expect(button.textContent).toBe("打印结算确认单");
  expect(screen.queryByTestId("print-view")).toBeNull();
  await user.click(button);
  const view = await screen.findByTestId("print-view");
  expect(print).toHaveBeenCalledTimes(1);
  expect(screen.getByTestId("print-hint").textContent).toContain("另存为 PDF");

  // in the page beside the pane, not inside it (printing hides everything else in the body)
  expect(view.parentElement).toBe(document.body);
  expect(screen.getByTestId("conclusion").contains(view)).toBe(false);
  const css = view.querySelector("style")!.textContent!;
  expect(css).toMatch(/@page \{ size: A4 portrait; margin: 0\.6in 0\.5in 0\.75in 0\.5in;/);
  expect(css).toMatch(/@media screen \{ \.hcc-print-view \{ display: none !important; \} \}/);
  expect(css).toMatch(
    /@media print \{[^]*body > :not\(\.hcc-print-view\) \{ display: none !important; \}/
  );

  // the conclusion figures as the pane shows them, with their 大写
  const text = view.textContent!;
  expect(view.querySelector("h1")!.textContent).toContain("结算确认单（2023 年度）");
  const row = (label: string) =>
    Array.from(view.querySelectorAll("tr")).find(
      (tr) => tr.querySelector("td")?.textContent === label
    )!;
  const final = row("最终决算价款");
  expect(screen.getByTestId("settlement").textContent).toBe("¥3,997,796.00");
  const cells = Array.from(final.querySelectorAll("td")).map((td) => td.textContent);
  expect(cells).toEqual(["最终决算价款", "¥3,997,796.00", toChineseCapital(399779600)]);
  expect(cells[2]).toBe("叁佰玖拾玖万柒仟柒佰玖拾陆元整");
  // the amount right-aligned and bold, the 大写 set in from it and running to the last column
  const [, amount, words] = Array.from(final.querySelectorAll("td"));
  expect(amount.className).toContain("num");
  expect(amount.className).toContain("b");
  expect(words.className).toContain("gap");
  expect(words.colSpan).toBe(3);
  expect(row("甲方应付尾款（第3期）").querySelectorAll("td")[1].textContent).toBe("¥797,799.20");
  // the deductions table with its header, and the seal row with its room
  const headers = Array.from(view.querySelectorAll("tr.head th")).map((th) => th.textContent);
  expect(headers).toEqual(["考核细则", "指标", "次数", "扣款金额", "明细"]);
  const r1 = Array.from(view.querySelectorAll("tr")).find((tr) =>
    tr.textContent!.includes("诉求处置时效")
  )!;
  expect(Array.from(r1.querySelectorAll("td")).map((td) => td.textContent)).toEqual([
    "第1项 工单处理",
    "诉求处置时效（案件不过夜）",
    "1",
    "¥200.00",
    "扣款明细 R1",
  ]);
  const seal = row("甲方（盖章）");
  expect(seal.querySelector("td")!.style.height).toBe("7.8em");
  expect(text).toContain("乙方（签字、盖章）");
  expect(text).toContain("甲方负责人（签字）");
  // the footer: sheet, the audited copy's name, as-of date and the tickets fingerprint
  const footer = screen.getByTestId("print-footer").textContent!;
  expect(footer).toContain("结算确认单 · small-2months-2023年度核查.xlsx");
  expect(footer).toMatch(/评价截止 2023-02-28 · 工单指纹 [0-9a-f]{8}/);
  expect(footer).not.toMatch(/&|第 {2}页/);

  // same content: every value of the audited copy's 结算确认单 is in the print view
  await user.click(screen.getByTestId("download-result"));
  await waitFor(() => expect(saved).toHaveLength(1));
  const written = await sheetTexts(saved[0]);
  expect(written.length).toBeGreaterThan(60);
  const missing = written.filter((w) => !text.includes(w));
  expect(missing).toEqual([]);

  // a changed parameter makes the results stale: no printing them until the next run
  await user.click(screen.getByRole("tab", { name: "参数" }));
  const input = within(screen.getByTestId("param-r1.unit")).getByRole("textbox");
  await user.clear(input);
  await user.type(input, "300");
  await user.click(screen.getByTestId("save-params"));
  await screen.findByText("已保存到“规则参数”表。");
  await user.click(screen.getByRole("tab", { name: "核查" }));
  expect((screen.getByTestId("print-settlement") as HTMLButtonElement).disabled).toBe(true);
  expect(screen.queryByTestId("print-view")).toBeNull();
  expect(screen.queryByTestId("print-hint")).toBeNull();
}, 90000);

/** The pane in Excel mode on the small fixture, run as of 2023-02-28: the fake workbook. */
async function excelRun(user: ReturnType<typeof userEvent.setup>) {
  const fake = fakeFrom(await tablesOf(SMALL));
  const session = new ExcelSession(adapterOn(fake), new EngineClient(false));
  render(<App mode="excel" session={session} lang="zh" now={() => "2026-01-01 09:00:00"} />);
  await screen.findByText("工单 · 411 行", {}, { timeout: 15000 });
  // no printing before a run
  expect(screen.queryByTestId("print-settlement")).toBeNull();
  await runAsOf(user, "2023-02-28");
  return fake;
}

test("Excel mode: the button opens 结算确认单 at A1 and says to print with Ctrl+P", async () => {
  const user = userEvent.setup();
  const fake = await excelRun(user);
  fake.selection = null;
  await user.click(screen.getByTestId("print-settlement"));
  await waitFor(() => expect(fake.selection).toEqual({ sheet: SHEET, address: "A1" }));
  const hint = await screen.findByTestId("print-hint");
  expect(hint.textContent).toContain("Ctrl+P");
  expect(hint.textContent).toContain("文件 → 打印");
  // Office.js has no print call: nothing pretends to print
  expect(print).not.toHaveBeenCalled();
  expect(screen.queryByTestId("print-view")).toBeNull();
  // in English too
  await user.click(screen.getByRole("button", { name: "Switch to English" }));
  expect(screen.getByTestId("print-settlement").textContent).toBe("Print settlement");
  expect(screen.getByTestId("print-hint").textContent).toContain("press Ctrl+P");
}, 90000);

test("Excel mode: a hidden 结算确认单 is said so, and no print hint is shown", async () => {
  const user = userEvent.setup();
  const fake = await excelRun(user);
  fake.sheet(SHEET).visibility = "Hidden";
  fake.selection = null;
  await user.click(screen.getByTestId("print-settlement"));
  expect((await screen.findByTestId("pane-fault")).textContent).toContain(
    "工作表“结算确认单”已隐藏"
  );
  expect(fake.selection).toBeNull();
  expect(screen.queryByTestId("print-hint")).toBeNull();
}, 90000);

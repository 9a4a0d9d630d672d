/** @jest-environment jsdom */
// The pane in file mode (no Office host), end to end in jsdom: open a fixture workbook, run,
// read the totals, download the audited copy; thresholds; issues; language; cancel.
import * as React from "react";
import { readFileSync } from "fs";
import path from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { App } from "../../src/taskpane/components/App";
import { EngineClient } from "../../src/taskpane/engine/client";
import { FileSession, AuditSession } from "../../src/taskpane/session";
import { RESULT_SHEET_NAMES } from "../../src/engine/sheets";
import { issueTitle } from "../../src/engine/issue-codes";
import { crowdedStyles } from "../file/crowded";

const FIXTURE = path.join(__dirname, "..", "fixtures", "small-2months.xlsx");
const bytes = readFileSync(FIXTURE);

function fileOf(name: string): File {
  return new File([bytes], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

function setup(lang: "zh" | "en" = "zh") {
  const sessions: AuditSession[] = [];
  const saved: { bytes: Uint8Array; name: string }[] = [];
  const openFile = async (b: ArrayBuffer, name: string) => {
    const s = await FileSession.open(b, name, new EngineClient(false));
    sessions.push(s);
    return s;
  };
  render(
    <App
      mode="file"
      openFile={openFile}
      lang={lang}
      now={() => "2026-01-01 09:00:00"}
      save={(b, name) => saved.push({ bytes: b, name })}
    />
  );
  return { sessions, saved, user: userEvent.setup() };
}

/** Opens small-2months (or `file`, a variant of it), sets the as-of date, does `before`, runs. */
async function openAndRun(
  user: ReturnType<typeof userEvent.setup>,
  opts: { file?: File; before?: () => Promise<void> } = {}
) {
  await user.upload(screen.getByTestId("open-workbook"), opts.file ?? fileOf("small-2months.xlsx"));
  await screen.findByText(/工单 · 411 行/, {}, { timeout: 15000 });
  const asOf = screen.getByTestId("as-of") as HTMLInputElement;
  await user.clear(asOf);
  await user.type(asOf, "2023-02-28");
  await opts.before?.();
  await user.click(screen.getByTestId("run"));
  await screen.findByTestId("total-deductions", {}, { timeout: 20000 });
}

test("KPI明细 only failing and pending: the switch writes the copy's KPI明细 filtered", async () => {
  const { saved, user } = setup();
  await openAndRun(user, {
    before: async () => {
      expect((screen.getByTestId("kpi-open-switch") as HTMLInputElement).checked).toBe(false);
      await user.click(screen.getByTestId("kpi-open-switch"));
    },
  });
  await user.click(screen.getByTestId("download-result"));
  await waitFor(() => expect(saved).toHaveLength(1));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(saved[0].bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("KPI明细")!;
  expect(String(ws.getCell("A2").value)).toContain("已筛选：只显示未达标与待定的");
  let hidden = 0;
  ws.eachRow((row, n) => {
    if (n > 3 && row.hidden) hidden++;
  });
  expect(hidden).toBeGreaterThan(0);
}, 60000);

test("open a workbook file, run, see the totals, download the audited copy", async () => {
  const { saved, user } = setup();
  await openAndRun(user);
  expect(screen.getByTestId("total-deductions").textContent).toBe("¥2,200.00");
  expect(screen.getByTestId("installment3-payable").textContent).toBe("¥797,799.20");
  expect(screen.getByTestId("refund-due").textContent).toBe("¥0.00");
  // the per-rule table: R1 one day, ¥200
  const r1 = screen.getByTestId("rule-R1");
  expect(within(r1).getByText("¥200.00")).toBeTruthy();
  // each rule with the annex item it comes from
  expect(screen.getByTestId("basis-R1").textContent).toBe("考核细则第1项");
  expect(screen.getByTestId("basis-R10").textContent).toBe("考核细则第9项");
  await user.click(screen.getByTestId("download-result"));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0].name).toBe("small-2months-2023年度核查.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(saved[0].bytes as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  for (const n of RESULT_SHEET_NAMES) expect(names).toContain(n);
  expect(names[0]).toBe("工单");
}, 60000);

test("after a run the settlement conclusion comes first and the sheet list folds to one line", async () => {
  const { user } = setup();
  await openAndRun(user);
  // 结算确认单's conclusion: installment 3 not paid by 2023-02-28, nothing to refund, so no net line
  const conclusion = screen.getByTestId("conclusion");
  expect(within(conclusion).getByTestId("pay-now").textContent).toBe("¥797,799.20");
  expect(within(conclusion).getByTestId("refund-due").textContent).toBe("¥0.00");
  expect(within(conclusion).queryByTestId("net-if-offset")).toBeNull();
  expect(within(conclusion).getByTestId("paid-so-far").textContent).toMatch(/^¥[\d,]+\.\d\d$/);
  // 最终决算价款 = the fee less the deductions
  expect(within(conclusion).getByText("最终决算价款")).toBeTruthy();
  expect(within(conclusion).getByTestId("settlement").textContent).toBe("¥3,997,796.00");
  // before the cards, the run's controls and the per-rule table in the document's order
  const order = ["conclusion", "total-deductions", "sheets-toggle", "run", "rule-R1"].map((id) =>
    screen.getByTestId(id)
  );
  for (let i = 1; i < order.length; i++)
    expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING
    );
  // the sheet list: one line that says how many were found, opened on a click
  const toggle = screen.getByTestId("sheets-toggle");
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  expect(toggle.textContent).toContain("输入工作表：已找到 12 张");
  expect(screen.queryByText(/工单 · 411 行/)).toBeNull();
  await user.click(toggle);
  expect(screen.getByText(/工单 · 411 行/)).toBeTruthy();
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
}, 60000);

test("a workbook with every input sheet reports none missing", async () => {
  const { user } = setup();
  await user.upload(screen.getByTestId("open-workbook"), fileOf("small-2months.xlsx"));
  await screen.findByText(/工单 · 411 行/, {}, { timeout: 15000 });
  // every sheet is present in this fixture: nothing is reported missing
  expect(screen.queryByText(/未找到/)).toBeNull();
}, 30000);

test("thresholds: a change is highlighted, an invalid value cannot be saved, saving changes the totals", async () => {
  const { user } = setup();
  await openAndRun(user);
  await user.click(screen.getByRole("tab", { name: "参数" }));
  const field = screen.getByTestId("param-r2.threshold");
  const input = within(field).getByRole("textbox");
  await user.clear(input);
  await user.type(input, "abc");
  expect(await screen.findByText("有无效的值，无法保存。")).toBeTruthy();
  expect((screen.getByTestId("save-params") as HTMLButtonElement).disabled).toBe(true);
  await user.clear(input);
  await user.type(input, "80");
  expect(within(field).getByText("已修改")).toBeTruthy();
  expect((screen.getByTestId("save-params") as HTMLButtonElement).disabled).toBe(false);
  await user.click(screen.getByTestId("save-params"));
  await screen.findByText("已保存到“规则参数”表。");
  await user.click(screen.getByRole("tab", { name: "核查" }));
  // the totals shown are the old run's: marked stale, and no download of results that no longer
  // match the parameters in the file
  expect(screen.getByTestId("total-deductions").textContent).toBe("¥2,200.00");
  expect(screen.getByTestId("stale-results").textContent).toContain("请重新运行核查");
  expect((screen.getByTestId("download-result") as HTMLButtonElement).disabled).toBe(true);
  await user.click(screen.getByTestId("run"));
  // R2 2023-02 (201/243 = 82.7%) now passes an 80% threshold: ¥500 less
  await waitFor(
    () => expect(screen.getByTestId("total-deductions").textContent).toBe("¥1,700.00"),
    { timeout: 20000 }
  );
  expect(screen.queryByTestId("stale-results")).toBeNull();
  expect((screen.getByTestId("download-result") as HTMLButtonElement).disabled).toBe(false);
  await user.click(screen.getByRole("tab", { name: "参数" }));
  await user.click(screen.getByTestId("reset-params"));
  expect(within(screen.getByTestId("param-r2.threshold")).getByRole("textbox")).toHaveProperty(
    "value",
    "90"
  );
}, 90000);

test("the Run tab also shows 尾款's status, the pending periods, the findings; a rule click says where to look", async () => {
  const { user } = setup();
  await openAndRun(user);
  // up to 2023-02-28 installment 3 waits for its conditions (guarantee, first acceptance): no due date yet
  expect(screen.getByRole("group", { name: "尾款应付（第3期）" }).textContent).toContain("待条件");
  // R2's months after February are pending at this as-of date (11 of the service's 12 months)
  expect(screen.getByTestId("pending-R2").textContent).toContain("待定 11 期");
  expect(screen.queryByTestId("pending-R1")).toBeNull();
  // the one compliance finding of the fixture: C7 (a day with too few people on duty)
  const findings = within(screen.getByTestId("findings"))
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatch(/^C7 .*（合同一（一）4） ?× 1$/);
  // file mode cannot select cells: the rule names the sheet and rows to look at
  await user.click(screen.getByRole("button", { name: "在 KPI明细 中查看 R1" }));
  expect(screen.getByTestId("where-to-look").textContent).toMatch(
    /下载核查结果后，在“KPI明细”表的 A\d+:O\d+ 查看 R1/
  );
  // under the rule clicked: the table's next row, not the top of the pane
  const hintRow = screen.getByTestId("rule-hint-R1");
  expect(screen.getByTestId("rule-R1").nextElementSibling).toBe(hintRow);
  expect(hintRow.contains(screen.getByTestId("where-to-look"))).toBe(true);
}, 90000);

test("readings: the ones that move money listed after a run; switched off, the run says so", async () => {
  const { user } = setup();
  await openAndRun(user);
  // small-2months moves money under one reading only (R8 in a partial month, RULES.md §5)
  const list = screen.getByTestId("readings");
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual(["若不足月也按整月要求培训：扣款 +¥500.00，尾款 −¥500.00，决算价款 −¥500.00"]);
  await user.click(screen.getByTestId("readings-switch"));
  await user.click(screen.getByTestId("run"));
  await waitFor(
    () => expect(within(screen.getByTestId("readings")).queryByRole("list")).toBeNull(),
    { timeout: 20000 }
  );
  expect(screen.getByTestId("readings").textContent).toContain("本次未计算口径对比");
  expect(screen.getByTestId("total-deductions").textContent).toBe("¥2,200.00");
}, 90000);

test("what-if: the totals with the values being edited, before anything is saved", async () => {
  const { user, sessions } = setup();
  await openAndRun(user);
  await user.click(screen.getByRole("tab", { name: "参数" }));
  const saved = jest.spyOn(sessions[0], "saveParams");
  const input = within(screen.getByTestId("param-r2.threshold")).getByRole("textbox");
  await user.clear(input);
  await user.type(input, "80");
  // R2 2023-02 passes at 80%: ¥500 less, shown per rule and in the totals, while nothing is saved
  const panel = await screen.findByTestId("what-if");
  await waitFor(
    () => expect(within(panel).getByTestId("what-if-扣款合计").textContent).toBe("¥1,700.00"),
    { timeout: 20000 }
  );
  expect(within(panel).getByTestId("what-if-rule-R2").textContent).toContain("−¥500.00");
  expect(within(panel).queryByTestId("what-if-rule-R1")).toBeNull();
  expect(saved).not.toHaveBeenCalled();
  // typing on is never blocked, and the panel follows the latest edit
  await user.clear(input);
  await user.type(input, "90");
  await waitFor(() => expect(screen.queryByTestId("what-if")).toBeNull());
  await user.click(screen.getByRole("tab", { name: "核查" }));
  expect(screen.getByTestId("total-deductions").textContent).toBe("¥2,200.00");
  expect(screen.queryByTestId("stale-results")).toBeNull();
}, 90000);

test("issues: listed after a run and filterable by level", async () => {
  const { user } = setup();
  await openAndRun(user);
  await user.click(screen.getByRole("tab", { name: /问题/ }));
  const rows = screen.getAllByTestId("issue-row");
  expect(rows.length).toBeGreaterThan(0);
  expect(screen.getByText(/工单!C237/)).toBeTruthy();
  const errorRows = rows.filter((r) => within(r).queryByText("错误") !== null).length;
  expect(errorRows).toBeGreaterThan(0);
  await user.selectOptions(screen.getByTestId("filter-level"), "error");
  const errors = screen.getAllByTestId("issue-row");
  // exactly the error rows remain
  expect(errors.length).toBe(errorRows);
  for (const r of errors) expect(within(r).getByText("错误")).toBeTruthy();
  // the kinds of issue are offered in words (with their counts), never as codes
  const kinds = within(screen.getByTestId("filter-code"))
    .getAllByRole("option")
    .slice(1) as HTMLOptionElement[];
  expect(kinds.length).toBeGreaterThan(0);
  for (const o of kinds) {
    expect(o.textContent).toMatch(new RegExp(`^${issueTitle(o.value, "zh")} \\(\\d+\\)$`));
    expect(o.textContent).toMatch(/[\u4e00-\u9fff]/);
  }
  await user.selectOptions(screen.getByTestId("filter-level"), "");
  await user.selectOptions(screen.getByTestId("filter-code"), kinds[0].value);
  const count = Number(kinds[0].textContent!.match(/\((\d+)\)$/)![1]);
  expect(screen.getAllByTestId("issue-row").length).toBe(Math.min(count, 500));
}, 60000);

test("English when the display language is not Chinese", async () => {
  setup("en");
  expect(screen.getByText("Open workbook")).toBeTruthy();
  expect(screen.getByText("Hotline contract check")).toBeTruthy();
});

test("a file that is not a workbook is named for what it is, in her words, with nothing else", async () => {
  const { user } = setup();
  // a .csv renamed to .xlsx (the picker only offers workbooks)
  const csv = new File(["工单编号,派单时间\nGD1,2023-01-01\n"], "工单.xlsx", { type: "text/csv" });
  await user.upload(screen.getByTestId("open-workbook"), csv);
  expect(
    await screen.findByText(/这是文本文件（如 \.csv），不是 Excel 工作簿/, {}, { timeout: 15000 })
  ).toBeTruthy();
  expect(screen.queryByText(/内部错误|internal error|jszip|Cannot read/i)).toBeNull();
}, 30000);

test("while a file opens: progress only, no sheet reported missing before it is read", async () => {
  let finish: () => void = () => undefined;
  const gate = new Promise<void>((r) => (finish = r));
  const openFile = async (b: ArrayBuffer, name: string) => {
    await gate;
    return FileSession.open(b, name, new EngineClient(false));
  };
  render(<App mode="file" openFile={openFile} lang="zh" now={() => "2026-01-01 09:00:00"} />);
  const user = userEvent.setup();
  await user.upload(screen.getByTestId("open-workbook"), fileOf("small-2months.xlsx"));
  expect(await screen.findByTestId("progress")).toBeTruthy();
  expect(screen.queryByText(/未找到/)).toBeNull();
  expect(screen.queryByText(/缺少“工单”/)).toBeNull();
  expect(screen.queryByTestId("run")).toBeNull();
  finish();
  await screen.findByText(/工单 · 411 行/, {}, { timeout: 15000 });
  expect(screen.queryByTestId("progress")).toBeNull();
}, 30000);

test("a workbook near Excel's limit of cell formats: the download says some cells are plainer", async () => {
  const { saved, user } = setup();
  // small-2months with 63,990 cell formats of its own
  const crowded = new File([crowdedStyles(new Uint8Array(bytes))], "格式多.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  await openAndRun(user, { file: crowded });
  expect(screen.queryByTestId("download-note")).toBeNull();
  await user.click(screen.getByTestId("download-result"));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect((await screen.findByTestId("download-note")).textContent).toMatch(
    /单元格格式已近 Excel 上限（64,000 种）：[\d,]+ 个结果单元格按较简单的格式写入/
  );
}, 90000);

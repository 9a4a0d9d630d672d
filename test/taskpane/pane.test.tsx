/** @jest-environment jsdom */
// Pane behaviour that does not depend on the workbook's content: missing sheets and what they
// cost, Cancel, templates, keyboard, accessible names, an invalid 规则参数 sheet.
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { computeAccessibleName } from "dom-accessibility-api";
import { App } from "../../src/taskpane/components/App";
import { langFor } from "../../src/taskpane/i18n";
import type { AuditSession, RunProgress } from "../../src/taskpane/session";
import { Cancelled, SheetInfo } from "../../src/workbook";
import { UserError } from "../../src/fault";
import { explainError } from "../../src/taskpane/explain";
import { groupOrder } from "../../src/taskpane/components/ParamsTab";
import { PARAM_KEYS, paramMeta } from "../../src/engine/params";
import { EngineFailure } from "../../src/taskpane/engine/client";
import type { SheetKey } from "../../src/engine/sheets";

class FakeSession implements AuditSession {
  readonly kind = "excel";
  readonly fileName = null;
  readonly canSelect = true;
  inserted: SheetKey[][] = [];
  selected: string[] = [];
  constructor(
    public sheets: SheetInfo[],
    private paramErrors: {
      key: string;
      message: string;
      messageEn: string;
      sheet?: string;
      cell?: string;
    }[] = []
  ) {}
  async listSheets() {
    return this.sheets;
  }
  async loadParams() {
    return { values: {}, errors: this.paramErrors, saved: null };
  }
  run(_o: unknown, onProgress: (p: RunProgress) => void, signal: AbortSignal): Promise<never> {
    onProgress({ stage: "reading", sheet: "工单", rowsRead: 5000, rowsTotal: 12345 });
    return new Promise((_, reject) =>
      signal.addEventListener("abort", () => reject(new Cancelled()))
    );
  }
  async saveParams() {}
  planMapping(): Promise<never> {
    return Promise.reject(new Error("no plan in this fake"));
  }
  async saveMapping() {}
  whatIf(): Promise<never> {
    return Promise.reject(new Error("no run in this fake"));
  }
  async verify() {
    return {
      audited: true,
      unchanged: false,
      items: [{ sheet: "工单", status: "changed" as const, stored: "a", current: "b" }],
    };
  }
  async insertTemplates(keys: SheetKey[]) {
    this.inserted.push(keys);
    this.sheets = [
      ...this.sheets,
      ...keys.map((k) => ({ name: k === "trainings" ? "培训" : k, rows: 1, columns: 4 })),
    ];
    return keys.map((k) => (k === "trainings" ? "培训" : k));
  }
  async selectCell(sheet: string, cell: string) {
    this.selected.push(`${sheet}!${cell}`);
  }
}

const SOME: SheetInfo[] = [
  { name: "工单", rows: 12346, columns: 19 },
  { name: "人员", rows: 25, columns: 10 },
];

test("the sheets found with row counts, and those missing with what that costs", async () => {
  render(<App mode="excel" session={new FakeSession(SOME)} lang="zh" />);
  expect(await screen.findByText("工单 · 12,345 行")).toBeTruthy();
  expect(screen.getByText("未找到 培训：R8、C10 不予评价")).toBeTruthy();
  expect(screen.getByText("未找到 质检：R5 不予评价")).toBeTruthy();
});

test("without a 工单 sheet the pane says so and that a run looks for the tickets by their headers", async () => {
  // a renamed 工单 (Sheet1): the run will look for it by its headers (the 列映射 step)
  render(
    <App
      mode="excel"
      session={
        new FakeSession([
          { name: "人员", rows: 3, columns: 10 },
          { name: "Sheet1", rows: 400, columns: 12 },
        ])
      }
      lang="zh"
    />
  );
  const msg = await screen.findByText(/未找到名为“工单”（或 Tickets）的工作表/);
  expect(msg.textContent).toContain("本工作簿中的工作表：人员、Sheet1");
  expect(msg.textContent).toContain("将按表头查找工单数据");
  expect((screen.getByTestId("run") as HTMLButtonElement).disabled).toBe(false);
});

test("a run shows its named stage, and Cancel stops it without writing", async () => {
  const user = userEvent.setup();
  render(<App mode="excel" session={new FakeSession(SOME)} lang="zh" />);
  await screen.findByText("工单 · 12,345 行");
  await user.click(screen.getByTestId("run"));
  expect(await screen.findAllByText("正在读取 工单 5,000/12,345 行…")).not.toHaveLength(0);
  await user.click(screen.getByTestId("cancel"));
  expect(await screen.findByText("已取消，未写入任何结果；原有结果表保持不变。")).toBeTruthy();
  expect(screen.queryByTestId("progress")).toBeNull();
});

describe("a bug in the pane (issue 11)", () => {
  /** A session whose run fails as a library does: its message quotes a cell. */
  class BuggySession extends FakeSession {
    override run(): Promise<never> {
      return Promise.reject(
        new TypeError("Cannot read properties of undefined (reading '13812345678 楼下噪音')")
      );
    }
  }

  test("shows one line and a report to copy, never the library's message or the cell", async () => {
    const user = userEvent.setup();
    const writeText = jest.fn(async (_t: string) => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<App mode="excel" session={new BuggySession(SOME)} lang="zh" />);
    await screen.findByText("工单 · 12,345 行");
    await user.click(screen.getByTestId("run"));
    const box = await screen.findByTestId("run-error");
    expect(box.textContent).toMatch(/内部错误（编号 E-[0-9A-F]{6}）/);
    expect(box.textContent).not.toMatch(/13812345678|噪音/);
    await user.click(screen.getByRole("button", { name: "复制报告" }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const report = writeText.mock.calls[0][0];
    expect(report).toContain("TypeError");
    expect(report).toContain("pane run");
    expect(report).not.toMatch(/13812345678|噪音/);
    expect(await screen.findByText(/报告已复制/)).toBeTruthy();
  });

  test("without a clipboard, the report is shown to select", async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new Error("denied")) },
      configurable: true,
    });
    render(<App mode="excel" session={new BuggySession(SOME)} lang="en" />);
    await screen.findByText(/工单/);
    await user.click(screen.getByTestId("run"));
    await user.click(await screen.findByRole("button", { name: "Copy report" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByTestId("fault-report").textContent).toContain("TypeError");
  });

  test("a message written for the user is shown as written, with no report", () => {
    const hidden = explainError(new UserError("工作表“人员”已隐藏 / hidden"), "zh", "x");
    expect(hidden).toEqual({ message: "工作表“人员”已隐藏 / hidden" });
    const engine = explainError(
      new EngineFailure("no-tickets", "没有工单", "no tickets", []),
      "en",
      "x"
    );
    expect(engine).toEqual({ message: "no tickets" });
    const bugged = explainError(new RangeError("Invalid array length 123456"), "en", "x");
    expect(bugged.message).toMatch(/^内部错误（编号 E-/);
    expect(bugged.report).toContain("RangeError: Invalid array length #");
  });
});

test("templates: inserts only the sheets chosen, for the missing ones", async () => {
  const user = userEvent.setup();
  const session = new FakeSession(SOME);
  render(<App mode="excel" session={session} lang="zh" />);
  await screen.findByText("工单 · 12,345 行");
  await user.click(screen.getByRole("tab", { name: "模板" }));
  // 工单 and 人员 exist: not offered
  expect(screen.queryByLabelText(/^工单 Tickets/)).toBeNull();
  await user.click(screen.getByLabelText("排班 Roster"));
  await user.click(screen.getByTestId("insert-templates"));
  await waitFor(() => expect(session.inserted).toHaveLength(1));
  expect(session.inserted[0]).not.toContain("roster");
  expect(session.inserted[0]).toContain("trainings");
  expect(await screen.findByText(/已插入：.*培训/)).toBeTruthy();
});

test("an invalid 规则参数 sheet is reported with the key and the cell", async () => {
  render(
    <App
      mode="excel"
      session={
        new FakeSession(SOME, [
          {
            key: "r2.threshold",
            message: "参数“r2.threshold”的值无效：不是比例：很高",
            messageEn: "invalid",
            sheet: "规则参数",
            cell: "B5",
          },
        ])
      }
      lang="zh"
    />
  );
  expect(await screen.findByText(/r2\.threshold.*规则参数!B5/)).toBeTruthy();
});

test("a focused tab opens with Enter, and every control has an accessible name", async () => {
  const user = userEvent.setup();
  render(<App mode="excel" session={new FakeSession(SOME)} lang="zh" />);
  await screen.findByText("工单 · 12,345 行");
  // a focused tab opens with Enter (Tab order and arrow keys are Tabster's, which jsdom cannot lay
  // out: the end-to-end test in Chromium drives the pane by keyboard)
  screen.getByRole("tab", { name: "参数" }).focus();
  await user.keyboard("{Enter}");
  expect(screen.getByRole("tab", { name: "参数" }).getAttribute("aria-selected")).toBe("true");
  // every button, input and select on the thresholds tab (the largest) is named
  const controls = [
    ...document.querySelectorAll(
      "button, input, select, [role=tab], [role=switch], [role=checkbox]"
    ),
  ];
  expect(controls.length).toBeGreaterThan(60);
  const unnamed = controls
    .filter((el) => computeAccessibleName(el).trim() === "")
    .map((el) => el.outerHTML.slice(0, 120));
  expect(unnamed).toEqual([]);
});

test("Chinese for a Chinese display language (or none), English otherwise", () => {
  expect(langFor("zh-CN")).toBe("zh");
  expect(langFor("zh-TW")).toBe("zh");
  expect(langFor(undefined)).toBe("zh");
  expect(langFor("en-US")).toBe("en");
  expect(langFor("de-DE")).toBe("en");
});

test("the pane follows Office's dark theme", async () => {
  const { container } = render(<App mode="excel" session={new FakeSession(SOME)} lang="zh" dark />);
  await screen.findByText("工单 · 12,345 行");
  const provider = container.querySelector(".fui-FluentProvider") as HTMLElement;
  // Fluent writes the theme's tokens as CSS variables; the dark theme's background is dark
  const css = [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
    .concat([...document.querySelectorAll("style")].map((st) => st.textContent ?? ""))
    .join("\n");
  const cls = [...provider.classList].find(
    (c) => c.startsWith("fui-FluentProvider") && c !== "fui-FluentProvider"
  )!;
  const rule = new RegExp(
    `\\.${cls}\\s*\\{[^}]*--colorNeutralBackground1:\\s*#([0-9a-f]{6})`,
    "i"
  ).exec(css);
  expect(rule).not.toBeNull();
  const rgb = parseInt(rule![1], 16);
  expect(((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255)).toBeLessThan(3 * 128);
});

test("every parameter has a place in the 参数 form: its group is one of the form's sections", () => {
  const groups = new Set(PARAM_KEYS.map((k) => paramMeta(k).group));
  expect([...groups].filter((g) => !groupOrder.includes(g))).toEqual([]);
  // privacy.maskPhones among them (it was only reachable through 规则参数 or --params)
  expect(groupOrder).toContain(paramMeta("privacy.maskPhones").group);
});

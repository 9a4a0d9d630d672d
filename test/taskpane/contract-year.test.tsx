/** @jest-environment jsdom */
// 参数 → 新合同年度 in the pane: the dates before and after, moved into the form, saved to 规则参数
// like any change; the next run uses them; the 模板 tab offers the 节假日 sheet (not chosen at first).
import { readFileSync } from "fs";
import path from "path";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderFilePane, xlsxFile } from "./file-pane";
import { XlsxWorkbook } from "../../src/file/workbook-file";
import { nodeCodec } from "../../src/cli/node";

const SMALL = readFileSync(path.join(__dirname, "..", "fixtures", "small-2months.xlsx"));

const setup = () => renderFilePane();

async function open(user: ReturnType<typeof userEvent.setup>) {
  await user.upload(screen.getByTestId("open-workbook"), xlsxFile(SMALL, "small.xlsx"));
  await screen.findByText(/工单 · 411 行/, {}, { timeout: 20000 });
}

test("新合同年度: every date shown before and after, moved into the form, saved to 规则参数, used by the run", async () => {
  const { user, saved } = setup();
  await open(user);
  await user.click(screen.getByRole("tab", { name: "参数" }));
  const box = screen.getByTestId("new-year");
  expect(box.textContent).toContain("当前考核年度 2023 年");
  const year = within(box).getByTestId("new-year-year") as HTMLInputElement;
  expect(year.value).toBe("2024");
  await user.clear(year);
  await user.type(year, "2026");
  await user.type(within(box).getByTestId("new-year-rank"), "24");
  expect(within(box).getByText(/请填 2023–2025 年的平均区级排名/)).toBeTruthy();
  const dates = within(box).getByTestId("new-year-dates").textContent!;
  expect(dates).toContain("服务期开始（含）：2023-01-23 → 2026-01-23");
  expect(dates).toContain(
    "第一次验收截止：评价日不晚于此日的扣款归第一次验收：2023-10-31 → 2026-10-31"
  );
  expect(dates).toContain("R10 基准排名（前三年平均）：26 → 24");
  await user.click(within(box).getByTestId("new-year-apply"));
  // in the form, marked as changed; nothing saved until Save
  const start = screen.getByTestId("param-service.start");
  expect((start.querySelector("input") as HTMLInputElement).value).toBe("2026-01-23");
  expect(start.textContent).toContain("已修改");
  await user.click(screen.getByTestId("save-params"));
  expect(await screen.findByText("已保存到“规则参数”表。")).toBeTruthy();
  // the run uses the new year: its as-of date follows the new service end
  await user.click(screen.getByRole("tab", { name: "核查" }));
  expect((screen.getByTestId("as-of") as HTMLInputElement).value).toBe("2027-01-22");
  await user.click(screen.getByTestId("run"));
  await screen.findByTestId("total-deductions", {}, { timeout: 30000 });
  await user.click(screen.getByTestId("download-result"));
  await waitFor(() => expect(saved).toHaveLength(1));
  const wb = XlsxWorkbook.open(saved[0].bytes, nodeCodec);
  const [params] = wb.readTablesSync(["规则参数"]);
  const text = params.values.map((r) => (r ?? []).join("|")).join("\n");
  expect(text).toMatch(/service\.start\|(2026-01-23|46045)/);
  expect(text).toMatch(/r10\.baselineRank\|24/);
}, 120_000);

test("模板: the 节假日 sheet is offered, not chosen at first, and not reported missing on the Run tab", async () => {
  const { user } = setup();
  await open(user);
  // an optional sheet is not reported missing on the Run tab
  expect(screen.queryByText(/未找到 节假日/)).toBeNull();
  await user.click(screen.getByRole("tab", { name: "模板" }));
  const box = screen.getByRole("checkbox", { name: /^节假日 Holidays/ }) as HTMLInputElement;
  expect(box.checked).toBe(false);
});

test("the 2025 sample (its own 规则参数) through the pane: the command line's totals", async () => {
  const { main } = await import("../../src/cli/main");
  const { mkdtempSync } = await import("fs");
  const { tmpdir } = await import("os");
  const fixture = path.join(__dirname, "..", "fixtures", "sample-2025.xlsx");
  const dir = mkdtempSync(path.join(tmpdir(), "pane-2025-"));
  const json = path.join(dir, "s.json");
  const io = { out: () => undefined, err: () => undefined };
  expect(await main([fixture, "--out", path.join(dir, "o.xlsx"), "--json", json], io)).toBe(0);
  const cli = JSON.parse(readFileSync(json, "utf8"));
  const { formatYuan } = await import("../../src/engine/money");
  const yuan = (v: string) => formatYuan(Math.round(Number(v) * 100));
  const { user } = setup();
  await user.upload(
    screen.getByTestId("open-workbook"),
    xlsxFile(readFileSync(fixture), "sample-2025.xlsx")
  );
  await screen.findByText(/工单 · /, {}, { timeout: 20000 });
  // the pane's header and the as-of date follow the workbook's 2025 contract
  expect(screen.getByText(/· 2025 年度 ·/)).toBeTruthy();
  expect((screen.getByTestId("as-of") as HTMLInputElement).value).toBe("2026-01-22");
  await user.click(screen.getByTestId("run"));
  const total = await screen.findByTestId("total-deductions", {}, { timeout: 60000 });
  expect(total.textContent).toBe(yuan(cli.totals.deductions));
  expect(screen.getByTestId("refund-due").textContent).toBe(yuan(cli.totals.refundDue));
}, 120_000);

test("参数: each default in words, the key only after it (no bare code such as perPeriod)", async () => {
  const { user } = setup();
  await open(user);
  await user.click(screen.getByRole("tab", { name: "参数" }));
  const r1 = screen.getByTestId("param-r1.mode").textContent!;
  expect(r1).not.toMatch(/合同默认：perPeriod/);
  expect(r1).toMatch(/合同默认：[^（]*[\u4e00-\u9fff][^（]*（r1\.mode）/);
  expect(screen.getByTestId("param-evaluation.asOf").textContent).toContain(
    "合同默认：同“服务期结束（含）”"
  );
});

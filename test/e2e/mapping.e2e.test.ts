// The 列映射 step end to end in Chromium (issue 20): the monthly export without its 列映射 opened in
// file mode, Run shows the step (thirteen monthly sheets, 退回次数 suggested with its reason),
// confirming writes 列映射 and runs; the totals are the fixture's expected ones; the downloaded
// copy carries 列映射 and no row left 待核对. The screenshot of the step is the README's picture.
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, readFileSync } from "fs";
import path from "path";
import { Pane, ROOT, startPane } from "./harness";
import { formatYuan } from "../../src/engine/money";
import type { Expected } from "../fixture-checks";

const OUT = path.join(__dirname, "out");
const MONTHLY = path.join(ROOT, "test", "fixtures", "export-monthly.xlsx");
const EXPECTED: Expected = JSON.parse(
  readFileSync(path.join(ROOT, "test", "fixtures", "export-monthly.expected.json"), "utf8")
);
const yuan = (v: string | number) => formatYuan(Math.round(Number(v) * 100));

let pane: Pane;
let bare: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(MONTHLY);
  wb.removeWorksheet(wb.getWorksheet("列映射")!.id);
  bare = path.join(OUT, "月度导出.xlsx");
  await wb.xlsx.writeFile(bare);
  pane = await startPane({ width: 360, height: 900 });
}, 60000);

afterAll(async () => {
  await pane?.close();
});

afterEach(() => {
  expect(pane.pageErrors).toEqual([]);
});

test("a monthly export: the 列映射 step, confirmed, gives the expected totals; the copy carries 列映射", async () => {
  const { page, base } = pane;
  await page.goto(`${base}/taskpane.html`);
  await page.getByTestId("open-workbook").setInputFiles(bare);
  await page.getByText(/未找到名为“工单”/).waitFor({ timeout: 60000 });
  await page.getByTestId("run").click();
  const step = page.getByTestId("mapping-step");
  await step.waitFor({ timeout: 120000 });
  const tickets = page.getByTestId("map-input-tickets");
  await expect(tickets.textContent()).resolves.toContain("共 13 张（按表头识别（建议））");
  await expect(page.getByTestId("map-header-tickets.dispatch_correct").inputValue()).resolves.toBe(
    "退回次数"
  );
  await expect(
    page.getByTestId("map-field-tickets.dispatch_correct").textContent()
  ).resolves.toContain("退回即派单不准确");
  // nothing on the step is wider than the pane
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(360);
  await step.screenshot({ path: path.join(OUT, "mapping-step.png") });
  if (process.env.UPDATE_DOCS_PICTURES)
    copyFileSync(path.join(OUT, "mapping-step.png"), path.join(ROOT, "docs", "mapping-step.png"));

  await page.getByTestId("mapping-confirm").click();
  const total = page.getByTestId("total-deductions");
  await total.waitFor({ timeout: 120000 });
  await expect(total.textContent()).resolves.toBe(yuan(EXPECTED.totals.deductions));
  await expect(page.getByTestId("installment3-payable").textContent()).resolves.toBe(
    yuan(EXPECTED.totals.installment3Payable)
  );
  await expect(page.getByTestId("refund-due").textContent()).resolves.toBe(
    yuan(EXPECTED.totals.refundDue)
  );

  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 120000 }),
    page.getByTestId("download-result").click(),
  ]);
  expect(download.suggestedFilename()).toBe("月度导出-2023年度核查.xlsx");
  const file = path.join(OUT, "月度导出-2023年度核查.xlsx");
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const map = wb.getWorksheet("列映射")!;
  const rows: string[][] = [];
  map.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  expect(rows.map((r) => r.slice(0, 4).join("|"))).toContain(
    "工单|派单准确|退回次数|0=是；其他=否"
  );
  const header = rows.findIndex((r) => r[1] === "字段");
  expect(rows.slice(header + 1).every((r) => r[4].startsWith("已在任务窗格核对"))).toBe(true);
  // the monthly sheets are as they were: same names, in the same order, before the results
  expect(wb.worksheets.slice(0, 13).map((w) => w.name)).toEqual(
    Array.from({ length: 13 }, (_, i) =>
      i < 12 ? `2023年${String(i + 1).padStart(2, "0")}月` : "2024年01月"
    )
  );
}, 240000);

test("the wide export (known platform headers, title rows, 来电时间): no step, the expected totals", async () => {
  const { page, base } = pane;
  const wide: Expected = JSON.parse(
    readFileSync(path.join(ROOT, "test", "fixtures", "export-wide.expected.json"), "utf8")
  );
  await page.goto(`${base}/taskpane.html`);
  await page
    .getByTestId("open-workbook")
    .setInputFiles(path.join(ROOT, "test", "fixtures", "export-wide.xlsx"));
  await page.getByText(/工单 · /).waitFor({ timeout: 60000 });
  await page.getByTestId("run").click();
  const total = page.getByTestId("total-deductions");
  await total.waitFor({ timeout: 120000 });
  await expect(page.getByTestId("mapping-step").count()).resolves.toBe(0);
  await expect(total.textContent()).resolves.toBe(yuan(wide.totals.deductions));
  await expect(page.getByTestId("refund-due").textContent()).resolves.toBe(
    yuan(wide.totals.refundDue)
  );
}, 240000);

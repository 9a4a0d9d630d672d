// 结算确认单 printed from the pane in a browser (file mode, issue 22), in Chromium: open the demo
// workbook, run, press 打印结算确认单 (window.print stubbed: a headless browser has no dialog), then
// print the page to PDF as the browser's print would. One A4 upright page, the settlement's
// figures and 大写, the sign-off with room for the seals, the footer with page, file, as-of date
// and fingerprint, text no smaller than 9 pt, no amount touching the text right of it, and none
// of the pane. The PDF is left in test/e2e/out/settlement-print-view.pdf. Any page error fails.
import { execFileSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { Pane, ROOT, startPane } from "./harness";
import { toChineseCapital } from "../../src/engine/money";

const OUT = path.join(__dirname, "out");
const PDF = path.join(OUT, "settlement-print-view.pdf");
const DEMO = path.join(ROOT, "assets", "sample", "接诉即办-2023-示例.xlsx");

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}
interface PdfPage {
  width: number;
  height: number;
  items: Item[];
}

/** The PDF's pages through pdf.js (an ES module: read in a child process). */
const pdfPages = (file: string): PdfPage[] =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(__dirname, "pdf-pages.mjs"), file], {
      encoding: "utf8",
    })
  );

let pane: Pane;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  pane = await startPane();
  page = pane.page;
}, 60000);

afterAll(async () => {
  await pane?.close();
});

afterEach(() => {
  expect(pane.pageErrors).toEqual([]);
});

test("结算确认单 from the pane: one A4 page with its figures, sign-off and footer, and none of the pane", async () => {
  await page.goto(`${pane.base}/taskpane.html`);
  await page.getByTestId("open-workbook").waitFor({ state: "attached", timeout: 20000 });
  await page.getByTestId("open-workbook").setInputFiles(DEMO);
  await page.getByText(/工单 · [\d,]+ 行/).waitFor({ timeout: 60000 });
  await page.getByTestId("run").click();
  const button = page.getByTestId("print-settlement");
  await button.waitFor({ timeout: 120000 });
  const settlement = (await page.getByTestId("settlement").textContent())!;
  const payNow = (await page.getByTestId("pay-now").textContent())!;
  expect(settlement).toMatch(/^¥[\d,]+\.\d\d$/);

  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed++;
    };
  });
  await button.click();
  await page.getByTestId("print-hint").waitFor();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // on the screen the view is not seen; on paper only it is
  await expect(page.getByTestId("print-view").isVisible()).resolves.toBe(false);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-view").isVisible()).resolves.toBe(true);
  await expect(page.locator("#container").isVisible()).resolves.toBe(false);
  const bytes = await page.pdf({ format: "A4" });
  await page.emulateMedia({ media: "screen" });
  writeFileSync(PDF, bytes);

  const pages = pdfPages(PDF);
  expect(pages).toHaveLength(1);
  const [p] = pages;
  // A4 upright
  expect(Math.round(p.width)).toBe(596);
  expect(Math.round(p.height)).toBe(843);
  const text = p.items.map((i) => i.str).join("");
  const cents = (yuan: string) => Math.round(Number(yuan.replace(/[¥,]/g, "")) * 100);
  for (const want of [
    "结算确认单（2023 年度）",
    "合同与考核",
    "甲方应付尾款（第3期）",
    payNow,
    toChineseCapital(cents(payNow)),
    "乙方应退款",
    "书面同意相抵则净额",
    "截至评价日已付款",
    "最终决算价款",
    settlement,
    toChineseCapital(cents(settlement)),
    "考核扣款（按《服务考核细则》各项）",
    "考核细则指标次数扣款金额明细",
    "第1项 工单处理诉求处置时效（案件不过夜）",
    "违约金主张",
    "经双方书面确认后",
    "甲方经办人（签字）",
    "甲方复核人（签字）",
    "甲方负责人（签字）",
    "甲方（盖章）",
    "乙方（签字、盖章）",
    // the footer: the sheet and the audited copy's name, the page, the as-of date, the fingerprint
    "结算确认单 · 接诉即办-2023-示例-",
    "第 1 页 共 1 页",
  ])
    expect(text).toContain(want);
  expect(text).toMatch(/评价截止 \d{4}-\d\d-\d\d · 工单指纹 [0-9a-f]{8}/);
  // the final settlement's figure and its 大写 on one line, the 大写 right of the figure
  const figure = p.items.find((i) => i.str === settlement)!;
  const words = p.items.find((i) => i.str.startsWith(toChineseCapital(cents(settlement))))!;
  expect(Math.abs(words.y - figure.y)).toBeLessThan(0.5);
  expect(words.x).toBeGreaterThan(figure.x + figure.width + 6);
  // the seal row keeps its room: the names of the parties well above the dates under them
  const seal = p.items.find((i) => i.str === "甲方（盖章）")!;
  const dates = p.items.filter((i) => i.str.startsWith("日期：") && i.y < seal.y);
  expect(dates.length).toBeGreaterThan(0);
  expect(seal.y - Math.max(...dates.map((d) => d.y))).toBeGreaterThan(40);
  // nothing of the pane on paper: its tabs, buttons and headings
  for (const pane of ["问题", "模板", "打开工作簿", "打印结算确认单", "下载核查结果", "结算结论"])
    expect(text).not.toContain(pane);
  expect(text).not.toMatch(/核查(?!\.xlsx)/);
  // ≥ 9 pt everywhere (the footer is 9 pt, the body 9.5 pt)
  const smallest = Math.min(...p.items.map((i) => i.size));
  expect(smallest).toBeGreaterThanOrEqual(8.99);
  // every item inside the page, nothing cut at the right margin (0.5 in)
  for (const i of p.items) expect(i.x + i.width).toBeLessThanOrEqual(p.width - 36 + 0.5);
  // no amount touching the text right of it ("¥500.00第一次验收")
  const isFigure = (s: string) => /^[-−]?¥[\d,]+\.\d\d$|^[\d.]+%$/.test(s);
  const touching = p.items.filter((a) => {
    if (!isFigure(a.str)) return false;
    const end = a.x + a.width;
    return p.items.some(
      (b) => b !== a && Math.abs(b.y - a.y) < 0.5 && b.x >= end - 0.5 && b.x - end < 4
    );
  });
  expect(touching.map((t) => t.str)).toEqual([]);
}, 240000);

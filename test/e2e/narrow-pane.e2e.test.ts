// The pane as Excel opens it on a small screen, 360 × 640 px, in Chromium (issue 22): after a run
// the settlement conclusion and the totals are on the first screen, the sheet list folded; nothing
// is wider than the pane in Chinese or English, on any tab, before or after a run; a rule's hint
// shows under the rule clicked, on the screen; the what-if is a compact foot that never covers
// the field being typed. Any page error fails the test.
import { mkdirSync, readFileSync } from "fs";
import path from "path";
import type { Locator, Page } from "playwright-core";
import { Pane, ROOT, startPane } from "./harness";
import { formatYuan } from "../../src/engine/money";
import type { Expected } from "../fixture-checks";

const WIDTH = 360;
const HEIGHT = 640;
const OUT = path.join(__dirname, "out");
const FIXTURE = path.join(ROOT, "test", "fixtures", "year-plain.xlsx");
const EXPECTED: Expected = JSON.parse(
  readFileSync(path.join(ROOT, "test", "fixtures", "year-plain.expected.json"), "utf8")
);
/** the expected summary's installments also say when each was paid */
type Paid = { no: number; payable: string; paidOn?: string | null };
const yuan = (x: string) => formatYuan(Math.round(Number(x) * 100));

const TABS = {
  zh: ["核查", "问题", "参数", "模板"],
  en: ["Run", "Issues", "Thresholds", "Template"],
} as const;

let pane: Pane;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  pane = await startPane({ width: WIDTH, height: HEIGHT });
  page = pane.page;
}, 60000);

afterAll(async () => {
  await pane?.close();
});

afterEach(() => {
  expect(pane.pageErrors).toEqual([]);
});

async function setLang(lang: "zh" | "en") {
  const now = await page.evaluate(() =>
    document.querySelector(".fui-FluentProvider")?.getAttribute("lang")
  );
  if ((now === "en") !== (lang === "en"))
    await page
      .getByRole("button", { name: lang === "en" ? "Switch to English" : "切换到中文" })
      .click();
  await page.waitForFunction(
    (l) => document.querySelector(".fui-FluentProvider")?.getAttribute("lang") === l,
    lang === "en" ? "en" : "zh-CN"
  );
}

/** The page's width and the elements that reach past the pane's right edge (for the message). */
async function widths(): Promise<{ scrollWidth: number; past: string[] }> {
  return page.evaluate((width) => {
    const past = Array.from(document.querySelectorAll("body *"))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right + window.scrollX > width + 0.5;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName} ${(el.textContent ?? "").trim().slice(0, 30)}`);
    return { scrollWidth: document.documentElement.scrollWidth, past };
  }, WIDTH);
}

/** Every tab in both languages: nothing wider than the pane. */
async function everyTabFits(when: string, tabs = true) {
  const seen: Record<string, number> = {};
  for (const lang of ["zh", "en"] as const) {
    await setLang(lang);
    for (const tab of tabs ? TABS[lang] : [null]) {
      if (tab) {
        await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
        await page.waitForFunction(
          (t) =>
            document
              .querySelector('[role="tab"][aria-selected="true"]')
              ?.textContent?.startsWith(t) ?? false,
          tab
        );
      }
      const w = await widths();
      const where = `${when} · ${lang} · ${tab ?? "start"}`;
      seen[where] = w.scrollWidth;
      expect({ where, past: w.past, fits: w.scrollWidth <= WIDTH }).toEqual({
        where,
        past: [],
        fits: true,
      });
      if (!tab || tab === TABS[lang][0] || tab === TABS[lang][3])
        await page.screenshot({
          path: path.join(
            OUT,
            `narrow-${when}-${lang}${tab ? `-${(TABS[lang] as readonly string[]).indexOf(tab)}` : ""}.png`
          ),
        });
    }
  }
  await setLang("zh");
  if (tabs) await page.getByRole("tab", { name: "核查" }).click();
  console.log(`scrollWidth at ${WIDTH} px, ${when}: ${JSON.stringify(seen)}`);
}

/** A box on the first screen: from the top of the viewport to its foot. */
async function onScreen(l: Locator) {
  const box = await l.boundingBox();
  expect(box).not.toBeNull();
  return { top: Math.round(box!.y), bottom: Math.round(box!.y + box!.height) };
}

test("before a file is opened, the pane fits 360 px in both languages", async () => {
  await page.goto(`${pane.base}/taskpane.html`);
  await page.getByTestId("open-workbook").waitFor({ state: "attached", timeout: 20000 });
  await everyTabFits("start", false);
}, 60000);

test("a workbook open, before a run: every tab fits in both languages", async () => {
  await page.getByTestId("open-workbook").setInputFiles(FIXTURE);
  await page.getByText(/工单 · 8,884 行/).waitFor({ timeout: 60000 });
  // before a run the sheet list is open
  expect(await page.getByTestId("sheets-toggle").getAttribute("aria-expanded")).toBe("true");
  await everyTabFits("opened");
}, 120000);

test("after a run the conclusion and the totals are on the first screen, the sheet list folded", async () => {
  // the user presses Run where it is (Playwright scrolls it into view first, as she would)
  const run = page.getByTestId("run");
  await run.scrollIntoViewIfNeeded();
  const runAt = await onScreen(run);
  await run.click();
  await page.getByTestId("total-deductions").waitFor({ timeout: 120000 });
  // the figures of 结算确认单's conclusion, and the deductions card
  const i3 = (EXPECTED.installments as Paid[]).find((i) => i.no === 3)!;
  const paid = i3.paidOn != null && i3.paidOn <= EXPECTED.asOf;
  const want: Record<string, string> = {
    "pay-now": paid ? formatYuan(0) : yuan(i3.payable),
    "refund-due": yuan(EXPECTED.totals.refundDue),
    settlement: yuan(EXPECTED.totals.settlement),
    "total-deductions": yuan(EXPECTED.totals.deductions),
    "installment3-payable": yuan(EXPECTED.totals.installment3Payable),
  };
  const at: Record<string, { top: number; bottom: number }> = {};
  for (const [id, text] of Object.entries(want)) {
    const l = page.getByTestId(id);
    expect({ id, text: await l.textContent() }).toEqual({ id, text });
    at[id] = await onScreen(l);
    expect({ id, top: at[id].top >= 0, bottom: at[id].bottom <= HEIGHT }).toEqual({
      id,
      top: true,
      bottom: true,
    });
  }
  // the conclusion comes before the cards
  expect(at["pay-now"].bottom).toBeLessThanOrEqual(at["total-deductions"].top);
  const conclusion = await onScreen(page.getByTestId("conclusion"));
  expect(conclusion.top).toBeGreaterThanOrEqual(0);
  expect(conclusion.bottom).toBeLessThanOrEqual(HEIGHT);
  // the sheet list is folded to its one line, which still says how many were found
  const toggle = page.getByTestId("sheets-toggle");
  expect(await toggle.getAttribute("aria-expanded")).toBe("false");
  expect(await toggle.textContent()).toContain("已找到 12 张");
  expect(await page.getByText(/工单 · 8,884 行/).count()).toBe(0);
  console.log(
    `at ${WIDTH}×${HEIGHT}: Run pressed at y ${runAt.top}; after the run scrollY ${await page.evaluate(() => window.scrollY)}, ` +
      Object.entries(at)
        .map(([id, b]) => `${id} ${b.top}–${b.bottom}`)
        .join(", ")
  );
  await page.screenshot({ path: path.join(OUT, "narrow-after-run.png") });
  // opened again, it lists every sheet
  await toggle.click();
  await page.getByText(/工单 · 8,884 行/).waitFor();
  await toggle.click();
  expect(await page.getByText(/工单 · 8,884 行/).count()).toBe(0);
}, 180000);

test("after a run every tab fits in both languages", async () => {
  await everyTabFits("run");
}, 120000);

test("a rule clicked at the foot of the screen shows its hint under it, on the screen", async () => {
  await page.getByRole("tab", { name: "核查" }).click();
  const row = page.getByTestId("rule-R6");
  // the row at the very foot of the screen, where the hint has no room below it
  await row.evaluate((el) => el.scrollIntoView({ block: "end" }));
  expect((await onScreen(row)).bottom).toBeGreaterThan(HEIGHT - 8);
  await row.getByRole("button", { name: "在 KPI明细 中查看 R6" }).click();
  const hint = page.getByTestId("where-to-look");
  await hint.waitFor();
  expect(await hint.textContent()).toMatch(/在“KPI明细”表的 A\d+:O\d+ 查看 R6/);
  // only one hint, and it is the row after the rule's
  expect(await page.getByTestId("where-to-look").count()).toBe(1);
  await page.waitForFunction(() => {
    const h = document.querySelector('[data-testid="where-to-look"]')!.getBoundingClientRect();
    return h.bottom <= window.innerHeight && h.top >= 0;
  });
  const r = await onScreen(row);
  const h = await onScreen(hint);
  expect(h.top).toBeGreaterThanOrEqual(r.bottom);
  expect(h.top - r.bottom).toBeLessThanOrEqual(12);
  expect(h.bottom).toBeLessThanOrEqual(HEIGHT);
  expect(r.top).toBeGreaterThanOrEqual(0);
  console.log(`rule R6 ${r.top}–${r.bottom}, its hint ${h.top}–${h.bottom}`);
  await page.screenshot({ path: path.join(OUT, "narrow-rule-hint.png") });
  // another rule moves the hint to its own row; the close button removes it
  await page.getByRole("button", { name: "在 KPI明细 中查看 R2" }).click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="where-to-look"]')?.textContent?.includes("查看 R2")
  );
  const r2 = await onScreen(page.getByTestId("rule-R2"));
  const h2 = await onScreen(page.getByTestId("where-to-look"));
  expect(h2.top - r2.bottom).toBeGreaterThanOrEqual(0);
  expect(h2.top - r2.bottom).toBeLessThanOrEqual(12);
  await page.getByRole("button", { name: "关闭提示" }).click();
  expect(await page.getByTestId("where-to-look").count()).toBe(0);
}, 60000);

test("the what-if is a compact foot that never covers the field being typed", async () => {
  await page.getByRole("tab", { name: "参数" }).click();
  const field = page.getByTestId("param-r2.threshold");
  const input = field.getByRole("textbox");
  // the field's foot at the foot of the screen, under the sticky Save bar, then focused there
  await input.evaluate((el) => {
    el.scrollIntoView({ block: "end" });
    window.scrollBy(0, -4);
    (el as HTMLInputElement).focus({ preventScroll: true });
  });
  await page.keyboard.press("Control+A");
  await page.keyboard.type("80");
  // the foot's one line: the deductions with the edit, computed in the worker
  const relieved = EXPECTED.kpis
    .filter((k) => k.ruleId === "R2" && k.status === "fail" && k.numerator! / k.denominator! >= 0.8)
    .reduce((sum, k) => sum + Math.round(Number(k.deduction) * 100), 0);
  const want = formatYuan(Math.round(Number(EXPECTED.totals.deductions) * 100) - relieved);
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="what-if-bar-deductions"]')?.textContent === w,
    want,
    { timeout: 120000 }
  );
  // the foot has grown by the what-if's line: wait for the layout to settle
  await page.waitForTimeout(300);
  const foot = await onScreen(page.getByTestId("params-foot"));
  const typed = await onScreen(input);
  const whole = await onScreen(field);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("INPUT");
  expect(typed.top).toBeGreaterThanOrEqual(0);
  expect(typed.bottom).toBeLessThanOrEqual(foot.top);
  // the field with its hint is clear of the foot too
  expect(whole.bottom).toBeLessThanOrEqual(foot.top);
  // compact: two short lines (what-if, Save) — an eighth of the screen at most
  expect(foot.bottom - foot.top).toBeLessThanOrEqual(HEIGHT / 8);
  expect(foot.bottom).toBeLessThanOrEqual(HEIGHT);
  expect(await page.getByTestId("what-if-bar").textContent()).toContain("−¥");
  console.log(
    `what-if foot ${foot.top}–${foot.bottom} (${foot.bottom - foot.top} px), the field typed ${typed.top}–${typed.bottom}`
  );
  await page.screenshot({ path: path.join(OUT, "narrow-what-if.png") });
  // typing on keeps it clear
  await page.keyboard.press("Backspace");
  await page.keyboard.type("5");
  await page.waitForTimeout(300);
  expect((await onScreen(input)).bottom).toBeLessThanOrEqual(
    (await onScreen(page.getByTestId("params-foot"))).top
  );
  // the whole table is in the flow below the form, and it fits the pane too
  await page.getByTestId("what-if-details").click();
  const table = page.getByTestId("what-if");
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="what-if"]')!.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  expect(await table.isVisible()).toBe(true);
  for (const lang of ["zh", "en"] as const) {
    await setLang(lang);
    const w = await widths();
    expect({ lang, past: w.past, fits: w.scrollWidth <= WIDTH }).toEqual({
      lang,
      past: [],
      fits: true,
    });
    await page.screenshot({ path: path.join(OUT, `narrow-what-if-table-${lang}.png`) });
  }
  await setLang("zh");
}, 180000);

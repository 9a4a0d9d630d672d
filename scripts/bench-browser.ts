// Benchmark: browser file mode in Chromium, from choosing the file to the totals on screen, timed
// by the page itself: from the file input's change event to the run button enabled, plus from the
// click on it to the totals painted (the bench's own reaction time between the two left out).
// Usage: npm run build && npm run bench:browser [-- --tickets 110000] [--form excel,inline,…]
//        [--runs 3] [--vs OTHER_DIST]  (another build's dist/, timed in turn: a paired A/B)
//        [--unique-text]  (the files npm run bench -- --unique-text built)
// Uses the workbooks `npm run bench` builds in bench/ (run that first), in each writer's form. Each
// size is timed in a fresh page, three times (--runs); the median is printed.
import { existsSync } from "fs";
import path from "path";
import { Pane, startPane, ROOT } from "../test/e2e/harness";
import { FORMS, Form, benchFile } from "./bench-forms";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = arg("tickets") ? [Number(arg("tickets"))] : [10000, 110000];
const RUNS = Number(arg("runs") ?? 3);
const FORMS_ASKED = (arg("form")?.split(",") ?? ["excel"]) as Form[];
const VS = arg("vs");
const UNIQUE = process.argv.includes("--unique-text");
for (const f of FORMS_ASKED) if (!FORMS.includes(f)) throw new Error(`unknown form ${f}`);

/** Times the page takes itself (performance.now()), from the file's choice to the totals painted. */
interface Marks {
  /** the file input's change event: the user chose the file */
  chosen?: number;
  /** the run button enabled after that */
  ready?: number;
  /** the click on it */
  clicked?: number;
  /** the totals in the page, and the frame after (painted) */
  shown?: number;
  painted?: number;
}
type Watched = { __bench: Marks };

/** Runs in the page: marks each moment as it happens (a mutation observer, capture listeners). */
function watch(): void {
  const m: Marks = {};
  (window as unknown as Watched).__bench = m;
  document.addEventListener("change", () => void (m.chosen ??= performance.now()), true);
  document.addEventListener(
    "click",
    (e) => {
      if ((e.target as Element | null)?.closest?.('[data-testid="run"]'))
        m.clicked ??= performance.now();
    },
    true
  );
  const check = () => {
    const run = document.querySelector('[data-testid="run"]') as HTMLButtonElement | null;
    if (m.chosen !== undefined && m.ready === undefined && run && !run.disabled)
      m.ready = performance.now();
    if (m.shown === undefined && document.querySelector('[data-testid="total-deductions"]')) {
      m.shown = performance.now();
      requestAnimationFrame(() => setTimeout(() => (m.painted = performance.now())));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

/** One run in a fresh page: the file chosen, Run clicked when enabled; the page's own times. */
async function timeOnce(
  pane: Pane,
  file: string
): Promise<{ opened: number; total: number; text: string }> {
  const page = await pane.browser.contexts()[0].newPage();
  try {
    await page.goto(`${pane.base}/taskpane.html`);
    await page.getByTestId("open-workbook").waitFor({ state: "attached", timeout: 30000 });
    await page.evaluate(watch);
    await page.getByTestId("open-workbook").setInputFiles(file);
    // (polled by the page every 20 ms: a locator's waitFor polls every 500 ms once it has waited
    // 0.8 s, and that late look was counted as the product's time before)
    const when = (k: keyof Marks) =>
      page.waitForFunction((key) => (window as unknown as Watched).__bench[key], k, {
        timeout: 300000,
        polling: 20,
      });
    await when("ready");
    await page.getByTestId("run").click();
    await when("painted");
    const m = await page.evaluate(() => (window as unknown as Watched).__bench);
    const opened = m.ready! - m.chosen!;
    const total = Math.round(opened + (m.painted! - m.clicked!));
    const text = (await page.getByTestId("total-deductions").textContent()) ?? "";
    return { opened: Math.round(opened), total, text };
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: number[]) => `min ${Math.min(...xs)}, max ${Math.max(...xs)}`;

async function main() {
  const pane = await startPane();
  // another build (--vs DIR: its dist/), timed in turn with this one: run by run, the same minutes
  let other: Awaited<ReturnType<typeof startPane>> | null = null;
  try {
    if (VS) other = await startPane(undefined, path.resolve(VS));
    for (const n of SIZES)
      for (const form of FORMS_ASKED) {
        const file = benchFile(path.join(ROOT, "bench"), n, form, UNIQUE);
        if (!existsSync(file)) {
          console.log(
            `${file} missing: run npm run bench -- --tickets ${n} --form ${form}${UNIQUE ? " --unique-text" : ""} first`
          );
          continue;
        }
        const a: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          for (const [label, p, into] of [
            ["A", pane, a],
            ["B", other, b],
          ] as const) {
            if (!p) continue;
            const r = await timeOnce(p, file);
            into.push(r.total);
            console.log(
              `  ${n.toLocaleString()} tickets (${form}), ${other ? `${label} ` : ""}run ${i + 1}: opened ${r.opened} ms, totals after ${r.total} ms (${r.text})`
            );
          }
        }
        console.log(
          `${n.toLocaleString()} tickets (${form}): choosing the file → totals, median ${median(a)} ms (${range(a)})`
        );
        if (other)
          console.log(
            `  B (${VS}): median ${median(b)} ms (${range(b)}); A/B paired, median ${median(a.map((x, i) => x / b[i])).toFixed(3)}`
          );
      }
    for (const p of [pane, other])
      if (p?.pageErrors.length) console.log("page errors:", p.pageErrors);
  } finally {
    await pane.close();
    await other?.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

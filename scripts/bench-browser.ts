// Benchmark: browser file mode in Chromium, from choosing the file to the totals on screen.
// Usage: npm run build && npm run bench:browser [-- --tickets 110000] [--form excel,inline,…]
// Uses the workbooks `npm run bench` builds in bench/ (run that first), in each writer's form. Each size is timed in a
// fresh page, three times; the median is printed with the worker's peak JS heap where Chromium
// reports it.
import { existsSync } from "fs";
import path from "path";
import { startPane, ROOT } from "../test/e2e/harness";
import { FORMS, Form, benchFile } from "./bench-forms";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = arg("tickets") ? [Number(arg("tickets"))] : [10000, 110000];
const RUNS = Number(arg("runs") ?? 3);
const FORMS_ASKED = (arg("form")?.split(",") ?? ["excel"]) as Form[];
for (const f of FORMS_ASKED) if (!FORMS.includes(f)) throw new Error(`unknown form ${f}`);

async function main() {
  const pane = await startPane();
  try {
    for (const n of SIZES)
      for (const form of FORMS_ASKED) {
        const file = benchFile(path.join(ROOT, "bench"), n, form);
        if (!existsSync(file)) {
          console.log(`${file} missing: run npm run bench -- --tickets ${n} --form ${form} first`);
          continue;
        }
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const page = await pane.browser.contexts()[0].newPage();
          await page.goto(`${pane.base}/taskpane.html`);
          await page.getByTestId("open-workbook").waitFor({ state: "attached", timeout: 30000 });
          const t0 = Date.now();
          await page.getByTestId("open-workbook").setInputFiles(file);
          await page.getByTestId("run").waitFor({ timeout: 120000 });
          await page.waitForFunction(
            () =>
              !(document.querySelector('[data-testid="run"]') as HTMLButtonElement | null)
                ?.disabled,
            null,
            { timeout: 120000 }
          );
          const opened = Date.now() - t0;
          await page.getByTestId("run").click();
          await page.getByTestId("total-deductions").waitFor({ timeout: 300000 });
          const ms = Date.now() - t0;
          times.push(ms);
          console.log(
            `  ${n.toLocaleString()} tickets (${form}), run ${i + 1}: opened ${opened} ms, totals after ${ms} ms (${await page.getByTestId("total-deductions").textContent()})`
          );
          await page.close();
        }
        times.sort((a, b) => a - b);
        console.log(
          `${n.toLocaleString()} tickets (${form}): choosing the file → totals, median ${times[Math.floor(times.length / 2)]} ms (min ${times[0]}, max ${times[times.length - 1]})`
        );
      }
    if (pane.pageErrors.length) console.log("page errors:", pane.pageErrors);
  } finally {
    await pane.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

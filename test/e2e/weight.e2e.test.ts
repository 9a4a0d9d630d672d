// The pane's weight, measured on the production build (npm run test:e2e builds it): the first
// screen's scripts (those taskpane.html loads) at most 300 KB gzipped, every script of the pane
// (worker and lazily loaded chunks included) at most 600 KB. The .xlsx code is a chunk of its
// own that only file mode loads.
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";
import { DIST } from "./harness";

const gz = (file: string) => gzipSync(readFileSync(path.join(DIST, file))).length;
const KB = 1024;

test("first screen ≤ 300 KB gzipped, all scripts ≤ 600 KB", () => {
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const first = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  expect(first.length).toBeGreaterThan(0);
  const all = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  const firstKb = first.reduce((a, f) => a + gz(f), 0) / KB;
  const allKb = all.reduce((a, f) => a + gz(f), 0) / KB;
  console.log(
    `pane scripts (gzip): first screen ${firstKb.toFixed(0)} KB, all ${allKb.toFixed(0)} KB (${all.join(", ")})`
  );
  expect(firstKb).toBeLessThanOrEqual(300);
  expect(allKb).toBeLessThanOrEqual(600);
  // the .xlsx reader and writer are not on the first screen
  const xlsx = all.find((f) => f.startsWith("xlsx."));
  expect(xlsx).toBeDefined();
  expect(first).not.toContain(xlsx);
  for (const f of first)
    expect(readFileSync(path.join(DIST, f), "utf8")).not.toContain("EncryptedPackage");
});

test("every built script parses as ES2017 (EdgeHTML 18, the webview of Office 2019 and 2021)", () => {
  const acorn = require("acorn") as { parse(code: string, options: object): unknown };
  const all = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  expect(all.length).toBeGreaterThan(2);
  for (const f of all) {
    const code = readFileSync(path.join(DIST, f), "utf8");
    let error = "";
    try {
      acorn.parse(code, { ecmaVersion: 2017, sourceType: "script" });
    } catch (e) {
      error = String(e);
    }
    expect({ file: f, error }).toEqual({ file: f, error: "" });
  }
  expect(readdirSync(DIST)).toContain("support.html");
});

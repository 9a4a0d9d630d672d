// --contract-year on the command line: every date parameter moved, written to the copy's 规则参数
// before the run (so the copy audits again the same, and --verify agrees), the rank asked for.
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../src/cli/main";
import type { SummaryJson } from "../src/engine/summary";
import { FIXTURES } from "./fixture-checks";

const dir = mkdtempSync(path.join(tmpdir(), "audit-year-"));
const SMALL = path.join(FIXTURES, "small-2months.xlsx");

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("--contract-year 2026 moves every date, saves them in the copy's 规则参数, and the copy runs the same", async () => {
  const out = path.join(dir, "2026.xlsx");
  const json = path.join(dir, "2026.json");
  const r = await run([
    SMALL,
    "--contract-year",
    "2026",
    "--baseline-rank",
    "24",
    "--out",
    out,
    "--json",
    json,
  ]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("合同年度 contract year 2023 → 2026");
  expect(r.out).toMatch(/service\.start\s+2023-01-23 → 2026-01-23/);
  expect(r.out).toMatch(/acceptance\.firstCutoff\s+2023-10-31 → 2026-10-31/);
  expect(r.out).toMatch(/r10\.baselineRank\s+26 → 24/);
  const s: SummaryJson = JSON.parse(readFileSync(json, "utf8"));
  expect(s.params["service.start"]).toBe("2026-01-23");
  expect(s.params["payments.installment2Due"]).toBe("2026-07-22");
  expect(s.params["r10.baselineRank"]).toBe(24);
  // the copy carries the year: audited again without the flag, the same parameters; verify agrees
  const again = path.join(dir, "again.json");
  expect((await run([out, "--out", path.join(dir, "again.xlsx"), "--json", again])).code).toBe(0);
  expect(JSON.parse(readFileSync(again, "utf8")).params).toEqual(s.params);
  expect((await run([out, "--verify"])).code).toBe(0);
}, 60_000);

test("without --baseline-rank the old rank is kept and the message asks for the new one", async () => {
  const r = await run([SMALL, "--contract-year", "2025", "--out", path.join(dir, "2025.xlsx")]);
  expect(r.code).toBe(0);
  expect(r.out).toContain(
    "r10.baselineRank 仍为 26：请按 2022–2024 年的平均区级排名用 --baseline-rank 给出"
  );
});

test.each([
  [["--contract-year", "26"], "--contract-year 应为 2000–2100 之间的年份"],
  [["--baseline-rank", "3"], "--baseline-rank 须与 --contract-year 一起使用"],
  [["--contract-year", "2026", "--verify"], "--contract-year 用于核查"],
])("%j is a usage error", async (flags, message) => {
  const r = await run([SMALL, ...flags]);
  expect(r.code).toBe(2);
  expect(r.err).toContain(message);
});

test("a params file moves the year as the flag does; the default copy is named for that year", async () => {
  const { copyFileSync } = await import("fs");
  const input = path.join(dir, "考核.xlsx");
  copyFileSync(SMALL, input);
  const params = path.join(dir, "year.json");
  const { writeFileSync } = await import("fs");
  writeFileSync(
    params,
    JSON.stringify({ newContractYear: 2025, "r10.baselineRank": 22, "r2.threshold": "85%" })
  );
  const json = path.join(dir, "file-year.json");
  const r = await run([input, "--params", params, "--json", json]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toContain("合同年度 contract year 2023 → 2025");
  expect(r.out).toMatch(/r10\.baselineRank\s+26 → 22/);
  const s: SummaryJson = JSON.parse(readFileSync(json, "utf8"));
  expect(s.params["service.start"]).toBe("2025-01-23");
  expect(s.params["r2.threshold"]).toBe(0.85);
  expect(s.params["r10.baselineRank"]).toBe(22);
  // the copy says the year it was checked for, and audited again counts up within that year
  const copy = path.join(dir, "考核-2025年度核查.xlsx");
  expect(r.out).toContain("考核-2025年度核查.xlsx");
  expect((await run([copy])).code).toBe(0);
  expect(readFileSync(path.join(dir, "考核-2025年度核查2.xlsx")).length).toBeGreaterThan(0);
}, 60_000);

test("a params file's year that differs from --contract-year, or is no year, is refused", async () => {
  const { writeFileSync } = await import("fs");
  const differs = path.join(dir, "differs.json");
  writeFileSync(differs, JSON.stringify({ newContractYear: 2025 }));
  const a = await run([
    SMALL,
    "--params",
    differs,
    "--contract-year",
    "2026",
    "--out",
    path.join(dir, "d.xlsx"),
  ]);
  expect(a.code).toBe(2);
  expect(a.err).toContain("--contract-year 2026 与参数文件的 newContractYear 2025 不同");
  const bad = path.join(dir, "bad-year.json");
  writeFileSync(bad, JSON.stringify({ 新合同年度: "明年" }));
  const b = await run([SMALL, "--params", bad, "--out", path.join(dir, "b.xlsx")]);
  expect(b.code).toBe(1);
  expect(b.err).toContain("新合同年度: 应为 2000–2100 之间的年份");
});

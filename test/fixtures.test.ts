// Every shared fixture through the command line, compared in full with its expected summary
// (KPI statuses and deductions, deductions, totals, installments with every field, findings by
// rule, subject and period, claims; the plain fixtures' errors exactly their planted cells;
// the bad cells reported as errors), and the audited copy checked against the input.
import { createHash } from "crypto";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../src/cli/main";
import { hashTable } from "../src/engine/fingerprint";
import { RESULT_SHEET_NAMES } from "../src/engine/sheets";
import type { SummaryJson } from "../src/engine/summary";
import { FIXTURES, FIXTURE_CASES, expectedOf, summaryTests } from "./fixture-checks";
import { readXlsx } from "./xlsx";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe.each(FIXTURE_CASES)("fixture %s", (name, asOf) => {
  const input = path.join(FIXTURES, `${name}.xlsx`);
  const { expected } = expectedOf(name);
  const extra = asOf ? ["--as-of", asOf] : [];
  const dir = mkdtempSync(path.join(tmpdir(), `audit-${name}-`));
  const out = path.join(dir, "out.xlsx");
  const json = path.join(dir, "summary.json");
  let before: string;
  let result: { code: number; out: string[]; err: string[] };
  let actual: SummaryJson;

  beforeAll(async () => {
    before = sha(input);
    result = await run([input, "--out", out, "--json", json, ...extra]);
    actual = JSON.parse(readFileSync(json, "utf8"));
  });

  test("the command line exits 0 and prints the Chinese summary", () => {
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const text = result.out.join("\n");
    expect(text).toContain(`评价截止 ${expected.asOf}`);
    expect(text).toContain("尾款（第3期）应付");
    expect(actual.asOf).toBe(expected.asOf);
  });

  summaryTests(name, () => actual);

  test("the input file is untouched and every input sheet has the same values in the copy", async () => {
    expect(sha(input)).toBe(before);
    const a = readXlsx(input);
    const b = readXlsx(out);
    for (const t of a.tables) {
      const copy = b.tables.find((x) => x.name === t.name);
      expect(copy && hashTable(copy)).toBe(hashTable(t));
    }
    expect(b.names).toEqual([...a.names, ...RESULT_SHEET_NAMES]);
  });
});

test("a second run on an audited copy replaces the result sheets and never reads them as input", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "audit-rerun-"));
  const first = path.join(dir, "first.xlsx");
  const second = path.join(dir, "second.xlsx");
  const input = path.join(FIXTURES, "small-2months.xlsx");
  expect(
    (
      await run([
        input,
        "--out",
        first,
        "--json",
        path.join(dir, "a.json"),
        "--as-of",
        "2023-02-28",
      ])
    ).code
  ).toBe(0);
  expect(
    (
      await run([
        first,
        "--out",
        second,
        "--json",
        path.join(dir, "b.json"),
        "--as-of",
        "2023-02-28",
      ])
    ).code
  ).toBe(0);
  const a: SummaryJson = JSON.parse(readFileSync(path.join(dir, "a.json"), "utf8"));
  const b: SummaryJson = JSON.parse(readFileSync(path.join(dir, "b.json"), "utf8"));
  expect(b.kpis).toEqual(a.kpis);
  expect(b.totals).toEqual(a.totals);
  expect(b.issues).toEqual(a.issues);
  const { names } = readXlsx(second);
  for (const n of RESULT_SHEET_NAMES) expect(names.filter((x) => x === n)).toHaveLength(1);
});

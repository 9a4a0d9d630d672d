// Every shared fixture through the command line, compared in full with its expected summary
// (KPI statuses and deductions, deductions, totals, installments with every field, findings by
// rule, subject and period, claims; the plain fixtures' errors exactly their planted cells;
// the bad cells reported as errors), and the audited copy checked against the input.
import { createHash } from "crypto";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../src/cli/main";
import { hashTable } from "../src/engine/audit";
import { RESULT_SHEET_NAMES } from "../src/engine/sheets";
import type { SummaryJson } from "../src/engine/summary";
import { readXlsx } from "./xlsx";

interface Expected {
  asOf: string;
  kpis: {
    ruleId: string;
    period: string;
    subject: string | null;
    status: string;
    deduction: string;
  }[];
  deductions: {
    ruleId: string;
    period: string;
    subject: string | null;
    amount: string;
    window: string;
  }[];
  findings: { ruleId: string; subject: string | null; period: string | null }[];
  claims: { ruleId: string; subject: string | null; amount: string }[];
  installments: {
    no: number;
    amount: string;
    dueOn: string | null;
    payable: string;
    daysLate: number;
    lateFee: string;
  }[];
  totals: Record<string, string>;
}

const FIXTURES = path.join(__dirname, "fixtures");
const cases: [string, string[]][] = [
  ["small-2months", ["--as-of", "2023-02-28"]],
  ["year-plain", []],
  ["year-messy", []],
  ["year-edge", []],
];

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const key = (k: { ruleId: string; period: string; subject?: string | null }) =>
  JSON.stringify([k.ruleId, k.period, k.subject ?? null]);
const countBy = (xs: { ruleId: string }[]) =>
  xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x.ruleId]: (m[x.ruleId] ?? 0) + 1 }), {});

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe.each(cases)("fixture %s", (name, extra) => {
  const input = path.join(FIXTURES, `${name}.xlsx`);
  const expected: Expected = JSON.parse(
    readFileSync(path.join(FIXTURES, `${name}.expected.json`), "utf8")
  );
  const expectIssues: { sheet: string; row: number; column: string }[] = JSON.parse(
    readFileSync(path.join(FIXTURES, `${name}.expect-issues.json`), "utf8")
  );
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

  test("every expected KPI has its status, and its deduction when failing", () => {
    const byKey = new Map(actual.kpis.map((k) => [key(k), k]));
    const wrong = expected.kpis
      .map((k) => ({ k, got: byKey.get(key(k)) }))
      .filter(
        ({ k, got }) =>
          !got || got.status !== k.status || (k.status === "fail" && got.deduction !== k.deduction)
      )
      .map(
        ({ k, got }) =>
          `${key(k)}: expected ${k.status} ${k.deduction}, got ${got?.status} ${got?.deduction}`
      );
    expect(wrong).toEqual([]);
    const expectedKeys = new Set(expected.kpis.map(key));
    expect(actual.kpis.filter((k) => !expectedKeys.has(key(k))).map(key)).toEqual([]);
  });

  test("deductions, with their acceptance windows", () => {
    const norm = (d: {
      ruleId: string;
      period: string;
      subject: string | null;
      amount: string;
      window: string;
    }) => `${key(d)} ${d.amount} ${d.window}`;
    expect(actual.deductions.map(norm).sort()).toEqual(expected.deductions.map(norm).sort());
  });

  test("totals", () => {
    for (const [field, value] of Object.entries(expected.totals))
      expect([field, (actual.totals as Record<string, unknown>)[field]]).toEqual([field, value]);
  });

  test("installments, every field of the expected summary", () => {
    for (const i of expected.installments) {
      const got = actual.installments.find((x) => x.no === i.no)! as unknown as Record<
        string,
        unknown
      >;
      const want = i as unknown as Record<string, unknown>;
      expect(Object.fromEntries(Object.keys(want).map((k) => [k, got[k]]))).toEqual(want);
    }
  });

  test("findings by rule, subject and period; claims", () => {
    const norm = (f: { ruleId: string; subject?: string | null; period?: string | null }) =>
      JSON.stringify([f.ruleId, f.subject ?? null, f.period ?? null]);
    expect(actual.findings.map(norm).sort()).toEqual(expected.findings.map(norm).sort());
    expect(countBy(actual.findings)).toEqual(countBy(expected.findings));
    expect(actual.claims.map((c) => [c.ruleId, c.subject, c.amount])).toEqual(
      expected.claims.map((c) => [c.ruleId, c.subject, c.amount])
    );
  });

  if (name === "small-2months" || name === "year-plain")
    test("a plain fixture has exactly its planted bad cells as errors (nothing spurious)", () => {
      const norm = (i: { sheet: string; row: number | null; column: string | null }) =>
        JSON.stringify([i.sheet, i.row, i.column]);
      expect(
        actual.issues
          .filter((i) => i.level === "error")
          .map(norm)
          .sort()
      ).toEqual(expectIssues.map(norm).sort());
    });

  test("every bad cell of the fixture is reported as an error with sheet, row, column and cell", () => {
    for (const w of expectIssues) {
      const hit = actual.issues.find(
        (i) =>
          i.level === "error" && i.sheet === w.sheet && i.row === w.row && i.column === w.column
      );
      expect(hit).toBeDefined();
      expect(hit!.cell).toMatch(new RegExp(`^[A-Z]+${w.row}$`));
      expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
      expect(hit!.messageEn).toMatch(/[a-z]/);
    }
  });

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

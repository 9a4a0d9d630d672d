// The shared fixtures' expected summaries, and the tests that compare a run's summary with them
// in full. Used by test/fixtures.test.ts (through the command line) and by
// test/mutation/fixtures.test.ts (the engine in-process, for mutation testing).
import { readFileSync } from "fs";
import path from "path";
import type { SummaryJson } from "../src/engine/summary";

export interface Expected {
  asOf: string;
  kpis: {
    ruleId: string;
    period: string;
    subject: string | null;
    status: string;
    deduction: string;
    numerator?: number;
    denominator?: number;
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

export const FIXTURES = path.join(__dirname, "fixtures");

/** Each fixture with the options it is run under. */
export const FIXTURE_CASES: [name: string, asOf: string | undefined][] = [
  ["small-2months", "2023-02-28"],
  ["year-plain", undefined],
  // year-plain's data as the city platform exports it: one wide sheet, and thirteen monthly
  // sheets with a 列映射 (WORKBOOK.md revision 3)
  ["export-wide", undefined],
  ["export-monthly", undefined],
  ["year-messy", undefined],
  ["year-edge", undefined],
];

export interface ExpectedIssue {
  sheet: string;
  row: number;
  column: string;
}

export function expectedOf(name: string): { expected: Expected; expectIssues: ExpectedIssue[] } {
  const json = (f: string) => JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8"));
  return {
    expected: json(`${name}.expected.json`),
    expectIssues: json(`${name}.expect-issues.json`),
  };
}

const key = (k: { ruleId: string; period: string; subject?: string | null }) =>
  JSON.stringify([k.ruleId, k.period, k.subject ?? null]);
const countBy = (xs: { ruleId: string }[]) =>
  xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x.ruleId]: (m[x.ruleId] ?? 0) + 1 }), {});

/**
 * The comparisons of a fixture's summary with its expected one: KPIs, deductions, totals,
 * installments, findings and claims in full; the planted bad cells (exactly, for the plain ones).
 * `summary()` is called inside each test (after the caller's beforeAll).
 */
/**
 * The comparisons of one fixture's summary with its expected one. `perTest` computes the summary
 * in each test rather than once: StrykerJS (coverage per test) sees only what runs inside a test,
 * so the mutation run needs it; the main suite computes it once.
 */
export function summaryTests(
  name: string,
  summary: () => SummaryJson,
  { perTest = false }: { perTest?: boolean } = {}
): void {
  const { expected, expectIssues } = expectedOf(name);
  let actual: SummaryJson;
  (perTest ? beforeEach : beforeAll)(() => {
    actual = summary();
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

  if (["small-2months", "year-plain", "export-wide", "export-monthly"].includes(name))
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
}

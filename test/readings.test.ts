// 口径对比 (issue 12, RULES.md §5): each reading's totals equal a separate run with only that
// parameter changed — through the command line, with the alternative given to --params as the
// summary writes it; a reading the workbook already changed is compared with the contract default.
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { audit } from "../src/engine/audit";
import { layoutResults } from "../src/engine/layout";
import { DEFAULT_PARAMS, ParamKey } from "../src/engine/params";
import { coerceParam, formatParam } from "../src/engine/param-text";
import { READINGS } from "../src/engine/readings";
import { READING_TOTALS, SummaryJson, toSummaryJson } from "../src/engine/summary";
import { main } from "../src/cli/main";
import { readXlsx } from "./xlsx";
import { oneTicket } from "./unit/helpers";

const dir = mkdtempSync(path.join(tmpdir(), "readings-"));
const fixture = (name: string) => path.join(__dirname, "fixtures", `${name}.xlsx`);
/** A value in the --params form, as the command line coerces it. */
function typed(key: ParamKey, v: unknown): unknown {
  const c = coerceParam(key, v);
  if (!c.ok) throw new Error(c.messageEn);
  return c.value;
}
const pick = (t: SummaryJson["totals"]) => Object.fromEntries(READING_TOTALS.map((k) => [k, t[k]]));

async function cli(args: string[]): Promise<SummaryJson> {
  const json = path.join(dir, `s-${Math.random().toString(36).slice(2)}.json`);
  const code = await main([...args, "--out", path.join(dir, "o.xlsx"), "--json", json], {
    out: () => undefined,
    err: (l) => console.error(l),
  });
  expect(code).toBe(0);
  return JSON.parse(readFileSync(json, "utf8")) as SummaryJson;
}

test("year-plain: every reading's totals are those of a run with --params set to its alternative", async () => {
  const main1 = await cli([fixture("year-plain")]);
  expect(main1.readings!.map((r) => r.key)).toEqual(READINGS.map((r) => r.key));
  // the fixture is sensitive to some readings: the test compares real differences
  expect(
    main1.readings!.filter((r) => JSON.stringify(pick(main1.totals)) !== JSON.stringify(r.totals))
      .length
  ).toBeGreaterThanOrEqual(3);
  for (const r of main1.readings!) {
    const file = path.join(dir, `${r.key}.json`);
    writeFileSync(file, JSON.stringify({ [r.key]: r.alternative }));
    const alone = await cli([fixture("year-plain"), "--params", file]);
    expect({ key: r.key, totals: r.totals }).toEqual({ key: r.key, totals: pick(alone.totals) });
  }
}, 120000);

test.each(["small-2months", "year-edge", "year-messy"])(
  "%s: the same agreement in process",
  (name) => {
    const tables = readXlsx(fixture(name)).tables;
    const asOf = name === "small-2months" ? "2023-02-28" : undefined;
    const s = toSummaryJson(audit(tables, { asOf }));
    for (const r of READINGS) {
      const reading = s.readings!.find((x) => x.key === r.key)!;
      const alone = toSummaryJson(
        audit(tables, { asOf, params: { [r.key]: typed(r.key, reading.alternative) } })
      );
      expect({ key: r.key, totals: reading.totals }).toEqual({
        key: r.key,
        totals: pick(alone.totals),
      });
    }
  },
  60000
);

test("a reading the workbook already changed is compared with the contract default", () => {
  const tables = readXlsx(fixture("year-plain")).tables;
  const s = toSummaryJson(
    audit(tables, {
      params: { "r10.tiers": typed("r10.tiers", "1:5%, 3:10%, 6:15%"), "r5.missingFails": false },
    })
  );
  const tiers = s.readings!.find((r) => r.key === "r10.tiers")!;
  expect(tiers.value).toBe("1:5%, 3:10%, 6:15%");
  expect(tiers.alternative).toBe(formatParam("r10.tiers", DEFAULT_PARAMS["r10.tiers"]));
  expect(s.readings!.find((r) => r.key === "r5.missingFails")!.alternative).toBe(true);
  // and the default run's totals are what that alternative gives
  const plain = toSummaryJson(audit(tables, { params: { "r5.missingFails": false } }));
  expect(tiers.totals).toEqual(pick(plain.totals));
});

test("readings off: none in the summary, the same totals", () => {
  const tables = readXlsx(fixture("small-2months")).tables;
  const on = toSummaryJson(audit(tables, { asOf: "2023-02-28" }));
  const off = toSummaryJson(audit(tables, { asOf: "2023-02-28", readings: false }));
  expect(off.readings).toBeUndefined();
  expect(on.readings).toHaveLength(READINGS.length);
  expect(off.totals).toEqual(on.totals);
  expect(off.kpis).toEqual(on.kpis);
});

test("核查汇总 says how many readings move money, and 口径对比 lists those first, highlighted", () => {
  const tables = readXlsx(fixture("year-plain")).tables;
  const r = audit(tables);
  const s = toSummaryJson(r);
  const moving = s.readings!.filter(
    (x) => JSON.stringify(x.totals) !== JSON.stringify(pick(s.totals))
  );
  expect(moving.length).toBeGreaterThan(0);
  const specs = layoutResults(r);
  const texts = (name: string) =>
    JSON.stringify(specs.find((x) => x.name === name)!.blocks.map((b) => b.rows));
  expect(texts("核查汇总")).toContain(`${moving.length} 项合同未明确之处的另一种理解会改变金额`);
  const table = specs.find((x) => x.name === "口径对比")!.blocks.find((b) => b.kind === "table")!;
  if (table.kind !== "table") throw new Error("no table");
  const keys = table.rows.map((row) => JSON.stringify(row[1]));
  // the ones that move money first, the largest move first
  const size = (m: (typeof moving)[number]) =>
    Math.max(...READING_TOTALS.map((k) => Math.abs(Number(m.totals[k]) - Number(s.totals[k]))));
  const expected = [...moving].sort((a, b) => size(b) - size(a)).map((m) => m.key);
  expect(keys.slice(0, moving.length).map((k) => expected.find((e) => k.includes(e)))).toEqual(
    expected
  );
  expect(table.rowHighlight!.slice(0, moving.length).every((h) => h === "warn")).toBe(true);
  expect(table.rowHighlight!.slice(moving.length).every((h) => h === null)).toBe(true);
  const off = layoutResults(audit(tables, { readings: false }));
  expect(
    JSON.stringify(off.find((x) => x.name === "核查汇总")!.blocks.map((b) => b.rows))
  ).toContain("本次未计算");
});

test("Party A's late fee is a total of every reading: the guarantee reading moves it", () => {
  // installment 3 invoiced at its payable, its guarantee (2023-11-28) below it: with 等额保函 the
  // clock never starts; read the other way it starts, and the unpaid installment runs late
  const pay = {
    name: "付款",
    firstRow: 1,
    firstCol: 1,
    values: [
      ["期次", "发票日期", "发票金额", "保函日期", "保函金额", "付款日期", "付款金额"],
      [3, "2023-11-28", 799999.2, "2023-11-28", 500000, null, null],
    ],
  };
  const r = audit([oneTicket(), pay], { asOf: "2023-12-31" });
  expect(r.settlement.totals.lateFees).toBe(0);
  const g = r.readings!.find((x) => x.key === "payments.guaranteeMustCover")!;
  // due the 10th working day after 2023-11-28: 2023-12-12; late 19 days to 2023-12-31, 3% a day
  const expected = Math.round(399999600 * 0.03) * 19;
  expect(g.totals.lateFees).toBe(expected);
  const readings = layoutResults(r).find((s) => s.name === "口径对比")!;
  expect(JSON.stringify(readings)).toContain("甲方逾期付款违约金");
  const j = toSummaryJson(r);
  expect(j.readings!.find((x) => x.key === "payments.guaranteeMustCover")!.totals.lateFees).toBe(
    (expected / 100).toFixed(2)
  );
});

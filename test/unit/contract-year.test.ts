// Any contract year (RULES.md and WORKBOOK.md revision 3): contract.year drives R6, R7 and R10; a new
// year moves every date by whole years (29 February → 28th, a mid-year start, the cut-off) and
// keeps thresholds; the 节假日 sheet extends and overrides the bundled calendar, its errors stop
// the run, and a year no calendar covers is a warning and 待核 marks on 付款计划 — never silent.
import { readFileSync } from "fs";
import path from "path";
import { audit } from "../../src/engine/audit";
import { bundledYears, isWorkday } from "../../src/engine/calendar";
import { shiftContractYear, shiftIsoDate } from "../../src/engine/contract-year";
import { layoutResults } from "../../src/engine/layout";
import { templateSpecs } from "../../src/engine/layout/own";
import { DEFAULT_PARAMS, Params } from "../../src/engine/params";
import { validateParams } from "../../src/engine/param-text";
import { formatDay, parseIsoDay } from "../../src/engine/time";
import type { RawCell } from "../../src/engine/table";
import {
  auditFailure,
  issuesWith,
  kpisOf,
  oneTicket,
  paramsSheet,
  run,
  sheet,
  tickets,
} from "./helpers";

const day = (iso: string) => parseIsoDay(iso)!;

describe("a new contract year in one action", () => {
  test("every date moves by whole years; 29 February becomes the 28th; amounts and thresholds stay", () => {
    expect(shiftIsoDate("2024-02-29", 1)).toBe("2025-02-28");
    expect(shiftIsoDate("2024-02-29", 4)).toBe("2028-02-29");
    expect(shiftIsoDate("2023-10-31", 3)).toBe("2026-10-31");
    const s = shiftContractYear(DEFAULT_PARAMS, 2026, 24);
    expect(s.from).toBe(2023);
    expect(s.moved.map((m) => [m.key, m.from, m.to])).toEqual([
      ["contract.signedOn", "2023-01-20", "2026-01-20"],
      ["service.start", "2023-01-23", "2026-01-23"],
      ["service.end", "2024-01-22", "2027-01-22"],
      ["acceptance.firstOn", "2023-11-25", "2026-11-25"],
      ["acceptance.firstCutoff", "2023-10-31", "2026-10-31"],
      ["acceptance.finalOn", "2024-01-23", "2027-01-23"],
      ["r7.halfYearDue", "2023-07-31", "2026-07-31"],
      ["payments.installment2Due", "2023-07-22", "2026-07-22"],
    ]);
    // the dates that follow another move with it; the year follows the service start
    expect(s.params["evaluation.asOf"]).toBeNull();
    expect(s.params["contract.year"]).toBeNull();
    expect(s.params["r10.baselineRank"]).toBe(24);
    expect(s.baselineRank).toEqual({ from: 26, to: 24, kept: false });
    for (const k of [
      "contract.totalFee",
      "r2.threshold",
      "r10.tiers",
      "payments.refundWorkdays",
    ] as const)
      expect(s.params[k]).toEqual(DEFAULT_PARAMS[k]);
    expect(validateParams(s.params).ok).toBe(true);
  });

  test("a mid-year service start, a year set by hand, a rank not given: kept and said", () => {
    const p: Params = {
      ...DEFAULT_PARAMS,
      "service.start": "2024-02-29",
      "service.end": "2025-02-28",
      "contract.year": 2024,
      "evaluation.asOf": "2024-12-31",
    };
    const s = shiftContractYear(p, 2025);
    expect(s.params["service.start"]).toBe("2025-02-28");
    expect(s.params["service.end"]).toBe("2026-02-28");
    expect(s.params["evaluation.asOf"]).toBe("2025-12-31");
    expect(s.params["contract.year"]).toBe(2025);
    expect(s.baselineRank).toEqual({ from: 26, to: 26, kept: true });
  });

  test("contract.year outside the service window ±1 year is an error naming the cell; nothing computed", () => {
    const f = auditFailure([oneTicket(), paramsSheet([["contract.year", 2030]])]);
    expect(f.code).toBe("invalid-params");
    expect(f.paramErrors[0]).toMatchObject({ key: "contract.year", sheet: "规则参数", cell: "B2" });
    expect(f.messageZh).toContain("考核年度应在服务期前后一年之内（2022–2025 年），而不是 2030 年");
  });
});

describe("contract.year drives R6, R7 and R10", () => {
  const reports = sheet(
    "报告",
    ["报告类型", "所属期间", "提交日期"],
    [["半年工作总结", "2024-H1", "2024-07-01"]]
  );
  const rankings = sheet(
    "考核排名",
    ["期间", "区级排名"],
    [
      ["2023", 20],
      ["2024", 40],
    ]
  );

  test("the default: the service start's year (2023)", () => {
    const s = run([oneTicket(), reports, rankings]);
    expect(kpisOf(s, "R7").map((k) => k.period)).toEqual(["2023-H1", "2023"]);
    expect(kpisOf(s, "R6").filter((k) => k.period.startsWith("2023")).length).toBe(18);
    expect(kpisOf(s, "R10")).toEqual([expect.objectContaining({ period: "2023", status: "pass" })]);
  });

  test("contract.year 2024: the 2024 reports, summaries and ranking", () => {
    const s = run(
      [
        oneTicket(),
        reports,
        rankings,
        paramsSheet([
          ["contract.year", 2024],
          ["r7.halfYearDue", "2024-07-31"],
        ]),
      ],
      {
        asOf: "2025-01-31",
      }
    );
    expect(kpisOf(s, "R7").map((k) => [k.period, k.status])).toEqual([
      ["2024-H1", "pass"],
      ["2024", expect.any(String)],
    ]);
    expect(kpisOf(s, "R6").every((k) => k.period.startsWith("2024"))).toBe(true);
    expect(kpisOf(s, "R10")).toEqual([expect.objectContaining({ period: "2024", status: "fail" })]);
  });
});

describe("the calendar", () => {
  test("2025 in the bundled data is the State Council's notice", () => {
    const rest = [
      "2025-01-01",
      ...["01-28", "01-29", "01-30", "01-31", "02-01", "02-02", "02-03", "02-04"].map(
        (d) => `2025-${d}`
      ),
      "2025-04-04",
      "2025-04-05",
      "2025-04-06",
      "2025-05-01",
      "2025-05-02",
      "2025-05-03",
      "2025-05-04",
      "2025-05-05",
      "2025-05-31",
      "2025-06-01",
      "2025-06-02",
      ...["01", "02", "03", "04", "05", "06", "07", "08"].map((d) => `2025-10-${d}`),
    ];
    const worked = ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"];
    for (const d of rest) expect([d, isWorkday(day(d))]).toEqual([d, false]);
    for (const d of worked) expect([d, isWorkday(day(d))]).toEqual([d, true]);
    // and an ordinary weekday and weekend
    expect(isWorkday(day("2025-03-12"))).toBe(true);
    expect(isWorkday(day("2025-03-15"))).toBe(false);
  });

  test("the installed chinese-days covers at least the years the README says", () => {
    const readme = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const said = /bundled State Council calendar covers (\d{4})–(\d{4})/.exec(readme);
    expect(said).not.toBeNull();
    const [first, last] = bundledYears();
    expect(first).toBeLessThanOrEqual(Number(said![1]));
    expect(last).toBeGreaterThanOrEqual(Number(said![2]));
  });
});

/** The 2026–27 contract year, with one ticket unsigned overnight in November 2026 (R1, the final window). */
function year2026(extra: RawCell[][] | null) {
  const p = shiftContractYear(DEFAULT_PARAMS, 2026).params;
  const t = tickets([["GD1", "2026-11-10 09:00", null]]);
  const tables = extra ? [t, sheet("节假日", ["日期", "类型", "名称"], extra)] : [t];
  return audit(tables, { params: p as unknown as Record<string, unknown>, readings: false });
}

describe("the 节假日 sheet", () => {
  test("without it, the refund counted in 2027 is a warning naming the year and the sheet, and 待核 on 付款计划", () => {
    const r = year2026(null);
    expect(r.settlement.totals.refundDue).toBe(20000);
    // five working days after 2027-01-23 (a Saturday), weekends only
    expect(formatDay(r.settlement.totals.refundDueOn!)).toBe("2027-01-29");
    expect(r.settlement.refundCalendarGap).toEqual(["2027"]);
    const w = r.issues.filter((i) => i.code === "calendar-not-covered");
    expect(w.map((i) => i.message)).toEqual([expect.stringContaining("节假日数据不含 2027 年")]);
    expect(w[0].message).toContain("“节假日”工作表");
    const pay = layoutResults(r).find((s) => s.name === "付款计划")!;
    expect(JSON.stringify(pay)).toContain("待核（日历缺 2027 年");
    // every result sheet names the contract year of the run
    // (结算确认单 in its title: its short subtitle fits the upright page, the body has the period)
    for (const sheet of layoutResults(r))
      expect([sheet.name, sheet.name === "结算确认单" ? sheet.title : sheet.subtitle]).toEqual([
        sheet.name,
        expect.stringContaining(
          sheet.name === "结算确认单"
            ? "结算确认单（2026 年度）"
            : "2026 年度（服务期 2026-01-23 至 2027-01-22）"
        ),
      ]);
  });

  test("with the 2027 days in it, the refund deadline follows the sheet and nothing is 待核", () => {
    const r = year2026([
      ["2027-01-25", "休", "假设的假日"],
      ["2027-01-26", "休", "假设的假日"],
    ]);
    expect(formatDay(r.settlement.totals.refundDueOn!)).toBe("2027-02-02");
    expect(r.settlement.refundCalendarGap).toEqual([]);
    expect(r.issues.some((i) => i.code === "calendar-not-covered")).toBe(false);
    expect(r.calendar.days.map((d) => [d.day, d.kind, d.cell])).toEqual([
      ["2027-01-25", "休", "A2"],
      ["2027-01-26", "休", "A3"],
    ]);
    const log = JSON.stringify(layoutResults(r).find((s) => s.name === "运行记录"));
    expect(log).toContain("“节假日”表的 2 天优先");
  });

  test("a day that contradicts the bundled schedule: a warning naming both, and the sheet wins", () => {
    // installment 1: 2023-01-20 + 30 days = Sunday 2023-02-19 → Monday 02-20; a 休 there → 02-21
    const r = audit(
      [
        oneTicket(),
        sheet(
          "节假日",
          ["日期", "类型"],
          [
            ["2023-02-20", "休"],
            ["2023-01-28", "休"],
          ]
        ),
      ],
      {
        readings: false,
      }
    );
    expect(formatDay(r.settlement.installments[0].dueOn!)).toBe("2023-02-21");
    const w = r.issues.filter((i) => i.code === "calendar-override");
    expect(w).toEqual([
      expect.objectContaining({
        cell: "A3",
        message: "2023-01-28 本表为“休”，内置国务院安排为“班”：以本表为准",
      }),
    ]);
  });

  test.each([
    ["an unreadable date", [["2027-02-30", "休"]], "A2"],
    ["a 类型 other than 休/班", [["2027-01-25", "半天"]], "B2"],
    ["a blank 类型", [["2027-01-25", null]], "B2"],
  ])("%s is an error naming the cell; nothing is computed", (_w, rows, cell) => {
    const f = auditFailure([oneTicket(), sheet("节假日", ["日期", "类型"], rows as RawCell[][])]);
    expect(f.code).toBe("invalid-holidays");
    expect(f.paramErrors[0]).toMatchObject({ sheet: "节假日", cell });
    expect(f.messageZh).toContain("节假日表有误，未进行计算");
  });

  test("the same date with two types is an error naming both cells; twice the same is a warning", () => {
    const f = auditFailure([
      oneTicket(),
      sheet(
        "节假日",
        ["日期", "类型"],
        [
          ["2027-01-25", "休"],
          ["2027-01-25", "班"],
        ]
      ),
    ]);
    expect(f.paramErrors.map((e) => e.cell)).toEqual(["A3"]);
    expect(f.paramErrors[0].message).toContain("已在 A2 写为“休”，这里又写为“班”");
    const s = run([
      oneTicket(),
      sheet(
        "节假日",
        ["日期", "类型"],
        [
          ["2027-01-25", "休"],
          ["2027-01-25", "休"],
        ]
      ),
    ]);
    expect(issuesWith(s, "duplicate-date").map((i) => i.cell)).toEqual(["A3"]);
  });

  test("no 节假日 sheet is no warning: the bundled schedule serves", () => {
    const s = run([oneTicket()]);
    expect(s.issues.some((i) => i.message.includes("节假日"))).toBe(false);
  });
});

test("the 节假日 template has the notice's layout: 日期, 类型 (休/班 drop-down), 名称", () => {
  const [t] = templateSpecs(["holidays"]);
  expect(t.name).toBe("节假日");
  expect(t.columns.map((c) => [c.header, c.required, c.list ?? null])).toEqual([
    ["日期", true, null],
    ["类型", true, ["休", "班"]],
    ["名称", false, null],
  ]);
});

test("the templates' example dates are of the contract year", () => {
  const [rankings] = templateSpecs(["rankings"], 10, 2026);
  expect(rankings.columns[0].note).toContain("全年写 2026，月度写 2026-05");
  const [reports] = templateSpecs(["reports"], 10);
  expect(JSON.stringify(reports.columns)).toContain("2023-Q1");
});

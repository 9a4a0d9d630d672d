// R6 数据分析报告 (data-analysis reports), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { Summary, kpi, kpisOf, run, sheet, tickets } from "../helpers";

describe("R6 data-analysis reports", () => {
  const reports = sheet(
    "报告",
    ["报告类型", "所属期间", "成绩公布日期", "提交日期"],
    [
      // published Thu 2023-04-06 + 10 = Sun 2023-04-16 → rolled to Mon 2023-04-17
      ["月报", "2023-03", "2023-04-06", "2023-04-17"],
      // published Thu 2023-05-11 + 10 = Sun 2023-05-21 → Mon 2023-05-22; submitted Tue → late
      ["月报", "2023-04", "2023-05-11", "2023-05-23"],
      // published Thu 2023-04-13 + 10 = Sun 2023-04-23, a 调休 working day: not moved; submitted Mon → late
      ["季报", "2023-Q1", "2023-04-13", "2023-04-24"],
    ]
  );
  const base = tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  // computed in each test, so that mutation testing sees which tests reach the code
  let s: Summary;
  beforeEach(() => {
    s = run([base, reports], { asOf: "2023-05-31" });
  });

  test("due on a Sunday rolls to Monday: submitted Monday passes", () => {
    expect(kpi(s, "R6", "2023-03")).toMatchObject({ status: "pass", deduction: "0.00" });
  });
  test("without roll-over the same report is late", () => {
    const s2 = run([base, reports], {
      asOf: "2023-05-31",
      params: { "deadlines.rollOverRestDays": false },
    });
    expect(kpi(s2, "R6", "2023-03")).toMatchObject({ status: "fail", deduction: "500.00" });
  });
  test("submitted the day after the rolled-over due date fails (¥500)", () => {
    expect(kpi(s, "R6", "2023-04")).toMatchObject({
      status: "fail",
      occurrences: 1,
      deduction: "500.00",
    });
  });
  test("a due date on a 调休 Sunday does not move", () => {
    expect(kpi(s, "R6", "2023-Q1")).toMatchObject({ status: "fail", deduction: "500.00" });
  });
  test("a missing report is a fail once its fallback due date (period end + 25, rolled over) has passed", () => {
    // 月报 2023-01: 01-31 + 25 = Sat 02-25 → Mon 02-27 ≤ asOf
    expect(kpi(s, "R6", "2023-01")).toMatchObject({ status: "fail", deduction: "500.00" });
    // 月报 2023-05: 05-31 + 25 = 06-25 > asOf
    expect(kpi(s, "R6", "2023-05").status).toBe("pending");
  });
  test("18 expected reports", () => {
    expect(kpisOf(s, "R6").length).toBe(18);
  });
});

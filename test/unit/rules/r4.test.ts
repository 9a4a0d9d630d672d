// R4 办结反馈时限 (on-time feedback), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { Summary, kpi, run, sheet } from "../helpers";

describe("R4 on-time feedback", () => {
  const header = ["工单编号", "派单时间", "签收时间", "办理时限", "反馈时间"];
  const tables = [
    sheet("工单", header, [
      // blank 办理时限 → received + 15 days, end of day: due 2023-03-25 23:59:59 → on time
      ["T1", "2023-03-10 10:00", "2023-03-10 10:05", null, "2023-03-25 23:00"],
      // a bare date 办理时限 means the end of that day → on time
      ["T2", "2023-03-12 10:00", "2023-03-12 10:05", "2023-03-20", "2023-03-20 18:00"],
      // blank 办理时限: due 2023-04-25 23:59:59; fed back one second after midnight → late
      ["T3", "2023-04-10 10:00", "2023-04-10 10:05", null, "2023-04-26 00:00:01"],
    ]),
  ];
  // computed in each test, so that mutation testing sees which tests reach the code
  let s: Summary;
  beforeEach(() => {
    s = run(tables, { asOf: "2023-04-30" });
  });

  test("blank 办理时限 = received + 15 natural days (end of that day): fed back 03-25 23:00 is on time", () => {
    expect(kpi(s, "R4", "2023-03")).toMatchObject({ status: "pass", numerator: 2, denominator: 2 });
  });
  test("blank 办理时限: fed back 00:00:01 after the 15th day is late, the month fails (¥500)", () => {
    expect(kpi(s, "R4", "2023-04")).toMatchObject({
      status: "fail",
      numerator: 0,
      denominator: 1,
      occurrences: 1,
      deduction: "500.00",
    });
  });
  test("a blank 办理时限 raises a warning on its cell, and only there", () => {
    const w = s.issues.filter((i) => i.level === "warning" && i.column === "办理时限");
    expect(w.map((i) => [i.sheet, i.row, i.cell])).toEqual([
      ["工单", 2, "D2"],
      ["工单", 4, "D4"],
    ]);
  });
  test("r4.defaultHandlingDays 16 puts T3 on time", () => {
    const s2 = run(tables, { asOf: "2023-04-30", params: { "r4.defaultHandlingDays": 16 } });
    expect(kpi(s2, "R4", "2023-04").status).toBe("pass");
  });
  test("a ticket past its limit with no 反馈时间 is late", () => {
    const t = [
      sheet("工单", header, [
        ["T1", "2023-03-01 10:00", "2023-03-01 10:05", "2023-03-10 17:00", null],
      ]),
    ];
    expect(kpi(run(t, { asOf: "2023-03-31" }), "R4", "2023-03")).toMatchObject({
      status: "fail",
      denominator: 1,
    });
  });
});

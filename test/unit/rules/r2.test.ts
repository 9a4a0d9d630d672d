// R2 派单准确率 (dispatch accuracy), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { RawCell } from "../../../src/engine/table";
import { Summary, kpi, paramsSheet, run, sheet } from "../helpers";

describe("R2 dispatch accuracy", () => {
  const header = ["工单编号", "派单时间", "签收时间", "转派时间", "承办部门", "派单准确"];
  const row = (id: string, day: string, correct: RawCell): RawCell[] => [
    id,
    `${day} 09:00`,
    `${day} 09:10`,
    `${day} 09:20`,
    "区卫健委",
    correct,
  ];
  // March: 10 forwarded, 1 否, 1 blank (counts as correct) → 9/10 = 90%
  const march = Array.from({ length: 10 }, (_, i) =>
    row(
      `M${i + 1}`,
      `2023-03-${String(i + 1).padStart(2, "0")}`,
      i === 0 ? "否" : i === 1 ? null : "是"
    )
  );
  // April: 10 forwarded, 2 否 → 8/10 = 80%. A11 was received in March but forwarded in April: it counts in April.
  const april = [
    ...Array.from({ length: 9 }, (_, i) =>
      row(`A${i + 1}`, `2023-04-${String(i + 3).padStart(2, "0")}`, i < 2 ? "否" : "Y")
    ),
    ["A11", "2023-03-31 23:00", "2023-03-31 23:10", "2023-04-01 08:00", "区卫健委", "是"],
  ];
  const tables = [sheet("工单", header, [...march, ...april])];
  // computed in each test, so that mutation testing sees which tests reach the code
  let s: Summary;
  beforeEach(() => {
    s = run(tables, { asOf: "2023-04-30" });
  });

  test("exactly 90% (9 of 10) passes", () => {
    expect(kpi(s, "R2", "2023-03")).toMatchObject({
      status: "pass",
      numerator: 9,
      denominator: 10,
      value: 0.9,
      occurrences: 0,
      deduction: "0.00",
    });
  });
  test("8 of 10 fails: one occurrence, ¥500", () => {
    expect(kpi(s, "R2", "2023-04")).toMatchObject({
      status: "fail",
      numerator: 8,
      denominator: 10,
      value: 0.8,
      occurrences: 1,
      deduction: "500.00",
    });
  });
  test("a month with no forwarded tickets is na", () => {
    expect(kpi(s, "R2", "2023-02")).toMatchObject({ status: "na", deduction: "0.00" });
  });
  test("months after asOf are pending", () => {
    expect(kpi(s, "R2", "2023-05").status).toBe("pending");
  });
  test("r2.blankCountsCorrect false: the blank counts as wrong, March drops to 8/10 and fails", () => {
    const s2 = run(tables, { asOf: "2023-04-30", params: { "r2.blankCountsCorrect": false } });
    expect(kpi(s2, "R2", "2023-03")).toMatchObject({
      status: "fail",
      numerator: 8,
      denominator: 10,
      deduction: "500.00",
    });
  });
  test("a 规则参数 sheet lowers the threshold: r2.threshold 80% makes April pass", () => {
    const s2 = run([...tables, paramsSheet([["r2.threshold", "80%"]])], { asOf: "2023-04-30" });
    expect(kpi(s2, "R2", "2023-04").status).toBe("pass");
    expect(s2.changedParams).toContain("r2.threshold");
  });
});

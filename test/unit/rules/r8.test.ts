// R8 培训开展 (trainings), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { RawCell } from "../../../src/engine/table";
import { kpi, run, sheet, tickets } from "../helpers";

describe("R8 trainings, partial months prorated (default asOf 2024-01-22)", () => {
  const base = tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  const rows: RawCell[][] = [
    ["2023-01-28", "岗前培训", "培训课"],
    ["2023-02-10", "业务复盘", "复盘会"],
    ["2024-01-10", "政策培训", "培训课"],
    ["2024-01-15", "义诊宣传", "宣传活动"], // not counted
  ];
  const header = ["日期", "主题", "形式"];

  test("Jan 2023 (9 of 31 service days) requires ceil(2 × 9 / 31) = 1: one course passes", () => {
    expect(kpi(run([base, sheet("培训", header, rows)]), "R8", "2023-01")).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
    });
  });
  test("Jan 2024 (22 of 31 days) requires ceil(2 × 22 / 31) = 2: one course and a 宣传活动 fail", () => {
    expect(kpi(run([base, sheet("培训", header, rows)]), "R8", "2024-01")).toMatchObject({
      status: "fail",
      numerator: 1,
      denominator: 2,
      deduction: "500.00",
    });
  });
  test("Jan 2024 with a second counted training passes", () => {
    const s = run([base, sheet("培训", header, [...rows, ["2024-01-18", "月度复盘", "复盘会"]])]);
    expect(kpi(s, "R8", "2024-01")).toMatchObject({ status: "pass", numerator: 2, denominator: 2 });
  });
  test("a full month requires 2", () => {
    expect(kpi(run([base, sheet("培训", header, rows)]), "R8", "2023-02")).toMatchObject({
      status: "fail",
      numerator: 1,
      denominator: 2,
    });
  });
  test("r8.partialMonth full: Jan 2023 requires 2", () => {
    expect(
      kpi(
        run([base, sheet("培训", header, rows)], { params: { "r8.partialMonth": "full" } }),
        "R8",
        "2023-01"
      )
    ).toMatchObject({ status: "fail", denominator: 2 });
  });
});

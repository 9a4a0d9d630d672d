// R7 总结报告 (summary reports), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { kpi, run, sheet, tickets } from "../helpers";

describe("R7 summary reports (fixed dates never move)", () => {
  const base = tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  const reports = sheet(
    "报告",
    ["报告类型", "所属期间", "提交日期"],
    [["半年工作总结", "2023-H1", "2023-07-31"]]
  );
  test("submitted on the due date 2023-07-31 passes", () => {
    expect(kpi(run([base, reports], { asOf: "2023-08-31" }), "R7", "2023-H1").status).toBe("pass");
  });
  test("a due date on Sunday 2023-07-30 is not rolled over: submitted Monday fails", () => {
    const s = run([base, reports], {
      asOf: "2023-08-31",
      params: { "r7.halfYearDue": "2023-07-30" },
    });
    expect(kpi(s, "R7", "2023-H1")).toMatchObject({ status: "fail", deduction: "500.00" });
  });
});

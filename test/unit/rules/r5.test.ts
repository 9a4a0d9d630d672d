// R5 质检得分 (QA score), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { Summary, kpi, oneTicket, run, sheet, tickets } from "../helpers";

describe("R5 QA score", () => {
  const qa = sheet(
    "质检",
    ["日期", "得分"],
    [
      ["2023-03-05", 89],
      ["2023-03-20", 91], // March mean 90.0 → pass
      ["2023-05-02", 95],
      ["2023-05-09", 84], // May mean 89.5 → fail
    ]
  );
  const base = tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  // computed in each test, so that mutation testing sees which tests reach the code
  let s: Summary;
  beforeEach(() => {
    s = run([base, qa], { asOf: "2023-05-31" });
  });

  test("mean exactly 90 passes", () => {
    expect(kpi(s, "R5", "2023-03")).toMatchObject({ status: "pass", denominator: 2, value: 90 });
  });
  test("a month without samples fails (¥500)", () => {
    expect(kpi(s, "R5", "2023-04")).toMatchObject({
      status: "fail",
      occurrences: 1,
      deduction: "500.00",
    });
  });
  test("mean 89.5 fails", () => {
    expect(kpi(s, "R5", "2023-05")).toMatchObject({
      status: "fail",
      value: 89.5,
      deduction: "500.00",
    });
  });
  test("r5.missingFails false: a month without samples is na", () => {
    expect(
      kpi(
        run([base, qa], { asOf: "2023-05-31", params: { "r5.missingFails": false } }),
        "R5",
        "2023-04"
      ).status
    ).toBe("na");
  });
});

describe("revision 2: unreadable data never makes a deduction", () => {
  const t1 = () => oneTicket();
  test("R5: a month whose samples were all unreadable is na (not a missing-samples failure)", () => {
    const s = run(
      [
        t1(),
        sheet(
          "质检",
          ["日期", "得分"],
          [
            ["2023-03-05", "八十"],
            ["2023-03-20", "#N/A"],
          ]
        ),
      ],
      { asOf: "2023-04-30" }
    );
    expect(kpi(s, "R5", "2023-03")).toMatchObject({ status: "na", deduction: "0.00" });
    expect(kpi(s, "R5", "2023-03").note).toContain("质检!B2");
    // a month with no sample rows at all still fails (r5.missingFails)
    expect(kpi(s, "R5", "2023-04").status).toBe("fail");
  });
});

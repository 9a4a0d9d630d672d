// R9 制度建设 (policies), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { Summary, kpi, oneTicket, run, sheet, tickets } from "../helpers";

describe("R9 policies (deadline 2023-10-31)", () => {
  const base = tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  const policies = sheet(
    "制度",
    ["制度名称", "类别", "建立日期"],
    [
      ["热线运营管理办法", "热线运营管理制度", "2023-03-01"],
      ["工单流转规程", "workflow", "2023-10-31"], // on the deadline: passes
      ["培训管理办法", "培训制度", "2023-11-01"], // one day late
      // no 安全管理制度 at all
    ]
  );
  // computed in each test, so that mutation testing sees which tests reach the code
  let s: Summary;
  beforeEach(() => {
    s = run([base, policies]);
  });

  test("established on or before the deadline passes", () => {
    expect(kpi(s, "R9", "2023", "热线运营管理制度").status).toBe("pass");
    expect(kpi(s, "R9", "2023", "工作流程制度").status).toBe("pass");
  });
  test("established after the deadline fails with ¥2000", () => {
    expect(kpi(s, "R9", "2023", "培训制度")).toMatchObject({
      status: "fail",
      occurrences: 1,
      deduction: "2000.00",
    });
  });
  test("a kind with no row fails with ¥2000", () => {
    expect(kpi(s, "R9", "2023", "安全管理制度")).toMatchObject({
      status: "fail",
      deduction: "2000.00",
    });
  });
  test("R9 deductions fall in the first acceptance window (evaluated on the deadline)", () => {
    expect(
      s.deductions.filter((d) => d.ruleId === "R9").map((d) => [d.subject, d.amount, d.window])
    ).toEqual([
      ["培训制度", "2000.00", "first"],
      ["安全管理制度", "2000.00", "first"],
    ]);
  });
  test("pending before the deadline", () => {
    expect(
      kpi(run([base, policies], { asOf: "2023-10-30" }), "R9", "2023", "培训制度").status
    ).toBe("pending");
  });
});

describe("revision 2: unreadable data never makes a deduction", () => {
  const t1 = () => oneTicket();
  test("R9: an unreadable 建立日期 makes its kind na unless a readable row is in time", () => {
    const rows = (extra: [string, string, string][]) =>
      sheet(
        "制度",
        ["制度名称", "类别", "建立日期"],
        [
          ["运营", "热线运营管理制度", "2023-02-01"],
          ["流程", "工作流程制度", "2023-02-01"],
          ["培训", "培训制度", "2023-02-01"],
          ...extra,
        ]
      );
    const na = run([
      t1(),
      rows([
        ["安全", "安全管理制度", "去年"],
        ["安全2", "安全管理制度", "2023-12-30"],
      ]),
    ]);
    expect(kpi(na, "R9", "2023", "安全管理制度")).toMatchObject({
      status: "na",
      deduction: "0.00",
    });
    const pass = run([
      t1(),
      rows([
        ["安全", "安全管理制度", "去年"],
        ["安全2", "安全管理制度", "2023-03-01"],
      ]),
    ]);
    expect(kpi(pass, "R9", "2023", "安全管理制度").status).toBe("pass");
  });
});

describe("R9 reports the rows it left out (R10's one row per year: see the na case above)", () => {
  test("an unreadable row beside a readable one is counted in 未计入行数", () => {
    const t = oneTicket();
    const s = run([
      t,
      sheet(
        "制度",
        ["制度名称", "类别", "建立日期"],
        [
          ["安全", "安全管理制度", "2023-02-01"],
          ["安全2", "安全管理制度", "前年"],
        ]
      ),
    ]);
    expect(kpi(s, "R9", "2023", "安全管理制度")).toMatchObject({ status: "pass", leftOut: 1 });
  });
});

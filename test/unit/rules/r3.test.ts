// R3 回访率 (call-back rate), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { RawCell } from "../../../src/engine/table";
import { kpi, run, sheet } from "../helpers";

describe("R3 call-back rate", () => {
  const header = [
    "工单编号",
    "派单时间",
    "签收时间",
    "转派时间",
    "承办部门",
    "办结时间",
    "回访时间",
    "回访录音",
  ];
  const ticket = (
    id: string,
    recording: RawCell,
    forwarded = true,
    callback: RawCell = "2023-03-16 10:00"
  ): RawCell[] => [
    id,
    "2023-03-10 09:00",
    "2023-03-10 09:10",
    forwarded ? "2023-03-10 09:20" : null,
    forwarded ? "区卫健委" : null,
    "2023-03-15 17:00",
    callback,
    recording,
  ];

  test("called back without a recording fails when r3.requireRecording (default)", () => {
    const t = [sheet("工单", header, [ticket("T1", "否")])];
    expect(kpi(run(t, { asOf: "2023-04-30" }), "R3", "2023-03")).toMatchObject({
      status: "fail",
      numerator: 0,
      denominator: 1,
      occurrences: 1,
      deduction: "500.00",
    });
    expect(
      kpi(run(t, { asOf: "2023-04-30", params: { "r3.requireRecording": false } }), "R3", "2023-03")
    ).toMatchObject({ status: "pass", numerator: 1, denominator: 1 });
  });
  test("a blank 回访录音 means no recording", () => {
    const t = [sheet("工单", header, [ticket("T1", null)])];
    expect(kpi(run(t, { asOf: "2023-04-30" }), "R3", "2023-03").status).toBe("fail");
  });
  test("called back with a recording passes", () => {
    const t = [sheet("工单", header, [ticket("T1", "是")])];
    expect(kpi(run(t, { asOf: "2023-04-30" }), "R3", "2023-03")).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
    });
  });
  test("population: only forwarded tickets by default; r3.population all counts every closed ticket", () => {
    const t = [sheet("工单", header, [ticket("T1", "是"), ticket("T2", null, false, null)])];
    expect(kpi(run(t, { asOf: "2023-04-30" }), "R3", "2023-03")).toMatchObject({
      status: "pass",
      denominator: 1,
    });
    expect(
      kpi(run(t, { asOf: "2023-04-30", params: { "r3.population": "all" } }), "R3", "2023-03")
    ).toMatchObject({ status: "fail", numerator: 1, denominator: 2 });
  });
});

describe("tickets still within their limit are pending, not na", () => {
  test("R3: a month whose every closed ticket's call-back is not yet due is pending", () => {
    const s = run(
      [
        sheet(
          "工单",
          ["工单编号", "派单时间", "签收时间", "转派时间", "办结时间", "回访时间", "回访录音"],
          [
            [
              "GD1",
              "2023-03-30 09:00",
              "2023-03-30 09:10",
              "2023-03-30 09:20",
              "2023-03-31 10:00",
              null,
              null,
            ],
          ]
        ),
      ],
      { asOf: "2023-03-31" }
    );
    expect(kpi(s, "R3", "2023-03")).toMatchObject({ status: "pending", deduction: "0.00" });
  });
});

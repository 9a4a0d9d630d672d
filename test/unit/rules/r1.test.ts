// R1 案件不过夜 (same-day sign-for), on small hand-made tables.
// Every expected value is worked out by hand from RULES.md / WORKBOOK.md.
// What the rules share (settlement, the as-of view, missing data, issues) is in common.test.ts.
import { Summary, kpi, kpisOf, paramsSheet, run, sheet, tickets } from "../helpers";

describe("R1 same-day sign-for", () => {
  // computed in each test, so that mutation testing sees which tests reach the code
  let s: Summary;
  beforeEach(() => {
    s = run(
      [
        tickets([
          ["T1", "2023-03-05 23:59:59", "2023-03-06 00:00:01"],
          ["T2", "2023-03-07 00:00:01", "2023-03-07 23:30:00"],
        ]),
      ],
      { asOf: "2023-03-31" }
    );
  });

  test("received 23:59:59, signed 00:00:01 the next day: the received day fails (¥200)", () => {
    const k = kpi(s, "R1", "2023-03-05");
    expect(k).toMatchObject({
      status: "fail",
      numerator: 0,
      denominator: 1,
      occurrences: 1,
      deduction: "200.00",
    });
    expect(s.deductions.filter((d) => d.ruleId === "R1")).toEqual([
      {
        ruleId: "R1",
        period: "2023-03-05",
        subject: null,
        occurrences: 1,
        unitAmount: "200.00",
        amount: "200.00",
        window: "first",
      },
    ]);
  });
  test("received 00:00:01, signed the same evening: passes", () => {
    expect(kpi(s, "R1", "2023-03-07")).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
      occurrences: 0,
      deduction: "0.00",
    });
  });
  test("a day with no tickets is na (T1 was signed on 03-06 but received on 03-05)", () => {
    expect(kpi(s, "R1", "2023-03-06")).toMatchObject({
      status: "na",
      occurrences: 0,
      deduction: "0.00",
    });
  });
  test("one row per service day from 2023-01-23 up to asOf", () => {
    const rows = kpisOf(s, "R1");
    expect(rows.length).toBe(9 + 28 + 31); // 01-23…01-31, February, March
    expect(rows[0].period).toBe("2023-01-23");
    expect(rows[rows.length - 1].period).toBe("2023-03-31");
    expect(s.totals.deductions).toBe("200.00");
  });
  test("forwarding must be same-day too (随签随派) unless r1.requireSameDayForward is off", () => {
    const t = [tickets([["T1", "2023-03-10 10:00", "2023-03-10 10:05", "2023-03-11 09:00"]])];
    expect(kpi(run(t, { asOf: "2023-03-31" }), "R1", "2023-03-10").status).toBe("fail");
    expect(
      kpi(
        run(t, { asOf: "2023-03-31", params: { "r1.requireSameDayForward": false } }),
        "R1",
        "2023-03-10"
      ).status
    ).toBe("pass");
  });
  test("a blank 转派时间 (not forwarded) does not make a signed ticket late", () => {
    const t = [tickets([["T1", "2023-03-10 10:00", "2023-03-10 10:05", null]])];
    expect(kpi(run(t, { asOf: "2023-03-31" }), "R1", "2023-03-10").status).toBe("pass");
  });
  test("without a 转派时间 column, a ticket signed the same day passes (R1 needs only 派单时间 and 签收时间)", () => {
    // RULES.md R1: "its 转派时间, where present, is also within that limit".
    const t = [
      sheet(
        "工单",
        ["工单编号", "派单时间", "签收时间"],
        [["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]
      ),
    ];
    expect(kpi(run(t, { asOf: "2023-03-31" }), "R1", "2023-03-01")).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
      deduction: "0.00",
    });
  });
  test("an unsigned ticket whose day has ended is late", () => {
    const s2 = run([tickets([["T1", "2023-03-30 10:00", null]])], { asOf: "2023-03-31" });
    expect(kpi(s2, "R1", "2023-03-30")).toMatchObject({ status: "fail", deduction: "200.00" });
  });
  test("r1.graceHours extends the limit past midnight", () => {
    const t = [tickets([["T1", "2023-03-05 23:00", "2023-03-06 00:30"]])];
    expect(kpi(run(t, { asOf: "2023-03-31" }), "R1", "2023-03-05").status).toBe("fail");
    expect(
      kpi(run(t, { asOf: "2023-03-31", params: { "r1.graceHours": 1 } }), "R1", "2023-03-05").status
    ).toBe("pass");
  });
  test("r1.mode perTicket: one occurrence per late ticket", () => {
    const t = [
      tickets([
        ["T1", "2023-03-05 10:00", null],
        ["T2", "2023-03-05 11:00", "2023-03-06 08:00"],
        ["T3", "2023-03-05 12:00", "2023-03-05 12:01"],
      ]),
    ];
    expect(kpi(run(t, { asOf: "2023-03-31" }), "R1", "2023-03-05")).toMatchObject({
      status: "fail",
      numerator: 1,
      denominator: 3,
      occurrences: 1,
      deduction: "200.00",
    });
    expect(
      kpi(run(t, { asOf: "2023-03-31", params: { "r1.mode": "perTicket" } }), "R1", "2023-03-05")
    ).toMatchObject({ status: "fail", occurrences: 2, deduction: "400.00" });
  });
});

describe("tickets still within their limit are pending, not na", () => {
  test("R1 with grace: a day whose every ticket is still within grace is pending", () => {
    const s = run(
      [tickets([["GD1", "2023-03-01 09:00", null, null]]), paramsSheet([["r1.graceHours", 48]])],
      { asOf: "2023-03-02" }
    );
    expect(kpi(s, "R1", "2023-03-01")).toMatchObject({ status: "pending", deduction: "0.00" });
    expect(kpi(s, "R1", "2023-03-02").status).toBe("na");
  });
});

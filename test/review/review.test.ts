// Review regressions: deviations from docs/spec/RULES.md (and WORKBOOK.md) that a review of the
// engine found and the shared fixtures do not exercise. Each test quotes the sentence it checks;
// the engine was fixed, so every test passes and guards against the deviation coming back.
import { RawCell } from "../../src/engine/table";
import { issuesWith, kpi, run, sheet, tickets } from "../unit/helpers";

// one ordinary ticket so the 工单 sheet (required) is present
const oneTicket = () => tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);

const ticketSheet = (rows: RawCell[][]) =>
  sheet(
    "工单",
    [
      "工单编号",
      "派单时间",
      "签收时间",
      "转派时间",
      "派单准确",
      "办结时间",
      "回访时间",
      "回访录音",
    ],
    rows
  );

const payments = (headers: string[], rows: RawCell[][]) => sheet("付款", headers, rows);
const PAY_HEADERS = [
  "期次",
  "发票日期",
  "发票金额",
  "保函日期",
  "保函金额",
  "付款日期",
  "付款金额",
  "财政原因延迟",
];

const pFindings = (s: ReturnType<typeof run>, id: string) =>
  s.findings.filter((f) => f.ruleId === id);

// ---------------------------------------------------------------- R5

describe("R5 exact mean", () => {
  // RULES.md R5: "Score = arithmetic mean of the month's samples, unrounded."
  // RULES.md §2: "Rates are compared exactly (… no floating-point fuzz)."
  test("review: R5 a single sample of 89.9999999 is below 90 and fails (no rounding of scores)", () => {
    const s = run([oneTicket(), sheet("质检", ["日期", "得分"], [["2023-03-05", 89.9999999]])], {
      asOf: "2023-03-31",
    });
    expect(kpi(s, "R5", "2023-03").status).toBe("fail");
  });
});

// ---------------------------------------------------------------- R3

describe("R3 leaves a row out only for values it needs", () => {
  // RULES.md: "An unreadable cell (…) is an error, and leaves its row out of every rule that
  // needs that value". R3 needs 回访录音 only "when r3.requireRecording (true)".
  test("review: R3 with r3.requireRecording false still counts a ticket whose 回访录音 is unreadable", () => {
    const s = run(
      [
        ticketSheet([
          [
            "T1",
            "2023-03-01 09:00",
            "2023-03-01 09:05",
            "2023-03-01 09:10",
            null,
            "2023-03-10 10:00",
            "2023-03-11 10:00",
            "也许",
          ],
        ]),
      ],
      { asOf: "2023-03-31", params: { "r3.requireRecording": false } }
    );
    expect(kpi(s, "R3", "2023-03")).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
      leftOut: 0,
    });
  });
  // R3 needs 转派时间 only for r3.population forwarded; "all (every ticket closed in the month)".
  test("review: R3 with r3.population all still counts a ticket whose 转派时间 is unreadable", () => {
    const s = run(
      [
        ticketSheet([
          [
            "T1",
            "2023-03-01 09:00",
            "2023-03-01 09:05",
            "2023-13-45 25:00",
            null,
            "2023-03-10 10:00",
            "2023-03-11 10:00",
            "是",
          ],
        ]),
      ],
      { asOf: "2023-03-31", params: { "r3.population": "all" } }
    );
    expect(kpi(s, "R3", "2023-03")).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
    });
  });
});

// ---------------------------------------------------------------- monthly left-out count

describe("left-out rows are counted on the KPI row they belong to", () => {
  // RULES.md: "An unreadable cell … leaves its row out of every rule that needs that value
  // (the KPI row says how many rows were left out)." R2's population: "tickets whose 转派时间
  // (forwarded) falls in the month".
  test("review: R2 a ticket forwarded in March with an unreadable 派单准确 is counted as left out in March, not in its received month", () => {
    const s = run(
      [
        ticketSheet([
          [
            "T1",
            "2023-02-28 23:00",
            "2023-02-28 23:10",
            "2023-03-01 08:00",
            "也许",
            null,
            null,
            null,
          ],
        ]),
      ],
      { asOf: "2023-03-31" }
    );
    expect(kpi(s, "R2", "2023-03").leftOut).toBe(1);
    expect(kpi(s, "R2", "2023-02").leftOut).toBe(0);
  });
});

// ---------------------------------------------------------------- R6

describe("R6 publication date", () => {
  const reports = (rows: RawCell[][]) =>
    sheet("报告", ["报告类型", "所属期间", "成绩公布日期", "提交日期"], rows);

  // RULES.md rev. 2: "Unreadable data never makes a deduction … An item that one row decides (R6/R7
  // a report …) is `na` when its row was left out for an unreadable cell … The note names the cell."
  // An unreadable 成绩公布日期 is not a blank one (no fallback due date): the report is not evaluated.
  test("review: R6 an unreadable 成绩公布日期 leaves the report row out: na with the cell named, never a deduction", () => {
    const s = run([oneTicket(), reports([["月报", "2023-03", "2023-13-45", "2023-04-20"]])], {
      asOf: "2023-05-31",
    });
    expect(kpi(s, "R6", "2023-03")).toMatchObject({ status: "na", leftOut: 1, deduction: "0.00" });
  });

  test("R6 and R7: an unreadable 提交日期 makes its report na, naming the cell", () => {
    const s = run(
      [
        oneTicket(),
        reports([
          ["月报", "2023-03", "2023-04-10", "下周"],
          ["半年工作总结", "2023-H1", null, "也许"],
        ]),
      ],
      { asOf: "2023-12-31" }
    );
    const r6 = kpi(s, "R6", "2023-03");
    expect(r6).toMatchObject({ status: "na", leftOut: 1, deduction: "0.00" });
    expect(r6.note).toContain("报告!D2");
    expect(s.kpis.find((k) => k.ruleId === "R7" && k.period === "2023-H1")).toMatchObject({
      status: "na",
      deduction: "0.00",
    });
  });

  // RULES.md R6: "Where the report row has no 成绩公布日期, due = period end +
  // r6.fallbackDueDays (25), rolled over likewise, with a warning."
  test("review: R6 a report row with no 成绩公布日期 gets the fallback warning even while still pending", () => {
    const s = run([oneTicket(), reports([["月报", "2023-03", null, null]])], {
      asOf: "2023-04-10",
    });
    expect(kpi(s, "R6", "2023-03").status).toBe("pending");
    expect(issuesWith(s, "fallback-due").length).toBe(1);
  });
});

// ---------------------------------------------------------------- payments: unreadable cells

describe("payments: unreadable cells are not blanks", () => {
  // RULES.md: "An unreadable cell (`2023-13-45`, `也许`, `#N/A`) is an error, and leaves its row
  // out of every rule that needs that value". WORKBOOK.md: "付款: 付款日期 blank = unpaid" — an
  // unreadable 付款日期 is not "unpaid": the late fee, which needs it, must not run to asOf.
  test("review: settle an unreadable 付款日期 does not make installment 1 unpaid with a late fee up to asOf", () => {
    const s = run(
      [
        oneTicket(),
        payments(PAY_HEADERS, [
          [1, "2023-02-01", 1599998.4, null, null, "2023-13-45", 1599998.4, null],
        ]),
      ],
      { asOf: "2023-03-31" }
    );
    expect(s.installments[0]).toMatchObject({ daysLate: 0, lateFee: "0.00" });
  });

  // RULES.md §4: "0 when the row is marked 财政原因延迟"; WORKBOOK.md "财政原因延迟 blank = no".
  // An unreadable 财政原因延迟 is not "no": the late fee needs it, so it is not charged on a guess.
  test("review: settle an unreadable 财政原因延迟 does not charge a late fee", () => {
    const s = run(
      [
        oneTicket(),
        payments(PAY_HEADERS, [
          [1, "2023-02-01", 1599998.4, null, null, "2023-02-25", 1599998.4, "也许"],
        ]),
      ],
      { asOf: "2023-03-31" }
    );
    expect(s.installments[0]).toMatchObject({ daysLate: 0, lateFee: "0.00" });
  });

  // RULES.md §4 P2: "a paid installment whose 付款金额 differs from its payable (blank counts as
  // different)" — blank, not unreadable: an unreadable 付款金额 leaves the row out of P2.
  test("review: P2 is not raised on an unreadable 付款金额", () => {
    const s = run(
      [
        oneTicket(),
        payments(PAY_HEADERS, [
          [1, "2023-02-01", 1599998.4, null, null, "2023-02-10", "abc", null],
        ]),
      ],
      { asOf: "2023-03-31" }
    );
    expect(pFindings(s, "P2")).toEqual([]);
  });

  // RULES.md §4 P1 needs 发票金额; an unreadable one leaves the row out of P1.
  test("review: P1 is not raised on an unreadable 发票金额", () => {
    const s = run(
      [
        oneTicket(),
        payments(PAY_HEADERS, [
          [1, "2023-02-01", "abc", null, null, "2023-02-10", 1599998.4, null],
        ]),
      ],
      { asOf: "2023-03-31" }
    );
    expect(pFindings(s, "P1")).toEqual([]);
  });
});

// ---------------------------------------------------------------- payments: missing columns

describe("payments: missing columns", () => {
  // RULES.md: "A rule whose sheet, or one of whose columns, is missing is na for every one of its
  // periods, with a warning naming what is missing; it never passes or fails on absent data."
  // P1 needs 发票日期/发票金额, P2 needs 付款金额; a 付款 sheet without those columns is absent data.
  test("review: P1/P2 are not raised when the 付款 sheet has no 发票 / 付款金额 columns", () => {
    const s = run([oneTicket(), payments(["期次", "付款日期"], [[1, "2023-02-10"]])], {
      asOf: "2023-03-31",
    });
    expect(pFindings(s, "P1")).toEqual([]);
    expect(pFindings(s, "P2")).toEqual([]);
  });
  test("review: a 付款 sheet without 发票金额 / 付款金额 gets a warning naming the missing column", () => {
    const s = run([oneTicket(), payments(["期次", "付款日期"], [[1, "2023-02-10"]])], {
      asOf: "2023-03-31",
    });
    const cols = s.issues
      .filter((i) => i.sheet === "付款" && i.code === "missing-optional-column")
      .map((i) => i.column);
    expect(cols).toEqual(expect.arrayContaining(["发票金额", "付款金额"]));
  });
});

// ---------------------------------------------------------------- C7

describe("C7 counts staff, not roster rows", () => {
  // RULES.md C7: "roster covers every minute of the window with ≥ c7.minOnDuty (1) staff"; one
  // finding per "gap (a maximal interval with fewer than c7.minOnDuty on duty …)". One person
  // entered twice for the same shift is one staff member on duty, not two.
  test("review: C7 with c7.minOnDuty 2, one staff member on two identical shift rows leaves a gap", () => {
    const s = run(
      [
        oneTicket(),
        sheet(
          "排班",
          ["工号", "开始时间", "结束时间"],
          [
            ["A1", "2023-01-23 00:00", "2023-01-24 00:00"],
            ["A1", "2023-01-23 00:00", "2023-01-24 00:00"],
          ]
        ),
      ],
      { asOf: "2023-01-23", params: { "c7.minOnDuty": 2 } }
    );
    expect(s.findings.filter((f) => f.ruleId === "C7").length).toBe(1);
  });
});

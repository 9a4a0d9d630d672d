// What the rules share: settlement, the as-of view, missing data, invalid parameters and
// validation issues, on small hand-made tables. Every expected value is worked out by hand from
// RULES.md / WORKBOOK.md. One rule's own cases are in r1.test.ts … r10.test.ts.
import { RawCell } from "../../../src/engine/table";
import {
  Summary,
  auditFailure,
  issuesWith,
  kpi,
  kpisOf,
  oneTicket,
  paramsSheet,
  run,
  sheet,
  tickets,
} from "../helpers";

// ---------------------------------------------------------------- settlement

describe("first-window deductions larger than installment 3", () => {
  const failing = tickets([
    ["T1", "2023-03-01 10:00", null],
    ["T2", "2023-03-02 10:00", "2023-03-03 09:00"],
  ]);
  test("contract.totalFee 1000.00: installment 3 is 200.00, two R1 failures (400.00) → payable 0.00, refund 200.00", () => {
    const s = run([failing], { asOf: "2023-03-31", params: { "contract.totalFee": 1000 } });
    expect(s.installments.map((i) => [i.no, i.amount, i.deductions, i.payable])).toEqual([
      [1, "400.00", "0.00", "400.00"],
      [2, "400.00", "0.00", "400.00"],
      [3, "200.00", "200.00", "0.00"],
    ]);
    expect(s.totals).toMatchObject({
      deductions: "400.00",
      firstWindow: "400.00",
      finalWindow: "0.00",
      installment3Payable: "0.00",
      refundDue: "200.00",
      settlement: "600.00",
    });
  });
  test("default fee with r1.unit 500000: 1,000,000.00 of deductions against 799,999.20 → refund 200,000.80", () => {
    const s = run([failing], { asOf: "2023-03-31", params: { "r1.unit": 500000 } });
    expect(s.installments[2]).toMatchObject({
      amount: "799999.20",
      deductions: "799999.20",
      payable: "0.00",
    });
    expect(s.totals).toMatchObject({
      deductions: "1000000.00",
      firstWindow: "1000000.00",
      installment3Payable: "0.00",
      refundDue: "200000.80",
      settlement: "2999996.00",
    });
  });
  test("deductions below installment 3 reduce it and owe no refund", () => {
    const s = run([failing], { asOf: "2023-03-31" });
    expect(s.totals).toMatchObject({
      firstWindow: "400.00",
      installment3Payable: "799599.20",
      refundDue: "0.00",
      settlement: "3999596.00",
    });
  });
});

// ---------------------------------------------------------------- as of

describe("the as-of view", () => {
  test("an as-of date equal to the default (service.end) is no change of parameters; another is one", () => {
    expect(run([oneTicket()], { asOf: "2024-01-22" }).changedParams).toEqual([]);
    expect(run([oneTicket()]).changedParams).toEqual([]);
    expect(run([oneTicket()], { asOf: "2023-12-31" }).changedParams).toEqual(["evaluation.asOf"]);
    // set in 规则参数 and given again: still the sheet's change
    expect(
      run([oneTicket(), paramsSheet([["evaluation.asOf", "2023-12-31"]])], { asOf: "2023-12-31" })
        .changedParams
    ).toEqual(["evaluation.asOf"]);
  });
  test("a ticket received after asOf is left out (even when its 办理时限 is in an evaluated month)", () => {
    const t = [
      sheet(
        "工单",
        ["工单编号", "派单时间", "签收时间", "办理时限", "反馈时间"],
        [
          ["T1", "2023-04-10 09:00", "2023-04-10 09:05", "2023-04-20", "2023-04-15 10:00"],
          ["T2", "2023-05-02 09:00", null, "2023-04-25", null],
        ]
      ),
    ];
    expect(kpi(run(t, { asOf: "2023-04-30" }), "R4", "2023-04")).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
    });
    // once T2 is received (asOf in May) it counts in April, where it is due, and April fails
    expect(kpi(run(t, { asOf: "2023-05-31" }), "R4", "2023-04")).toMatchObject({
      status: "fail",
      numerator: 1,
      denominator: 2,
    });
  });
  test("a 签收时间 after asOf reads as not signed", () => {
    // limit with 24 grace hours: 2023-03-31 23:59:59; signed 03-31 08:00
    const t = [tickets([["T1", "2023-03-30 10:00", "2023-03-31 08:00"]])];
    const params = { "r1.graceHours": 24 };
    const before = kpi(run(t, { asOf: "2023-03-30", params }), "R1", "2023-03-30");
    expect(before.numerator ?? 0).toBe(0); // not signed yet, so not on time
    // its limit (03-31 24:00 with grace) has not passed at the end of 03-30: pending, not late
    expect(before.status).toBe("pending");
    expect(kpi(run(t, { asOf: "2023-03-31", params }), "R1", "2023-03-30").status).toBe("pass");
    // without grace the limit (03-30 24:00) has been reached at the end of asOf 03-30: unsigned → late
    expect(kpi(run(t, { asOf: "2023-03-30" }), "R1", "2023-03-30")).toMatchObject({
      status: "fail",
      numerator: 0,
      denominator: 1,
    });
  });
  test("a 转派时间 after asOf reads as not forwarded", () => {
    const t = [tickets([["T1", "2023-03-31 10:00", "2023-03-31 10:05", "2023-04-01 09:00"]])];
    expect(kpi(run(t, { asOf: "2023-03-31" }), "R1", "2023-03-31").status).toBe("pass");
    expect(kpi(run(t, { asOf: "2023-04-01" }), "R1", "2023-03-31").status).toBe("fail");
  });
  test("a 回访时间 after asOf reads as not called back", () => {
    const t = [
      sheet(
        "工单",
        [
          "工单编号",
          "派单时间",
          "签收时间",
          "转派时间",
          "承办部门",
          "办结时间",
          "回访时间",
          "回访录音",
        ],
        [
          [
            "T1",
            "2023-03-10 09:00",
            "2023-03-10 09:10",
            "2023-03-10 09:20",
            "区卫健委",
            "2023-03-10 17:00",
            "2023-04-03 10:00",
            "是",
          ],
        ]
      ),
    ];
    expect(kpi(run(t, { asOf: "2023-03-31" }), "R3", "2023-03").status).toBe("fail");
    expect(kpi(run(t, { asOf: "2023-04-30" }), "R3", "2023-03").status).toBe("pass");
  });
  test("summary.asOf is the option", () => {
    expect(
      run([tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]])], { asOf: "2023-03-31" }).asOf
    ).toBe("2023-03-31");
  });
});

// ---------------------------------------------------------------- missing data

describe("missing sheets and columns", () => {
  const base = tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  // computed in each test, so that mutation testing sees which tests reach the code
  let s: Summary;
  beforeEach(() => {
    s = run([base], { asOf: "2023-03-31" });
  });

  test("no 培训 sheet: every evaluated R8 month is na, never pass or fail", () => {
    const rows = kpisOf(s, "R8");
    expect(
      rows.filter((k) => ["2023-01", "2023-02", "2023-03"].includes(k.period)).map((k) => k.status)
    ).toEqual(["na", "na", "na"]);
    expect(rows.some((k) => k.status === "pass" || k.status === "fail")).toBe(false);
  });
  test("…with a warning naming the sheet", () => {
    const w = issuesWith(s, "missing-sheet").filter((i) => i.sheet === "培训");
    expect(w.length).toBe(1);
    expect(w[0].level).toBe("warning");
    expect(w[0].message).toContain("培训");
  });
  test("no 质检 sheet: R5 is na (not the missing-sample fail), with a warning naming 质检", () => {
    expect(kpi(s, "R5", "2023-03").status).toBe("na");
    expect(
      s.issues.some(
        (i) => i.level === "warning" && i.sheet === "质检" && i.message.includes("质检")
      )
    ).toBe(true);
  });
  test("no 制度 sheet: the four R9 rows are na", () => {
    const s2 = run([base]);
    expect(kpisOf(s2, "R9").map((k) => k.status)).toEqual(["na", "na", "na", "na"]);
  });
  test("no 工单 sheet: AuditFailure no-tickets", () => {
    const e = auditFailure([
      sheet("培训", ["日期", "主题", "形式"], [["2023-03-01", "培训", "培训课"]]),
    ]);
    expect(e.code).toBe("no-tickets");
  });
  test("the English alias Tickets is a 工单 sheet", () => {
    const s2 = run(
      [
        sheet(
          " tickets ",
          ["ticket_id", "received_at", "signed_at", "forwarded_at"],
          [["T1", "2023-03-05 23:59:59", "2023-03-06 00:00:01", null]]
        ),
      ],
      { asOf: "2023-03-31" }
    );
    expect(kpi(s2, "R1", "2023-03-05").status).toBe("fail");
  });
  test("a missing column a rule needs (回访录音) makes the rule na with a warning naming the column", () => {
    // RULES.md: "A rule whose sheet, or one of whose columns, is missing is na for every one of
    // its periods, with a warning naming what is missing".
    const t = [
      sheet(
        "工单",
        ["工单编号", "派单时间", "签收时间", "转派时间", "承办部门", "办结时间", "回访时间"],
        [
          [
            "T1",
            "2023-03-10 09:00",
            "2023-03-10 09:10",
            "2023-03-10 09:20",
            "区卫健委",
            "2023-03-10 17:00",
            null,
          ],
        ]
      ),
    ];
    const s2 = run(t, { asOf: "2023-03-31" });
    expect(kpi(s2, "R3", "2023-03").status).toBe("na");
    expect(
      s2.issues.filter(
        (i) => i.level === "warning" && `${i.column ?? ""} ${i.message}`.includes("回访录音")
      ).length
    ).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- parameters

describe("invalid parameters stop the run", () => {
  const base = tickets([["T1", "2023-03-01 09:00", "2023-03-01 09:05"]]);
  test("an unknown key in 规则参数", () => {
    const e = auditFailure([base, paramsSheet([["r2.thresh", "0.8"]])]);
    expect(e.code).toBe("invalid-params");
    expect(e.paramErrors.map((p) => p.key)).toEqual(["r2.thresh"]);
    expect(e.paramErrors[0]).toMatchObject({ sheet: "规则参数", row: 2 });
    expect(e.messageZh).toContain("r2.thresh");
    expect(e.messageEn).toContain("r2.thresh");
  });
  test("an unreadable value in 规则参数", () => {
    const e = auditFailure([
      base,
      paramsSheet([
        ["r1.unit", "200"],
        ["r2.threshold", "abc"],
      ]),
    ]);
    expect(e.code).toBe("invalid-params");
    expect(e.paramErrors.map((p) => p.key)).toEqual(["r2.threshold"]);
    expect(e.paramErrors[0]).toMatchObject({ sheet: "规则参数", row: 3, cell: "B3" });
    expect(e.messageZh).toContain("r2.threshold");
  });
  test("an out-of-range value in 规则参数 (a rate of 150%)", () => {
    const e = auditFailure([base, paramsSheet([["r2.threshold", "150%"]])]);
    expect(e.code).toBe("invalid-params");
    expect(e.paramErrors.map((p) => p.key)).toEqual(["r2.threshold"]);
    expect(e.messageEn).toContain("r2.threshold");
  });
  test("an unknown key in the params option", () => {
    const e = auditFailure([base], { params: { "r9.unitt": 1 } });
    expect(e.code).toBe("invalid-params");
    expect(e.paramErrors.map((p) => p.key)).toEqual(["r9.unitt"]);
  });
  test("a blank value means the contract default", () => {
    const s = run([base, paramsSheet([["r1.unit", null]])], { asOf: "2023-03-31" });
    expect(s.params["r1.unit"]).toBe(200);
    expect(s.changedParams).not.toContain("r1.unit");
  });
});

// ---------------------------------------------------------------- validation issues

describe("duplicates, unreadable cells, rows without a key", () => {
  test("a duplicate 工单编号 is an error on the later row, which is left out", () => {
    const s = run(
      [
        tickets([
          ["T1", "2023-03-05 10:00", "2023-03-05 10:05"],
          ["T2", "2023-03-05 11:00", "2023-03-05 11:05"],
          ["T1", "2023-03-06 09:00", null], // would fail 03-06 if it were used
        ]),
      ],
      { asOf: "2023-03-31" }
    );
    const dup = issuesWith(s, "duplicate");
    expect(dup.map((i) => [i.sheet, i.row, i.column, i.cell, i.level])).toEqual([
      ["工单", 4, "工单编号", "A4", "error"],
    ]);
    expect(kpi(s, "R1", "2023-03-06").status).toBe("na");
    expect(kpi(s, "R1", "2023-03-05")).toMatchObject({ status: "pass", denominator: 2 });
  });
  test("cell addresses follow the used range (title row above, table starting in column B)", () => {
    const t = sheet(
      "工单",
      ["工单编号", "派单时间", "签收时间", "转派时间"],
      [
        ["T1", "2023-03-05 10:00", "2023-03-05 10:05", null],
        ["T1", "2023-03-05 11:00", "2023-03-05 11:05", null],
      ],
      { row: 2, col: 2 }
    );
    t.values.unshift(["2023年3月工单台账"]); // a title row: the used range now starts at B1
    t.firstRow = 1;
    const dup = issuesWith(run([t], { asOf: "2023-03-31" }), "duplicate");
    expect(dup.map((i) => [i.row, i.cell])).toEqual([[4, "B4"]]);
  });
  test("an unreadable cell leaves its row out of the rules that need it, reported with sheet, row, header as written and cell", () => {
    const s = run(
      [
        sheet(
          "工单",
          ["Ticket_ID", "Received_At", "Signed_At", "Forwarded_At", "派单准确"],
          [
            ["T1", "2023-03-06 09:00", "2023-03-06 09:05", null, null],
            ["T2", "2023-03-06 10:00", "2023-13-45 25:00", null, null],
            ["T3", "2023-03-07 10:00", "2023-03-07 10:05", "2023-03-07 10:10", "也许"],
          ]
        ),
      ],
      { asOf: "2023-03-31" }
    );
    const errors = s.issues.filter((i) => i.level === "error");
    expect(errors.map((i) => [i.sheet, i.row, i.column, i.cell])).toEqual([
      ["工单", 3, "Signed_At", "C3"],
      ["工单", 4, "派单准确", "E4"],
    ]);
    // R1 on 03-06: T2 left out, T1 on time
    expect(kpi(s, "R1", "2023-03-06")).toMatchObject({
      status: "pass",
      numerator: 1,
      denominator: 1,
      leftOut: 1,
    });
    // R1 does not need 派单准确: T3 still counts on 03-07
    expect(kpi(s, "R1", "2023-03-07")).toMatchObject({
      status: "pass",
      denominator: 1,
      leftOut: 0,
    });
    // R2 needs it: T3 is left out of March, which has nothing else to measure
    expect(kpi(s, "R2", "2023-03")).toMatchObject({ status: "na", leftOut: 1 });
  });
  test("an unreadable cell alone on its day: the day is na and says one row was left out", () => {
    const s = run([tickets([["T1", "2023-03-06 09:00", { error: "#N/A" }]])], {
      asOf: "2023-03-31",
    });
    expect(kpi(s, "R1", "2023-03-06")).toMatchObject({ status: "na", leftOut: 1 });
    expect(
      s.issues.filter((i) => i.level === "error").map((i) => [i.row, i.column, i.cell])
    ).toEqual([[2, "签收时间", "C2"]]);
  });
  test("a row with no 工单编号 is an error and is left out of every rule", () => {
    const s = run([tickets([["", "2023-03-06 09:00", null]])], { asOf: "2023-03-31" });
    expect(kpi(s, "R1", "2023-03-06").status).toBe("na");
    expect(
      s.issues.filter((i) => i.level === "error").map((i) => [i.row, i.column, i.cell])
    ).toEqual([[2, "工单编号", "A2"]]);
  });
});

describe("C8 claims cite the clause they rest on", () => {
  test("a late replacement cites 六.2; a late replacement of an untrained person cites 六.3", () => {
    const s = run([
      oneTicket(),
      sheet(
        "人员调换",
        ["通知日期", "被替换工号", "原因", "到位日期", "新工号"],
        [
          ["2023-03-01", "HX001", "不符合要求", "2023-04-10", "HX101"],
          ["2023-06-01", "HX002", "未培训上岗", "2023-06-30", "HX102"],
        ]
      ),
    ]);
    const claim = (who: string) => s.claims.find((c) => c.ruleId === "C8" && c.subject === who)!;
    expect(claim("HX001").message).toContain("合同六.2");
    expect(claim("HX002").message).toContain("合同六.3");
    expect(claim("HX002").message).not.toContain("六.2");
  });
});

describe("keys compare as headers do", () => {
  test("ＧＤ0001 (full-width) and GD0001 are one ticket: the second is a duplicate", () => {
    const s = run([
      tickets([
        ["GD0001", "2023-03-01 09:00", "2023-03-01 09:10", "2023-03-01 09:20"],
        ["ＧＤ0001", "2023-03-02 09:00", "2023-03-02 09:10", "2023-03-02 09:20"],
      ]),
    ]);
    const dup = issuesWith(s, "duplicate");
    expect(dup).toHaveLength(1);
    expect(dup[0].cell).toBe("A3");
    expect(dup[0].message).toContain("ＧＤ0001");
  });
});

describe("missing-column warnings follow the parameters", () => {
  const noRecording = () =>
    sheet(
      "工单",
      ["工单编号", "派单时间", "签收时间", "转派时间", "办结时间", "回访时间"],
      [
        [
          "GD1",
          "2023-03-01 09:00",
          "2023-03-01 09:10",
          "2023-03-01 09:20",
          "2023-03-02 10:00",
          "2023-03-03 10:00",
        ],
      ]
    );
  test("no 回访录音 column: R3 is named as not evaluated only when recordings count", () => {
    const warned = (s: ReturnType<typeof run>) =>
      issuesWith(s, "missing-optional-column").filter((i) => i.column === "回访录音");
    const strict = run([noRecording()]);
    expect(
      warned(strict)
        .map((i) => i.message)
        .join()
    ).toContain("R3");
    const lax = run([noRecording(), paramsSheet([["r3.requireRecording", "否"]])]);
    expect(
      warned(lax)
        .map((i) => i.message)
        .join()
    ).not.toContain("R3");
    expect(kpisOf(lax, "R3").some((k) => k.status !== "na")).toBe(true);
  });
});

describe("empty input sheets (a freshly inserted template)", () => {
  test("a 工单 sheet with headers only cannot be audited, with a message naming it", () => {
    const f = auditFailure([sheet("工单", ["工单编号", "派单时间", "签收时间", "转派时间"], [])]);
    expect(f.code).toBe("no-tickets");
    expect(f.messageZh).toContain("工单");
    expect(f.messageZh).toContain("没有工单数据");
  });
  test("another input sheet with headers only gets a warning naming it", () => {
    const s = run([oneTicket(), sheet("培训", ["日期", "主题", "形式"], [])]);
    const w = issuesWith(s, "empty-sheet");
    expect(w).toHaveLength(1);
    expect(w[0].sheet).toBe("培训");
    expect(w[0].level).toBe("warning");
  });
});

// ---------------------------------------------------------------- RULES.md revision 2

describe("revision 2: C5 at contract end, C8 on the as-of day", () => {
  const staff = (rows: RawCell[][]) =>
    sheet("人员", ["工号", "姓名", "岗位", "入职日期", "离职日期"], rows);
  test("C5: everyone leaving on service.end is the contract ending, not turnover", () => {
    const s = run([
      oneTicket(),
      staff(
        Array.from({ length: 6 }, (_, i) => [
          `HX${i}`,
          `员工${i}`,
          "话务员",
          "2023-01-01",
          "2024-01-22",
        ])
      ),
    ]);
    expect(s.findings.filter((f) => f.ruleId === "C5")).toEqual([]);
  });
  test("C5: leaving the day before service.end still counts", () => {
    const s = run([
      oneTicket(),
      staff(
        Array.from({ length: 6 }, (_, i) => [
          `HX${i}`,
          `员工${i}`,
          "话务员",
          "2023-01-01",
          i < 2 ? "2024-01-21" : null,
        ])
      ),
    ]);
    expect(s.findings.filter((f) => f.ruleId === "C5").map((f) => f.period)).toEqual(["2024-Q1"]);
  });
  test("C8: an unfilled replacement whose limit is the as-of day is missed, with its claim", () => {
    const rep = sheet(
      "人员调换",
      ["通知日期", "被替换工号", "原因", "到位日期"],
      [["2024-01-02", "HX001", "不符合要求", null]]
    );
    const t = oneTicket();
    expect(
      run([t, rep], { asOf: "2024-01-22" }).claims.filter((c) => c.ruleId === "C8")
    ).toHaveLength(1);
    expect(
      run([t, rep], { asOf: "2024-01-21" }).claims.filter((c) => c.ruleId === "C8")
    ).toHaveLength(0);
  });
});

describe("revision 2: payments", () => {
  const t = () => oneTicket();
  const pay = (row3: RawCell[]) =>
    sheet(
      "付款",
      ["期次", "发票日期", "发票金额", "保函日期", "保函金额", "付款日期", "付款金额"],
      [
        [1, "2023-02-01", 1599998.4, null, null, "2023-02-10", 1599998.4],
        [2, "2023-07-01", 1599998.4, null, null, "2023-07-10", 1599998.4],
        row3,
      ]
    );
  test("P3: a guarantee below installment 3's payable does not start the clock", () => {
    const short = run([t(), pay([3, null, null, "2023-11-20", 500000, null, null])]);
    const i3 = short.installments.find((i) => i.no === 3)!;
    expect(i3.dueOn).toBeNull();
    expect(short.findings.filter((f) => f.ruleId === "P3")).toHaveLength(1);
    const covered = run([t(), pay([3, null, null, "2023-11-20", 799999.2, null, null])]);
    expect(covered.installments.find((i) => i.no === 3)!.dueOn).not.toBeNull();
    expect(covered.findings.filter((f) => f.ruleId === "P3")).toHaveLength(0);
    const off = run([
      t(),
      pay([3, null, null, "2023-11-20", 500000, null, null]),
      paramsSheet([["payments.guaranteeMustCover", "否"]]),
    ]);
    expect(off.installments.find((i) => i.no === 3)!.dueOn).not.toBeNull();
  });
  test("no 付款 sheet: statuses are 未评价, never overdue", () => {
    const s = run([t()]);
    expect(s.installments.map((i) => i.status)).toEqual([
      "not-evaluated",
      "not-evaluated",
      "not-evaluated",
    ]);
    expect(s.installments.every((i) => i.daysLate === 0 && i.lateFee === "0.00")).toBe(true);
  });
});

describe("revision 2: an installment with nothing payable", () => {
  test("needs no invoice, is never late, has no fee, reads 无需支付", () => {
    // one overnight ticket in March at a (deliberately huge) unit takes all of installment 3
    const s = run(
      [
        tickets([["GD1", "2023-03-01 09:00", "2023-03-03 09:10", "2023-03-03 09:20"]]),
        sheet(
          "付款",
          ["期次", "发票日期", "发票金额", "保函日期", "付款日期", "付款金额"],
          [[3, "2023-11-01", 0, "2023-11-20", null, null]]
        ),
        paramsSheet([["r1.unit", 900000]]),
      ],
      { asOf: "2024-01-22" }
    );
    const i3 = s.installments.find((i) => i.no === 3)!;
    expect(i3.payable).toBe("0.00");
    expect(i3.status).toBe("nothing");
    expect(i3.daysLate).toBe(0);
    expect(i3.lateFee).toBe("0.00");
    expect(s.findings.filter((f) => f.ruleId === "P1" || f.ruleId === "P2")).toEqual([]);
    expect(Number(s.totals.refundDue)).toBeGreaterThan(0);
  });
});

describe("revision 2: contract.serviceFee is the base of R10, C4, C8 and the late fee", () => {
  test("a smaller agreed 服务费 moves R10's deduction and C8's claim, not the installments", () => {
    const t = oneTicket();
    const rank = sheet("考核排名", ["期间", "区级排名"], [["2023", 28]]);
    const rep = sheet(
      "人员调换",
      ["通知日期", "被替换工号", "原因", "到位日期"],
      [["2023-03-01", "HX001", "不符合要求", "2023-05-01"]]
    );
    const base = run([t, rank, rep]);
    const agreed = run([t, rank, rep, paramsSheet([["contract.serviceFee", 2000000]])]);
    // a drop of 2 places: 5% of the base
    expect(kpisOf(base, "R10")[0].deduction).toBe("199999.80");
    expect(kpisOf(agreed, "R10")[0].deduction).toBe("100000.00");
    expect(agreed.claims.find((c) => c.ruleId === "C8")!.amount).toBe("40000.00");
    expect(agreed.installments.map((i) => i.amount)).toEqual(
      base.installments.map((i) => i.amount)
    );
  });
});

describe("revision 2: calendar coverage", () => {
  test("working days counted in a year the holiday data lacks raise a warning naming the year", () => {
    const t = oneTicket();
    // installment 3 falls due 10 working days after a guarantee given in 2027
    const pay = (on: string) => sheet("付款", ["期次", "保函日期"], [[3, on]]);
    const far = run([t, pay("2027-06-01")], { asOf: "2027-12-31" });
    const w = issuesWith(far, "calendar-not-covered");
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("2027");
    expect(
      issuesWith(run([t, pay("2023-11-28")], { asOf: "2027-12-31" }), "calendar-not-covered")
    ).toEqual([]);
  });
});

describe("revision 2: statuses and fees at the edges", () => {
  const t = () => oneTicket();
  test("a 付款 sheet without 付款日期: 未评价, never overdue", () => {
    const s = run([
      t(),
      sheet("付款", ["期次", "发票日期", "发票金额"], [[1, "2023-02-01", 1599998.4]]),
    ]);
    expect(s.installments.map((i) => i.status)).toEqual([
      "not-evaluated",
      "not-evaluated",
      "not-evaluated",
    ]);
  });
  test("the late fee is a share of contract.serviceFee", () => {
    const pay = sheet(
      "付款",
      ["期次", "发票日期", "发票金额", "付款日期", "付款金额"],
      [[1, "2023-02-01", 1599998.4, "2023-02-22", 1599998.4]]
    );
    const base = run([t(), pay]);
    const agreed = run([t(), pay, paramsSheet([["contract.serviceFee", 1000000]])]);
    const fee = (s: ReturnType<typeof run>) => s.installments.find((i) => i.no === 1)!;
    // due 2023-02-20, paid 2023-02-22: two days at 3% a day
    expect(fee(base)).toMatchObject({ daysLate: 2, lateFee: "239999.76" });
    expect(fee(agreed)).toMatchObject({ daysLate: 2, lateFee: "60000.00" });
  });
});

describe("学历 as a Chinese office writes it", () => {
  test("研究生 reads as 硕士 (no error) and passes C1; 专科 reads as 大专", () => {
    const s = run([
      oneTicket(),
      sheet(
        "人员",
        ["工号", "姓名", "岗位", "学历", "入职日期"],
        [
          ["HX1", "甲", "接诉专员", "研究生", "2023-01-01"],
          ["HX2", "乙", "接诉专员", "专科", "2023-01-01"],
        ]
      ),
    ]);
    expect(s.issues.filter((i) => i.code === "invalid-enum")).toEqual([]);
    expect(s.findings.filter((f) => f.ruleId === "C1")).toEqual([]);
  });
});

// The settlement worked by hand (RULES.md §4, contract 三 and 七.4): the three installments, their
// due dates and statuses, the late-fee clock, P1/P2, the refund and its due date. 服务费
// ¥3,999,996.00, so a day late costs 3% = ¥119,999.88.
import { audit } from "../../src/engine/audit";
import { RawCell } from "../../src/engine/table";
import { dayNum, oneTicket, paramsSheet, run, sheet, tickets } from "./helpers";

type Summary = ReturnType<typeof run>;
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
/** a 付款 sheet: [期次, 发票日期, 发票金额, 付款日期, 付款金额, 保函日期?, 财政原因延迟?] */
const pay = (rows: [number, RawCell, RawCell, RawCell, RawCell, RawCell?, RawCell?][]) =>
  sheet(
    "付款",
    PAY_HEADERS,
    rows.map(([no, invOn, invAmt, paidOn, paidAmt, guarOn, fiscal]) => [
      no,
      invOn,
      invAmt,
      guarOn ?? null,
      guarOn ? 799999.2 : null,
      paidOn,
      paidAmt,
      fiscal ?? null,
    ])
  );
const inst = (s: Summary, no: number) => s.installments.find((i) => i.no === no)!;
const findingsOf = (s: Summary, ruleId: string) =>
  s.findings.filter((f) => f.ruleId === ruleId).map((f) => f.subject);
const A1 = 1599998.4;

describe("the three installments", () => {
  test("¥3,999,996.00: 40%, 40% and the remainder", () => {
    const s = run([oneTicket()]);
    expect(s.installments.map((i) => i.amount)).toEqual(["1599998.40", "1599998.40", "799999.20"]);
  });

  test("a total that does not divide evenly: installment 3 is the remainder, not a rounded 20%", () => {
    // 40% of ¥1,000.01 is 400.004 → 400.00 twice; 20% would be 200.00, the remainder is 200.01
    const s = run([oneTicket(), paramsSheet([["contract.totalFee", 1000.01]])]);
    expect(s.installments.map((i) => i.amount)).toEqual(["400.00", "400.00", "200.01"]);
    expect(s.totals.settlement).toBe("1000.01");
  });

  test("due dates: signed 2023-01-20 + 30 days is Sunday 02-19, rolled over to Monday", () => {
    expect(inst(run([oneTicket()]), 1).dueOn).toBe("2023-02-20");
    const noRoll = run([oneTicket(), paramsSheet([["deadlines.rollOverRestDays", "否"]])]);
    expect(inst(noRoll, 1).dueOn).toBe("2023-02-19");
    expect(inst(noRoll, 2).dueOn).toBe("2023-07-22");
  });

  test("installment 3: the 10th working day after the later of the guarantee and the first acceptance", () => {
    // guarantee 11-20 before acceptance Sat 11-25: 11-27 … 12-08 is the 10th working day
    const early = run([oneTicket(), pay([[3, null, null, null, null, "2023-11-20"]])]);
    expect(inst(early, 3).dueOn).toBe("2023-12-08");
    // guarantee Fri 12-01 after the acceptance: 12-04 … 12-15
    const late = run([oneTicket(), pay([[3, null, null, null, null, "2023-12-01"]])]);
    expect(inst(late, 3).dueOn).toBe("2023-12-15");
    // none: waiting for it
    const none = run([oneTicket(), pay([[1, null, null, null, null]])]);
    expect(inst(none, 3)).toMatchObject({ dueOn: null, status: "waiting" });
  });
});

describe("the late fee's clock (七.4; the invoice of 三.3)", () => {
  test("an invoice after the due date starts the clock at the invoice", () => {
    // due 02-20, invoiced 03-01, paid 03-06: 5 days, not 14
    const s = run([oneTicket(), pay([[1, "2023-03-01", A1, "2023-03-06", A1]])]);
    expect(inst(s, 1)).toMatchObject({
      daysLate: 5,
      lateFee: "599999.40",
      status: "paid-late",
    });
  });

  test("paid on the due date: on time", () => {
    const s = run([oneTicket(), pay([[1, "2023-02-01", A1, "2023-02-20", A1]])]);
    expect(inst(s, 1)).toMatchObject({ daysLate: 0, lateFee: "0.00", status: "paid" });
  });

  test("unpaid: the days run to asOf; due today is due, the day before not yet due", () => {
    const row = pay([[2, "2023-07-01", A1, null, null]]);
    expect(inst(run([oneTicket(), row], { asOf: "2023-08-01" }), 2)).toMatchObject({
      daysLate: 10,
      lateFee: "1199998.80",
      status: "overdue",
    });
    expect(inst(run([oneTicket(), row], { asOf: "2023-07-23" }), 2)).toMatchObject({
      daysLate: 1,
      status: "overdue",
    });
    expect(inst(run([oneTicket(), row], { asOf: "2023-07-22" }), 2)).toMatchObject({
      daysLate: 0,
      status: "due",
    });
    expect(inst(run([oneTicket(), row], { asOf: "2023-07-21" }), 2)).toMatchObject({
      daysLate: 0,
      status: "not-yet-due",
    });
  });

  test("past due and unpaid without an invoice: not late, and it says so (未收到等额发票)", () => {
    const s = run([oneTicket(), pay([[2, null, null, null, null]])], { asOf: "2023-08-01" });
    expect(inst(s, 2)).toMatchObject({ daysLate: 0, lateFee: "0.00", status: "awaiting-invoice" });
    // an invoice of another amount is no invoice either
    const wrong = run([oneTicket(), pay([[2, "2023-07-01", 1, null, null]])], {
      asOf: "2023-08-01",
    });
    expect(inst(wrong, 2).status).toBe("awaiting-invoice");
  });

  test("no valid invoice, or a fiscal-policy delay: no days late", () => {
    const wrongAmount = run([oneTicket(), pay([[1, "2023-02-01", 1599998.39, "2023-03-01", A1]])]);
    expect(inst(wrongAmount, 1)).toMatchObject({ daysLate: 0, status: "paid" });
    const fiscal = run([oneTicket(), pay([[1, "2023-02-01", A1, "2023-03-01", A1, null, "是"]])]);
    expect(inst(fiscal, 1)).toMatchObject({ daysLate: 0, lateFee: "0.00", status: "paid" });
  });
});

describe("P1 and P2", () => {
  test("P1: an invoice dated on the payment day is in order; one a day later is not", () => {
    const same = run([oneTicket(), pay([[1, "2023-02-15", A1, "2023-02-15", A1]])]);
    expect(findingsOf(same, "P1")).toEqual([]);
    const after = run([oneTicket(), pay([[1, "2023-02-16", A1, "2023-02-15", A1]])]);
    expect(findingsOf(after, "P1")).toEqual(["1"]);
  });

  test("P1: no invoice, or one of another amount; an unpaid installment has none", () => {
    const s = run([
      oneTicket(),
      pay([
        [1, null, null, "2023-02-15", A1],
        [2, "2023-07-01", 1599998.41, "2023-07-10", A1],
        [3, "2023-12-01", 799999.2, null, null, "2023-11-20"],
      ]),
    ]);
    expect(findingsOf(s, "P1")).toEqual(["1", "2"]);
  });

  test("P2: a paid amount other than the payable, a blank one included", () => {
    const s = run([
      oneTicket(),
      pay([
        [1, "2023-02-01", A1, "2023-02-15", 1599998.41],
        [2, "2023-07-01", A1, "2023-07-10", null],
        [3, "2023-12-01", 799999.2, "2023-12-05", 799999.2, "2023-11-20"],
      ]),
    ]);
    expect(findingsOf(s, "P2")).toEqual(["1", "2"]);
  });
});

describe("the refund", () => {
  /** a drop of 2 places in the district ranking: 5% = ¥199,999.80, evaluated at service.end (final window) */
  const rank = sheet("考核排名", ["期间", "区级排名"], [["2023", 28]]);
  test("a final-window deduction is a refund, due 5 working days after the notice (default finalOn)", () => {
    const s = run([oneTicket(), rank]);
    expect(s.totals).toMatchObject({
      finalWindow: "199999.80",
      installment3Payable: "799999.20",
      refundDue: "199999.80",
      // notice Tue 2024-01-23: 24, 25, 26, 29, 30
      refundDueOn: "2024-01-30",
      settlement: "3799996.20",
    });
  });

  test("the due date skips New Year's Day", () => {
    // notice Fri 2023-12-29: 12-30/31 weekend, 01-01 holiday → 01-02 … 01-08
    const s = run([oneTicket(), rank, paramsSheet([["payments.refundNoticeOn", "2023-12-29"]])]);
    expect(s.totals.refundDueOn).toBe("2024-01-08");
  });

  test("no refund, no due date", () => {
    expect(run([oneTicket()]).totals).toMatchObject({ refundDue: "0.00", refundDueOn: null });
  });
});

describe("the acceptance windows and the 付款 sheet's edge cases", () => {
  const lateOn = (day: string) => tickets([["T1", `${day} 10:00`, `${nextDay(day)} 09:00`]]);
  const nextDay = (day: string) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  test("a deduction evaluated on 2023-10-31 is the first acceptance's; on 11-01 the final one's", () => {
    const first = run([lateOn("2023-10-31")]);
    expect(first.deductions.map((d) => [d.period, d.window])).toEqual([["2023-10-31", "first"]]);
    expect(first.totals).toMatchObject({ firstWindow: "200.00", installment3Payable: "799799.20" });
    const final = run([lateOn("2023-11-01")]);
    expect(final.deductions.map((d) => [d.period, d.window])).toEqual([["2023-11-01", "final"]]);
    expect(final.totals).toMatchObject({ finalWindow: "200.00", refundDue: "200.00" });
  });

  test("a guarantee with a blank amount starts the clock, with a warning that it was not checked", () => {
    const s = run([
      oneTicket(),
      sheet("付款", PAY_HEADERS, [[3, null, null, "2023-11-20", null, null, null, null]]),
    ]);
    expect(inst(s, 3).dueOn).toBe("2023-12-08");
    expect(s.issues.filter((i) => i.code === "guarantee-amount-blank").map((i) => i.row)).toEqual([
      2,
    ]);
    expect(findingsOf(s, "P3")).toEqual([]);
  });

  test("an unreadable 付款日期 or 保函日期: unknown, never overdue", () => {
    const s = run(
      [
        oneTicket(),
        sheet("付款", PAY_HEADERS, [
          [1, "2023-02-01", A1, null, null, "前天", A1, null],
          [3, null, null, "上个月", null, null, null, null],
        ]),
      ],
      { asOf: "2024-01-22" }
    );
    expect(inst(s, 1)).toMatchObject({ status: "unknown", daysLate: 0 });
    expect(inst(s, 3)).toMatchObject({ dueOn: null, status: "waiting" });
    expect(findingsOf(s, "P1")).toEqual([]);
  });

  test("nothing payable: a payment of 0 or none is in order, any other amount is a P2", () => {
    const base = [
      tickets([["GD1", "2023-03-01 09:00", "2023-03-03 09:10"]]),
      paramsSheet([["r1.unit", 900000]]),
    ];
    const zero = run([...base, pay([[3, null, null, "2023-12-20", 0, "2023-11-20"]])]);
    expect(inst(zero, 3)).toMatchObject({ payable: "0.00", status: "nothing" });
    expect(findingsOf(zero, "P2")).toEqual([]);
    const some = run([...base, pay([[3, null, null, "2023-12-20", 5, "2023-11-20"]])]);
    expect(findingsOf(some, "P2")).toEqual(["3"]);
    expect(findingsOf(some, "P1")).toEqual([]);
  });
});

describe("what the settlement says about itself (from a first mutation run's survivors)", () => {
  const full = (tables: Parameters<typeof audit>[0], asOf?: string) =>
    audit(tables, { asOf, runAt: "2026-01-01 09:00:00" });

  test("a failing KPI that costs nothing (unit 0) is no deduction", () => {
    const s = run([
      tickets([["T1", "2023-03-05 10:00", "2023-03-06 09:00"]]),
      paramsSheet([["r1.unit", 0]]),
    ]);
    expect(s.kpis.find((k) => k.ruleId === "R1" && k.period === "2023-03-05")!.status).toBe("fail");
    expect(s.deductions).toEqual([]);
  });

  test("a guarantee with its amount gives no blank-amount warning", () => {
    const s = run([oneTicket(), pay([[3, null, null, null, null, "2023-11-20"]])]);
    expect(s.issues.filter((i) => i.code === "guarantee-amount-blank")).toEqual([]);
  });

  test("P1, P2 and P3 point at their cells and say what was found", () => {
    const r = full([
      oneTicket(),
      sheet("付款", PAY_HEADERS, [
        [1, "2023-02-16", 1599998.4, null, null, "2023-02-15", null, null],
        [3, null, null, "2023-11-20", 500000, null, null, null],
      ]),
    ]);
    const by = (id: string) => r.findings.filter((f) => f.ruleId === id);
    expect(by("P1").map((f) => f.evidence)).toEqual([
      [{ sheet: "付款", row: 2, cell: "C2", label: "第1期发票" }],
    ]);
    expect(by("P1")[0].message).toContain("（发票金额 1599998.40）");
    expect(by("P2").map((f) => f.evidence)).toEqual([
      [{ sheet: "付款", row: 2, cell: "G2", label: "第1期付款" }],
    ]);
    expect(by("P2")[0].message).toContain("付款金额 （空）");
    expect(by("P2")[0].messageEn).toContain("paid (blank)");
    expect(by("P3").map((f) => f.evidence)).toEqual([
      [{ sheet: "付款", row: 3, cell: "E3", label: "保函金额" }],
    ]);
    // nothing else
    expect(r.findings.filter((f) => f.ruleId.startsWith("P")).map((f) => f.ruleId)).toEqual([
      "P3",
      "P1",
      "P2",
    ]);
    const other = full([oneTicket(), pay([[1, "2023-02-01", A1, "2023-02-15", 1]])]);
    expect(other.findings.find((f) => f.ruleId === "P2")!.message).toContain(
      "付款金额 1.00 与应付 1599998.40 不符"
    );
  });

  test("statuses in Chinese, and the totals of late fees and claims", () => {
    const r = full(
      [
        oneTicket(),
        pay([
          [1, "2023-02-01", A1, "2023-02-10", A1],
          [2, "2023-07-01", A1, "2023-07-24", A1],
        ]),
        sheet(
          "人员调换",
          ["通知日期", "被替换工号", "原因", "到位日期"],
          [["2023-03-01", "X1", "其他", "2023-05-01"]]
        ),
      ],
      "2023-08-01"
    );
    expect(r.settlement.installments.map((i) => i.statusZh)).toEqual([
      "已付",
      "逾期支付",
      "待条件",
    ]);
    // installment 2: 2 days at ¥119,999.88
    expect(r.settlement.totals.lateFees).toBe(23999976);
    expect(r.settlement.totals.claims).toBe(7999992);
  });

  test("no days late without a due date, an invoice date, or a readable 财政原因延迟", () => {
    // installment 3 invoiced but with no guarantee: no due date, so never late
    const noDue = run([oneTicket(), pay([[3, "2023-12-01", 799999.2, null, null]])]);
    expect(inst(noDue, 3)).toMatchObject({ dueOn: null, daysLate: 0, status: "waiting" });
    // an invoice amount without its date is no valid invoice
    const noDate = run([oneTicket(), pay([[1, null, A1, "2023-03-01", A1]])]);
    expect(inst(noDate, 1)).toMatchObject({ daysLate: 0 });
    // 财政原因延迟 unreadable: the fee is not computed rather than computed as if it were 否
    const unreadable = run([
      oneTicket(),
      pay([[1, "2023-02-01", A1, "2023-03-01", A1, null, "也许"]]),
    ]);
    expect(inst(unreadable, 1)).toMatchObject({ daysLate: 0, lateFee: "0.00" });
  });
});

describe("the 付款 sheet's columns and the guarantee's row", () => {
  test("without a 发票金额 column P1 is not judged (a warning says why), and P2 still is", () => {
    const s = run([
      oneTicket(),
      sheet(
        "付款",
        ["期次", "发票日期", "付款日期", "付款金额"],
        [[1, "2023-02-01", "2023-02-15", 1]]
      ),
    ]);
    expect(findingsOf(s, "P1")).toEqual([]);
    expect(findingsOf(s, "P2")).toEqual(["1"]);
  });

  test("nothing payable, paid on a day with the amount left blank: no P2", () => {
    const s = run([
      tickets([["GD1", "2023-03-01 09:00", "2023-03-03 09:10"]]),
      paramsSheet([["r1.unit", 900000]]),
      pay([[3, null, null, "2023-12-20", null, "2023-11-20"]]),
    ]);
    expect(inst(s, 3).status).toBe("nothing");
    expect(findingsOf(s, "P2")).toEqual([]);
  });

  test("guaranteeMustCover 否: a blank 保函金额 is no warning", () => {
    const row = sheet("付款", PAY_HEADERS, [[3, null, null, "2023-11-20", null, null, null, null]]);
    const off = run([oneTicket(), row, paramsSheet([["payments.guaranteeMustCover", "否"]])]);
    expect(off.issues.filter((i) => i.code === "guarantee-amount-blank")).toEqual([]);
    expect(inst(off, 3).dueOn).toBe("2023-12-08");
  });

  test("the guarantee on another installment's row still counts; an unreadable one on row 3 does not", () => {
    const elsewhere = run([
      oneTicket(),
      sheet("付款", PAY_HEADERS, [[1, null, null, "2023-11-20", 799999.2, null, null, null]]),
    ]);
    expect(inst(elsewhere, 3).dueOn).toBe("2023-12-08");
    const unreadable = audit(
      [
        oneTicket(),
        sheet("付款", PAY_HEADERS, [
          [1, null, null, "2023-11-20", 799999.2, null, null, null],
          [3, null, null, "下周", 799999.2, null, null, null],
        ]),
      ],
      { runAt: "2026-01-01 09:00:00" }
    );
    const i3 = unreadable.settlement.installments.find((i) => i.no === 3)!;
    expect(i3.dueOn).toBeNull();
    expect(i3.dueNote).toBe("保函日期无法识别（见校验问题）");
    const none = audit([oneTicket()], { runAt: "2026-01-01 09:00:00" });
    expect(none.settlement.installments[2].dueNote).toBe("待乙方提供履约保函");
  });
});

describe("the guarantee's row and what installment 3 says (from the settlement's second run)", () => {
  const full = (tables: Parameters<typeof audit>[0]) =>
    audit(tables, { runAt: "2026-01-01 09:00:00" });
  const row = (no: number, guarOn: RawCell, guarAmt: RawCell): RawCell[] => [
    no,
    null,
    null,
    guarOn,
    guarAmt,
    null,
    null,
    null,
  ];

  test("installment 3's own row without a 保函日期 gives way to another row that has one", () => {
    // row 3 blank, row 1 with the guarantee of 11-20: due 12-08 as if it were on row 3
    const s = run([
      oneTicket(),
      sheet("付款", PAY_HEADERS, [row(3, null, null), row(1, "2023-11-20", 799999.2)]),
    ]);
    expect(inst(s, 3).dueOn).toBe("2023-12-08");
  });

  test("the first row that has a guarantee is used, not merely the first row", () => {
    // rows 1 (no guarantee) and 2 (guarantee Fri 12-01, after the acceptance): 12-15
    const s = run([
      oneTicket(),
      sheet("付款", PAY_HEADERS, [row(1, null, null), row(2, "2023-12-01", 799999.2)]),
    ]);
    expect(inst(s, 3).dueOn).toBe("2023-12-15");
  });

  test("a short guarantee: P3 and the due note say so; with guaranteeMustCover 否 it starts the clock", () => {
    const short = sheet("付款", PAY_HEADERS, [row(3, "2023-11-20", 500000)]);
    const on = full([oneTicket(), short]);
    const i3 = on.settlement.installments.find((i) => i.no === 3)!;
    expect(i3.dueOn).toBeNull();
    expect(i3.dueNote).toBe("保函金额不足（须与尾款等额），待乙方提供等额保函");
    expect(on.findings.filter((f) => f.ruleId === "P3").map((f) => f.message)).toEqual([
      "保函金额 500000.00 低于尾款应付 799999.20（须等额），不起算付款期限",
    ]);
    const off = full([oneTicket(), short, paramsSheet([["payments.guaranteeMustCover", "否"]])]);
    expect(off.findings.filter((f) => f.ruleId === "P3")).toEqual([]);
    const o3 = off.settlement.installments.find((i) => i.no === 3)!;
    expect(o3.dueOn).toBe(dayNum(2023, 12, 8));
    expect(o3.dueNote).toBe("保函（2023-11-20）与第一次验收后第 10 个工作日");
  });

  test("P1 without an invoice amount names none; P2 in English gives the amount paid", () => {
    const r = full([oneTicket(), pay([[1, "2023-02-01", null, "2023-02-15", 1]])]);
    const p1 = r.findings.find((f) => f.ruleId === "P1")!;
    expect(p1.message).toBe(
      "第1期 2023-02-15 付款，但无与应付 1599998.40 元等额、且不晚于付款日的发票"
    );
    const p2 = r.findings.find((f) => f.ruleId === "P2")!;
    expect(p2.messageEn).toBe("installment 1 paid 1.00, payable 1599998.40");
  });
});

// Deductions into acceptance windows, the three installments, refund, settlement, late fees,
// and the payment findings P1–P3 (三、合同费用标准与支付方式): P1 paid without an invoice of
// equal amount, P2 paid amount differs from payable, P3 guarantee below installment 3.
import { addNaturalDays, addWorkdays, recordingUncovered } from "./calendar";
import { Claim, Context, Finding, Kpi, Payment } from "./model";
import { Cents, applyRate, formatCents, toCents } from "./money";
import { Rec, cellOf } from "./read";
import { DayNum, formatDay, parseIsoDay } from "./time";
import { evidenceOf, usable } from "./rules/common";

export type Window = "first" | "final";

export interface Deduction {
  ruleId: string;
  period: string;
  subject: string | null;
  occurrences: number;
  unit: Cents;
  amount: Cents;
  window: Window;
  kpi: Kpi;
}

export interface Installment {
  no: number;
  amount: Cents;
  dueOn: DayNum | null;
  dueNote: string;
  deductions: Cents;
  payable: Cents;
  invoiceOn: DayNum | null;
  invoiceAmount: Cents | null;
  invoiceValid: boolean;
  paidOn: DayNum | null;
  paidAmount: Cents | null;
  fiscalDelay: boolean;
  daysLate: number;
  lateFee: Cents;
  status:
    | "paid"
    | "paid-late"
    | "due"
    | "overdue"
    /** past due and unpaid, but no invoice of the payable's amount yet: Party A is not late (三.3) */
    | "awaiting-invoice"
    | "not-yet-due"
    | "waiting"
    | "unknown"
    /** nothing payable (deductions took it all): no invoice needed, never late */
    | "nothing"
    /** no 付款 sheet, or no 付款日期 column: the paid/late status cannot be told */
    | "not-evaluated";
  statusZh: string;
  /** years the due date was counted in that no calendar covers (待核：日历缺 …年) */
  calendarGap: string[];
}

export interface Totals {
  deductions: Cents;
  firstWindow: Cents;
  finalWindow: Cents;
  installment3Payable: Cents;
  /** first-window deductions above installment 3 */
  excess: Cents;
  refundDue: Cents;
  refundDueOn: DayNum | null;
  settlement: Cents;
  claims: Cents;
  lateFees: Cents;
}

export interface Settlement {
  deductions: Deduction[];
  installments: Installment[];
  totals: Totals;
  findings: Finding[];
  /** years the refund deadline was counted in that no calendar covers */
  refundCalendarGap: string[];
}

/** The 付款 columns each payment check needs (a missing one: the check is not made, with a warning). */
export const PAYMENT_CHECKS = {
  P1: ["installment", "paid_on", "invoice_on", "invoice_amount"],
  P2: ["installment", "paid_on", "paid_amount"],
  lateFee: ["installment", "invoice_on", "invoice_amount", "paid_on"],
} as const;

export function settle(ctx: Context, kpis: Kpi[], claims: Claim[]): Settlement {
  const p = ctx.p;
  const deductions: Deduction[] = kpis
    .filter((k) => k.status === "fail" && k.deduction > 0)
    .map((k) => ({
      ruleId: k.ruleId,
      period: k.period,
      subject: k.subject,
      occurrences: k.occurrences,
      unit: k.unit,
      amount: k.deduction,
      window: k.evalDay <= ctx.firstCutoff ? "first" : "final",
      kpi: k,
    }));
  const sum = (xs: Cents[]) => xs.reduce((a, b) => a + b, 0);
  const firstWindow = sum(deductions.filter((d) => d.window === "first").map((d) => d.amount));
  const finalWindow = sum(deductions.filter((d) => d.window === "final").map((d) => d.amount));

  const fee = toCents(p["contract.totalFee"])!;
  // 七.4 takes the late fee as a share of 服务费 (contract.serviceFee, default the total)
  const serviceFee = toCents(ctx.r.serviceFee)!;
  const a1 = applyRate(fee, p["payments.installment1Rate"]);
  const a2 = applyRate(fee, p["payments.installment2Rate"]);
  const a3 = fee - a1 - a2;
  const roll = p["deadlines.rollOverRestDays"];

  const rows = new Map<number, Rec<Payment>>();
  for (const r of usable(ctx.data.payments ?? [], ["installment"]).ok)
    if (!rows.has(r.v.installment!)) rows.set(r.v.installment!, r);
  const sheet = ctx.sheets.payments;
  /** a check can run on a row when its columns exist and none of them is unreadable there */
  const can = (check: keyof typeof PAYMENT_CHECKS, row: Rec<Payment> | undefined) =>
    !!sheet &&
    PAYMENT_CHECKS[check].every((c) => sheet.columns.has(c)) &&
    !(row && PAYMENT_CHECKS[check].some((c) => row.bad.has(c)));
  const guaranteeRow =
    rows.get(3) && (rows.get(3)!.v.guarantee_on !== null || rows.get(3)!.bad.has("guarantee_on"))
      ? rows.get(3)
      : [...rows.values()].find((r) => r.v.guarantee_on !== null);
  const guaranteeUnreadable = !!guaranteeRow?.bad.has("guarantee_on");
  const firstOn = parseIsoDay(p["acceptance.firstOn"])!;
  const payable3 = Math.max(0, a3 - firstWindow);
  const excess = Math.max(0, firstWindow - a3);
  const findings: Finding[] = [];
  // 等额保函: a guarantee below installment 3's payable does not start its clock (P3)
  const guaranteeAmount = guaranteeRow?.v.guarantee_amount ?? null;
  const guaranteeShort =
    p["payments.guaranteeMustCover"] &&
    guaranteeRow?.v.guarantee_on != null &&
    guaranteeAmount !== null &&
    guaranteeAmount < payable3;
  if (guaranteeShort)
    findings.push({
      ruleId: "P3",
      subject: "3",
      period: null,
      message: `保函金额 ${formatCents(guaranteeAmount!)} 低于尾款应付 ${formatCents(payable3)}（须等额），不起算付款期限`,
      messageEn: `the guarantee of ${formatCents(guaranteeAmount!)} is below installment 3's payable ${formatCents(payable3)} (it must be of equal amount); the payment clock does not start`,
      evidence: [evidenceOf(ctx, "payments", guaranteeRow!, "guarantee_amount", "保函金额")],
    });
  else if (
    p["payments.guaranteeMustCover"] &&
    guaranteeRow?.v.guarantee_on != null &&
    guaranteeAmount === null &&
    !guaranteeRow.bad.has("guarantee_amount")
  ) {
    const at = cellOf(guaranteeRow, "guarantee_amount");
    ctx.issues.add({
      sheet: guaranteeRow.src.name,
      row: guaranteeRow.row,
      column: at?.column ?? "保函金额",
      cell: at?.cell ?? null,
      code: "guarantee-amount-blank",
      message: "保函金额为空：未核对保函是否与尾款等额",
      messageEn: "the guarantee amount is blank: whether it equals installment 3 was not checked",
    });
  }
  const guaranteeOn = guaranteeShort ? null : (guaranteeRow?.v.guarantee_on ?? null);

  // each due date with the years its counting needed and no calendar had
  const { value: due1, years: gap1 } = recordingUncovered(() =>
    addNaturalDays(parseIsoDay(p["contract.signedOn"])!, p["payments.installment1Days"], roll)
  );
  const due2 = parseIsoDay(p["payments.installment2Due"])!;
  const { value: due3, years: gap3 } = recordingUncovered(() =>
    guaranteeOn !== null
      ? addWorkdays(Math.max(guaranteeOn, firstOn), p["payments.installment3Workdays"])
      : null
  );
  const gaps: Record<number, string[]> = { 1: gap1, 2: [], 3: gap3 };
  const specs: [number, Cents, DayNum | null, string, Cents][] = [
    [
      1,
      a1,
      due1,
      `签订后 ${p["payments.installment1Days"]} 日${roll ? "（遇休息日顺延）" : ""}`,
      0,
    ],
    [2, a2, due2, "合同约定日期前", 0],
    [
      3,
      a3,
      due3,
      due3 === null
        ? guaranteeShort
          ? "保函金额不足（须与尾款等额），待乙方提供等额保函"
          : guaranteeUnreadable
            ? "保函日期无法识别（见校验问题）"
            : "待乙方提供履约保函"
        : `保函（${formatDay(guaranteeOn!)}）与第一次验收后第 ${p["payments.installment3Workdays"]} 个工作日`,
      Math.min(firstWindow, a3),
    ],
  ];
  const installments = specs.map(([no, amount, dueOn, dueNote, ded]): Installment => {
    const payable = amount - ded;
    const nothing = payable === 0;
    const row = rows.get(no);
    const v = row?.v;
    const invoiceOn = v?.invoice_on ?? null;
    const invoiceAmount = v?.invoice_amount ?? null;
    const invoiceValid = invoiceOn !== null && invoiceAmount === payable;
    const paidOn = v?.paid_on ?? null;
    const paidAmount = v?.paid_amount ?? null;
    const fiscalDelay = v?.fiscal_delay === true;
    // an unreadable cell leaves the row out of the checks that need it (never read as blank)
    const lateKnown = can("lateFee", row) && !(row?.bad.has("fiscal_delay") ?? false);
    let daysLate = 0;
    if (!nothing && lateKnown && dueOn !== null && invoiceValid && !fiscalDelay) {
      const start = Math.max(dueOn, invoiceOn!);
      const end = paidOn ?? ctx.asOf;
      daysLate = Math.max(0, end - start);
    }
    const lateFee = applyRate(serviceFee * daysLate, p["payments.lateFeeRatePerDay"]);
    if (paidOn !== null && row) {
      if (!nothing && can("P1", row) && !(invoiceValid && invoiceOn! <= paidOn))
        findings.push({
          ruleId: "P1",
          subject: String(no),
          period: null,
          message: `第${no}期 ${formatDay(paidOn)} 付款，但无与应付 ${formatCents(payable)} 元等额、且不晚于付款日的发票${invoiceAmount !== null ? `（发票金额 ${formatCents(invoiceAmount)}）` : ""}`,
          messageEn: `installment ${no} paid ${formatDay(paidOn)} without an invoice equal to the payable ${formatCents(payable)} dated on or before the payment`,
          evidence: [evidenceOf(ctx, "payments", row, "invoice_amount", `第${no}期发票`)],
        });
      if (can("P2", row) && paidAmount !== payable && !(nothing && paidAmount === null))
        findings.push({
          ruleId: "P2",
          subject: String(no),
          period: null,
          message: `第${no}期付款金额 ${paidAmount === null ? "（空）" : formatCents(paidAmount)} 与应付 ${formatCents(payable)} 不符`,
          messageEn: `installment ${no} paid ${paidAmount === null ? "(blank)" : formatCents(paidAmount)}, payable ${formatCents(payable)}`,
          evidence: [evidenceOf(ctx, "payments", row, "paid_amount", `第${no}期付款`)],
        });
    }
    const status: Installment["status"] = nothing
      ? "nothing"
      : !sheet || !sheet.columns.has("paid_on")
        ? "not-evaluated"
        : row?.bad.has("paid_on")
          ? "unknown"
          : paidOn !== null
            ? daysLate > 0
              ? "paid-late"
              : "paid"
            : dueOn === null
              ? "waiting"
              : dueOn < ctx.asOf
                ? invoiceValid || !lateKnown
                  ? "overdue"
                  : "awaiting-invoice"
                : dueOn === ctx.asOf
                  ? "due"
                  : "not-yet-due";
    const statusZh = {
      paid: "已付",
      "paid-late": "逾期支付",
      due: "今日到期",
      overdue: "逾期未付",
      "awaiting-invoice": "未付：未收到等额发票",
      "not-yet-due": "未到期",
      waiting: "待条件",
      unknown: "付款日期无法识别",
      nothing: "无需支付",
      "not-evaluated": "未评价",
    }[status];
    return {
      no,
      amount,
      dueOn,
      dueNote,
      deductions: ded,
      payable,
      invoiceOn,
      invoiceAmount,
      invoiceValid,
      paidOn,
      paidAmount,
      fiscalDelay,
      daysLate,
      lateFee,
      status,
      statusZh,
      calendarGap: gaps[no] ?? [],
    };
  });

  const total = firstWindow + finalWindow;
  const refundDue = finalWindow + excess;
  const notice = parseIsoDay(ctx.r.refundNoticeOn)!;
  const { value: refundDueOn, years: refundGap } = recordingUncovered(() =>
    refundDue > 0 ? addWorkdays(notice, p["payments.refundWorkdays"]) : null
  );
  return {
    deductions,
    installments,
    findings,
    refundCalendarGap: refundGap,
    totals: {
      deductions: total,
      firstWindow,
      finalWindow,
      installment3Payable: payable3,
      excess,
      refundDue,
      refundDueOn,
      settlement: fee - total,
      claims: sum(claims.map((c) => c.amount)),
      lateFees: sum(installments.map((i) => i.lateFee)),
    },
  };
}

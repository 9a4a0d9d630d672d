// 付款计划: the three installments, refund and settlement.
import { Builder, col, money } from "./builder";
import { toChineseCapital } from "../money";
import { SheetSpec, SpecCell, d, n, t } from "./spec";
import { LayoutContext, INSTALLMENT_STATUS_EN } from "./context";

/** "；待核（日历缺 2027 年）": a date counted on a year no calendar covers. */
function gapNote(x: LayoutContext, years: string[]): string {
  return years.length
    ? x.L(
        `；待核（日历缺 ${years.join("、")} 年，可在“节假日”表补充）`,
        `; to check (no calendar for ${years.join(", ")}: add it in a 节假日 sheet)`
      )
    : "";
}

export function paymentsSheet(x: LayoutContext): SheetSpec {
  const { capital, r, lang, L, s, tt, subtitle } = x;
  const payB = new Builder(L("（无）", "(none)"));
  payB.row = 3;
  const names = [L("首付款", "first"), L("进度款", "progress"), L("尾款", "final")];
  payB.table(
    "Installments",
    [
      col(L("期次", "no."), "int", 6),
      col(L("名称", "name"), "text", 8),
      col(L("合同金额", "amount"), "money", 16),
      col(L("金额大写", "in words"), "text", 30),
      col(L("到期日", "due"), "date", 12),
      col(L("到期说明", "due rule"), "text", 30),
      col(L("扣款", "deductions"), "money", 14),
      col(L("应付金额", "payable"), "money", 16),
      col(L("应付大写", "payable in words"), "text", 30),
      col(L("发票日期", "invoice on"), "date", 12),
      col(L("发票金额", "invoice"), "money", 16),
      col(L("发票有效", "invoice valid"), "text", 9),
      col(L("付款日期", "paid on"), "date", 12),
      col(L("付款金额", "paid"), "money", 16),
      col(L("逾期天数", "days late"), "int", 9),
      col(L("逾期违约金", "late fee"), "money", 16),
      col(L("状态", "status"), "text", 10),
    ],
    s.installments.map((i, k) => [
      n(i.no, "int"),
      t(names[k]),
      money(i.amount),
      t(toChineseCapital(i.amount)),
      i.calendarGap.length ? { ...d(i.dueOn), highlight: "warn" } : d(i.dueOn),
      t(i.dueNote + gapNote(x, i.calendarGap)),
      money(i.deductions),
      { ...money(i.payable), bold: true },
      t(toChineseCapital(i.payable)),
      d(i.invoiceOn),
      money(i.invoiceAmount),
      t(i.invoiceOn === null ? L("无", "none") : i.invoiceValid ? L("是", "yes") : L("否", "no")),
      d(i.paidOn),
      money(i.paidAmount),
      n(i.daysLate, "int"),
      money(i.lateFee),
      {
        v: { text: lang === "zh" ? i.statusZh : INSTALLMENT_STATUS_EN[i.status] },
        highlight:
          i.status === "overdue" || i.status === "paid-late"
            ? "fail"
            : i.status === "awaiting-invoice"
              ? "warn"
              : i.status === "paid"
                ? "ok"
                : undefined,
      },
    ])
  );
  payB.keyValue(
    [
      [
        L("第一次验收扣款（从尾款扣除）", "first-acceptance deductions (from installment 3)"),
        money(tt.firstWindow),
        capital(tt.firstWindow),
      ],
      [
        L("超出尾款部分（乙方退回）", "excess over installment 3 (refund)"),
        money(tt.excess),
        capital(tt.excess),
      ],
      [
        L("最终验收扣款（乙方退回）", "final-acceptance deductions (refund)"),
        money(tt.finalWindow),
        capital(tt.finalWindow),
      ],
      [
        L("乙方应退款", "refund due from Party B"),
        { ...money(tt.refundDue), bold: true },
        capital(tt.refundDue),
      ],
      [
        L("退款期限（通知后5个工作日）", "refund due on"),
        s.refundCalendarGap.length
          ? { ...d(tt.refundDueOn), highlight: "warn" }
          : d(tt.refundDueOn),
        t(
          tt.refundDueOn !== null
            ? L(`通知日 ${r.resolved.refundNoticeOn}`, `notice ${r.resolved.refundNoticeOn}`) +
                gapNote(x, s.refundCalendarGap)
            : null
        ),
      ],
      [
        L("最终决算价款", "final settlement"),
        { ...money(tt.settlement), bold: true },
        capital(tt.settlement),
      ],
      [
        L("违约金主张（另行确认，未计入最终决算价款）", "claims (separate, not netted)"),
        money(tt.claims),
        capital(tt.claims),
      ],
      [
        L("甲方逾期付款违约金", "late-payment fees owed by Party A"),
        money(tt.lateFees),
        capital(tt.lateFees),
      ],
      // a refund owed while installment 3 is still to be paid: why the two are not netted here
      ...(tt.refundDue > 0 &&
      s.installments.some((i) => i.no === 3 && i.payable > 0 && i.paidOn === null)
        ? [
            [
              L("退款与尾款", "refund and installment 3"),
              t(
                L(
                  "分别结算、不自动相抵：尾款按第3期条件（发票、保函、验收）由甲方支付，退款由乙方在甲方通知后支付；相抵须双方书面确认",
                  "settled apart, not netted: Party A pays installment 3 on its conditions (invoice, guarantee, acceptance), Party B pays the refund after Party A's notice; netting needs both parties' written agreement"
                )
              ),
            ] as [string, SpecCell],
          ]
        : []),
    ],
    L("退款与结算", "refund and settlement")
  );
  const paySheet: SheetSpec = {
    name: "付款计划",
    title: L("付款计划：三期款项、退款与结算", "Installments, refund and settlement"),
    subtitle,
    freezeRows: 3,
    wrap: [0, 3, 5, 8],
    blocks: payB.blocks,
  };
  return paySheet;
}

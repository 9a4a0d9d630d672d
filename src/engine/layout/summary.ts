// 核查汇总 Summary: the headline amounts in figures and 大写, counts, per-rule totals, deductions by month, signature lines; one A4 page.
import { ruleTotals } from "../summary";
import { Builder, col, money } from "./builder";
import { toChineseCapital } from "../money";
import { DEDUCTION_RULES, COMPLIANCE_RULES } from "../rules";
import { formatDay } from "../time";
import { Highlight, SheetSpec, SpecCell, link, n, t } from "./spec";
import { readingDifferences } from "./readings";
import { LayoutContext, monthOf, kpiFirstRow } from "./context";

export function summarySheet(x: LayoutContext): SheetSpec {
  const moving = (x.r.readings ?? []).filter((k) =>
    Object.values(readingDifferences(x.r, k)).some((v) => v !== 0)
  ).length;
  const { capital, r, L, s, tt, fee, titled, errors, warnings, infos, subtitle } = x;
  const sum = new Builder(L("（无）", "(none)"));
  sum.keyValue(
    [
      [L("合同总金额", "contract fee"), money(fee), capital(fee)],
      [
        L("考核扣款合计", "total deductions"),
        { ...money(tt.deductions), highlight: tt.deductions > 0 ? "fail" : "ok", bold: true },
        capital(tt.deductions),
      ],
      [
        L("  其中：第一次验收", "  of which first acceptance"),
        money(tt.firstWindow),
        capital(tt.firstWindow),
      ],
      [
        L("  其中：最终验收", "  of which final acceptance"),
        money(tt.finalWindow),
        capital(tt.finalWindow),
      ],
      [
        L("尾款应付（第3期）", "installment 3 payable"),
        { ...money(tt.installment3Payable), bold: true },
        capital(tt.installment3Payable),
      ],
      [
        L("乙方应退款", "refund due from Party B"),
        { ...money(tt.refundDue), highlight: tt.refundDue > 0 ? "warn" : undefined },
        t(
          tt.refundDue > 0
            ? `${toChineseCapital(tt.refundDue)}${tt.refundDueOn !== null ? L(`（${formatDay(tt.refundDueOn)} 前退回）`, ` (due ${formatDay(tt.refundDueOn)})`) : ""}`
            : toChineseCapital(0)
        ),
      ],
      [
        L("最终决算价款（合同金额 − 扣款）", "final settlement (fee − deductions)"),
        { ...money(tt.settlement), bold: true },
        capital(tt.settlement),
      ],
      [
        L(
          "违约金主张（须双方书面确认，未计入最终决算价款）",
          "claims (need written confirmation; not netted)"
        ),
        { ...money(tt.claims), highlight: tt.claims > 0 ? "warn" : undefined },
        capital(tt.claims),
      ],
      [
        L("甲方逾期付款违约金", "late-payment fees owed by Party A"),
        money(tt.lateFees),
        capital(tt.lateFees),
      ],
      [
        L("校验问题", "validation issues"),
        {
          v: {
            text: L(
              `错误 ${errors} · 警告 ${warnings} · 提示 ${infos}`,
              `${errors} errors · ${warnings} warnings · ${infos} info`
            ),
          },
          highlight: errors ? "fail" : warnings ? "warn" : "ok",
        },
      ],
      // an auditor contesting a reading finds its cost one sheet away
      [
        L("口径对比", "readings"),
        {
          v: {
            text: !r.readings
              ? L("本次未计算", "not computed in this run")
              : moving
                ? L(
                    `${moving} 项合同未明确之处的另一种理解会改变金额（见“口径对比”表）`,
                    `${moving} other reading(s) of the contract would change the amounts (see 口径对比)`
                  )
                : L(
                    "各种理解下金额相同（见“口径对比”表）",
                    "every reading gives the same amounts (see 口径对比)"
                  ),
          },
          highlight: moving ? "warn" : undefined,
        },
      ],
    ],
    L("核查结果", "results")
  );
  const ruleRows: SpecCell[][] = [];
  const ruleHl: (Highlight | null)[] = [];
  const totals = ruleTotals(r);
  for (const [i, rule] of DEDUCTION_RULES.entries()) {
    const { periods, byStatus, occurrences: occ, amount } = totals[i];
    ruleRows.push([
      link(rule.id, "KPI明细", `A${kpiFirstRow(r.kpis, rule.id)}`),
      t(titled(rule.id)),
      n(periods, "int"),
      n(byStatus.pass, "int"),
      n(byStatus.fail, "int"),
      n(byStatus.na, "int"),
      n(byStatus.pending, "int"),
      n(occ, "int"),
      money(amount),
    ]);
    ruleHl.push(amount > 0 ? "fail" : null);
  }
  sum.table(
    "RuleTotals",
    [
      col(L("规则", "rule"), "text", 8),
      col(L("指标", "indicator"), "text", 30),
      col(L("考核期数", "periods"), "int", 10),
      col(L("达标", "pass"), "int", 8),
      col(L("不达标", "fail"), "int", 8),
      col(L("不适用", "n/a"), "int", 8),
      col(L("待定", "pending"), "int", 8),
      col(L("扣款次数", "occurrences"), "int", 10),
      col(L("扣款金额", "amount"), "money", 16),
    ],
    ruleRows,
    {
      caption: L("考核细则扣款（各期见 KPI明细）", "deductions by rule (each period in KPI明细)"),
      rowHighlight: ruleHl,
    }
  );
  const compRows = COMPLIANCE_RULES.map((rule) => {
    const f = r.findings.filter((x) => x.ruleId === rule.id).length;
    const c = r.claims.filter((x) => x.ruleId === rule.id).reduce((a, x) => a + x.amount, 0);
    return [t(rule.id), t(titled(rule.id)), n(f, "int"), money(c)];
  });
  for (const id of ["P1", "P2", "P3"])
    compRows.push([
      t(id),
      t(titled(id)),
      n(r.findings.filter((x) => x.ruleId === id).length, "int"),
      money(0),
    ]);
  sum.table(
    "ComplianceTotals",
    [
      col(L("规则", "rule"), "text", 8),
      col(L("检查项", "check"), "text", 30),
      col(L("发现数", "findings"), "int", 10),
      col(L("违约金主张", "claims"), "money", 16),
    ],
    compRows,
    {
      caption: L("合规检查（不直接扣款）", "compliance checks (no fixed deduction)"),
      rowHighlight: compRows.map((row) => ((row[2].v as number) > 0 ? "warn" : null)),
    }
  );
  const months = new Map<string, number>();
  for (const ded of s.deductions) {
    const m = monthOf(ded.kpi.evalDay);
    months.set(m, (months.get(m) ?? 0) + ded.amount);
  }
  const monthRows = [...months.entries()].sort().map(([m, c]) => [t(m), money(c)]);
  sum.table(
    "MonthlyDeductions",
    [col(L("评价月份", "month"), "text", 12), col(L("扣款金额", "deductions"), "money", 16)],
    monthRows,
    { caption: L("各月扣款（按评价日期）", "deductions by month of evaluation"), dataBarColumn: 1 }
  );
  // the page is signed and filed: both parties confirm it
  const line = t("________________________");
  sum.keyValue(
    [
      [
        L("甲方（签字、盖章）", "Party A (signature, seal)"),
        line,
        t(L("日期：__________", "date: __________")),
      ],
      [
        L("乙方（签字、盖章）", "Party B (signature, seal)"),
        line,
        t(L("日期：__________", "date: __________")),
      ],
    ],
    L("双方确认", "confirmed by both parties")
  );
  const summary: SheetSpec = {
    name: "核查汇总",
    title: L("接诉即办合同考核 · 核查汇总", "Hotline contract audit · summary"),
    subtitle,
    freezeRows: 0,
    tabColor: "FF1F4E79",
    blocks: sum.blocks,
    widths: [34, 30, 44, 10, 10, 10, 10, 10, 16],
    wrap: [0, 1, 2],
  };
  return summary;
}

// The one place that decides how results look in a workbook: sheet order, column order,
// headers, number formats, highlights, links to source cells. Chinese first, English second.
import { AuditResult, ruleTotals } from "../audit";
import { FINGERPRINT_HEADER } from "../verify";
import { LEVEL_ZH } from "../issues";
import { Kpi, Status } from "../model";
import { fitWidths } from "./fit";
import { Builder, col, money } from "./builder";
import { readingsSheet } from "./readings";
import type { Installment } from "../settle";
import { formatYuan, toChineseCapital, toCents } from "../money";
import { PARAM_KEYS, DEFAULT_PARAMS, displayParam, paramMeta } from "../params";
import { RULE_TITLES, DEDUCTION_RULES, COMPLIANCE_RULES } from "../rules";
import { RESULT_SHEET_NAMES } from "../sheets";
import { formatDay, parseIsoDay } from "../time";
import { Highlight, SheetSpec, SpecCell, d, link, n, t, capLinks } from "./spec";

export type Lang = "zh" | "en";

/** The last column of the KPI明细 table (15 columns). */
export const KPI_LAST_COLUMN = "O";

export interface LayoutOptions {
  lang?: Lang;
}

const STATUS: Record<Status, { zh: string; en: string; hl: Highlight | null }> = {
  pass: { zh: "达标", en: "pass", hl: "ok" },
  fail: { zh: "不达标", en: "fail", hl: "fail" },
  na: { zh: "不适用", en: "n/a", hl: "muted" },
  pending: { zh: "待定", en: "pending", hl: "muted" },
};

const MAX_EVIDENCE_ROWS = 20000;
const MAX_CELL_TEXT = 30000;

/** An installment's status in English, as the sheet shows it (never the code). */
const INSTALLMENT_STATUS_EN: Record<Installment["status"], string> = {
  paid: "paid",
  "paid-late": "paid late",
  due: "due today",
  overdue: "overdue, unpaid",
  "awaiting-invoice": "unpaid: no invoice of the payable amount yet",
  "not-yet-due": "not yet due",
  waiting: "waiting for its condition",
  unknown: "payment date unreadable",
  nothing: "nothing to pay",
  "not-evaluated": "not evaluated",
};

export function layoutResults(r: AuditResult, options: LayoutOptions = {}): SheetSpec[] {
  const lang = options.lang ?? "zh";
  const L = (zh: string, en: string) => (lang === "zh" ? zh : en);
  const s = r.settlement;
  const tt = s.totals;
  const fee = toCents(r.params["contract.totalFee"])!;
  const title = (key: string) => RULE_TITLES[key]?.[lang] ?? key;
  const status = (st: Status) => STATUS[st][lang];
  const windowLabel = (w: "first" | "final") =>
    w === "first" ? L("第一次验收", "first acceptance") : L("最终验收", "final acceptance");
  const firstCutoff = parseIsoDay(r.params["acceptance.firstCutoff"])!;
  const errors = r.issues.filter((i) => i.level === "error").length;
  const warnings = r.issues.filter((i) => i.level === "warning").length;
  const infos = r.issues.length - errors - warnings;
  const subtitle = L(
    `评价截止 ${r.asOf}${r.runAt ? ` · 运行于 ${r.runAt}` : ""} · 程序版本 ${r.version} · ${r.changedParams.length ? `${r.changedParams.length} 项参数与合同默认不同（见运行记录）` : "参数均为合同默认值"}`,
    `evaluated up to ${r.asOf}${r.runAt ? ` · run at ${r.runAt}` : ""} · version ${r.version} · ${r.changedParams.length ? `${r.changedParams.length} parameter(s) differ from the contract (see 运行记录)` : "contract default parameters"}`
  );
  const evidenceLink = (k: { evidence: { sheet: string; cell: string; label: string }[] }) =>
    k.evidence.length
      ? link(k.evidence[0].label, k.evidence[0].sheet, k.evidence[0].cell)
      : t(null);
  // the first few only: a line of twenty ticket ids made 扣款明细 print at a quarter of its size;
  // the evidence table below lists every row, each with its link
  const EVIDENCE_SHOWN = 5;
  const evidenceText = (k: { evidence: { label: string }[] }) => {
    const shown = k.evidence
      .slice(0, EVIDENCE_SHOWN)
      .map((e) => e.label)
      .join(L("、", ", "));
    return t(
      k.evidence.length > EVIDENCE_SHOWN
        ? L(
            `${shown} 等共 ${k.evidence.length} 条（见下方扣款证据）`,
            `${shown} … ${k.evidence.length} in all (see the evidence below)`
          )
        : shown
    );
  };
  /** A KPI's value or target, formatted by what it measures. */
  const measure = (k: Kpi, x: number | null): SpecCell => {
    if (x === null) return n(null);
    switch (k.valueKind) {
      case "rate":
        return n(x, "percent");
      case "score":
        return n(x, "score");
      case "date":
        return d(x);
      default:
        return n(x, "int");
    }
  };

  // ---- 核查汇总 Summary ----
  const sum = new Builder(L("（无）", "(none)"));
  const capital = (c: number) => t(toChineseCapital(c));
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
        L("结算金额（合同金额 − 扣款）", "settlement (fee − deductions)"),
        { ...money(tt.settlement), bold: true },
        capital(tt.settlement),
      ],
      [
        L(
          "违约金主张（须双方书面确认，未计入结算）",
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
      t(rule[lang]),
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
      caption: L(
        "考核细则扣款（点击规则查看明细）",
        "deductions by rule (click a rule for its rows)"
      ),
      rowHighlight: ruleHl,
    }
  );
  const compRows = COMPLIANCE_RULES.map((rule) => {
    const f = r.findings.filter((x) => x.ruleId === rule.id).length;
    const c = r.claims.filter((x) => x.ruleId === rule.id).reduce((a, x) => a + x.amount, 0);
    return [t(rule.id), t(rule[lang]), n(f, "int"), money(c)];
  });
  for (const id of ["P1", "P2", "P3"])
    compRows.push([
      t(id),
      t(title(id)),
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
    onePage: true,
  };

  // ---- KPI明细 (15 columns, A–O: see KPI_LAST_COLUMN) ----
  const kpiB = new Builder(L("（无）", "(none)"));
  kpiB.row = 3;
  kpiB.table(
    "KpiDetail",
    [
      col(L("规则", "rule"), "text", 7),
      col(L("指标", "indicator"), "text", 22),
      col(L("期间", "period"), "text", 12),
      col(L("对象", "subject"), "text", 16),
      col(L("分子", "numerator"), "int", 8),
      col(L("分母", "denominator"), "int", 8),
      col(L("实际值", "value"), "number", 12),
      col(L("目标值", "target"), "number", 12),
      col(L("结果", "status"), "text", 9),
      col(L("扣款次数", "occurrences"), "int", 9),
      col(L("扣款金额", "deduction"), "money", 14),
      col(L("验收批次", "acceptance"), "text", 12),
      col(L("未计入行数", "rows left out"), "int", 10),
      col(L("说明", "note"), "text", 48),
      col(L("证据", "evidence"), "text", 18),
    ],
    r.kpis.map((k) => [
      t(k.ruleId),
      t(title(k.ruleId)),
      t(k.period),
      t(k.subject),
      n(k.numerator, "int"),
      n(k.denominator, "int"),
      measure(k, k.value),
      measure(k, k.target),
      { v: { text: status(k.status) }, highlight: STATUS[k.status].hl ?? undefined },
      n(k.occurrences, "int"),
      money(k.deduction),
      t(k.status === "fail" ? windowLabel(k.evalDay <= firstCutoff ? "first" : "final") : null),
      n(k.leftOut || null, "int"),
      t(lang === "zh" ? k.note : k.noteEn),
      evidenceLink(k),
    ]),
    { rowHighlight: r.kpis.map((k) => (k.status === "fail" ? "fail" : null)) }
  );
  const kpiSheet: SheetSpec = {
    name: "KPI明细",
    title: L("KPI明细：每条规则 × 每个考核期", "KPIs: every rule × period"),
    subtitle,
    freezeRows: 3,
    blocks: kpiB.blocks,
  };

  // ---- 扣款明细 ----
  const dedB = new Builder(L("（无）", "(none)"));
  dedB.row = 3;
  dedB.table(
    "Deductions",
    [
      col(L("规则", "rule"), "text", 7),
      col(L("指标", "indicator"), "text", 22),
      col(L("期间", "period"), "text", 12),
      col(L("对象", "subject"), "text", 16),
      col(L("原因", "reason"), "text", 48),
      col(L("次数", "occurrences"), "int", 7),
      col(L("单价", "unit"), "money", 14),
      col(L("金额", "amount"), "money", 14),
      col(L("验收批次", "acceptance"), "text", 12),
      col(L("证据（首条）", "first evidence"), "text", 20),
      col(L("证据", "evidence"), "text", 60),
    ],
    s.deductions.map((x) => [
      t(x.ruleId),
      t(title(x.ruleId)),
      t(x.period),
      t(x.subject),
      t(lang === "zh" ? x.kpi.note : x.kpi.noteEn),
      n(x.occurrences, "int"),
      money(x.unit),
      money(x.amount),
      t(windowLabel(x.window)),
      evidenceLink(x.kpi),
      evidenceText(x.kpi),
    ])
  );
  const evidenceRows: SpecCell[][] = [];
  for (const x of s.deductions)
    for (const e of x.kpi.evidence) {
      if (evidenceRows.length >= MAX_EVIDENCE_ROWS) break;
      evidenceRows.push([
        t(x.ruleId),
        t(x.period),
        t(e.sheet),
        n(e.row, "int"),
        link(e.label.slice(0, 255), e.sheet, e.cell),
      ]);
    }
  dedB.table(
    "DeductionEvidence",
    [
      col(L("规则", "rule"), "text", 7),
      col(L("期间", "period"), "text", 12),
      col(L("来源工作表", "source sheet"), "text", 12),
      col(L("行", "row"), "int", 8),
      col(L("来源（点击定位）", "source (click to go)"), "text", 24),
    ],
    evidenceRows,
    {
      caption: L("扣款证据：导致扣款的每一行", "evidence: every row behind a deduction"),
    }
  );
  const dedSheet: SheetSpec = {
    name: "扣款明细",
    title: L("扣款明细", "Deductions"),
    subtitle: `${subtitle} · ${L("合计", "total")} ${formatYuan(tt.deductions)}`,
    freezeRows: 3,
    blocks: dedB.blocks,
  };

  // ---- 合规检查 ----
  const finB = new Builder(L("（无）", "(none)"));
  finB.row = 3;
  const claimsBy = new Map(r.claims.map((c) => [`${c.ruleId}|${c.subject}`, c]));
  const finRows: SpecCell[][] = r.findings.map((f) => {
    const c = claimsBy.get(`${f.ruleId}|${f.subject}`);
    return [
      t(f.ruleId),
      t(title(f.ruleId)),
      t(L("发现", "finding")),
      t(f.subject),
      // a C7 gap starts at a time: shown as a date-time is written everywhere else
      t(
        f.period && /T\d\d:\d\d/.test(f.period) ? f.period.replace("T", " ").slice(0, 16) : f.period
      ),
      money(c?.amount ?? null),
      t(lang === "zh" ? f.message : f.messageEn),
      f.evidence.length
        ? link(f.evidence[0].label, f.evidence[0].sheet, f.evidence[0].cell)
        : t(null),
    ];
  });
  const finHl: (Highlight | null)[] = finRows.map(() => "warn");
  for (const c of r.claims.filter((c) => c.subject === null)) {
    finRows.push([
      t(c.ruleId),
      t(title(c.ruleId)),
      t(L("违约金主张", "claim")),
      t(null),
      t(null),
      money(c.amount),
      t(lang === "zh" ? c.message : c.messageEn),
      t(null),
    ]);
    finHl.push("fail");
  }
  finB.table(
    "Findings",
    [
      col(L("规则", "rule"), "text", 7),
      col(L("检查项", "check"), "text", 24),
      col(L("类型", "kind"), "text", 10),
      col(L("对象", "subject"), "text", 14),
      col(L("期间", "period"), "text", 20),
      col(L("违约金主张", "claim"), "money", 14),
      col(L("说明", "message"), "text", 70),
      col(L("证据", "evidence"), "text", 20),
    ],
    finRows,
    { rowHighlight: finHl }
  );
  const finSheet: SheetSpec = {
    name: "合规检查",
    title: L("合规检查与违约金主张", "Compliance findings and claims"),
    subtitle: `${subtitle} · ${L("违约金主张须双方书面确认，不自动抵扣", "claims need both parties’ written confirmation and are never netted")}`,
    freezeRows: 3,
    blocks: finB.blocks,
  };

  // ---- 付款计划 ----
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
      d(i.dueOn),
      t(i.dueNote),
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
        d(tt.refundDueOn),
        t(
          tt.refundDueOn !== null
            ? L(`通知日 ${r.resolved.refundNoticeOn}`, `notice ${r.resolved.refundNoticeOn}`)
            : null
        ),
      ],
      [
        L("结算金额", "settlement"),
        { ...money(tt.settlement), bold: true },
        capital(tt.settlement),
      ],
      [
        L("违约金主张（另行确认，未计入结算）", "claims (separate, not netted)"),
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
    blocks: payB.blocks,
  };

  // ---- 校验问题 ----
  const issB = new Builder(L("（无）", "(none)"));
  issB.row = 3;
  issB.table(
    "Issues",
    [
      col(L("工作表", "sheet"), "text", 12),
      col(L("行", "row"), "int", 7),
      col(L("列", "column"), "text", 14),
      col(L("单元格", "cell"), "text", 9),
      col(L("级别", "level"), "text", 7),
      col(L("代码", "code"), "text", 16),
      col(L("说明", "message"), "text", 70),
      col(L("English", "Chinese"), "text", 60),
    ],
    r.issues.map((i) => [
      t(i.sheet),
      n(i.row, "int"),
      t(i.column),
      i.cell ? link(i.cell, i.sheet, i.cell) : t(null),
      {
        v: { text: lang === "zh" ? LEVEL_ZH[i.level] : i.level },
        highlight: i.level === "error" ? "fail" : i.level === "warning" ? "warn" : undefined,
      },
      t(i.code),
      t((lang === "zh" ? i.message : i.messageEn).slice(0, MAX_CELL_TEXT)),
      t((lang === "zh" ? i.messageEn : i.message).slice(0, MAX_CELL_TEXT)),
    ])
  );
  const issSheet: SheetSpec = {
    name: "校验问题",
    title: L("校验问题", "Validation issues"),
    subtitle: `${subtitle} · ${L(`错误 ${errors} · 警告 ${warnings} · 提示 ${infos}`, `${errors} errors · ${warnings} warnings · ${infos} info`)}`,
    freezeRows: 3,
    blocks: issB.blocks,
  };

  // ---- 运行记录 ----
  const logB = new Builder(L("（无）", "(none)"));
  logB.keyValue(
    [
      [L("程序版本", "version"), t(r.version)],
      [L("运行时间（北京时间）", "run at (Beijing time)"), t(r.runAt)],
      [L("评价截止日", "evaluated up to"), t(r.asOf)],
      [
        L("参数来源", "parameters from"),
        t(
          r.paramsSheetName
            ? L(
                `工作表“${r.paramsSheetName}”及运行时修改`,
                `sheet "${r.paramsSheetName}" and run options`
              )
            : r.changedParams.length
              ? L("合同默认值及运行时修改", "contract defaults and run options")
              : L("合同默认值", "contract defaults")
        ),
      ],
      [
        L("与合同默认不同的参数", "parameters differing from the contract"),
        t(
          r.changedParams.length
            ? r.changedParams
                .map((k) => `${paramMeta(k)[lang]} = ${displayParam(k, r.params[k], lang)}`)
                .join(lang === "zh" ? "；" : "; ")
            : L("无", "none")
        ),
      ],
      [L("考核扣款合计", "total deductions"), money(tt.deductions)],
      [L("尾款应付", "installment 3 payable"), money(tt.installment3Payable)],
      [L("乙方应退款", "refund due"), money(tt.refundDue)],
      [L("结算金额", "settlement"), money(tt.settlement)],
      [L("违约金主张", "claims"), money(tt.claims)],
    ],
    L("本次运行", "this run")
  );
  logB.table(
    "InputSheets",
    [
      col(L("输入表", "input"), "text", 12),
      col(L("工作表名称", "sheet name"), "text", 16),
      col(L("数据行数", "rows"), "int", 10),
      col(L("使用行数", "rows used"), "int", 10),
      col(L("缺失时不评价", "needed by"), "text", 24),
      col(FINGERPRINT_HEADER, "text", 68),
    ],
    [
      ...r.sheets.map((x) => [
        t(`${x.zh} ${x.en}`),
        t(x.name ?? L("（未找到）", "(not found)")),
        n(x.rows, "int"),
        n(x.records, "int"),
        t(x.costs.join("、")),
        t(x.sha256),
      ]),
      [
        t("规则参数 Parameters"),
        t(r.paramsSheetName ?? L("（未找到）", "(not found)")),
        n(null),
        n(null),
        t(L("全部规则（未找到时用合同默认）", "all rules (contract defaults when absent)")),
        t(r.paramsSha256),
      ],
    ],
    {
      caption: L(
        "输入工作表（SHA-256 为单元格值的指纹，用于判断结果写入后输入是否改动）",
        "input sheets (SHA-256 of cell values: tells whether inputs changed since this run)"
      ),
      rowHighlight: [...r.sheets.map((x) => (x.name ? null : ("warn" as const))), null],
    }
  );
  logB.table(
    "ParamsUsed",
    [
      col(L("参数", "key"), "text", 30),
      col(L("本次取值", "value used"), "text", 22),
      col(L("合同默认", "contract default"), "text", 22),
      col(L("已修改", "changed"), "text", 8),
      col(L("说明", "description"), "text", 50),
    ],
    PARAM_KEYS.map((k) => {
      const changed = r.changedParams.includes(k);
      return [
        t(k),
        {
          v: {
            text: displayParam(k, r.params[k], lang),
          },
          highlight: changed ? "changed" : undefined,
        },
        t(displayParam(k, DEFAULT_PARAMS[k], lang)),
        t(changed ? L("是", "yes") : ""),
        t(paramMeta(k)[lang]),
      ];
    }),
    {
      caption: L("本次使用的全部参数", "every parameter used"),
      rowHighlight: PARAM_KEYS.map((k) => (r.changedParams.includes(k) ? "changed" : null)),
    }
  );
  const logSheet: SheetSpec = {
    name: "运行记录",
    title: L("运行记录", "Run log"),
    subtitle,
    freezeRows: 0,
    blocks: logB.blocks,
    widths: [34, 22, 22, 10, 24, 68],
  };

  // Excel refuses a sheet with more than 65,530 links: 校验问题 can have one per bad cell
  // and every column as wide as its content needs (up to a cap), whatever block it serves
  const readSheet = readingsSheet(r, lang, subtitle);
  const specs = [
    summary,
    kpiSheet,
    dedSheet,
    finSheet,
    paySheet,
    readSheet,
    issSheet,
    logSheet,
  ].map((sp) => {
    const capped = capLinks(sp, lang);
    return { ...capped, widths: fitWidths(capped) };
  });
  // guard: the order and names are those of WORKBOOK.md
  specs.forEach((sp, i) => {
    if (sp.name !== RESULT_SHEET_NAMES[i]) throw new Error(`result sheet ${i} is ${sp.name}`);
  });
  return specs;
}

export function kpiFirstRow(kpis: Kpi[], ruleId: string): number {
  const i = kpis.findIndex((k) => k.ruleId === ruleId);
  return i < 0 ? 4 : 4 + i; // the KPI table's header is on row 3
}

/** The rows of one rule in KPI明细, e.g. "A369:O381" (the pane selects them). */
export function kpiRuleRange(kpis: Kpi[], ruleId: string): string {
  const first = kpiFirstRow(kpis, ruleId);
  const count = kpis.filter((k) => k.ruleId === ruleId).length;
  return `A${first}:${KPI_LAST_COLUMN}${first + Math.max(count, 1) - 1}`;
}

function monthOf(day: number): string {
  return formatDay(day).slice(0, 7);
}

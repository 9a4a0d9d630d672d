// What every result sheet's layout shares: the run, the language, and the helpers that turn
// statuses, windows, evidence and measures into cells. Built once per layout (layoutContext).
import { AuditResult } from "../audit";
import { Kpi, Status } from "../model";
import type { Installment } from "../settle";
import { toChineseCapital, toCents } from "../money";
import { RULE_TITLES } from "../rules";
import { basisOf } from "../rules/basis";
import { DEFAULT_PARAMS, paramMeta } from "../params";
import { displayParam } from "../param-text";
import { formatDay, parseIsoDay } from "../time";
import { Highlight, SpecCell, d, link, n, t } from "./spec";

export type Lang = "zh" | "en";

/** The last column of the KPI明细 table (15 columns). */
export const KPI_LAST_COLUMN = "O";

/** The first row of a rule in KPI明细 (the table's header is on row 3). */
export function kpiFirstRow(kpis: Kpi[], ruleId: string): number {
  const i = kpis.findIndex((k) => k.ruleId === ruleId);
  return i < 0 ? 4 : 4 + i;
}

export function monthOf(day: number): string {
  return formatDay(day).slice(0, 7);
}

export const STATUS: Record<Status, { zh: string; en: string; hl: Highlight | null }> = {
  pass: { zh: "达标", en: "pass", hl: "ok" },
  fail: { zh: "不达标", en: "fail", hl: "fail" },
  na: { zh: "不适用", en: "n/a", hl: "muted" },
  pending: { zh: "待定", en: "pending", hl: "muted" },
};

export const MAX_EVIDENCE_ROWS = 20000;
export const MAX_CELL_TEXT = 30000;

/** An installment's status in English, as the sheet shows it (never the code). */
export const INSTALLMENT_STATUS_EN: Record<Installment["status"], string> = {
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

export function layoutContext(r: AuditResult, lang: Lang) {
  const L = (zh: string, en: string) => (lang === "zh" ? zh : en);
  const s = r.settlement;
  const tt = s.totals;
  const fee = toCents(r.params["contract.totalFee"])!;
  const title = (key: string) => RULE_TITLES[key]?.[lang] ?? key;
  // a rule's title with where it comes from: "派单准确率（考核细则第1项）", "学历（合同一（一）3）"
  const titled = (key: string) => {
    const basis = basisOf(key, lang);
    return basis ? L(`${title(key)}（${basis}）`, `${title(key)} (${basis})`) : title(key);
  };
  // the parameters that differ from the contract, named (up to two) with both values
  // (the as-of date is in the subtitle already)
  const changed = r.changedParams.filter((k) => k !== "evaluation.asOf");
  const changedNamed = changed
    .slice(0, 2)
    .map(
      (k) =>
        `${paramMeta(k)[lang]} ${displayParam(k, DEFAULT_PARAMS[k], lang)} → ${displayParam(k, r.params[k], lang)}`
    )
    .join(L("；", "; "));
  const more = changed.length - 2;
  const status = (st: Status) => STATUS[st][lang];
  const windowLabel = (w: "first" | "final") =>
    w === "first" ? L("第一次验收", "first acceptance") : L("最终验收", "final acceptance");
  const firstCutoff = parseIsoDay(r.params["acceptance.firstCutoff"])!;
  const errors = r.issues.filter((i) => i.level === "error").length;
  const warnings = r.issues.filter((i) => i.level === "warning").length;
  const infos = r.issues.length - errors - warnings;
  const year = r.resolved.contractYear;
  const service = `${r.params["service.start"]} 至 ${r.params["service.end"]}`;
  const subtitle = L(
    `${year} 年度（服务期 ${service}） · 评价截止 ${r.asOf}${r.runAt ? ` · 运行于 ${r.runAt}` : ""} · 程序版本 ${r.version} · ${changed.length ? `与合同不同的参数：${changedNamed}${more > 0 ? ` 等 ${changed.length} 项` : ""}（见运行记录）` : "参数均为合同默认值"}`,
    `contract year ${year} (service ${r.params["service.start"]} to ${r.params["service.end"]}) · evaluated up to ${r.asOf}${r.runAt ? ` · run at ${r.runAt}` : ""} · version ${r.version} · ${changed.length ? `parameters that differ from the contract: ${changedNamed}${more > 0 ? ` and ${more} more` : ""} (see 运行记录)` : "contract default parameters"}`
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
  const capital = (c: number) => t(toChineseCapital(c));
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
  return {
    capital,
    r,
    lang,
    L,
    s,
    tt,
    fee,
    title,
    titled,
    status,
    windowLabel,
    firstCutoff,
    errors,
    warnings,
    infos,
    subtitle,
    evidenceLink,
    evidenceText,
    measure,
  };
}

export type LayoutContext = ReturnType<typeof layoutContext>;

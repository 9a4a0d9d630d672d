// The one place that decides which result sheets a run writes, in which order: each sheet's
// layout (columns, widths, highlights, print setup) is in its own file beside this one.
import type { AuditResult } from "../audit";
import type { Kpi } from "../model";
import { RESULT_SHEET_NAMES } from "../sheets";
import { fitWidths } from "./fit";
import { footerRight, withPrintSetup } from "./print";
import { capLinks, SheetSpec } from "./spec";
import { Lang, layoutContext } from "./context";
import { settlementSheet } from "./settlement";
import { summarySheet } from "./summary";
import { kpisSheet } from "./kpis";
import { deductionsSheet } from "./deductions";
import { findingsSheet } from "./findings";
import { paymentsSheet } from "./payments";
import { readingsSheet } from "./readings";
import { issuesSheet } from "./issues";
import { runlogSheet } from "./runlog";

export type { Lang } from "./context";
export { INSTALLMENT_STATUS_EN, KPI_LAST_COLUMN } from "./context";
import { KPI_LAST_COLUMN, kpiFirstRow } from "./context";
export { kpiFirstRow } from "./context";

export interface LayoutOptions {
  lang?: Lang;
  /**
   * KPI明细 written filtered to its failing and pending rows (WORKBOOK.md "On paper": printed so),
   * a filter the user clears to see every row
   */
  kpiOpenOnly?: boolean;
}

export function layoutResults(r: AuditResult, options: LayoutOptions = {}): SheetSpec[] {
  const x = layoutContext(r, options.lang ?? "zh");
  const lang = x.lang;

  // Excel refuses a sheet with more than 65,530 links: 校验问题 can have one per bad cell
  // and every column as wide as its content needs (up to a cap), whatever block it serves;
  // then narrowed where it wraps so the sheet prints at ≥ 9 pt (print.ts)
  const right = footerRight(r, lang);
  const specs = [
    settlementSheet(x),
    summarySheet(x),
    kpisSheet(x, options.kpiOpenOnly ?? false),
    deductionsSheet(x),
    findingsSheet(x),
    paymentsSheet(x),
    readingsSheet(r, lang, x.subtitle),
    issuesSheet(x),
    runlogSheet(x),
  ].map((sp) => {
    const capped = capLinks(sp, lang);
    return withPrintSetup(capped, fitWidths(capped), right, lang);
  });
  // guard: the order and names are those of WORKBOOK.md
  specs.forEach((sp, i) => {
    if (sp.name !== RESULT_SHEET_NAMES[i]) throw new Error(`result sheet ${i} is ${sp.name}`);
  });
  return specs;
}

/** The rows of one rule in KPI明细, e.g. "A369:O381" (the pane selects them). */
export function kpiRuleRange(kpis: Kpi[], ruleId: string): string {
  const first = kpiFirstRow(kpis, ruleId);
  const count = kpis.filter((k) => k.ruleId === ruleId).length;
  return `A${first}:${KPI_LAST_COLUMN}${first + Math.max(count, 1) - 1}`;
}

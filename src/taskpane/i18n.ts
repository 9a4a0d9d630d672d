// The pane's words: Chinese first, English when Office's display language is not Chinese.
import { createContext, useContext } from "react";

export type UiLang = "zh" | "en";

const zh = {
  appTitle: "接诉即办合同考核",
  appSubtitle: "朝阳区卫生健康委 · 服务考核细则核查",
  tabRun: "核查",
  tabIssues: "问题",
  tabParams: "参数",
  tabTemplate: "模板",
  modeExcel: "当前工作簿",
  modeFile: "文件模式（未连接 Excel）",
  openWorkbook: "打开工作簿",
  openHint: "选择或拖入 .xlsx 文件。文件只在本机处理，不上传、不联网。",
  dropHere: "将 .xlsx 文件拖到这里",
  opening: "正在打开",
  inputSheets: "输入工作表",
  sheetFound: (name: string, rows: number) => `${name} · ${rows.toLocaleString()} 行`,
  sheetMissing: (zh: string, rules: string) =>
    rules ? `未找到 ${zh}：${rules} 不予评价` : `未找到 ${zh}`,
  noTickets: (names: string) =>
    names
      ? `未找到名为“工单”（或 Tickets）的工作表，无法核查。本工作簿中的工作表：${names}。如工单数据在其中某张表里，请把该表改名为“工单”；还没有工单数据时，可在“模板”页插入模板表。`
      : "工作簿中没有工作表，无法核查。可在“模板”页插入模板表。",
  asOf: "评价截止日",
  asOfHint: "截止日之后的数据不计入；默认服务期结束日",
  run: "开始核查",
  rerun: "重新核查",
  cancel: "取消",
  cancelled: "已取消，未写入任何结果；原有结果表保持不变。",
  stage: {
    opening: "正在打开文件…",
    reading: "正在读取",
    checking: "正在校验单元格…",
    computing: "正在计算规则",
    settling: "正在结算付款…",
    writing: "正在写入结果表…",
    done: "完成",
  } as Record<string, string>,
  readingRows: (sheet: string, n: number, total: number) =>
    `正在读取 ${sheet} ${n.toLocaleString()}/${total.toLocaleString()} 行…`,
  cards: {
    totalDeductions: "考核扣款合计",
    installment3: "尾款应付（第3期）",
    refund: "乙方应退款",
    settlement: "结算金额",
    claims: "违约金主张（待确认）",
    issues: "校验问题",
  },
  errorsWarnings: (e: number, w: number) => `错误 ${e} · 警告 ${w}`,
  firstFinal: (a: string, b: string) => `第一次验收 ${a} · 最终验收 ${b}`,
  perRule: "各规则扣款",
  rule: "规则",
  indicator: "指标",
  occurrences: "次数",
  amount: "金额",
  openRows: (id: string) => `在 KPI明细 中查看 ${id}`,
  resultsWritten: "结果已写入七张结果表（核查汇总 … 运行记录）。",
  download: "下载核查结果",
  staleResults:
    "参数或工作表在本次核查后已更改：以下结果按更改前的数据计算。请重新运行核查，再下载或引用结果。",
  issuesTitle: "校验问题",
  level: "级别",
  sheet: "工作表",
  code: "代码",
  all: "全部",
  levels: { error: "错误", warning: "警告", info: "提示" } as Record<string, string>,
  noIssues: "没有校验问题。",
  runFirst: "先运行一次核查。",
  showing: (n: number, total: number) => `显示 ${n} / ${total} 条`,
  goToCell: (cell: string) => `定位到 ${cell}`,
  cellHint: "文件模式下无法定位单元格，请在 Excel/WPS 中打开下载的结果查看。",
  paramsTitle: "考核阈值与合同参数",
  paramsHint: "参数保存在工作簿的“规则参数”表中，随工作簿流转；审计人员无需本插件即可查看。",
  contractDefault: "合同默认",
  changed: "已修改",
  save: "保存到工作簿",
  saved: "已保存到“规则参数”表。",
  resetDefaults: "恢复合同默认",
  invalidCannotSave: "有无效的值，无法保存。",
  unsaved: "有未保存的修改：核查将使用工作簿中已保存的参数。",
  sheetParamErrors: "工作簿“规则参数”表中有无效值，修正后才能核查：",
  groups: {
    contract: "合同与服务期",
    acceptance: "验收与期限",
    R1: "R1 案件不过夜",
    R2: "R2 派单准确率",
    R3: "R3 回访率",
    R4: "R4 办结反馈时限",
    R5: "R5 质检得分",
    R6: "R6 报表及时性",
    R7: "R7 项目总结报告",
    R8: "R8 培训开展",
    R9: "R9 制度建设",
    R10: "R10 区内排名",
    C: "合规检查 C1–C10",
    payments: "付款",
  } as Record<string, string>,
  yes: "是",
  no: "否",
  templateTitle: "插入模板表",
  templateHint:
    "为缺少的输入表创建带表头的空表：表头批注说明填写内容，枚举与“是/否”列有下拉选项，日期列已设格式。已有的工作表不会被覆盖。",
  templateAll: "全部输入表已存在。",
  insertTemplates: "插入模板表",
  inserted: (names: string) => `已插入：${names}`,
  error: "出错了",
  lang: "English",
  verify: "核对输入是否改动",
  verifySame: "结果写入后输入未改动（与“运行记录”中的指纹一致）。",
  verifyChanged: (sheets: string) => `结果写入后输入已改动：${sheets}。请重新核查。`,
  verifyNever: "尚未核查过：没有“运行记录”可比较。",
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Hotline contract check",
  appSubtitle: "Chaoyang Health Commission · assessment rules",
  tabRun: "Run",
  tabIssues: "Issues",
  tabParams: "Thresholds",
  tabTemplate: "Template",
  modeExcel: "Open workbook",
  modeFile: "File mode (no Excel)",
  openWorkbook: "Open workbook",
  openHint:
    "Pick or drop an .xlsx file. It is processed on this computer only: no upload, no network.",
  dropHere: "Drop an .xlsx file here",
  opening: "Opening",
  inputSheets: "Input sheets",
  sheetFound: (name, rows) => `${name} · ${rows.toLocaleString()} rows`,
  sheetMissing: (zhName, rules) =>
    rules ? `${zhName} not found: ${rules} will not be evaluated` : `${zhName} not found`,
  noTickets: (names) =>
    names
      ? `No sheet named 工单 (or Tickets): cannot audit. The sheets in this workbook: ${names}. If the tickets are on one of them, rename it 工单; with no ticket data yet, insert the templates from the Template tab.`
      : "The workbook has no sheets: cannot audit. Insert the templates from the Template tab.",
  asOf: "Evaluate up to",
  asOfHint: "Data after this date is ignored; default: end of the service period",
  run: "Run",
  rerun: "Run again",
  cancel: "Cancel",
  cancelled: "Cancelled. Nothing was written; earlier results are unchanged.",
  stage: {
    opening: "Opening the file…",
    reading: "Reading",
    checking: "Checking cells…",
    computing: "Computing rules",
    settling: "Settling payments…",
    writing: "Writing the result sheets…",
    done: "Done",
  },
  readingRows: (sheet, n, total) =>
    `Reading ${sheet} ${n.toLocaleString()}/${total.toLocaleString()} rows…`,
  cards: {
    totalDeductions: "Total deductions",
    installment3: "Installment 3 payable",
    refund: "Refund due",
    settlement: "Settlement",
    claims: "Claims (to confirm)",
    issues: "Validation issues",
  },
  errorsWarnings: (e, w) => `${e} errors · ${w} warnings`,
  firstFinal: (a, b) => `first ${a} · final ${b}`,
  perRule: "Deductions by rule",
  rule: "Rule",
  indicator: "Indicator",
  occurrences: "Times",
  amount: "Amount",
  openRows: (id) => `Show ${id} in KPI明细`,
  resultsWritten: "Results written to the seven result sheets (核查汇总 … 运行记录).",
  download: "Download the audited workbook",
  staleResults:
    "The parameters or sheets changed after this run: the results below are from before the change. Run again before downloading or using them.",
  issuesTitle: "Validation issues",
  level: "Level",
  sheet: "Sheet",
  code: "Code",
  all: "All",
  levels: { error: "Error", warning: "Warning", info: "Info" },
  noIssues: "No validation issues.",
  runFirst: "Run the audit first.",
  showing: (n, total) => `${n} of ${total}`,
  goToCell: (cell) => `Go to ${cell}`,
  cellHint: "File mode cannot select cells: open the downloaded result in Excel or WPS.",
  paramsTitle: "Thresholds and contract parameters",
  paramsHint:
    "Saved in the workbook's 规则参数 sheet, so they travel with it; auditors see them without this add-in.",
  contractDefault: "Contract",
  changed: "changed",
  save: "Save to workbook",
  saved: "Saved to the 规则参数 sheet.",
  resetDefaults: "Reset to contract defaults",
  invalidCannotSave: "Some values are invalid: cannot save.",
  unsaved: "Unsaved changes: a run uses the parameters saved in the workbook.",
  sheetParamErrors: "The workbook's 规则参数 sheet has invalid values; fix them to run:",
  groups: {
    contract: "Contract and service period",
    acceptance: "Acceptance and deadlines",
    R1: "R1 nothing left overnight",
    R2: "R2 dispatch accuracy",
    R3: "R3 call-backs",
    R4: "R4 on-time feedback",
    R5: "R5 QA score",
    R6: "R6 timely reports",
    R7: "R7 summary reports",
    R8: "R8 trainings",
    R9: "R9 written policies",
    R10: "R10 district ranking",
    C: "Compliance C1–C10",
    payments: "Payments",
  },
  yes: "Yes",
  no: "No",
  templateTitle: "Insert template sheets",
  templateHint:
    "Creates the missing input sheets with headers: a note on each header says what goes there, enum and yes/no columns get drop-downs, date columns are formatted. Existing sheets are never overwritten.",
  templateAll: "Every input sheet exists.",
  insertTemplates: "Insert template sheets",
  inserted: (names) => `Inserted: ${names}`,
  error: "Something went wrong",
  lang: "中文",
  verify: "Check whether inputs changed",
  verifySame: "Inputs unchanged since the results were written (fingerprints match 运行记录).",
  verifyChanged: (sheets) =>
    `Inputs changed since the results were written: ${sheets}. Run the audit again.`,
  verifyNever: "Never audited: no 运行记录 to compare with.",
};

export const STRINGS: Record<UiLang, Strings> = { zh, en };

/** Chinese for any zh-* display language, English otherwise. */
export function langFor(displayLanguage: string | undefined | null): UiLang {
  return !displayLanguage || /^zh\b/i.test(displayLanguage) ? "zh" : "en";
}

export const LangContext = createContext<{ lang: UiLang; s: Strings }>({ lang: "zh", s: zh });

export function useStrings() {
  return useContext(LangContext);
}

// Every kind of validation issue the engine reports, once: its level and its title in Chinese and
// English. 校验问题 and the pane's 问题 filter show the title; the code stays beside it for the
// record (and in the JSON summary). An issue takes its level from here, so a code never changes
// level between runs, and a code not listed here does not compile.
import type { IssueLevel } from "./issues";

export interface IssueCodeDef {
  level: IssueLevel;
  zh: string;
  en: string;
}

export const ISSUE_CODES = {
  // the workbook's sheets and headers
  "missing-sheet": { level: "warning", zh: "缺少工作表", en: "sheet missing" },
  "empty-sheet": { level: "warning", zh: "工作表没有数据行", en: "sheet without data rows" },
  "duplicate-sheet": { level: "warning", zh: "同类工作表重复", en: "two sheets of one kind" },
  "mapped-elsewhere": {
    level: "info",
    zh: "列映射指定了其他工作表",
    en: "列映射 names other sheets",
  },
  "no-header": { level: "error", zh: "找不到表头", en: "no header row" },
  "missing-column": { level: "error", zh: "缺少必需列", en: "required column missing" },
  "missing-optional-column": {
    level: "warning",
    zh: "缺少列，相关规则不予评价",
    en: "column missing: its rules not evaluated",
  },
  "duplicate-column": { level: "warning", zh: "列名重复", en: "column appears twice" },
  "ambiguous-column": { level: "warning", zh: "列对应不明确", en: "ambiguous column" },
  "unknown-column": { level: "info", zh: "未知列（已忽略）", en: "unknown column (ignored)" },
  "mapping-unconfirmed": {
    level: "warning",
    zh: "列映射建议尚未核对",
    en: "列映射 suggestion not checked",
  },
  // cells
  "stray-row": {
    level: "warning",
    zh: "无必填内容的行（已跳过）",
    en: "row left out (no required cells)",
  },
  required: { level: "error", zh: "必填单元格为空", en: "required cell blank" },
  duplicate: { level: "error", zh: "重复记录（未计入）", en: "duplicate record (left out)" },
  "invalid-text": { level: "error", zh: "文本无法读取", en: "text unreadable" },
  "invalid-datetime": { level: "error", zh: "日期时间无法识别", en: "date-time unreadable" },
  "invalid-date": { level: "error", zh: "日期无法识别", en: "date unreadable" },
  "invalid-bool": { level: "error", zh: "“是/否”无法识别", en: "yes/no unreadable" },
  "invalid-number": { level: "error", zh: "数值无效", en: "invalid number" },
  "invalid-money": { level: "error", zh: "金额无效", en: "invalid amount" },
  "invalid-enum": { level: "error", zh: "选项无法识别", en: "unknown option" },
  "invalid-period": { level: "error", zh: "期间无法识别", en: "period unreadable" },
  // rows against each other and the contract
  order: { level: "error", zh: "时间先后颠倒", en: "times out of order" },
  "outside-window": {
    level: "warning",
    zh: "时间远在服务期之外",
    en: "time far outside the service",
  },
  "no-department": { level: "warning", zh: "已转派但承办部门为空", en: "forwarded, no department" },
  "default-due": {
    level: "warning",
    zh: "缺少办结时限，按默认计算",
    en: "no due time: default used",
  },
  "unknown-staff": { level: "error", zh: "排班人员不在人员表中", en: "roster names unknown staff" },
  "shift-too-long": { level: "error", zh: "班次时长异常", en: "shift too long" },
  "fallback-due": {
    level: "warning",
    zh: "报告截止日按默认推算",
    en: "report due date by the default",
  },
  "no-annual-rank": { level: "warning", zh: "缺少年度排名", en: "no annual rank" },
  "guarantee-amount-blank": { level: "warning", zh: "保函金额为空", en: "guarantee amount blank" },
  // the run
  "as-of-before-service": {
    level: "warning",
    zh: "评价截止日早于服务期",
    en: "as-of date before the service",
  },
  "calendar-not-covered": {
    level: "warning",
    zh: "节假日数据缺少年份",
    en: "holiday data misses a year",
  },
  "calendar-override": {
    level: "warning",
    zh: "节假日表与内置安排不同",
    en: "节假日 differs from the bundled schedule",
  },
  "duplicate-date": { level: "warning", zh: "节假日日期重复", en: "holiday date repeated" },
} as const satisfies Record<string, IssueCodeDef>;

export type IssueCode = keyof typeof ISSUE_CODES;

export const ISSUE_CODE_LIST = Object.keys(ISSUE_CODES) as IssueCode[];

/** The level every issue of this code has. */
export const levelOf = (code: IssueCode): IssueLevel => ISSUE_CODES[code].level;

/** An issue code's title in the language asked for; an unknown code (an older summary) as itself. */
export function issueTitle(code: string, lang: "zh" | "en"): string {
  const def = (ISSUE_CODES as Record<string, IssueCodeDef>)[code];
  return def ? def[lang] : code;
}

// The input sheets of WORKBOOK.md: names, English aliases, columns, types, required cells —
// and, derived from them, the column keys and record types the rules are checked against.
import type { Cents } from "./money";
import type { Period } from "./periods";
import type { DayNum, Seconds } from "./time";

export interface EnumValue {
  zh: string;
  en: string;
  /** other words a Chinese office writes for it (研究生 for 硕士) */
  aliases?: string[];
}

export interface EnumType {
  kind: "enum";
  values: EnumValue[];
  blankWords?: string[];
}

export type ColumnType =
  | { kind: "text" }
  | { kind: "datetime" }
  | { kind: "date" }
  | { kind: "bool" }
  | { kind: "number"; min?: number; max?: number; integer?: boolean }
  | { kind: "money" }
  | EnumType
  | { kind: "period" };

/** What a cell of each column type reads as (null: blank or unreadable). */
export interface ValueOfKind {
  text: string;
  datetime: Seconds;
  date: DayNum;
  bool: boolean;
  number: number;
  money: Cents;
  enum: string;
  period: Period;
}

/** A column; `K` and `T` keep its key and type literal, so records and rules are typed by them. */
export interface ColumnDef<K extends string = string, T extends ColumnType = ColumnType> {
  key: K;
  zh: string;
  en: string;
  type: T;
  required: boolean;
  /** short note for the template header (Chinese) */
  note: string;
  /**
   * Headers the city platform's exports use for this column (WORKBOOK.md, 列映射): taken without a
   * mapping when one of them is the only candidate in the sheet.
   */
  exportHeaders?: string[];
}

export interface SheetDef<S extends SheetKey = SheetKey, C extends ColumnDef = ColumnDef> {
  key: S;
  zh: string;
  en: string;
  columns: C[];
  /** the column(s) whose values identify a row; first row of a key wins */
  keyColumns?: C["key"][];
  /** no rule needs it and its absence is no warning (节假日: the bundled calendar serves) */
  optional?: boolean;
}

export type SheetKey =
  | "tickets"
  | "staff"
  | "roster"
  | "trainings"
  | "reports"
  | "qa"
  | "complaints"
  | "policies"
  | "rankings"
  | "payments"
  | "replacements"
  | "incidents"
  | "holidays";

const text = { kind: "text" } as const;
const datetime = { kind: "datetime" } as const;
const date = { kind: "date" } as const;
const bool = { kind: "bool" } as const;
const money = { kind: "money" } as const;
const period = { kind: "period" } as const;
const en = (values: ([string, string] | [string, string, string[]])[]): EnumType => ({
  kind: "enum",
  values: values.map(([zh, e, aliases]) => ({ zh, en: e, ...(aliases ? { aliases } : {}) })),
});

/** A column with the headers city-platform exports give it. */
function exported<C extends ColumnDef>(c: C, ...headers: string[]): C {
  return { ...c, exportHeaders: headers };
}

function col<K extends string, T extends ColumnType>(
  key: K,
  zh: string,
  type: T,
  required: boolean,
  note: string
): ColumnDef<K, T> {
  return { key, zh, en: key, type, required, note };
}

/** A sheet's definition, its column keys and types kept literal (see `ColumnKey`, `RecordOf`). */
function sheet<S extends SheetKey, C extends ColumnDef>(def: SheetDef<S, C>): SheetDef<S, C> {
  return def;
}

// the city platform writes them with a trailing 类 (投诉类)
export const REQUEST_TYPES = en([
  ["投诉", "complaint", ["投诉类"]],
  ["求助", "help", ["求助类"]],
  ["咨询", "inquiry", ["咨询类"]],
  ["建议", "suggestion", ["建议类"]],
  ["举报", "report", ["举报类"]],
  ["表扬", "praise", ["表扬类"]],
]);
export const ROLES = en([
  ["项目经理", "manager"],
  ["接诉专员", "agent"],
  ["质检员", "qa"],
  ["数据分析师", "analyst"],
  ["其他", "other"],
]);
export const EDUCATION = en([
  ["博士", "doctorate", ["博士研究生", "博士后"]],
  // 研究生 without more is taken as the master's level (both pass C1's ≥ 大专)
  ["硕士", "master", ["研究生", "硕士研究生", "硕士研究生学历"]],
  ["本科", "bachelor", ["大学本科", "大本", "学士"]],
  ["大专", "associate", ["专科", "大学专科", "高职", "高职高专"]],
  ["中专", "secondary", ["中职", "职高", "技校", "中等专科"]],
  ["高中及以下", "highschool", ["高中", "初中", "小学", "初中及以下"]],
]);
export const TRAINING_KINDS = en([
  ["培训课", "course"],
  ["复盘会", "review"],
  ["质检总结会", "qa_review"],
  ["全系统业务培训", "system_training"],
  ["宣传活动", "publicity"],
  ["其他", "other"],
]);
export const REPORT_TYPES = en([
  ["周报", "weekly"],
  ["月报", "monthly"],
  ["季报", "quarterly"],
  ["半年报", "half_year"],
  ["年报", "annual"],
  ["半年工作总结", "half_year_summary"],
  ["年度工作总结", "annual_summary"],
  ["专题报告", "special"],
]);
export const POLICY_KINDS = en([
  ["热线运营管理制度", "operations"],
  ["工作流程制度", "workflow"],
  ["培训制度", "training"],
  ["安全管理制度", "safety"],
  ["其他", "other"],
]);

const SHEET_DEFS = [
  sheet({
    key: "tickets",
    zh: "工单",
    en: "Tickets",
    keyColumns: ["ticket_id"],
    columns: [
      exported(
        col("ticket_id", "工单编号", text, true, "工单编号，唯一 / ticket id, unique"),
        "工单号",
        "受理编号",
        "工单编码"
      ),
      exported(
        col(
          "received_at",
          "派单时间",
          datetime,
          true,
          "政民系统派单到委的时间 / received from the city platform"
        ),
        "下派时间"
      ),
      exported(
        col(
          "signed_at",
          "签收时间",
          datetime,
          false,
          "签收时间；空 = 未签收 / signed; blank = not signed"
        ),
        "接单时间"
      ),
      exported(
        col(
          "forwarded_at",
          "转派时间",
          datetime,
          false,
          "转派承办部门的时间；空 = 未转派 / forwarded; blank = not forwarded"
        ),
        "转办时间",
        "派发时间"
      ),
      exported(
        col("department", "承办部门", text, false, "有转派时间时必填 / required when forwarded"),
        "承办单位",
        "主办单位",
        "办理单位"
      ),
      exported(
        col(
          "dispatch_correct",
          "派单准确",
          bool,
          false,
          "否 = 退单或改派；空 = 准确 / 否 = returned or re-dispatched"
        ),
        "是否派单准确"
      ),
      exported(
        col("request_type", "诉求类型", REQUEST_TYPES, false, "投诉/求助/咨询/建议/举报/表扬"),
        "诉求类别",
        "来电类别",
        "工单类型"
      ),
      exported(col("category", "问题分类", text, false, ""), "一级分类", "问题类别"),
      exported(col("industry", "行业分类", text, false, ""), "所属行业"),
      exported(
        col("key_case", "重点诉求", bool, false, "重点或维稳案件 / key case"),
        "是否重点",
        "是否重点诉求"
      ),
      exported(
        col(
          "due_at",
          "办理时限",
          datetime,
          false,
          "办理时限；空 = 派单后15个自然日 / deadline; blank = received + 15 days"
        ),
        "办理期限",
        "办理截止时间"
      ),
      exported(
        col("feedback_at", "反馈时间", datetime, false, "反馈办理结果的时间 / fed back"),
        "回复时间",
        "答复时间"
      ),
      exported(col("closed_at", "办结时间", datetime, false, "办结时间 / closed"), "结案时间"),
      col("callback_at", "回访时间", datetime, false, "回访诉求人的时间 / called back"),
      exported(
        col(
          "callback_recording",
          "回访录音",
          bool,
          false,
          "回访录音已上传：是/否 / recording uploaded"
        ),
        "是否有录音",
        "回访是否录音"
      ),
      exported(col("resolved", "是否解决", bool, false, ""), "问题是否解决", "解决情况"),
      exported(
        col(
          "satisfaction",
          "满意度",
          // 未评价 (no rating given) is a blank, as exports write it
          {
            ...en([
              ["满意", "satisfied"],
              ["基本满意", "fairly"],
              ["不满意", "unsatisfied"],
            ]),
            blankWords: ["未评价"],
          },
          false,
          "满意/基本满意/不满意"
        ),
        "是否满意",
        "对办理结果是否满意"
      ),
      exported(col("caller", "来电人", text, false, ""), "来电号码", "诉求人", "联系电话"),
      exported(col("content", "诉求内容", text, false, ""), "主要内容", "来电内容"),
    ],
  }),
  sheet({
    key: "staff",
    zh: "人员",
    en: "Staff",
    keyColumns: ["staff_id"],
    columns: [
      col("staff_id", "工号", text, true, "工号，唯一 / staff id, unique"),
      col("name", "姓名", text, true, ""),
      col("role", "岗位", ROLES, true, "项目经理/接诉专员/质检员/数据分析师/其他"),
      col("education", "学历", EDUCATION, true, "博士/硕士/本科/大专/中专/高中及以下"),
      col("major", "专业", text, false, ""),
      col("medical_major", "医学相关", bool, false, "专业是否医学相关：是/否"),
      col("start_date", "入职日期", date, true, ""),
      col("end_date", "离职日期", date, false, "空 = 在职 / blank = still employed"),
      col("pretraining_date", "岗前培训日期", date, false, "空 = 未培训 / blank = never trained"),
      col("onboarding_passed", "上岗考核", bool, false, "上岗考核通过：是/否"),
    ],
  }),
  sheet({
    key: "roster",
    zh: "排班",
    en: "Roster",
    columns: [
      col("staff_id", "工号", text, true, "须在人员表中 / must exist in 人员"),
      col("start_at", "开始时间", datetime, true, ""),
      col(
        "end_at",
        "结束时间",
        datetime,
        true,
        "晚于开始时间，班次不超过24小时 / after start, ≤ 24 h"
      ),
      col(
        "shift",
        "班次",
        en([
          ["日常", "daily"],
          ["周末", "weekend"],
          ["节假日", "holiday"],
        ]),
        false,
        "日常/周末/节假日"
      ),
    ],
  }),
  sheet({
    key: "trainings",
    zh: "培训",
    en: "Trainings",
    columns: [
      col("date", "日期", date, true, ""),
      col("topic", "主题", text, true, ""),
      col(
        "kind",
        "形式",
        TRAINING_KINDS,
        true,
        "培训课/复盘会/质检总结会/全系统业务培训/宣传活动/其他"
      ),
      col("attendees", "参训人数", { kind: "number", min: 0, integer: true }, false, ""),
    ],
  }),
  sheet({
    key: "reports",
    zh: "报告",
    en: "Reports",
    keyColumns: ["type", "period"],
    columns: [
      col(
        "type",
        "报告类型",
        REPORT_TYPES,
        true,
        "月报/季报/半年报/年报/半年工作总结/年度工作总结/周报/专题报告"
      ),
      col("period", "所属期间", period, true, "2023-03、2023-Q1、2023-H1、2023、2023-W14"),
      col(
        "scores_published_on",
        "成绩公布日期",
        date,
        false,
        "当期考核成绩公布日期 / scores published on"
      ),
      col("submitted_on", "提交日期", date, false, "空 = 未提交 / blank = not submitted"),
    ],
  }),
  sheet({
    key: "qa",
    zh: "质检",
    en: "QualityChecks",
    columns: [
      col("date", "日期", date, true, ""),
      col("staff_id", "工号", text, false, ""),
      col("ticket_id", "工单编号", text, false, ""),
      col("score", "得分", { kind: "number", min: 0, max: 100 }, true, "0–100"),
    ],
  }),
  sheet({
    key: "complaints",
    zh: "服务投诉",
    en: "StaffComplaints",
    columns: [
      col("date", "日期", date, true, ""),
      col("staff_id", "工号", text, false, ""),
      col(
        "kind",
        "类型",
        en([
          ["服务态度", "attitude"],
          ["业务", "business"],
          ["其他", "other"],
        ]),
        false,
        "服务态度/业务/其他"
      ),
      col(
        "verdict",
        "核实结果",
        en([
          ["属实", "upheld"],
          ["部分属实", "partly"],
          ["不属实", "rejected"],
          ["核实中", "pending"],
        ]),
        true,
        "属实/部分属实/不属实/核实中"
      ),
      col("matter", "事项", text, false, ""),
    ],
  }),
  sheet({
    key: "policies",
    zh: "制度",
    en: "Policies",
    columns: [
      col("name", "制度名称", text, true, ""),
      col(
        "kind",
        "类别",
        POLICY_KINDS,
        true,
        "热线运营管理制度/工作流程制度/培训制度/安全管理制度/其他"
      ),
      col("established_on", "建立日期", date, true, ""),
    ],
  }),
  sheet({
    key: "rankings",
    zh: "考核排名",
    en: "Rankings",
    keyColumns: ["period"],
    columns: [
      col("period", "期间", period, true, "全年写 2023，月度写 2023-05"),
      col("district_rank", "区级排名", { kind: "number", min: 1, integer: true }, true, ""),
      col(
        "peer_rank",
        "委办局排名",
        { kind: "number", min: 1, integer: true },
        false,
        "投诉量较大的7个委办局中的排名"
      ),
    ],
  }),
  sheet({
    key: "payments",
    zh: "付款",
    en: "Payments",
    keyColumns: ["installment"],
    columns: [
      col(
        "installment",
        "期次",
        { kind: "number", min: 1, max: 3, integer: true },
        true,
        "1、2、3"
      ),
      col("invoice_on", "发票日期", date, false, ""),
      col("invoice_amount", "发票金额", money, false, ""),
      col("guarantee_on", "保函日期", date, false, "履约保函日期（第3期）"),
      col("guarantee_amount", "保函金额", money, false, ""),
      col("paid_on", "付款日期", date, false, "空 = 未付 / blank = unpaid"),
      col("paid_amount", "付款金额", money, false, ""),
      col("fiscal_delay", "财政原因延迟", bool, false, "因财政资金政策延迟付款：是/否"),
    ],
  }),
  sheet({
    key: "replacements",
    zh: "人员调换",
    en: "Replacements",
    columns: [
      col("notice_on", "通知日期", date, true, "甲方调换通知日期"),
      col("staff_out", "被替换工号", text, true, ""),
      col(
        "reason",
        "原因",
        en([
          ["不符合要求", "unqualified"],
          ["未培训上岗", "untrained"],
          ["其他", "other"],
        ]),
        false,
        "不符合要求/未培训上岗/其他"
      ),
      col("filled_on", "到位日期", date, false, "空 = 未到位 / blank = not filled"),
      col("staff_in", "新工号", text, false, ""),
    ],
  }),
  sheet({
    key: "incidents",
    zh: "安全事故",
    en: "Incidents",
    columns: [col("date", "日期", date, true, ""), col("matter", "事项", text, true, "")],
  }),
  sheet({
    // optional: the user's holidays and make-up working days over the bundled State Council
    // schedule (WORKBOOK.md revision 3); its errors stop the run, as a bad 规则参数 does
    key: "holidays",
    zh: "节假日",
    en: "Holidays",
    optional: true,
    columns: [
      col(
        "date",
        "日期",
        date,
        true,
        "国务院办公厅通知中的日期 / a date of the State Council notice"
      ),
      col(
        "kind",
        "类型",
        en([
          ["休", "holiday", ["假", "休息", "放假", "节假日", "rest"]],
          ["班", "workday", ["上班", "调休上班", "补班", "work"]],
        ]),
        true,
        "休 = 放假，班 = 调休上班 / 休 holiday, 班 make-up working day"
      ),
      col("name", "名称", text, false, "如 春节 / e.g. Spring Festival"),
    ],
  }),
];

/** The input sheets, in the order WORKBOOK.md gives them. */
export const SHEETS: SheetDef[] = SHEET_DEFS;

type DefOf<S extends SheetKey> = Extract<(typeof SHEET_DEFS)[number], { key: S }>;
type ColumnOf<S extends SheetKey> = DefOf<S>["columns"][number];

/** The column keys of an input sheet: a rule naming a column its sheet lacks does not compile. */
export type ColumnKey<S extends SheetKey> = ColumnOf<S>["key"];

/**
 * A record of an input sheet as the engine reads it: every column of its definition, each its
 * type's value or null (blank, unreadable, or the column absent from the workbook).
 */
export type RecordOf<S extends SheetKey> = {
  [C in ColumnOf<S> as C["key"]]: ValueOfKind[C["type"]["kind"]] | null;
};

export const SHEET_BY_KEY = Object.fromEntries(SHEETS.map((s) => [s.key, s])) as Record<
  SheetKey,
  SheetDef
>;

/** The result sheets a run writes (never read as input). */
export const RESULT_SHEET_NAMES = [
  "结算确认单",
  "核查汇总",
  "KPI明细",
  "扣款明细",
  "合规检查",
  "付款计划",
  "口径对比",
  "校验问题",
  "运行记录",
] as const;
export const PARAMS_SHEET = { zh: "规则参数", en: "Parameters" };

/** Sheet/column name normalisation: full-width → half-width, case, all spaces and underscores-vs-spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u3000]+/g, "");
}

// Every parameter of RULES.md in one zod schema: its contract default, its validation, a
// short Chinese description, its group (the rule it belongs to) and the kind of value it
// holds. The pane's form, the 规则参数 sheet and the run log are all generated from it.
// Its values as text (format, display, parse, error messages) are in param-text.ts; reading
// the 规则参数 sheet is in param-sheet.ts.
import { z } from "zod";
import { parseIsoDay } from "./time";
import { TRAINING_KINDS } from "./sheets";

export type ParamKind =
  "money" | "rate" | "number" | "int" | "date" | "bool" | "enum" | "list" | "tiers" | "text";

export interface ParamMeta {
  zh: string;
  en: string;
  group: string;
  kind: ParamKind;
  /** for defaults that follow another parameter (null default) */
  follows?: string;
  options?: { value: string; zh: string; en: string }[];
}

/**
 * A refinement's message in both languages, carried as the issue's params: describeIssue() shows
 * them as they are (never matching a message back by its text).
 */
const said = (zh: string, en: string) => ({ message: en, params: { zh, en } });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((s) => parseIsoDay(s) !== null, said("不是实际存在的日期", "not a real calendar date"));

const money = (def: number, meta: Omit<ParamMeta, "kind">) =>
  z
    .number()
    .min(0)
    .max(1e12)
    .refine(
      (n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
      said("金额最多保留两位小数（到分）", "at most two decimals (fen)")
    )
    .default(def)
    .meta({ ...meta, kind: "money" });
const rate = (def: number, meta: Omit<ParamMeta, "kind">) =>
  z
    .number()
    .min(0)
    .max(1)
    .default(def)
    .meta({ ...meta, kind: "rate" });
const int = (def: number, min: number, max: number, meta: Omit<ParamMeta, "kind">) =>
  z
    .number()
    .int()
    .min(min)
    .max(max)
    .default(def)
    .meta({ ...meta, kind: "int" });
const num = (def: number, min: number, max: number, meta: Omit<ParamMeta, "kind">) =>
  z
    .number()
    .min(min)
    .max(max)
    .default(def)
    .meta({ ...meta, kind: "number" });
const date = (def: string, meta: Omit<ParamMeta, "kind">) =>
  isoDate.default(def).meta({ ...meta, kind: "date" });
const dateOrFollow = (follows: string, meta: Omit<ParamMeta, "kind" | "follows">) =>
  isoDate
    .nullable()
    .default(null)
    .meta({ ...meta, kind: "date", follows });
const moneyOrFollow = (follows: string, meta: Omit<ParamMeta, "kind" | "follows">) =>
  z
    .number()
    .min(0)
    .max(1e12)
    .refine(
      (n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
      said("金额最多保留两位小数（到分）", "at most two decimals (fen)")
    )
    .nullable()
    .default(null)
    .meta({ ...meta, kind: "money", follows });
const yearOrFollow = (follows: string, meta: Omit<ParamMeta, "kind" | "follows">) =>
  z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .nullable()
    .default(null)
    .meta({ ...meta, kind: "int", follows });
const text = (def: string, meta: Omit<ParamMeta, "kind">) =>
  z
    .string()
    .max(200)
    .default(def)
    .meta({ ...meta, kind: "text" });
const bool = (def: boolean, meta: Omit<ParamMeta, "kind">) =>
  z
    .boolean()
    .default(def)
    .meta({ ...meta, kind: "bool" });
function choice<T extends string>(
  values: readonly [T, ...T[]],
  labels: Record<T, [zh: string, en: string]>,
  def: T,
  meta: Omit<ParamMeta, "kind" | "options">
) {
  return z
    .enum(values)
    .default(def as never)
    .meta({
      ...meta,
      kind: "enum",
      options: values.map((v) => ({ value: v, zh: labels[v][0], en: labels[v][1] })),
    });
}

const tierSchema = z.object({
  minDrop: z.number().int().min(1).max(100),
  rate: z.number().min(0).max(1),
});
const trainingKindNames =
  TRAINING_KINDS.kind === "enum" ? TRAINING_KINDS.values.map((v) => v.zh) : [];

export const paramsSchema = z
  .object({
    "contract.name": text("朝阳区卫生健康委“接诉即办”工作服务采购项目", {
      zh: "项目名称（结算确认单抬头）",
      en: "project name (the settlement page's heading)",
      group: "contract",
    }),
    "contract.number": text("", {
      zh: "合同编号（合同书未填）",
      en: "contract number (blank in the contract)",
      group: "contract",
    }),
    "contract.partyA": text("北京市朝阳区卫生健康委员会", {
      zh: "委托方（甲方）",
      en: "Party A",
      group: "contract",
    }),
    "contract.partyB": text("北京外企人力资源服务有限公司", {
      zh: "受托方（乙方）",
      en: "Party B",
      group: "contract",
    }),
    "contract.totalFee": money(3999996, {
      zh: "合同含税总金额（元）",
      en: "contract total fee (yuan, tax incl.)",
      group: "contract",
    }),
    "contract.serviceFee": moneyOrFollow("contract.totalFee", {
      zh: "服务费（违约金与逾期付款违约金的计算基数，默认同合同总金额）",
      en: "service fee: the base of R10, C4, C8 and the late fee (default: the total)",
      group: "contract",
    }),
    "contract.signedOn": date("2023-01-20", {
      zh: "合同签订日期",
      en: "contract signed on",
      group: "contract",
    }),
    "service.start": date("2023-01-23", {
      zh: "服务期开始（含）",
      en: "service start (inclusive)",
      group: "contract",
    }),
    "service.end": date("2024-01-22", {
      zh: "服务期结束（含）",
      en: "service end (inclusive)",
      group: "contract",
    }),
    "evaluation.asOf": dateOrFollow("service.end", {
      zh: "评价截止日（默认服务期结束）",
      en: "evaluate up to (default: service end)",
      group: "contract",
    }),
    "acceptance.firstOn": date("2023-11-25", {
      zh: "第一次验收日期",
      en: "first acceptance on",
      group: "acceptance",
    }),
    "acceptance.firstCutoff": date("2023-10-31", {
      zh: "第一次验收截止：评价日不晚于此日的扣款归第一次验收",
      en: "first-acceptance cutoff: items evaluated on or before belong to it",
      group: "acceptance",
    }),
    "acceptance.finalOn": date("2024-01-23", {
      zh: "最终验收日期",
      en: "final acceptance on",
      group: "acceptance",
    }),
    "contract.year": yearOrFollow("service.start", {
      zh: "考核年度（默认服务期开始的年份）：R6 月报季报、R7 工作总结、R10 区级排名所属的年度",
      en: "assessment year (default: the year of service start): the year of R6's reports, R7's summaries, R10's ranking",
      group: "contract",
    }),
    "deadlines.rollOverRestDays": bool(true, {
      zh: "期限末日为休息日时顺延至下一工作日（民法典第二百零三条）",
      en: "roll a deadline on a rest day over to the next working day",
      group: "acceptance",
    }),
    "r1.unit": money(200, {
      zh: "R1 案件不过夜：每次扣款（元）",
      en: "R1 unit deduction",
      group: "R1",
    }),
    "r1.graceHours": int(0, 0, 72, {
      zh: "R1 签收宽限小时数（派单当日24时后）",
      en: "R1 grace hours after the end of the received day",
      group: "R1",
    }),
    "r1.requireSameDayForward": bool(true, {
      zh: "R1 转派也须当日完成（随签随派）",
      en: "R1 forwarding must also be same-day",
      group: "R1",
    }),
    "r1.mode": choice(
      ["perPeriod", "perTicket"],
      {
        perPeriod: ["每个不达标日计一次", "once per failing day"],
        perTicket: ["每张超时工单计一次", "once per late ticket"],
      },
      "perPeriod",
      { zh: "R1 计次方式", en: "R1 occurrence counting", group: "R1" }
    ),
    "r2.threshold": rate(0.9, {
      zh: "R2 派单准确率目标值",
      en: "R2 dispatch accuracy target",
      group: "R2",
    }),
    "r2.unit": money(500, { zh: "R2 每次扣款（元）", en: "R2 unit deduction", group: "R2" }),
    "r2.blankCountsCorrect": bool(true, {
      zh: "R2 派单准确为空视为准确",
      en: "R2 a blank 派单准确 counts as correct",
      group: "R2",
    }),
    "r3.threshold": rate(1, { zh: "R3 回访率目标值", en: "R3 call-back rate target", group: "R3" }),
    "r3.unit": money(500, { zh: "R3 每次扣款（元）", en: "R3 unit deduction", group: "R3" }),
    "r3.requireRecording": bool(true, {
      zh: "R3 回访须上传录音",
      en: "R3 a call-back needs its recording",
      group: "R3",
    }),
    "r3.population": choice(
      ["forwarded", "all"],
      {
        forwarded: ["已转派（派单）的办结工单", "closed tickets that were forwarded"],
        all: ["全部办结工单", "every closed ticket"],
      },
      "forwarded",
      { zh: "R3 统计范围", en: "R3 population", group: "R3" }
    ),
    "r3.callbackDays": int(3, 0, 60, {
      zh: "R3 办结后回访期限（天），未到期的不计入",
      en: "R3 days allowed for the call-back after closing",
      group: "R3",
    }),
    "r4.threshold": rate(0.9, {
      zh: "R4 按时反馈率目标值",
      en: "R4 on-time feedback target",
      group: "R4",
    }),
    "r4.unit": money(500, { zh: "R4 每次扣款（元）", en: "R4 unit deduction", group: "R4" }),
    "r4.defaultHandlingDays": int(15, 1, 365, {
      zh: "R4 办理时限为空时按派单后自然日数",
      en: "R4 natural days when 办理时限 is blank",
      group: "R4",
    }),
    "r5.threshold": num(90, 0, 100, {
      zh: "R5 质检平均分目标值",
      en: "R5 mean QA score target",
      group: "R5",
    }),
    "r5.unit": money(500, { zh: "R5 每次扣款（元）", en: "R5 unit deduction", group: "R5" }),
    "r5.missingFails": bool(true, {
      zh: "R5 当月无质检记录视为不达标",
      en: "R5 a month without QA samples fails",
      group: "R5",
    }),
    "r6.unit": money(500, {
      zh: "R6 报表及时性每次扣款（元）",
      en: "R6 unit deduction",
      group: "R6",
    }),
    "r6.dueDays": int(10, 0, 365, {
      zh: "R6 成绩公布后提交期限（自然日）",
      en: "R6 natural days after scores are published",
      group: "R6",
    }),
    "r6.fallbackDueDays": int(25, 0, 365, {
      zh: "R6 无成绩公布日期时，期末后提交期限（自然日）",
      en: "R6 natural days after period end when no publication date",
      group: "R6",
    }),
    "r7.unit": money(500, {
      zh: "R7 项目总结报告每次扣款（元）",
      en: "R7 unit deduction",
      group: "R7",
    }),
    "r7.halfYearDue": date("2023-07-31", {
      zh: "R7 半年工作总结截止日",
      en: "R7 half-year summary due",
      group: "R7",
    }),
    "r7.annualDue": dateOrFollow("service.end", {
      zh: "R7 年度工作总结截止日（默认服务期结束）",
      en: "R7 annual summary due (default: service end)",
      group: "R7",
    }),
    "r8.minPerMonth": int(2, 0, 100, {
      zh: "R8 每月最少培训场次",
      en: "R8 minimum trainings per month",
      group: "R8",
    }),
    "r8.unit": money(500, { zh: "R8 每次扣款（元）", en: "R8 unit deduction", group: "R8" }),
    "r8.countedKinds": z
      .array(z.enum(trainingKindNames as [string, ...string[]]))
      .min(1)
      .default(["培训课", "复盘会", "质检总结会", "全系统业务培训"])
      .meta({
        zh: "R8 计入的培训形式",
        en: "R8 training kinds counted",
        group: "R8",
        kind: "list",
        options:
          TRAINING_KINDS.kind === "enum"
            ? TRAINING_KINDS.values.map((v) => ({ value: v.zh, zh: v.zh, en: v.en }))
            : [],
      }),
    "r8.partialMonth": choice(
      ["prorate", "full", "skip"],
      {
        prorate: ["按服务天数折算", "prorated by service days"],
        full: ["按整月要求", "a full month's requirement"],
        skip: ["不考核", "not assessed"],
      },
      "prorate",
      { zh: "R8 不足整月的月份", en: "R8 partial months", group: "R8" }
    ),
    "r9.unit": money(2000, {
      zh: "R9 制度建设每项扣款（元）",
      en: "R9 unit deduction",
      group: "R9",
    }),
    "r9.deadline": dateOrFollow("acceptance.firstCutoff", {
      zh: "R9 制度建立截止日（默认第一次验收截止）",
      en: "R9 policies deadline (default: first cutoff)",
      group: "R9",
    }),
    "r10.baselineRank": int(26, 1, 1000, {
      zh: "R10 基准排名（前三年平均）",
      en: "R10 baseline rank",
      group: "R10",
    }),
    "r10.tiers": z
      .array(tierSchema)
      .min(1)
      .refine(
        (t) => t.every((x, i) => i === 0 || x.minDrop > t[i - 1].minDrop),
        said("各档“名次下降”须从小到大排列", "tiers must be in increasing minDrop order")
      )
      .default([
        { minDrop: 1, rate: 0.05 },
        { minDrop: 4, rate: 0.1 },
        { minDrop: 6, rate: 0.15 },
      ])
      .meta({
        zh: "R10 排名下降扣款档次（下降名次起点:比例）",
        en: "R10 tiers (drop from: rate of total fee)",
        group: "R10",
        kind: "tiers",
      }),
    "r10.peerTop": int(3, 1, 100, {
      zh: "R10 委办局排名应在前几名",
      en: "R10 peer rank must be within top N",
      group: "R10",
    }),
    "c2.minShare": rate(0.5, {
      zh: "C2 医学相关专业人员最低占比",
      en: "C2 minimum share of medical majors",
      group: "C",
    }),
    "c2.population": choice(
      ["all", "associate"],
      {
        all: ["全部人员", "all staff"],
        associate: ["仅大专学历人员", "associate-degree staff only"],
      },
      "all",
      { zh: "C2 统计范围", en: "C2 population", group: "C" }
    ),
    "c4.claimMinStaff": int(3, 1, 100, {
      zh: "C4 未培训上岗累计人数达到即可主张违约金",
      en: "C4 distinct staff that give a claim",
      group: "C",
    }),
    "c4.claimRate": rate(0.02, {
      zh: "C4 违约金比例（服务费）",
      en: "C4 claim rate of the fee",
      group: "C",
    }),
    "c5.maxAttrition": rate(0.15, {
      zh: "C5 季度人员流失率上限（不含）",
      en: "C5 quarterly attrition must be below",
      group: "C",
    }),
    "c7.minOnDuty": int(1, 1, 100, {
      zh: "C7 任一时刻最少在岗人数",
      en: "C7 minimum staff on duty at any minute",
      group: "C",
    }),
    "c8.days": int(20, 0, 365, {
      zh: "C8 调换到位期限（自然日）",
      en: "C8 natural days to fill a replacement",
      group: "C",
    }),
    "c8.untrainedWorkdays": int(5, 0, 365, {
      zh: "C8 未培训上岗的调换期限（工作日）",
      en: "C8 working days when the reason is 未培训上岗",
      group: "C",
    }),
    "c8.claimRate": rate(0.02, {
      zh: "C8 每次逾期违约金比例（服务费）",
      en: "C8 claim rate per late replacement",
      group: "C",
    }),
    "c10.minSystemTrainings": int(2, 0, 100, {
      zh: "C10 全系统业务培训最少次数",
      en: "C10 minimum system-wide trainings",
      group: "C",
    }),
    "c10.minPublicity": int(1, 0, 100, {
      zh: "C10 宣传活动最少次数",
      en: "C10 minimum publicity events",
      group: "C",
    }),
    "payments.installment1Rate": rate(0.4, {
      zh: "首付款比例",
      en: "installment 1 share",
      group: "payments",
    }),
    "payments.installment1Days": int(30, 0, 365, {
      zh: "首付款：签订后自然日数",
      en: "installment 1: natural days after signing",
      group: "payments",
    }),
    "payments.installment2Rate": rate(0.4, {
      zh: "进度款比例",
      en: "installment 2 share",
      group: "payments",
    }),
    "payments.installment2Due": date("2023-07-22", {
      zh: "进度款最晚付款日（7月23日前）",
      en: "installment 2 due (before 2023-07-23)",
      group: "payments",
    }),
    "payments.installment3Workdays": int(10, 0, 365, {
      zh: "尾款：保函与第一次验收后工作日数",
      en: "installment 3: working days after guarantee and first acceptance",
      group: "payments",
    }),
    "payments.guaranteeMustCover": bool(true, {
      zh: "尾款保函须“等额”：保函金额低于尾款应付时不起算付款期限（P3）",
      en: "the guarantee must cover installment 3's payable, or it does not start the clock (P3)",
      group: "payments",
    }),
    "payments.refundNoticeOn": dateOrFollow("acceptance.finalOn", {
      zh: "退款通知日期（默认最终验收日）",
      en: "refund notice on (default: final acceptance)",
      group: "payments",
    }),
    "payments.refundWorkdays": int(5, 0, 365, {
      zh: "退款期限（通知后工作日）",
      en: "refund due: working days after notice",
      group: "payments",
    }),
    "payments.lateFeeRatePerDay": rate(0.03, {
      zh: "甲方逾期付款违约金（每日，全部服务费的比例）",
      en: "late payment fee per day, share of the total fee",
      group: "payments",
    }),
    "privacy.maskPhones": bool(true, {
      zh: "结果中的电话号码脱敏（如 138****5678；合同第九条保密）",
      en: "mask phone numbers in results (138****5678; contract §9, confidentiality)",
      group: "privacy",
    }),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p["service.start"] > p["service.end"])
      ctx.addIssue({
        code: "custom",
        path: ["service.end"],
        ...said(
          "服务期结束（含）不能早于服务期开始（含）",
          "service.end must not be before service.start"
        ),
      });
    // the assessment year lies in the service window, give or take a year
    const year = p["contract.year"];
    const from = Number(p["service.start"].slice(0, 4)) - 1;
    const to = Number(p["service.end"].slice(0, 4)) + 1;
    if (year !== null && (year < from || year > to))
      ctx.addIssue({
        code: "custom",
        path: ["contract.year"],
        message: `contract.year must be between ${from} and ${to}`,
        params: {
          zh: `考核年度应在服务期前后一年之内（${from}–${to} 年），而不是 ${year} 年`,
          en: `the assessment year must be within a year of the service period (${from}–${to}), not ${year}`,
        },
      });
  });

export type Params = z.output<typeof paramsSchema>;
export type ParamKey = keyof Params;

type Shape = typeof paramsSchema.shape;
export const PARAM_KEYS = Object.keys(paramsSchema.shape) as ParamKey[];

export function paramMeta(key: ParamKey): ParamMeta {
  return (paramsSchema.shape as Shape)[key].meta() as unknown as ParamMeta;
}

export const DEFAULT_PARAMS: Params = paramsSchema.parse({});

/** The value in force, with null "follows" defaults resolved (evaluation.asOf → service.end, …). */
export interface Resolved {
  p: Params;
  asOf: string;
  r7AnnualDue: string;
  r9Deadline: string;
  refundNoticeOn: string;
  /** 服务费 in yuan: the base of every percentage the contract takes of it */
  serviceFee: number;
  /** the assessment year: R6's reports, R7's summaries and R10's ranking are of this year */
  contractYear: number;
}

export function resolve(p: Params): Resolved {
  return {
    p,
    asOf: p["evaluation.asOf"] ?? p["service.end"],
    r7AnnualDue: p["r7.annualDue"] ?? p["service.end"],
    r9Deadline: p["r9.deadline"] ?? p["acceptance.firstCutoff"],
    refundNoticeOn: p["payments.refundNoticeOn"] ?? p["acceptance.finalOn"],
    serviceFee: p["contract.serviceFee"] ?? p["contract.totalFee"],
    contractYear: p["contract.year"] ?? Number(p["service.start"].slice(0, 4)),
  };
}

export interface ParamError {
  key: string;
  /** where it was written, when it came from the sheet */
  sheet?: string;
  row?: number;
  cell?: string;
  message: string;
  messageEn: string;
}

/** Parameters that differ from the contract default. */
export function changedParams(p: Params): ParamKey[] {
  return PARAM_KEYS.filter((k) => JSON.stringify(p[k]) !== JSON.stringify(DEFAULT_PARAMS[k]));
}

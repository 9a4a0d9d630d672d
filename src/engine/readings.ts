// The readings the contract leaves open (RULES.md §5): for each, the value a run used, the other
// reading, and what the totals would be with only that parameter changed. A manager changing a
// threshold and an auditor contesting a reading both ask how much money the choice moves.
import { shiftIsoDate } from "./contract-year";
import { DEFAULT_PARAMS, ParamKey, Params, paramMeta } from "./params";
import { displayParam, formatParam } from "./param-text";
import { formatDay, parseIsoDay } from "./time";

export interface ReadingDef {
  key: ParamKey;
  /** the other reading of the contract default (RULES.md §5); of a date, in the run's contract year */
  other: unknown | ((p: Params) => unknown);
  /** "if …", said of the other reading of the default, Chinese and English */
  zh: string;
  en: string;
}

export const READINGS: ReadingDef[] = [
  {
    key: "r1.requireSameDayForward",
    other: false,
    zh: "若 R1 只考核签收",
    en: "if R1 checks signing only",
  },
  {
    key: "r3.population",
    other: "all",
    zh: "若 R3 按全部工单统计回访率",
    en: "if R3 counts every ticket",
  },
  {
    key: "c2.population",
    other: "associate",
    zh: "若 C2 只统计大专学历人员",
    en: "if C2 counts associate-degree staff only",
  },
  {
    key: "r5.missingFails",
    other: false,
    zh: "若无质检样本的月份不算不达标",
    en: "if a month without QA samples does not fail R5",
  },
  {
    key: "r8.partialMonth",
    other: "full",
    zh: "若不足月也按整月要求培训",
    en: "if a partial month needs the full month's trainings",
  },
  {
    key: "r10.tiers",
    other: [
      { minDrop: 1, rate: 0.05 },
      { minDrop: 3, rate: 0.1 },
      { minDrop: 6, rate: 0.15 },
    ],
    zh: "若 R10 名次下降 3 名即按 10% 扣",
    en: "if R10 takes 10% from a drop of 3 places",
  },
  {
    key: "acceptance.firstCutoff",
    // the day before the first acceptance, of whichever contract year the run is in
    other: (p: Params) => formatDay(parseIsoDay(p["acceptance.firstOn"])! - 1),
    zh: "若第一次验收计入验收日前的全部事项",
    en: "if the first acceptance covers everything before it",
  },
  {
    key: "payments.guaranteeMustCover",
    other: false,
    zh: "若尾款保函不须等额",
    en: "if the guarantee need not cover installment 3 in full",
  },
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The other reading of a parameter as this run has it: the §5 alternative when the run used the
 * contract default; the contract default when the workbook or the pane set something else.
 */
export function alternativeOf(def: ReadingDef, params: Params): unknown {
  const d = yearDefault(def.key, params);
  return same(params[def.key], d) ? otherOf(def, params) : d;
}

const otherOf = (def: ReadingDef, p: Params): unknown =>
  typeof def.other === "function" ? (def.other as (p: Params) => unknown)(p) : def.other;

/**
 * A parameter's contract default in the run's contract year: a date moved by the years between the
 * run's service start and the contract's (2023), anything else as it is.
 */
export function yearDefault(key: ParamKey, p: Params): unknown {
  const d = DEFAULT_PARAMS[key];
  if (paramMeta(key).kind !== "date" || typeof d !== "string") return d;
  const years =
    Number(p["service.start"].slice(0, 4)) - Number(DEFAULT_PARAMS["service.start"].slice(0, 4));
  return shiftIsoDate(d, years);
}

/** "若 …": what the alternative means, in words (the contract default by name when it is that). */
export function readingPhrase(
  def: ReadingDef,
  alternative: unknown,
  lang: "zh" | "en",
  params: Params
): string {
  const other = otherOf(def, params);
  if (same(alternative, other) && !same(other, yearDefault(def.key, params)))
    return lang === "zh" ? def.zh : def.en;
  const meta = paramMeta(def.key);
  return lang === "zh"
    ? `若 ${meta.zh} 按合同默认（${displayParam(def.key, alternative, "zh")}）`
    : `if ${meta.en} were the contract default (${displayParam(def.key, alternative, "en")})`;
}

/** A value as --params accepts it: yes/no as true/false, tiers as "1:5%, 4:10%, 6:15%". */
export function paramsForm(key: ParamKey, value: unknown): unknown {
  const kind = paramMeta(key).kind;
  if (kind === "bool") return Boolean(value);
  if (kind === "tiers") return formatParam(key, value);
  return value;
}

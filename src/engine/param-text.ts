// A parameter's value as text: formatted for 规则参数 and the log, displayed for a reader,
// parsed as a person writes it (sheet cell, JSON file, form field), and what is wrong with it
// in her words (validateParams, from the schema's issues).
import { z } from "zod";
import { formatYuan, toCents } from "./money";
import { parseBool, parseDate, parseNumberValue } from "./parse";
import { RawCell, isCellError } from "./table";
import { formatDay } from "./time";
import { quote } from "./privacy";
import { normalizeName } from "./sheets";
import {
  PARAM_KEYS,
  ParamError,
  ParamKey,
  ParamKind,
  ParamMeta,
  Params,
  paramMeta,
  paramsSchema,
} from "./params";

/** Formats a parameter value for a sheet cell or a log line. */
export function formatParam(key: ParamKey, value: unknown): string {
  const kind = paramMeta(key).kind;
  if (value === null || value === undefined) return "";
  if (kind === "rate") return `${+(Number(value) * 100).toFixed(6)}%`;
  if (kind === "money") return Number(value).toFixed(2);
  if (kind === "bool") return value ? "是" : "否";
  if (kind === "list") return (value as string[]).join("、");
  if (kind === "tiers")
    return (value as { minDrop: number; rate: number }[])
      .map((t) => `${t.minDrop}:${+(t.rate * 100).toFixed(6)}%`)
      .join(", ");
  return String(value);
}

/**
 * A parameter's value as a finance officer reads it (the run log, the pane): a choice by its
 * label, an amount as ¥#,##0.00, a rate in percent, a default that follows another parameter by
 * that parameter's name. formatParam stays the form written to 规则参数 (read back as is).
 */
export function displayParam(key: ParamKey, value: unknown, lang: "zh" | "en" = "zh"): string {
  const meta = paramMeta(key);
  if (value === null || value === undefined) {
    if (!meta.follows) return "";
    const f = PARAM_KEYS.includes(meta.follows as ParamKey)
      ? paramMeta(meta.follows as ParamKey)
      : null;
    return lang === "zh" ? `同“${f?.zh ?? meta.follows}”` : `same as ${f?.en ?? meta.follows}`;
  }
  if (meta.kind === "enum") {
    const o = meta.options?.find((x) => x.value === value);
    if (o) return lang === "zh" ? o.zh : o.en;
  }
  if (meta.kind === "money") {
    const c = toCents(Number(value));
    if (c !== null) return formatYuan(c);
  }
  if (meta.kind === "bool" && lang === "en") return value ? "yes" : "no";
  if (meta.kind === "list" && Array.isArray(value))
    return value
      .map((v) => meta.options?.find((o) => o.value === v)?.[lang] ?? String(v))
      .join(lang === "zh" ? "、" : ", ");
  if (meta.kind === "tiers" && Array.isArray(value)) return tiersInWords(value, lang);
  return formatParam(key, value);
}

/** R10's tiers as a sentence: "下降 1–3 名扣 5%，4–5 名扣 10%，6 名及以上扣 15%". */
function tiersInWords(tiers: { minDrop: number; rate: number }[], lang: "zh" | "en"): string {
  const sorted = [...tiers].sort((a, b) => a.minDrop - b.minDrop);
  const pct = (r: number) => `${+(r * 100).toFixed(6)}%`;
  const parts = sorted.map((t, i) => {
    const next = sorted[i + 1];
    const to = next ? next.minDrop - 1 : null;
    const span =
      to === null
        ? lang === "zh"
          ? `${t.minDrop} 名及以上`
          : `${t.minDrop} or more`
        : to === t.minDrop
          ? lang === "zh"
            ? `${t.minDrop} 名`
            : `${t.minDrop}`
          : lang === "zh"
            ? `${t.minDrop}–${to} 名`
            : `${t.minDrop}–${to}`;
    return lang === "zh" ? `${span}扣 ${pct(t.rate)}` : `${span}: ${pct(t.rate)}`;
  });
  return lang === "zh" ? `名次下降 ${parts.join("，")}` : `places dropped ${parts.join("; ")}`;
}

/** What a parameter of each kind may be, in the words of the 规则参数 sheet. */
const ALLOWED: Partial<Record<ParamKind, [string, string]>> = {
  rate: ["应为百分比，如 90% 或 0.9", "a percentage, e.g. 90% or 0.9"],
  money: ["应为金额（元），如 500 或 1,599,998.40", "an amount in yuan, e.g. 500 or 1,599,998.40"],
  number: ["应为数字", "a number"],
  int: ["应为整数", "a whole number"],
  date: ["应为日期，如 2023-10-31", "a date, e.g. 2023-10-31"],
  bool: ["应为“是”或“否”", "是 or 否 (yes or no)"],
};

/** Coerces a value as a person writes it (sheet cell, JSON file, form field) to the schema's type. */
export function coerceParam(
  key: ParamKey,
  raw: RawCell | unknown
): { ok: true; value: unknown } | { ok: false; message: string; messageEn: string } {
  const kind = paramMeta(key).kind;
  // what was written, and what is allowed instead
  const fail = (message: string, messageEn: string) => {
    const allowed = ALLOWED[kind];
    return {
      ok: false as const,
      message: allowed ? `${message}（${allowed[0]}）` : message,
      messageEn: allowed ? `${messageEn} (${allowed[1]})` : messageEn,
    };
  };
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === ""))
    return { ok: true, value: undefined };
  // full-width digits and signs as a Chinese keyboard types them (８５％) are the same value
  if (typeof raw === "string") raw = raw.normalize("NFKC");
  if (typeof raw === "object" && !Array.isArray(raw) && isCellError(raw as RawCell))
    return fail(`单元格是错误值 ${quote(raw)}`, `the cell holds an error value`);
  switch (kind) {
    case "rate": {
      if (typeof raw === "string" && /%\s*$/.test(raw)) {
        const n = parseNumberValue(raw.replace(/%\s*$/, ""));
        return n.ok && n.value !== null
          ? { ok: true, value: roundRate(n.value / 100) }
          : fail(`不是比例：${quote(raw)}`, `not a rate: ${quote(raw)}`);
      }
      const n = parseNumberValue(raw as RawCell);
      if (!n.ok || n.value === null)
        return fail(`不是比例：${quote(raw)}`, `not a rate: ${quote(raw)}`);
      return { ok: true, value: n.value > 1 ? roundRate(n.value / 100) : n.value };
    }
    case "money":
    case "number":
    case "int": {
      const n = parseNumberValue(raw as RawCell);
      return n.ok && n.value !== null
        ? { ok: true, value: n.value }
        : fail(`不是数字：${quote(raw)}`, `not a number: ${quote(raw)}`);
    }
    case "date": {
      const d = parseDate(raw as RawCell);
      return d.ok && d.value !== null
        ? { ok: true, value: formatDay(d.value) }
        : fail(`不是日期：${quote(raw)}`, `not a date: ${quote(raw)}`);
    }
    case "bool": {
      const b = parseBool(raw as RawCell);
      return b.ok && b.value !== null
        ? { ok: true, value: b.value }
        : fail(`不是“是/否”：${quote(raw)}`, `not yes/no: ${quote(raw)}`);
    }
    case "text":
      return { ok: true, value: String(raw).trim() };
    case "enum": {
      const opts = paramMeta(key).options ?? [];
      const s = normalizeName(String(raw));
      const hit = opts.find((o) => normalizeName(o.value) === s || normalizeName(o.zh) === s);
      return hit
        ? { ok: true, value: hit.value }
        : fail(
            `“${quote(raw)}”不是允许的值（${opts.map((o) => `${o.value} ${o.zh}`).join("、")}）`,
            `"${quote(raw)}" is not one of ${opts.map((o) => o.value).join(", ")}`
          );
    }
    case "list": {
      if (Array.isArray(raw)) return { ok: true, value: raw };
      return {
        ok: true,
        value: String(raw)
          .split(/[、,，;；\s]+/)
          .filter(Boolean),
      };
    }
    case "tiers": {
      if (Array.isArray(raw)) return { ok: true, value: raw };
      const parts = String(raw)
        .split(/[,，;；]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const tiers = [];
      for (const part of parts) {
        const m = /^(\d+)\s*[:：]\s*([\d.]+)\s*(%?)$/.exec(part);
        if (!m)
          return fail(
            `档次格式应为“下降名次:比例”，如 1:5%, 4:10%, 6:15%：${quote(part)}`,
            `tiers are written "drop:rate", e.g. 1:5%, 4:10%, 6:15%: ${quote(part)}`
          );
        const r = Number(m[2]);
        tiers.push({ minDrop: Number(m[1]), rate: m[3] || r > 1 ? roundRate(r / 100) : r });
      }
      return { ok: true, value: tiers };
    }
  }
}

function roundRate(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** A bound as the user enters it: a rate in percent, an amount in yuan. */
function bound(n: number, kind: ParamKind | undefined): string {
  if (kind === "rate") return `${roundRate(n * 100)}%`;
  if (kind === "money") return formatYuan(toCents(n) ?? 0);
  return String(n);
}

/**
 * What is wrong with a value, in the user's words (never the schema library's): the limit it
 * passes, the form it must have, the values allowed.
 */
function describeIssue(
  issue: z.core.$ZodIssue,
  meta: ParamMeta | null
): { zh: string; en: string } {
  // a tier's rate is a share like any rate
  const kind: ParamKind | undefined = issue.path.includes("rate") ? "rate" : meta?.kind;
  const i = issue as z.core.$ZodIssue & {
    maximum?: number | bigint;
    minimum?: number | bigint;
    inclusive?: boolean;
    origin?: string;
    expected?: string;
    values?: unknown[];
  };
  switch (i.code) {
    case "too_big": {
      const max = Number(i.maximum);
      if (i.origin === "array") return { zh: `最多 ${max} 项`, en: `at most ${max} items` };
      return i.inclusive === false
        ? { zh: `须小于 ${bound(max, kind)}`, en: `must be below ${bound(max, kind)}` }
        : { zh: `不能超过 ${bound(max, kind)}`, en: `must not exceed ${bound(max, kind)}` };
    }
    case "too_small": {
      const min = Number(i.minimum);
      if (i.origin === "array") return { zh: `至少 ${min} 项`, en: `at least ${min} item(s)` };
      if (min === 0 && i.inclusive !== false)
        return { zh: "不能为负数", en: "must not be negative" };
      return i.inclusive === false
        ? { zh: `须大于 ${bound(min, kind)}`, en: `must be above ${bound(min, kind)}` }
        : { zh: `不能小于 ${bound(min, kind)}`, en: `must be at least ${bound(min, kind)}` };
    }
    case "invalid_type":
      if (i.expected === "int") return { zh: "应为整数", en: "must be a whole number" };
      if (i.expected === "number")
        return { zh: kind === "rate" ? "应为百分比，如 90%" : "应为数字", en: "must be a number" };
      if (i.expected === "boolean")
        return { zh: "应为“是”或“否”", en: "must be 是 or 否 (yes or no)" };
      if (i.expected === "array") return { zh: "应为列表", en: "must be a list" };
      return { zh: "格式不对", en: "not in the expected form" };
    case "invalid_value": {
      const labels = (i.values ?? []).map(
        (v) => meta?.options?.find((o) => o.value === v)?.zh ?? String(v)
      );
      return {
        zh: `应为以下之一：${labels.join("、")}`,
        en: `must be one of: ${(i.values ?? []).map(String).join(", ")}`,
      };
    }
    case "invalid_format":
      // the one pattern the schema has: a date
      return { zh: "应为日期，格式 YYYY-MM-DD（如 2023-01-23）", en: "must be a date YYYY-MM-DD" };
    default: {
      // a refinement says itself what is wrong, in both languages (said())
      const own = (i as { params?: { zh?: string; en?: string } }).params;
      if (own?.zh && own.en) return { zh: own.zh, en: own.en };
      return { zh: "值不符合要求", en: "the value is not allowed" };
    }
  }
}

/** Validates a full candidate object; unknown keys and invalid values are errors naming the key. */
export function validateParams(
  input: Record<string, unknown>,
  where: Map<string, Omit<ParamError, "key" | "message" | "messageEn">> = new Map()
): { ok: true; params: Params } | { ok: false; errors: ParamError[] } {
  const r = paramsSchema.safeParse(input);
  if (r.success) return { ok: true, params: r.data };
  const errors: ParamError[] = [];
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys)
        errors.push({
          key: k,
          ...where.get(k),
          message: `未知参数“${quote(k)}”`,
          messageEn: `unknown parameter "${quote(k)}"`,
        });
      continue;
    }
    const key = String(issue.path[0] ?? "");
    // one message a key: the first thing wrong with it (a malformed date is not also unreal)
    if (seen.has(key)) continue;
    seen.add(key);
    const meta = PARAM_KEYS.includes(key as ParamKey) ? paramMeta(key as ParamKey) : null;
    const text = describeIssue(issue, meta);
    // the value as it was given, so she sees what to change
    const given = shownParamValue(key, (input as Record<string, unknown>)[key]);
    errors.push({
      key,
      ...where.get(key),
      message: `参数“${key}”${meta ? `（${meta.zh}）` : ""}的值${given !== null ? ` ${given} ` : ""}无效：${text.zh}`,
      messageEn: `invalid value${given !== null ? ` ${given}` : ""} for "${key}": ${text.en}`,
    });
  }
  return { ok: false, errors };
}

/** A parameter's value as an error message quotes it: a number of its kind as she typed it (150%). */
function shownParamValue(key: string, v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const known = PARAM_KEYS.includes(key as ParamKey);
  const kind = known ? paramMeta(key as ParamKey).kind : null;
  if (typeof v === "number" && (kind === "rate" || kind === "money"))
    return `“${formatParam(key as ParamKey, v)}”`;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
    return `“${quote(v)}”`;
  return null; // a list or tiers: the message says which entry is wrong
}

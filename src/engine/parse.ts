// Cell parsing: raw spreadsheet values into typed values, or a reason they cannot be read.
import { toCents } from "./money";
import { parsePeriodKey, monthPeriod, Period, yearPeriod } from "./periods";
import { ColumnType, EnumValue, normalizeName } from "./sheets";
import { RawCell, isCellError } from "./table";
import { quote } from "./privacy";
import {
  DayNum,
  Seconds,
  dayOf,
  isValidYmd,
  serialToSeconds,
  ymdToDay,
  SECONDS_PER_DAY,
  dayToYmd,
} from "./time";

export type Parsed<T> =
  { ok: true; value: T | null } | { ok: false; reason: string; reasonEn: string };

const blank = <T>(): Parsed<T> => ({ ok: true, value: null });
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string, reasonEn: string): Parsed<T> => ({ ok: false, reason, reasonEn });

const errorValue = <T>(v: { error: string }): Parsed<T> =>
  bad(`单元格是错误值 ${quote(v.error)}`, `the cell holds the error value ${quote(v.error)}`);

/** Full-width digits and punctuation to half-width, trimmed. */
export function normalizeText(s: string): string {
  // the same few values (是, 否, 满意, 月报 …) fill whole columns: remember them
  if (s.length > 16) return s.normalize("NFKC").trim();
  let t = normalized.get(s);
  if (t === undefined) {
    t = s.normalize("NFKC").trim();
    if (normalized.size > 4096) normalized.clear();
    normalized.set(s, t);
  }
  return t;
}
const normalized = new Map<string, string>();

const DT_PATTERNS: RegExp[] = [
  // 2023-03-05 14:22[:05[.6]], 2023/3/5 14:22, 2023-03-05T14:22, 2023.3.5
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d+)?)?)?$/,
  // 2023年3月5日 14时22分[05秒], 2023年3月5日 14:22[:05[.6]]
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s*(\d{1,2})(?:时|点|:)(\d{1,2})分?(?::?(\d{1,2})(\.\d+)?秒?)?)?$/,
];

/**
 * Parses a date-time text; null if the text is not one. A fraction of a second is rounded to
 * the nearest second (as a serial is): 23:59:59.6 is the next day's 00:00:00.
 */
export function parseDateTimeText(text: string): Seconds | null {
  const s = normalizeText(text);
  for (const re of DT_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const h = m[4] !== undefined ? Number(m[4]) : 0;
    const mi = m[5] !== undefined ? Number(m[5]) : 0;
    const se = m[6] !== undefined ? Number(m[6]) : 0;
    if (!isValidYmd(y, mo, d) || h > 23 || mi > 59 || se > 59) return null;
    const fraction = m[7] !== undefined ? Math.round(Number(`0${m[7]}`)) : 0;
    return ymdToDay(y, mo, d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + se + fraction;
  }
  return null;
}

export function parseDateTime(v: RawCell): Parsed<Seconds> {
  if (v === null) return blank();
  if (isCellError(v)) return errorValue(v);
  if (typeof v === "number") {
    const s = serialToSeconds(v);
    // Excel's last day is serial 2,958,465 (9999-12-31), to its last second
    if (s === null || v >= 2958466)
      return bad(`不是有效的日期序号：${quote(v)}`, `not a valid date serial: ${quote(v)}`);
    return ok(s);
  }
  if (typeof v === "boolean")
    return bad(`不是日期时间：${quote(v)}`, `not a date-time: ${quote(v)}`);
  const t = normalizeText(v);
  if (t === "") return blank();
  const s = parseDateTimeText(t);
  if (s === null)
    return bad(`无法识别的日期时间：“${quote(v)}”`, `unreadable date-time: "${quote(v)}"`);
  return ok(s);
}

/** A date: as a date-time with the time part ignored. */
export function parseDate(v: RawCell): Parsed<DayNum> {
  const r = parseDateTime(v);
  if (!r.ok) return r;
  return r.value === null ? blank() : ok(dayOf(r.value));
}

// 已解决/解决/未解决 as city-platform exports write 是否解决 (WORKBOOK.md revision 3)
const TRUE_WORDS = new Set([
  "是",
  "y",
  "yes",
  "true",
  "1",
  "√",
  "✓",
  "✔",
  "对",
  "有",
  "已解决",
  "解决",
]);
const FALSE_WORDS = new Set(["否", "n", "no", "false", "0", "×", "✗", "✘", "x", "无", "未解决"]);

// the readings of yes/no texts as written (是, 否, 已解决 … fill whole columns), shared and never changed
const BOOL_YES: Parsed<boolean> = Object.freeze({ ok: true, value: true });
const BOOL_NO: Parsed<boolean> = Object.freeze({ ok: true, value: false });
const BOOL_BLANK: Parsed<boolean> = Object.freeze({ ok: true, value: null });
const boolWords = new Map<string, Parsed<boolean>>();

export function parseBool(v: RawCell): Parsed<boolean> {
  if (v === null) return blank();
  if (isCellError(v)) return errorValue(v);
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "number") {
    if (v === 1) return ok(true);
    if (v === 0) return ok(false);
    return bad(`不是“是/否”：${quote(v)}`, `not yes/no: ${quote(v)}`);
  }
  const known = boolWords.get(v);
  if (known !== undefined) return known;
  const t = normalizeText(v).toLowerCase();
  const read: Parsed<boolean> | null =
    t === "" ? BOOL_BLANK : TRUE_WORDS.has(t) ? BOOL_YES : FALSE_WORDS.has(t) ? BOOL_NO : null;
  if (read) {
    if (boolWords.size > 4096) boolWords.clear();
    boolWords.set(v, read);
    return read;
  }
  return bad(
    `无法识别的“是/否”值：“${quote(v)}”（可填 是/否、Y/N、√/×）`,
    `unreadable yes/no value: "${quote(v)}" (use 是/否, Y/N, √/×)`
  );
}

export function parseNumberValue(v: RawCell): Parsed<number> {
  if (v === null) return blank();
  if (isCellError(v)) return errorValue(v);
  if (typeof v === "number")
    return Number.isFinite(v) ? ok(v) : bad(`不是数字：${quote(v)}`, `not a number: ${quote(v)}`);
  if (typeof v === "boolean") return bad(`不是数字：${quote(v)}`, `not a number: ${quote(v)}`);
  const t = normalizeText(v)
    .replace(/[,，\s]/g, "")
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "");
  if (t === "") return blank();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t))
    return bad(`不是数字：“${quote(v)}”`, `not a number: "${quote(v)}"`);
  return ok(Number(t));
}

export function parseNumber(
  v: RawCell,
  type: { min?: number; max?: number; integer?: boolean }
): Parsed<number> {
  const r = parseNumberValue(v);
  if (!r.ok || r.value === null) return r;
  const n = r.value;
  if (type.integer && !Number.isInteger(n))
    return bad(`应为整数：${quote(v)}`, `must be a whole number: ${quote(v)}`);
  if (type.min !== undefined && n < type.min)
    return bad(`不能小于 ${type.min}：${quote(v)}`, `must be at least ${type.min}: ${quote(v)}`);
  if (type.max !== undefined && n > type.max)
    return bad(`不能大于 ${type.max}：${quote(v)}`, `must be at most ${type.max}: ${quote(v)}`);
  return ok(n);
}

export function parseMoney(v: RawCell): Parsed<number> {
  const r = parseNumberValue(v);
  if (!r.ok || r.value === null) return r;
  const c = toCents(r.value);
  return c === null ? bad(`不是金额：${quote(v)}`, `not an amount: ${quote(v)}`) : ok(c);
}

const enumLookups = new WeakMap<EnumValue[], Map<string, string>>();

/** Normalised Chinese values and English aliases → the Chinese value (also keyed by the exact Chinese value). */
function enumLookup(values: EnumValue[]): Map<string, string> {
  let m = enumLookups.get(values);
  if (!m) {
    m = new Map();
    for (const e of values) {
      m.set(e.zh, e.zh);
      m.set(normalizeName(e.zh), e.zh);
      m.set(normalizeName(e.en), e.zh);
      for (const a of e.aliases ?? []) m.set(normalizeName(a), e.zh);
    }
    enumLookups.set(values, m);
  }
  return m;
}

export function parseEnum(v: RawCell, values: EnumValue[], blankWords?: string[]): Parsed<string> {
  if (v === null) return blank();
  if (isCellError(v)) return errorValue(v);
  const raw = String(v);
  const lookup = enumLookup(values);
  const hit = lookup.get(raw);
  if (hit !== undefined) return ok(hit);
  const t = normalizeName(raw);
  if (t === "") return blank();
  if (blankWords?.some((w) => normalizeName(w) === t)) return blank();
  const found = lookup.get(t);
  if (found !== undefined) return ok(found);
  const allowed = values.map((e) => e.zh).join("、");
  return bad(
    `“${quote(v)}”不是允许的值（${allowed}）`,
    `"${quote(v)}" is not an allowed value (${values.map((e) => `${e.zh} ${e.en}`).join(", ")})`
  );
}

/** A period; Excel turns a typed `2023-03` into a date (its month), a number 2023 means the year. */
export function parsePeriod(v: RawCell): Parsed<Period> {
  if (v === null) return blank();
  if (isCellError(v)) return errorValue(v);
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1990 && v <= 2100) return ok(yearPeriod(v));
    const s = serialToSeconds(v);
    if (s === null) return bad(`无法识别的期间：${quote(v)}`, `unreadable period: ${quote(v)}`);
    const { y, m } = dayToYmd(dayOf(s));
    return ok(monthPeriod(y, m));
  }
  if (typeof v === "boolean")
    return bad(`无法识别的期间：${quote(v)}`, `unreadable period: ${quote(v)}`);
  const t = normalizeText(v);
  if (t === "") return blank();
  const p = parsePeriodKey(t);
  if (p) return ok(p);
  // a full date typed as text also means its month
  const dt = parseDateTimeText(t);
  if (dt !== null) {
    const { y, m } = dayToYmd(dayOf(dt));
    return ok(monthPeriod(y, m));
  }
  return bad(
    `无法识别的期间：“${quote(v)}”（如 2023-03、2023-Q1、2023-H1、2023）`,
    `unreadable period: "${quote(v)}" (e.g. 2023-03, 2023-Q1, 2023-H1, 2023)`
  );
}

export function parseText(v: RawCell): Parsed<string> {
  if (v === null) return blank();
  if (isCellError(v)) return errorValue(v);
  const t = typeof v === "string" ? v.trim() : String(v);
  return t === "" ? blank() : ok(t);
}

/** Days between the 1900 and 1904 date systems' day 0. */
export const DAYS_1904 = 1462;

/**
 * A date serial of a 1904-system workbook as the 1900 system counts it; any other value as is.
 * A period column's integer years (2023) are years in both systems.
 */
export function serialFrom1904(v: RawCell, kind: ColumnType["kind"] | "date"): RawCell {
  if (typeof v !== "number") return v;
  if (kind === "date" || kind === "datetime") return v + DAYS_1904;
  if (kind === "period") return Number.isInteger(v) && v >= 1990 && v <= 2100 ? v : v + DAYS_1904;
  return v;
}

export function parseCell(v: RawCell, type: ColumnType): Parsed<unknown> {
  switch (type.kind) {
    case "text":
      return parseText(v);
    case "datetime":
      return parseDateTime(v);
    case "date":
      return parseDate(v);
    case "bool":
      return parseBool(v);
    case "number":
      return parseNumber(v, type);
    case "money":
      return parseMoney(v);
    case "enum":
      return parseEnum(v, type.values, type.blankWords);
    case "period":
      return parsePeriod(v);
  }
}

// Naive Beijing local date-times. A date-time is an integer number of seconds since
// 1970-01-01 00:00:00 *local* (no time zone attached); a date is an integer day number
// since 1970-01-01. Conversions go through Date.UTC / getUTC* only, so the computer's
// time zone can never shift a value.

export type Seconds = number; // naive local seconds since epoch
export type DayNum = number; // naive local days since epoch

export const SECONDS_PER_DAY = 86400;

/** Days between 1899-12-30 (Excel's day 0 after the 1900 leap-year quirk) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

export function ymdToDay(y: number, m: number, d: number): DayNum {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function dayToYmd(day: DayNum): { y: number; m: number; d: number } {
  const dt = new Date(day * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(day: DayNum): number {
  return (((day + 4) % 7) + 7) % 7;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function formatDay(day: DayNum): string {
  const { y, m, d } = dayToYmd(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function formatDateTime(sec: Seconds): string {
  const day = Math.floor(sec / SECONDS_PER_DAY);
  const rest = sec - day * SECONDS_PER_DAY;
  const h = Math.floor(rest / 3600);
  const mi = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  return `${formatDay(day)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** `2023-03-05 14:22:05` — the form auditors read in result sheets. */
export function formatDateTimeSpace(sec: Seconds): string {
  return formatDateTime(sec).replace("T", " ");
}

export function parseIsoDay(s: string): DayNum | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? ymdToDay(y, mo, d) : null;
}

export function dayStart(day: DayNum): Seconds {
  return day * SECONDS_PER_DAY;
}

/** 23:59:59 of the day */
export function dayEnd(day: DayNum): Seconds {
  return day * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;
}

export function dayOf(sec: Seconds): DayNum {
  return Math.floor(sec / SECONDS_PER_DAY);
}

/** Excel serial (1900 date system) to naive seconds, rounded to the nearest second. */
export function serialToSeconds(serial: number): Seconds | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  // Serial 60 is the non-existent 1900-02-29 (Lotus 1-2-3 bug kept by Excel).
  if (serial >= 60 && serial < 61) return null;
  const adjusted = serial < 60 ? serial + 1 : serial;
  return Math.round((adjusted - EXCEL_EPOCH_OFFSET) * SECONDS_PER_DAY);
}

/** Naive seconds to an Excel serial (1900 date system). */
export function secondsToSerial(sec: Seconds): number {
  const serial = sec / SECONDS_PER_DAY + EXCEL_EPOCH_OFFSET;
  return serial < 61 ? serial - 1 : serial;
}

export function dayToSerial(day: DayNum): number {
  return secondsToSerial(dayStart(day));
}

export function monthKey(day: DayNum): string {
  const { y, m } = dayToYmd(day);
  return `${y}-${pad(m)}`;
}

/** An instant (ms since the Unix epoch) as Beijing local time text, for run logs only. */
export function beijingText(epochMs: number): string {
  return formatDateTimeSpace(Math.floor(epochMs / 1000) + 8 * 3600);
}

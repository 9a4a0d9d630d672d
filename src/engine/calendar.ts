// The State Council holiday calendar (法定节假日 and 调休 make-up working days) from the
// bundled data of the `chinese-days` package: no network, no time zone.
import chineseDays from "chinese-days/dist/chinese-days.json";
import { DayNum, formatDay, weekday } from "./time";

const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
const holidays = new Set(Object.keys(data.holidays));
const makeUpWorkdays = new Set(Object.keys(data.workdays));
const coveredYears = new Set([...holidays, ...makeUpWorkdays].map((d) => d.slice(0, 4)));

/** true when the calendar data has the year (otherwise only weekends count as rest days). */
export function calendarCovers(day: DayNum): boolean {
  return coveredYears.has(formatDay(day).slice(0, 4));
}

export function isHoliday(day: DayNum): boolean {
  return holidays.has(formatDay(day));
}

/** A 调休 weekend day that is a working day. */
export function isMakeUpWorkday(day: DayNum): boolean {
  return makeUpWorkdays.has(formatDay(day));
}

/** Years asked about while recording (see `recordingUncovered`) that the data lacks. */
let uncovered: Set<string> | null = null;

/**
 * Runs `f`, noting every year the rules counted working days in that the holiday data does not
 * cover (only weekends are rest days there: a deadline may be off by the holidays).
 */
export function recordingUncovered<T>(f: () => T): { value: T; years: string[] } {
  const outer = uncovered;
  const mine = new Set<string>();
  uncovered = mine;
  try {
    return { value: f(), years: [...mine].sort() };
  } finally {
    uncovered = outer;
    if (outer) for (const y of mine) outer.add(y);
  }
}

export function isWorkday(day: DayNum): boolean {
  const key = formatDay(day);
  if (uncovered && !coveredYears.has(key.slice(0, 4))) uncovered.add(key.slice(0, 4));
  if (makeUpWorkdays.has(key)) return true;
  if (holidays.has(key)) return false;
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

/** The first working day on or after `day` (民法典 第二百零三条 roll-over of a deadline). */
export function rollOver(day: DayNum): DayNum {
  let d = day;
  while (!isWorkday(d)) d++;
  return d;
}

/** "Within N natural days after X": X + N (the day of X does not count), optionally rolled over. */
export function addNaturalDays(day: DayNum, n: number, roll: boolean): DayNum {
  const due = day + n;
  return roll ? rollOver(due) : due;
}

/** The N-th working day after `day` (the day itself does not count). */
export function addWorkdays(day: DayNum, n: number): DayNum {
  let d = day;
  let left = n;
  while (left > 0) {
    d++;
    if (isWorkday(d)) left--;
  }
  return d;
}

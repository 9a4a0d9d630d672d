// The State Council holiday calendar (法定节假日 and 调休 make-up working days) from the
// bundled data of the `chinese-days` package: no network, no time zone.
import chineseDays from "chinese-days/dist/chinese-days.json";
import { DayNum, formatDay, weekday } from "./time";

const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
const holidays = new Set(Object.keys(data.holidays));
const makeUpWorkdays = new Set(Object.keys(data.workdays));
const coveredYears = new Set([...holidays, ...makeUpWorkdays].map((d) => d.slice(0, 4)));

/** The first and last year of the bundled State Council schedule. */
export function bundledYears(): [number, number] {
  const ys = [...coveredYears].map(Number);
  return [Math.min(...ys), Math.max(...ys)];
}

/** What the bundled schedule says of a day: 休 (a public holiday), 班 (a 调休 working day) or null. */
export function bundledKind(day: string): "休" | "班" | null {
  return holidays.has(day) ? "休" : makeUpWorkdays.has(day) ? "班" : null;
}

/** The workbook's 节假日 sheet in force during a run: its days win over the bundled ones. */
interface UserDays {
  rest: Set<string>;
  work: Set<string>;
  years: Set<string>;
}
let user: UserDays | null = null;

/**
 * Runs `f` with the workbook's own holidays (休) and make-up working days (班) over the bundled
 * schedule; a year with any of them counts as covered.
 */
export function withUserDays<T>(days: { day: string; kind: "休" | "班" }[], f: () => T): T {
  const outer = user;
  user = {
    rest: new Set(days.filter((d) => d.kind === "休").map((d) => d.day)),
    work: new Set(days.filter((d) => d.kind === "班").map((d) => d.day)),
    years: new Set(days.map((d) => d.day.slice(0, 4))),
  };
  try {
    return f();
  } finally {
    user = outer;
  }
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
  const year = key.slice(0, 4);
  if (uncovered && !coveredYears.has(year) && !user?.years.has(year)) uncovered.add(year);
  if (user?.work.has(key)) return true;
  if (user?.rest.has(key)) return false;
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

import { DayNum, dayToYmd, daysInMonth, formatDay, ymdToDay } from "./time";

export type PeriodKind = "day" | "month" | "quarter" | "half" | "year" | "week";

export interface Period {
  key: string;
  kind: PeriodKind;
  /** calendar bounds */
  first: DayNum;
  last: DayNum;
}

export interface ClippedPeriod extends Period {
  /** bounds clipped to the service window */
  start: DayNum;
  end: DayNum;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function monthPeriod(y: number, m: number): Period {
  return {
    key: `${y}-${pad(m)}`,
    kind: "month",
    first: ymdToDay(y, m, 1),
    last: ymdToDay(y, m, daysInMonth(y, m)),
  };
}

export function quarterPeriod(y: number, q: number): Period {
  const m1 = (q - 1) * 3 + 1;
  return {
    key: `${y}-Q${q}`,
    kind: "quarter",
    first: ymdToDay(y, m1, 1),
    last: ymdToDay(y, m1 + 2, daysInMonth(y, m1 + 2)),
  };
}

export function halfPeriod(y: number, h: number): Period {
  const m1 = h === 1 ? 1 : 7;
  return {
    key: `${y}-H${h}`,
    kind: "half",
    first: ymdToDay(y, m1, 1),
    last: ymdToDay(y, m1 + 5, daysInMonth(y, m1 + 5)),
  };
}

export function yearPeriod(y: number): Period {
  return { key: String(y), kind: "year", first: ymdToDay(y, 1, 1), last: ymdToDay(y, 12, 31) };
}

/** ISO week `2023-W14` (Monday to Sunday). */
export function weekPeriod(y: number, w: number): Period | null {
  if (w < 1 || w > 53) return null;
  const jan4 = ymdToDay(y, 1, 4);
  const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday
  const week1Monday = jan4 - jan4Weekday;
  const first = week1Monday + (w - 1) * 7;
  return { key: `${y}-W${pad(w)}`, kind: "week", first, last: first + 6 };
}

export function dayPeriod(day: DayNum): Period {
  return { key: formatDay(day), kind: "day", first: day, last: day };
}

/** Parses a period key as written in a sheet: `2023-03`, `2023-Q1`, `2023-H1`, `2023`, `2023-W14`. */
export function parsePeriodKey(text: string): Period | null {
  const s = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) return yearPeriod(Number(m[1]));
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s);
  if (m) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? monthPeriod(Number(m[1]), mo) : null;
  }
  m = /^(\d{4})-?Q([1-4])$/.exec(s);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-?H([12])$/.exec(s);
  if (m) return halfPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-?W(\d{1,2})$/.exec(s);
  if (m) return weekPeriod(Number(m[1]), Number(m[2]));
  return null;
}

function clip(p: Period, winStart: DayNum, winEnd: DayNum): ClippedPeriod | null {
  const start = Math.max(p.first, winStart);
  const end = Math.min(p.last, winEnd);
  return start <= end ? { ...p, start, end } : null;
}

/** Every period of a kind that overlaps the window, clipped to it, in order. */
export function periodsInWindow(
  kind: "day" | "month" | "quarter" | "half" | "year",
  winStart: DayNum,
  winEnd: DayNum
): ClippedPeriod[] {
  const out: ClippedPeriod[] = [];
  if (kind === "day") {
    for (let d = winStart; d <= winEnd; d++) out.push({ ...dayPeriod(d), start: d, end: d });
    return out;
  }
  const s = dayToYmd(winStart);
  const e = dayToYmd(winEnd);
  for (let y = s.y; y <= e.y; y++) {
    const list: Period[] =
      kind === "year"
        ? [yearPeriod(y)]
        : kind === "half"
          ? [halfPeriod(y, 1), halfPeriod(y, 2)]
          : kind === "quarter"
            ? [1, 2, 3, 4].map((q) => quarterPeriod(y, q))
            : Array.from({ length: 12 }, (_, i) => monthPeriod(y, i + 1));
    for (const p of list) {
      const c = clip(p, winStart, winEnd);
      if (c) out.push(c);
    }
  }
  return out;
}

/** Index of the month period (in a list from periodsInWindow('month')) that holds a day, or -1. */
export function monthIndexer(months: ClippedPeriod[]): (day: DayNum) => number {
  return (day: DayNum) => {
    // months are few (≤ 14): a linear scan is fastest in practice
    for (let i = 0; i < months.length; i++)
      if (day >= months[i].start && day <= months[i].end) return i;
    return -1;
  };
}

// The workbook's 节假日 sheet (WORKBOOK.md revision 3): the user's holidays (休) and make-up working
// days (班) over the bundled State Council schedule, for a year the bundle lacks or a day it has
// wrong. A calendar cannot be half right: an unreadable date or type, or one date given two types,
// stops the run before anything is computed (as a bad 规则参数 does); a day that contradicts the
// bundled schedule is a warning naming both, and the sheet wins.
import { bundledKind, bundledYears } from "./calendar";
import type { IssueList } from "./issues";
import type { IssueCode } from "./issue-codes";
import type { Holiday } from "./model";
import type { ParamError } from "./params";
import { ReadSheet, Rec, cellOf } from "./read";
import { formatDay } from "./time";

export interface CalendarDay {
  day: string;
  kind: "休" | "班";
  name: string | null;
  /** where it was written */
  sheet: string;
  row: number;
  cell: string | null;
  /** what the bundled schedule says of the day */
  bundled: "休" | "班" | null;
}

export interface UserCalendar {
  /** the 节假日 sheet's name, when there is one */
  sheet: string | null;
  days: CalendarDay[];
  /** the years of the bundled State Council schedule */
  bundled: [number, number];
}

/**
 * Reads the 节假日 sheet into the days a run uses. `errors` (every error issue of the sheet, and
 * each date given both types) stop the run; warnings go to the issue list.
 */
export function readHolidays(
  sheet: ReadSheet<Holiday> | undefined,
  issues: IssueList
): { calendar: UserCalendar; errors: ParamError[] } {
  const calendar: UserCalendar = { sheet: sheet?.name ?? null, days: [], bundled: bundledYears() };
  if (!sheet) return { calendar, errors: [] };
  const names = new Set(sheet.parts.map((p) => p.name));
  const errors: ParamError[] = issues.items
    .filter((i) => i.level === "error" && names.has(i.sheet))
    .map((i) => ({
      key: `${i.sheet} 第${i.row ?? "?"}行`,
      sheet: i.sheet,
      row: i.row ?? undefined,
      cell: i.cell ?? undefined,
      message: `${i.sheet} ${i.cell ?? ""}：${i.message}`,
      messageEn: `${i.sheet} ${i.cell ?? ""}: ${i.messageEn}`,
    }));
  const seen = new Map<string, Rec<Holiday>>();
  for (const rec of sheet.records) {
    const { date, kind, name } = rec.v;
    if (date === null || (kind !== "休" && kind !== "班") || rec.bad.size) continue;
    const day = formatDay(date);
    const at = cellOf(rec, "date");
    const warn = (code: IssueCode, message: string, messageEn: string) =>
      issues.add({
        sheet: rec.src.name,
        row: rec.row,
        column: at?.column ?? "日期",
        cell: at?.cell ?? null,
        code,
        message,
        messageEn,
      });
    const first = seen.get(day);
    if (first) {
      const firstAt = cellOf(first, "date");
      if (first.v.kind !== kind)
        errors.push({
          key: `${rec.src.name} 第${rec.row}行`,
          sheet: rec.src.name,
          row: rec.row,
          cell: at?.cell,
          message: `${rec.src.name} ${at?.cell ?? ""}：${day} 已在 ${firstAt?.cell ?? ""} 写为“${first.v.kind}”，这里又写为“${kind}”：同一日期只能有一种类型`,
          messageEn: `${rec.src.name} ${at?.cell ?? ""}: ${day} is already "${first.v.kind}" at ${firstAt?.cell ?? ""} and "${kind}" here: a date takes one type`,
        });
      else
        warn(
          "duplicate-date",
          `${day} 重复（同 ${firstAt?.cell ?? ""}），只计一次`,
          `${day} repeats ${firstAt?.cell ?? ""}; counted once`
        );
      continue;
    }
    seen.set(day, rec);
    const bundled = bundledKind(day);
    if (bundled !== null && bundled !== kind)
      warn(
        "calendar-override",
        `${day} 本表为“${kind}”，内置国务院安排为“${bundled}”：以本表为准`,
        `${day} is "${kind}" here and "${bundled}" in the bundled State Council schedule: this sheet wins`
      );
    calendar.days.push({
      day,
      kind,
      name,
      sheet: rec.src.name,
      row: rec.row,
      cell: at?.cell ?? null,
      bundled,
    });
  }
  return { calendar, errors };
}

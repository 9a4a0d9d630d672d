// Helpers for the staffing checks (C1–C5): who is on the project, and when.
import { Context, Staff } from "../model";
import { Rec } from "../read";
import { DayNum } from "../time";
import { usable } from "./common";

export function windowEnd(ctx: Context): DayNum {
  return Math.min(ctx.serviceEnd, ctx.asOf);
}

/** Staff with a readable 入职日期 (rows dated after asOf are already gone). */
export function staffOnProject(ctx: Context): Rec<Staff>[] {
  return usable(ctx.data.staff ?? [], ["start_date", "end_date"]).ok.filter(
    (s) => s.v.end_date === null || s.v.end_date >= ctx.serviceStart
  );
}

export function activeOn(s: Staff, day: DayNum): boolean {
  return s.start_date !== null && s.start_date <= day && (s.end_date === null || day <= s.end_date);
}

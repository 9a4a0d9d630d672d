// C7 7×24 值守: the roster covers every minute of the window with at least N staff on duty.
import { Finding } from "../model";
import { dayEnd, dayStart, formatDateTime, formatDateTimeSpace } from "../time";
import { Rule, missingReason, usable } from "./common";
import { windowEnd } from "./staffing";

/** Maximal intervals [from, to) within [start, end) where fewer than `min` intervals overlap. */
export function coverageGaps(
  shifts: [number, number][],
  start: number,
  end: number,
  min: number
): [number, number][] {
  const events: [number, number][] = [];
  for (const [a, b] of shifts) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (s < e) events.push([s, 1], [e, -1]);
  }
  // every event at one instant is applied together, so their order among themselves is free
  events.sort((x, y) => x[0] - y[0]);
  const gaps: [number, number][] = [];
  let count = 0;
  let t = start;
  let gapFrom: number | null = null;
  let i = 0;
  // a gap opens at one instant and closes at a later one (events are clipped to [start, end))
  const close = (at: number) => {
    if (gapFrom !== null) gaps.push([gapFrom, at]);
    gapFrom = null;
  };
  while (t < end) {
    // apply every event at time t
    while (i < events.length && events[i][0] === t) count += events[i++][1];
    if (count < min) gapFrom ??= t;
    else close(t);
    const next = i < events.length ? Math.min(events[i][0], end) : end;
    t = next;
  }
  close(end);
  return gaps;
}

/** Each person's shifts merged where they overlap or touch, as [from, to) intervals. */
export function mergeByPerson(
  shifts: { who: string; from: number; to: number }[]
): [number, number][] {
  const byWho = new Map<string, [number, number][]>();
  // an empty or reversed row (the row checks report it) never joins another, and coverageGaps
  // drops it
  for (const s of shifts) {
    const list = byWho.get(s.who) ?? [];
    list.push([s.from, s.to]);
    byWho.set(s.who, list);
  }
  const out: [number, number][] = [];
  for (const list of byWho.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let [from, to] = list[0];
    for (const [a, b] of list.slice(1)) {
      if (a <= to) to = Math.max(to, b);
      else {
        out.push([from, to]);
        [from, to] = [a, b];
      }
    }
    out.push([from, to]);
  }
  return out;
}

export const c7: Rule = {
  id: "C7",
  zh: "7×24小时值守",
  en: "24/7 coverage",
  needs: [{ sheet: "roster", columns: ["start_at", "end_at"] }],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    // people on duty, not roster rows: one person's overlapping rows count once
    const shifts = mergeByPerson(
      usable(ctx.data.roster ?? [], ["start_at", "end_at"]).ok.map((s) => ({
        who: s.v.staff_id ?? `row ${s.row}`,
        from: s.v.start_at!,
        to: s.v.end_at!,
      }))
    );
    const start = dayStart(ctx.serviceStart);
    // windowEnd is already no later than asOf
    const end = dayEnd(windowEnd(ctx)) + 1;
    const min = ctx.p["c7.minOnDuty"];
    const findings: Finding[] = coverageGaps(shifts, start, end, min).map(([a, b]) => {
      const minutes = Math.round((b - a) / 60);
      return {
        ruleId: "C7",
        subject: null,
        period: formatDateTime(a),
        message: `${formatDateTimeSpace(a)} 至 ${formatDateTimeSpace(b)} 在岗人数少于 ${min} 人（${minutes} 分钟）`,
        messageEn: `${formatDateTimeSpace(a)} to ${formatDateTimeSpace(b)}: fewer than ${min} on duty (${minutes} min)`,
        evidence: [],
      };
    });
    return { findings };
  },
};

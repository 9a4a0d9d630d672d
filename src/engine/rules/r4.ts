// R4 办结反馈时限: tickets due in the month fed back by their deadline ≥ 90%.
import { Context, Ticket } from "../model";
import { SECONDS_PER_DAY, dayEnd, dayOf } from "../time";
import { Rule, unitCents } from "./common";
import { evaluateMonthlyTickets } from "./monthly";

/** The handling deadline: 办理时限 (a bare date means the end of that day), or received + N days. */
export function dueOf(t: Ticket, ctx: Context): number | null {
  if (t.due_at !== null)
    return t.due_at % SECONDS_PER_DAY === 0 ? dayEnd(dayOf(t.due_at)) : t.due_at;
  if (t.received_at === null) return null;
  return dayEnd(dayOf(t.received_at) + ctx.p["r4.defaultHandlingDays"]);
}

export const r4: Rule = {
  id: "R4",
  zh: "办结反馈时限",
  en: "on-time feedback",
  needs: [{ sheet: "tickets", columns: ["feedback_at"] }],
  evaluate(ctx) {
    const tickets = ctx.sheets.tickets;
    // without 办理时限 the deadline is counted from 派单时间
    const hasDue = !tickets || tickets.columns.has("due_at");
    return {
      kpis: evaluateMonthlyTickets(ctx, {
        ruleId: "R4",
        needs: [{ sheet: "tickets", columns: ["feedback_at", hasDue ? "due_at" : "received_at"] }],
        columns: ["feedback_at", "due_at", ...(hasDue ? [] : (["received_at"] as const))],
        unit: unitCents(ctx, "r4.unit"),
        threshold: ctx.p["r4.threshold"],
        anchor: (t) => dueOf(t, ctx),
        anchorColumns: ["due_at", "received_at"],
        good: (t) => {
          const due = dueOf(t, ctx)!;
          if (t.feedback_at !== null) return t.feedback_at <= due;
          return due <= ctx.asOfEnd ? false : null;
        },
        badNote: ["未按时反馈", "not fed back on time"],
      }),
    };
  },
};

// R3 回访率: every forwarded ticket closed in the month is called back, with its recording.
import { Params } from "../params";
import { ColumnKey } from "../sheets";
import { SECONDS_PER_DAY } from "../time";
import { Rule, unitCents } from "./common";
import { evaluateMonthlyTickets } from "./monthly";

/** The values this reading needs: 回访录音 when recordings count, 转派时间 for 'forwarded'. */
function columnsUnder(p: Params): ColumnKey<"tickets">[] {
  return [
    "closed_at",
    "callback_at",
    ...(p["r3.requireRecording"] ? (["callback_recording"] as const) : []),
    ...(p["r3.population"] === "forwarded" ? (["forwarded_at"] as const) : []),
  ];
}

export const r3: Rule = {
  id: "R3",
  zh: "回访率",
  en: "call-back rate",
  needs: [
    {
      sheet: "tickets",
      columns: ["closed_at", "forwarded_at", "callback_at", "callback_recording"],
    },
  ],
  needsUnder(p) {
    return [{ sheet: "tickets", columns: columnsUnder(p) }];
  },
  evaluate(ctx) {
    const recording = ctx.p["r3.requireRecording"];
    const forwardedOnly = ctx.p["r3.population"] === "forwarded";
    const notYetDue = ctx.asOfEnd - ctx.p["r3.callbackDays"] * SECONDS_PER_DAY;
    const columns = columnsUnder(ctx.p);
    return {
      kpis: evaluateMonthlyTickets(ctx, {
        ruleId: "R3",
        needs: [{ sheet: "tickets", columns }],
        columns,
        unit: unitCents(ctx, "r3.unit"),
        threshold: ctx.p["r3.threshold"],
        anchor: (t) => (forwardedOnly && t.forwarded_at === null ? null : t.closed_at),
        anchorColumns: ["closed_at", ...(forwardedOnly ? (["forwarded_at"] as const) : [])],
        good: (t) => {
          const called = t.callback_at !== null && (!recording || t.callback_recording === true);
          if (!called && t.closed_at! > notYetDue) return null; // its call-back is not yet due
          return called;
        },
        badNote: ["未回访或无回访录音", "not called back or without recording"],
      }),
    };
  },
};

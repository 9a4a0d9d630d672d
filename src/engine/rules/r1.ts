// R1 诉求处置时效·案件不过夜: every ticket received on a day is signed (and forwarded) by the end of that day.
import { Kpi, Ticket } from "../model";
import type { Rec } from "../read";
import { ColumnKey } from "../sheets";
import { dayOf, dayEnd, formatDay } from "../time";
import {
  MAX_EVIDENCE,
  Rule,
  evidenceOf,
  makeKpi,
  missingReason,
  unitCents,
  usable,
} from "./common";

export const r1: Rule = {
  id: "R1",
  zh: "诉求处置时效·案件不过夜",
  en: "nothing left overnight (same-day sign-for)",
  needs: [{ sheet: "tickets", columns: ["received_at", "signed_at"] }],
  evaluate(ctx) {
    const unit = unitCents(ctx, "r1.unit");
    const last = Math.min(ctx.serviceEnd, ctx.asOf);
    const reason = missingReason(ctx, this.needs);
    const kpis: Kpi[] = [];
    if (reason) {
      for (let d = ctx.serviceStart; d <= last; d++)
        kpis.push(
          makeKpi({
            ruleId: "R1",
            period: formatDay(d),
            evalDay: d,
            status: "na",
            unit,
            note: reason.zh,
            noteEn: reason.en,
          })
        );
      return { kpis };
    }
    const forward = ctx.p["r1.requireSameDayForward"];
    const grace = ctx.p["r1.graceHours"] * 3600;
    const perTicket = ctx.p["r1.mode"] === "perTicket";
    const cols: ColumnKey<"tickets">[] = [
      "received_at",
      "signed_at",
      ...(forward ? (["forwarded_at"] as const) : []),
    ];
    const { ok, leftOut } = usable(ctx.data.tickets ?? [], cols);
    const n = last - ctx.serviceStart + 1;
    const total = new Array<number>(Math.max(n, 0)).fill(0);
    const onTime = new Array<number>(Math.max(n, 0)).fill(0);
    const skipped = new Array<number>(Math.max(n, 0)).fill(0);
    const late: Rec<Ticket>[][] = Array.from({ length: Math.max(n, 0) }, () => []);
    /** tickets of the day whose limit (with grace) has not passed by the as-of time */
    const waiting = new Array<number>(Math.max(n, 0)).fill(0);
    for (const t of ok) {
      const received = t.v.received_at!;
      const day = dayOf(received);
      const i = day - ctx.serviceStart;
      if (i < 0 || i >= n) continue;
      const limit = dayEnd(day) + grace;
      const signed = t.v.signed_at;
      const fwd = t.v.forwarded_at;
      const good = signed !== null && signed <= limit && (!forward || fwd === null || fwd <= limit);
      if (!good && signed === null && limit > ctx.asOfEnd) {
        waiting[i]++; // not yet late
        continue;
      }
      total[i]++;
      if (good) onTime[i]++;
      else late[i].push(t);
    }
    for (const t of leftOut) {
      const r = t.v.received_at;
      if (r === null) continue;
      const i = dayOf(r) - ctx.serviceStart;
      if (i >= 0 && i < n) skipped[i]++;
    }
    for (let i = 0; i < n; i++) {
      const d = ctx.serviceStart + i;
      const fails = late[i].length;
      // a day whose tickets are all still within their limit (grace) is pending, not empty
      const status =
        total[i] === 0 ? (waiting[i] > 0 ? "pending" : "na") : fails > 0 ? "fail" : "pass";
      kpis.push(
        makeKpi({
          ruleId: "R1",
          period: formatDay(d),
          evalDay: d,
          status,
          numerator: onTime[i],
          denominator: total[i],
          value: total[i] ? onTime[i] / total[i] : null,
          target: 1,
          valueKind: "rate",
          occurrences: perTicket ? fails : 1,
          unit,
          leftOut: skipped[i],
          note:
            total[i] === 0
              ? waiting[i] > 0
                ? `${waiting[i]} 张工单尚在签收期限内`
                : "当日无工单"
              : fails
                ? `${fails} 张工单未在当日24时前签收${forward ? "/转派" : ""}`
                : "",
          noteEn:
            total[i] === 0
              ? waiting[i] > 0
                ? `${waiting[i]} ticket(s) still within their limit`
                : "no tickets that day"
              : fails
                ? `${fails} ticket(s) not signed${forward ? "/forwarded" : ""} by midnight`
                : "",
          evidence: late[i]
            .slice(0, MAX_EVIDENCE)
            .map((t) => evidenceOf(ctx, "tickets", t, "ticket_id")),
        })
      );
    }
    return { kpis };
  },
};

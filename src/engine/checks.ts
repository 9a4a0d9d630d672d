// Row checks of WORKBOOK.md beyond single cells: ordering of ticket times, the service
// window, references between sheets, shift lengths. Values that break them are still used.
import type { IssueCode } from "./issue-codes";
import { Context, Shift, Staff, Ticket } from "./model";
import { ReadSheet, Rec, rowIssue } from "./read";
import { ColumnKey } from "./sheets";
import { SECONDS_PER_DAY, dayEnd, dayStart, formatDateTimeSpace } from "./time";

const WINDOW_SLACK_DAYS = 60;

export function checkRows(ctx: Context): void {
  const t = ctx.sheets.tickets;
  if (t) checkTickets(ctx, t);
  const r = ctx.sheets.roster;
  if (r) checkRoster(ctx, r, ctx.sheets.staff);
}

/** The instants of a ticket's life, in their order. */
const TICKET_TIMES = [
  "received_at",
  "signed_at",
  "forwarded_at",
  "feedback_at",
  "closed_at",
  "callback_at",
] as const satisfies ColumnKey<"tickets">[];
type TicketTime = (typeof TICKET_TIMES)[number];

function checkTickets(ctx: Context, sheet: ReadSheet<Ticket>): void {
  const lo = dayStart(ctx.serviceStart) - WINDOW_SLACK_DAYS * SECONDS_PER_DAY;
  const hi = dayEnd(ctx.serviceEnd) + WINDOW_SLACK_DAYS * SECONDS_PER_DAY;
  const hasDue = sheet.columns.has("due_at");
  const hasDept = sheet.columns.has("department");
  const add = (rec: Rec<Ticket>, key: keyof Ticket, code: IssueCode, zh: string, en: string) =>
    ctx.issues.add(rowIssue(rec, key, code, zh, en));
  const label = (k: keyof Ticket) => sheet.columns.get(k)?.header ?? k;
  const orderPairs: [TicketTime, TicketTime][] = [
    ["signed_at", "received_at"],
    ["forwarded_at", "signed_at"],
    ["feedback_at", "received_at"],
    ["closed_at", "received_at"],
    ["callback_at", "closed_at"],
  ];
  for (const rec of sheet.records) {
    const v = rec.v;
    for (const [later, earlier] of orderPairs) {
      const a = v[later];
      const b = v[earlier];
      if (a !== null && b !== null && a < b)
        add(
          rec,
          later,
          "order",
          `${label(later)} ${formatDateTimeSpace(a)} 早于${label(earlier)} ${formatDateTimeSpace(b)}（按原值计算）`,
          `${label(later)} ${formatDateTimeSpace(a)} is before ${label(earlier)} ${formatDateTimeSpace(b)} (used as written)`
        );
    }
    for (const k of TICKET_TIMES) {
      const x = v[k];
      if (x !== null && (x < lo || x > hi))
        add(
          rec,
          k,
          "outside-window",
          `${label(k)} ${formatDateTimeSpace(x)} 在服务期前后${WINDOW_SLACK_DAYS}天之外`,
          `${label(k)} ${formatDateTimeSpace(x)} is more than ${WINDOW_SLACK_DAYS} days outside the service window`
        );
    }
    if (v.forwarded_at !== null && hasDept && !v.department)
      add(
        rec,
        "department",
        "no-department",
        `有转派时间但承办部门为空`,
        `forwarded but no handling department`
      );
    if (hasDue && v.due_at === null && !rec.bad.has("due_at") && v.received_at !== null)
      add(
        rec,
        "due_at",
        "default-due",
        `办理时限为空，按派单后 ${ctx.p["r4.defaultHandlingDays"]} 个自然日计`,
        `no handling deadline; taken as received + ${ctx.p["r4.defaultHandlingDays"]} natural days`
      );
  }
  if (!hasDue)
    ctx.issues.sheet(
      sheet.name,
      "default-due",
      `缺少“办理时限”列，R4 一律按派单后 ${ctx.p["r4.defaultHandlingDays"]} 个自然日计`,
      `no 办理时限 column: R4 takes every deadline as received + ${ctx.p["r4.defaultHandlingDays"]} natural days`
    );
}

function checkRoster(
  ctx: Context,
  sheet: ReadSheet<Shift>,
  staff: ReadSheet<Staff> | undefined
): void {
  const ids = staff ? new Set(staff.records.map((s) => s.v.staff_id)) : null;
  for (const rec of sheet.records) {
    const v = rec.v;
    if (ids && v.staff_id !== null && !ids.has(v.staff_id))
      ctx.issues.add(
        rowIssue(
          rec,
          "staff_id",
          "unknown-staff",
          `工号 ${v.staff_id} 不在人员表中`,
          `staff id ${v.staff_id} is not in the staff sheet`
        )
      );
    if (v.start_at !== null && v.end_at !== null) {
      if (v.end_at <= v.start_at)
        ctx.issues.add(
          rowIssue(
            rec,
            "end_at",
            "order",
            `结束时间 ${formatDateTimeSpace(v.end_at)} 不晚于开始时间 ${formatDateTimeSpace(v.start_at)}`,
            `shift ends ${formatDateTimeSpace(v.end_at)}, not after its start ${formatDateTimeSpace(v.start_at)}`
          )
        );
      else if (v.end_at - v.start_at > SECONDS_PER_DAY)
        ctx.issues.add(
          rowIssue(
            rec,
            "end_at",
            "shift-too-long",
            `班次超过24小时（${formatDateTimeSpace(v.start_at)} 至 ${formatDateTimeSpace(v.end_at)}）`,
            `shift longer than 24 hours`
          )
        );
    }
  }
}

// Shared by R6 and R7: a list of expected reports, each due on a date, submitted or not.
import { Context, Kpi, Report } from "../model";
import { Rec } from "../read";
import { ColumnKey } from "../sheets";
import { DayNum, formatDay } from "../time";
import { badCells, evidenceOf, makeKpi, usable } from "./common";
import { Cents } from "../money";

export interface ExpectedReport {
  type: string;
  period: string;
  /** due date, and a note on how it was set */
  due: DayNum;
  dueNote: string;
  dueNoteEn: string;
}

export function reportIndex(ctx: Context): Map<string, Rec<Report>> {
  const { ok } = usable(ctx.data.reports ?? [], ["type", "period"]);
  const m = new Map<string, Rec<Report>>();
  for (const r of ok) {
    const key = `${r.v.type}|${r.v.period!.key}`;
    if (!m.has(key)) m.set(key, r);
  }
  return m;
}

export function evaluateReports(
  ctx: Context,
  ruleId: string,
  expected: ExpectedReport[],
  index: Map<string, Rec<Report>>,
  unit: Cents,
  /** rows left out for an unreadable cell that decides their report (R6: 成绩公布日期), by report key */
  leftOut: Map<string, { rec: Rec<Report>; column: ColumnKey<"reports"> }> = new Map()
): Kpi[] {
  return expected.map((e) => {
    const key = `${e.type}|${e.period}`;
    const rec = index.get(key);
    const base = {
      ruleId,
      period: e.period,
      evalDay: e.due,
      unit,
      valueKind: "date" as const,
      leftOut: leftOut.has(key) ? 1 : 0,
    };
    if (e.due > ctx.asOf)
      return makeKpi({
        ...base,
        status: "pending",
        note: `${e.type} 截止 ${formatDay(e.due)}`,
        noteEn: `${e.type} due ${formatDay(e.due)}`,
      });
    const unreadable = rec?.bad.has("submitted_on");
    // unreadable data never makes a deduction: the report's deciding cell cannot be read
    const undecided: { rec: Rec<Report>; column: ColumnKey<"reports"> } | undefined = unreadable
      ? { rec: rec!, column: "submitted_on" }
      : !rec
        ? leftOut.get(key)
        : undefined;
    if (undecided) {
      const where = badCells(ctx, "reports", [undecided.rec], [undecided.column]);
      return makeKpi({
        ...base,
        leftOut: 1,
        status: "na",
        note: `${e.type} ${e.period} 的${undecided.column === "submitted_on" ? "提交日期" : "成绩公布日期"}无法识别（${where}），不予评价，请更正后重新核查`,
        noteEn: `${e.type} ${e.period}: the ${undecided.column === "submitted_on" ? "submission date" : "publication date"} cannot be read (${where}); not evaluated, correct and run again`,
        evidence: [
          evidenceOf(ctx, "reports", undecided.rec, undecided.column, `${e.type} ${e.period}`),
        ],
      });
    }
    const submitted = rec ? rec.v.submitted_on : null;
    const onTime = submitted !== null && submitted <= e.due;
    const ev = rec
      ? [evidenceOf(ctx, "reports", rec, "submitted_on", `${e.type} ${e.period}`)]
      : [];
    const note = !rec
      ? `未找到 ${e.type} ${e.period}（截止 ${formatDay(e.due)}，${e.dueNote}）`
      : submitted === null
        ? `${e.type} ${e.period} 未提交（截止 ${formatDay(e.due)}，${e.dueNote}）`
        : `${formatDay(submitted)} 提交，截止 ${formatDay(e.due)}（${e.dueNote}）${onTime ? "" : "，逾期"}`;
    const noteEn = !rec
      ? `no ${e.type} ${e.period} (due ${formatDay(e.due)}, ${e.dueNoteEn})`
      : submitted === null
        ? `${e.type} ${e.period} not submitted (due ${formatDay(e.due)}, ${e.dueNoteEn})`
        : `submitted ${formatDay(submitted)}, due ${formatDay(e.due)} (${e.dueNoteEn})${onTime ? "" : ", late"}`;
    return makeKpi({
      ...base,
      status: onTime ? "pass" : "fail",
      value: submitted,
      target: e.due,
      note,
      noteEn,
      evidence: ev,
    });
  });
}

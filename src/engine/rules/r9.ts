// R9 制度建设: the four required written policies, each established by the deadline.
import { parseIsoDay, dayToYmd, formatDay } from "../time";
import { Rule, badCells, evidenceOf, makeKpi, missingReason, unitCents, usable } from "./common";

export const REQUIRED_POLICIES = ["热线运营管理制度", "工作流程制度", "培训制度", "安全管理制度"];

export const r9: Rule = {
  id: "R9",
  zh: "制度建设",
  en: "written policies",
  needs: [{ sheet: "policies", columns: ["kind", "established_on"] }],
  evaluate(ctx) {
    const unit = unitCents(ctx, "r9.unit");
    const deadline = parseIsoDay(ctx.r.r9Deadline)!;
    const period = String(dayToYmd(deadline).y);
    const reason = missingReason(ctx, this.needs);
    const { ok, leftOut } = usable(ctx.data.policies ?? [], ["kind", "established_on"]);
    return {
      kpis: REQUIRED_POLICIES.map((kind) => {
        const base = {
          ruleId: "R9",
          period,
          subject: kind,
          evalDay: deadline,
          unit,
          valueKind: "date" as const,
          target: deadline,
        };
        if (deadline > ctx.asOf)
          return makeKpi({
            ...base,
            status: "pending",
            note: `截止 ${formatDay(deadline)}`,
            noteEn: `due ${formatDay(deadline)}`,
          });
        if (reason) return makeKpi({ ...base, status: "na", note: reason.zh, noteEn: reason.en });
        const rows = ok
          // (建立日期 is required: a usable row has one)
          .filter((r) => r.v.kind === kind)
          .sort((a, b) => a.v.established_on! - b.v.established_on!);
        const first = rows[0];
        const pass = !!first && first.v.established_on! <= deadline;
        // a row of this kind whose 建立日期 cannot be read might be the one in time: unless a
        // readable row passes, the kind is not evaluated (unreadable data never makes a deduction)
        const unreadable = leftOut.filter((r) => r.v.kind === kind && !r.bad.has("kind"));
        if (!pass && unreadable.length) {
          const where = badCells(ctx, "policies", unreadable, ["established_on"]);
          return makeKpi({
            ...base,
            status: "na",
            leftOut: unreadable.length,
            note: `${kind}的建立日期无法识别（${where}），不予评价，请更正后重新核查`,
            noteEn: `${kind}: the establishment date cannot be read (${where}); not evaluated, correct and run again`,
            evidence: unreadable
              .slice(0, 5)
              .map((r) => evidenceOf(ctx, "policies", r, "established_on", kind)),
          });
        }
        return makeKpi({
          ...base,
          leftOut: unreadable.length,
          status: pass ? "pass" : "fail",
          value: first?.v.established_on ?? null,
          note: first
            ? `${first.v.name ?? kind} 建立于 ${formatDay(first.v.established_on!)}，截止 ${formatDay(deadline)}`
            : `未建立${kind}（截止 ${formatDay(deadline)}）`,
          noteEn: first
            ? `established ${formatDay(first.v.established_on!)}, due ${formatDay(deadline)}`
            : `no ${kind} established (due ${formatDay(deadline)})`,
          evidence: first ? [evidenceOf(ctx, "policies", first, "name")] : [],
        });
      }),
    };
  },
};

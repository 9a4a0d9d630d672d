// C6 服务投诉: no complaint about the on-site staff verified 属实 or 部分属实.
import { Finding } from "../model";
import { formatDay } from "../time";
import { Rule, evidenceOf, missingReason, usable } from "./common";
import { windowEnd } from "./staffing";

export const c6: Rule = {
  id: "C6",
  zh: "服务投诉（属实或部分属实零投诉）",
  en: "no upheld complaints",
  needs: [{ sheet: "complaints", columns: ["date", "verdict"] }],
  evaluate(ctx) {
    if (missingReason(ctx, this.needs)) return {};
    const end = windowEnd(ctx);
    const findings: Finding[] = usable(ctx.data.complaints ?? [], ["date", "verdict"])
      .ok.filter(
        (c) =>
          c.v.date! >= ctx.serviceStart &&
          c.v.date! <= end &&
          (c.v.verdict === "属实" || c.v.verdict === "部分属实")
      )
      .map((c) => ({
        ruleId: "C6",
        subject: c.v.staff_id,
        period: null,
        message: `${formatDay(c.v.date!)} ${c.v.staff_id ?? ""} ${c.v.kind === "服务态度" ? "服务态度投诉" : "投诉"}核实${c.v.verdict}：${c.v.matter ?? ""}`,
        messageEn: `${formatDay(c.v.date!)} ${c.v.staff_id ?? ""}: ${c.v.kind === "服务态度" ? "attitude " : ""}complaint verified ${c.v.verdict === "属实" ? "upheld" : "partly upheld"}`,
        evidence: [
          evidenceOf(ctx, "complaints", c, "verdict", `${c.v.staff_id ?? ""} ${c.v.verdict}`),
        ],
      }));
    return { findings };
  },
};

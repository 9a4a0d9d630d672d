// Where each rule comes from, in the words a finance officer files: the deduction rules by the item
// of the annex 《服务考核细则》 (which numbers its items 1, 4, 6, 8, 9), the compliance checks and
// payment findings by the contract's clause (一（四）3 is 第一条 服务内容, (四) 服务质量要求, 3).

/** Each deduction rule as the annex numbers and words it. */
export const ANNEX_ITEMS: Record<string, { item: number; group: string; indicator: string }> = {
  R1: { item: 1, group: "工单处理", indicator: "诉求处置时效（案件不过夜）" },
  R2: { item: 1, group: "工单处理", indicator: "派单准确率" },
  R3: { item: 1, group: "工单处理", indicator: "回访率" },
  R4: { item: 4, group: "督办", indicator: "办结反馈时限性" },
  R5: { item: 4, group: "督办", indicator: "质量监督" },
  R6: { item: 6, group: "信息报告", indicator: "报表及时性" },
  R7: { item: 6, group: "信息报告", indicator: "项目总结报告" },
  R8: { item: 8, group: "培训", indicator: "培训开展" },
  R9: { item: 8, group: "培训", indicator: "制度建设" },
  R10: { item: 9, group: "项目管理", indicator: "区内考核结果稳定性" },
};

/** The contract clauses of the checks without a fixed deduction and of the payment findings. */
const CLAUSES: Record<string, [zh: string, en: string]> = {
  C1: ["合同一（一）3", "contract 1(1)3"],
  C2: ["合同一（一）3", "contract 1(1)3"],
  C3: ["合同一（一）1", "contract 1(1)1"],
  C4: ["合同一（四）3、六.3", "contract 1(4)3, 6.3"],
  C5: ["合同一（四）4", "contract 1(4)4"],
  C6: ["合同一（四）1、2", "contract 1(4)1, 2"],
  C7: ["合同一（一）4", "contract 1(1)4"],
  C8: ["合同六.2、六.3", "contract 6.2, 6.3"],
  C9: ["合同一（四）5", "contract 1(4)5"],
  C10: ["合同六.13", "contract 6.13"],
  P1: ["合同三.3", "contract 3.3"],
  P2: ["合同三.2", "contract 3.2"],
  P3: ["合同三.2(3)", "contract 3.2(3)"],
};

/** A rule's basis: "考核细则第1项" for R1–R10, the contract clause for C1–C10 and P1–P3. */
export function basisOf(ruleId: string, lang: "zh" | "en"): string {
  const a = ANNEX_ITEMS[ruleId];
  if (a) return lang === "zh" ? `考核细则第${a.item}项` : `annex item ${a.item}`;
  const c = CLAUSES[ruleId];
  return c ? c[lang === "zh" ? 0 : 1] : "";
}

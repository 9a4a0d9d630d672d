// 结算确认单 Settlement confirmation (WORKBOOK.md revision 3): the one page both parties sign and a
// finance office files. The contract and parties, the as-of date and the acceptance it serves; a
// conclusion box (what Party A pays now, what Party B refunds and by when, the net figure if both
// agree in writing to offset — shown, never applied — what is already paid, 最终决算价款), each in
// figures and 大写; the deductions by 考核细则 item in the annex's words; claims apart; every
// parameter that differs from the contract; the contract's words; the sign-off lines.
import { ruleTotals } from "../summary";
import { RULES } from "../rules";
import { ANNEX_ITEMS } from "../rules/basis";
import { Builder, col, money } from "./builder";
import { toChineseCapital } from "../money";
import { DEFAULT_PARAMS, paramMeta } from "../params";
import { displayParam } from "../param-text";
import { formatDay, parseIsoDay } from "../time";
import { SheetSpec, n, t } from "./spec";
import { LayoutContext } from "./context";

export { ANNEX_ITEMS };

/** Lines of the seal row: a round seal of about 4 cm fits between the name and the date. */
const SEAL_LINES = 6;

/** What the conclusion box says, as figures (the sheet and the tests read the same). */
export interface SettlementFigures {
  /** 尾款 payable and not yet paid */
  payNow: number;
  refund: number;
  /** installment 3 unpaid − refund: positive, Party A pays the difference; negative, Party B */
  net: number;
  paid: number;
  settlement: number;
}

export function settlementFigures(x: LayoutContext): SettlementFigures {
  const { s, tt, r } = x;
  const i3 = s.installments.find((i) => i.no === 3);
  const payNow = i3 && i3.paidOn === null ? i3.payable : 0;
  const asOf = parseIsoDay(r.asOf)!;
  const paid = s.installments
    .filter((i) => i.paidOn !== null && i.paidOn <= asOf)
    .reduce((a, i) => a + (i.paidAmount ?? 0), 0);
  return {
    payNow,
    refund: tt.refundDue,
    net: payNow - tt.refundDue,
    paid,
    settlement: tt.settlement,
  };
}

export function settlementSheet(x: LayoutContext): SheetSpec {
  const { r, L, s, tt, lang } = x;
  // short enough for the upright page: the service period and the parameters are in the body
  const subtitle = L(
    `评价截止 ${r.asOf}${r.runAt ? ` · 运行于 ${r.runAt}` : ""} · 程序版本 ${r.version}`,
    `as of ${r.asOf}${r.runAt ? ` · run at ${r.runAt}` : ""} · version ${r.version}`
  );
  const p = r.params;
  const f = settlementFigures(x);
  // one blank row between blocks: the page is meant to fit on one sheet of paper
  const b = new Builder(L("（无）", "(none)"), 1);
  const final = parseIsoDay(r.asOf)! > parseIsoDay(p["acceptance.firstCutoff"])!;
  b.keyValue(
    [
      [
        L("项目名称", "project"),
        // the contract's number where the workbook gives one
        t(
          `${p["contract.name"]}${p["contract.number"] ? L(`（合同编号 ${p["contract.number"]}）`, ` (contract no. ${p["contract.number"]})`) : ""}`
        ),
      ],
      [
        L("甲方 · 乙方", "Party A · Party B"),
        t(
          `${p["contract.partyA"]}${L("（委托方） · ", " (client) · ")}${p["contract.partyB"]}${L("（受托方）", " (contractor)")}`
        ),
      ],
      [
        L("考核年度 · 服务期", "contract year · service"),
        t(
          `${r.resolved.contractYear} · ${p["service.start"]} ${L("至", "to")} ${p["service.end"]}`
        ),
      ],
      [
        L("评价截止日 · 用于", "evaluated up to · for"),
        t(
          `${r.asOf} · ${
            final
              ? L(
                  `最终验收（${p["acceptance.finalOn"]}）`,
                  `final acceptance (${p["acceptance.finalOn"]})`
                )
              : L(
                  `第一次验收（${p["acceptance.firstOn"]}）`,
                  `first acceptance (${p["acceptance.firstOn"]})`
                )
          }`
        ),
      ],
    ],
    L("合同与考核", "contract and assessment"),
    { stretch: true }
  );
  const i3 = s.installments.find((i) => i.no === 3)!;
  const netText =
    f.net > 0
      ? L(`甲方净付乙方 ${toChineseCapital(f.net)}`, `Party A would pay ${toChineseCapital(f.net)}`)
      : f.net < 0
        ? L(
            `乙方净付甲方 ${toChineseCapital(-f.net)}`,
            `Party B would pay ${toChineseCapital(-f.net)}`
          )
        : L("两清", "nothing either way");
  b.keyValue(
    [
      [
        L("甲方应付尾款（第3期）", "Party A pays: installment 3"),
        { ...money(f.payNow), bold: true },
        t(
          `${toChineseCapital(f.payNow)}${
            f.payNow > 0
              ? L(
                  `；${i3.dueOn !== null ? `${formatDay(i3.dueOn)} 前` : "待条件"}（${i3.dueNote}；须等额发票）`,
                  `; ${i3.dueOn !== null ? `due ${formatDay(i3.dueOn)}` : "on its conditions"} (${i3.dueNote}; an invoice of equal amount)`
                )
              : i3.paidOn !== null
                ? L(`；已于 ${formatDay(i3.paidOn)} 支付`, `; paid ${formatDay(i3.paidOn)}`)
                : ""
          }`
        ),
      ],
      [
        L("乙方应退款", "Party B refunds"),
        { ...money(f.refund), bold: true, highlight: f.refund > 0 ? "warn" : undefined },
        t(
          `${toChineseCapital(f.refund)}${
            tt.refundDueOn !== null
              ? L(
                  `；${formatDay(tt.refundDueOn)} 前（甲方通知后 ${p["payments.refundWorkdays"]} 个工作日）`,
                  `; by ${formatDay(tt.refundDueOn)} (${p["payments.refundWorkdays"]} working days after notice)`
                )
              : ""
          }`
        ),
      ],
      [L("书面同意相抵则净额", "net if offset in writing"), money(Math.abs(f.net)), t(netText)],
      [L("截至评价日已付款", "paid to the as-of date"), money(f.paid), t(toChineseCapital(f.paid))],
      [
        L("最终决算价款", "final settlement"),
        { ...money(f.settlement), bold: true },
        t(toChineseCapital(f.settlement)),
      ],
    ],
    L("结论", "conclusion"),
    { stretch: true }
  );
  const totals = ruleTotals(r);
  const rows = totals.map((rt) => {
    const a = ANNEX_ITEMS[rt.ruleId];
    return [
      t(L(`第${a.item}项 ${a.group}`, `item ${a.item} ${a.group}`)),
      t(a.indicator),
      n(rt.occurrences, "int"),
      money(rt.amount),
      t(rt.amount > 0 ? L(`扣款明细 ${rt.ruleId}`, `Deductions ${rt.ruleId}`) : null),
    ];
  });
  b.table(
    "SettlementDeductions",
    [
      col(L("考核细则", "annex item"), "text", 24),
      col(L("指标", "indicator"), "text", 30),
      col(L("次数", "times"), "int", 10),
      col(L("扣款金额", "amount"), "money", 16),
      col(L("明细", "evidence"), "text", 24),
    ],
    [
      ...rows,
      [
        t(L("合计", "total")),
        t(toChineseCapital(tt.deductions)),
        n(null),
        { ...money(tt.deductions), bold: true },
        t(null),
      ],
    ],
    {
      caption: L(
        "考核扣款（按《服务考核细则》各项）",
        "deductions by item of the assessment annex"
      ),
      rowHighlight: [...totals.map((rt) => (rt.amount > 0 ? ("fail" as const) : null)), null],
    }
  );
  // claims and changed parameters as short lines: label, figure or contract value, the rest
  // across the page
  const ruleName = (id: string) => {
    const rule = RULES.find((x) => x.id === id);
    return rule ? `${id} ${rule[lang]}` : id;
  };
  // one line a claim rule: how many, the total and whom; each claim's facts are in 合规检查
  const claimRules = [...new Set(r.claims.map((c) => c.ruleId))];
  const SUBJECTS_SHOWN = 6;
  b.keyValue(
    claimRules.length
      ? claimRules.map((id) => {
          const of = r.claims.filter((c) => c.ruleId === id);
          const who = of.map((c) => c.subject).filter((x): x is string => !!x);
          const named =
            who.slice(0, SUBJECTS_SHOWN).join(L("、", ", ")) +
            (who.length > SUBJECTS_SHOWN
              ? L(` 等 ${who.length} 项`, ` and ${who.length - SUBJECTS_SHOWN} more`)
              : "");
          return [
            ruleName(id),
            money(of.reduce((a, c) => a + c.amount, 0)),
            t(
              L(
                `${of.length} 项${named ? `：${named}` : ""}；详见合规检查 ${id}`,
                `${of.length}${named ? `: ${named}` : ""}; see 合规检查 ${id}`
              )
            ),
          ];
        })
      : [[L("（无）", "(none)"), t(null)]],
    L(
      "违约金主张（须双方另行书面确认，未计入最终决算价款）",
      "claims (to be confirmed in writing; not in the final settlement)"
    ),
    { stretch: true }
  );
  b.keyValue(
    r.changedParams.length
      ? r.changedParams.map((k) => [
          paramMeta(k)[lang],
          t(`${L("合同：", "contract: ")}${displayParam(k, DEFAULT_PARAMS[k], lang)}`),
          {
            ...t(`${L("本次采用：", "used: ")}${displayParam(k, p[k], lang)}`),
            highlight: "changed",
          },
        ])
      : [[L("（无）", "(none)"), t(L("全部按合同约定", "all as the contract says"))]],
    L("与合同约定不同的参数", "parameters that differ from the contract"),
    { stretch: true }
  );
  b.keyValue(
    [
      [
        L("合同依据", "the contract"),
        t(
          L(
            "第三条：甲方经双方书面确认后有权按《服务考核细则》中的标准对不合格的内容直接扣除相应款项；尾款金额以甲方验收后确定的金额为准。违约金（第七条）另行书面确认。",
            "Art. 3: after written confirmation by both parties, Party A may deduct per the assessment annex; installment 3 is the amount Party A fixes after acceptance. Penalties (Art. 7) are confirmed apart, in writing."
          )
        ),
      ],
    ],
    undefined,
    { stretch: true }
  );
  const line = t("____________________");
  const date = t(L("日期：____年__月__日", "date: __________"));
  b.keyValue(
    [
      [L("甲方经办人（签字）", "Party A, prepared by"), line, date],
      [L("甲方复核人（签字）", "Party A, checked by"), line, date],
      [L("甲方负责人（签字）", "Party A, approved by"), line, date],
    ],
    undefined,
    // the seals follow at once: the signatures and the seals are one sign-off
    { stretch: true, lines: 2, gap: 0 }
  );
  // both seals side by side, with room for them under the names and the dates below
  const sealed = (who: string) => `${who}\n\n\n\n${L("日期：____年__月__日", "date: __________")}`;
  b.keyValue(
    [
      [
        L("甲方（盖章）", "Party A (seal)"),
        t(sealed(p["contract.partyA"])),
        t(
          sealed(
            `${L("乙方（签字、盖章）：", "Party B (signature, seal): ")}${p["contract.partyB"]}`
          )
        ),
      ],
    ],
    undefined,
    { stretch: true, lines: SEAL_LINES }
  );
  return {
    name: "结算确认单",
    title: L(
      `${p["contract.name"]} · 结算确认单（${r.resolved.contractYear} 年度）`,
      `Settlement confirmation (contract year ${r.resolved.contractYear})`
    ),
    subtitle,
    freezeRows: 0,
    tabColor: "FF1F4E79",
    blocks: b.blocks,
    // on an upright A4 page at ≥ 9 pt: the long texts wrap in these widths
    widths: [24, 30, 10, 16, 24],
    onePage: true,
    wrap: [0, 1, 4],
  };
}

// The catalogue: the only list of rules. Order is the order of every report.
import { Rule } from "./common";
import { r1 } from "./r1";
import { r2 } from "./r2";
import { r3 } from "./r3";
import { r4 } from "./r4";
import { r5 } from "./r5";
import { r6 } from "./r6";
import { r7 } from "./r7";
import { r8 } from "./r8";
import { r9 } from "./r9";
import { r10 } from "./r10";
import { c1 } from "./c1";
import { c2 } from "./c2";
import { c3 } from "./c3";
import { c4 } from "./c4";
import { c5 } from "./c5";
import { c6 } from "./c6";
import { c7 } from "./c7";
import { c8 } from "./c8";
import { c9 } from "./c9";
import { c10 } from "./c10";

export const DEDUCTION_RULES: Rule[] = [r1, r2, r3, r4, r5, r6, r7, r8, r9, r10];
export const COMPLIANCE_RULES: Rule[] = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10];
export const RULES: Rule[] = [...DEDUCTION_RULES, ...COMPLIANCE_RULES];

/** Titles of every rule id, incl. the payment findings P1–P3. */
export const RULE_TITLES: Record<string, { zh: string; en: string }> = {
  ...Object.fromEntries(RULES.map((r) => [r.id, { zh: r.zh, en: r.en }])),
  P1: { zh: "付款无等额发票", en: "paid without an invoice of equal amount" },
  P2: { zh: "付款金额与应付不符", en: "paid amount differs from payable" },
  P3: { zh: "保函金额不足（须等额）", en: "guarantee below installment 3" },
};

export type { Rule } from "./common";

// Money in integer fen, half-up (四舍五入) rounding, 人民币大写 (RULES.md §1, §4).
import { oneTicket, paramsSheet, run } from "./helpers";
import { applyRate, formatCents, toCents, toChineseCapital } from "../../src/engine/money";

describe("toCents: half-up to the fen", () => {
  test.each([
    ["1599998.40", 159999840],
    ["3999996", 399999600],
    ["0.004", 0],
    ["0.005", 1],
    ["0.015", 2],
    ["1.005", 101],
    ["1.0049", 100],
    ["2.675", 268], // 2.675 is below 2.675 in binary; the decimal text still rounds up
    ["799999.195", 79999920],
  ] as [string, number][])("%s → %i fen", (text, fen) => {
    expect(toCents(text)).toBe(fen);
  });
  test("numbers round like their decimal text", () => {
    expect(toCents(1599998.4)).toBe(159999840);
    expect(toCents(1.005)).toBe(101);
    expect(toCents(2.675)).toBe(268);
  });
  test("not an amount", () => {
    expect(toCents("abc")).toBeNull();
  });
});

describe("applyRate: cents × rate, half-up to the fen", () => {
  test("contract shares of ¥3,999,996.00", () => {
    expect(applyRate(399999600, 0.4)).toBe(159999840); // installment 1 and 2
    expect(applyRate(399999600, 0.05)).toBe(19999980); // R10 tier 1
    expect(applyRate(399999600, 0.1)).toBe(39999960);
    expect(applyRate(399999600, 0.15)).toBe(59999940);
    expect(applyRate(399999600, 0.02)).toBe(7999992); // C4 / C8 claim
    expect(applyRate(399999600, 0.03)).toBe(11999988); // late fee per day
  });
  test("exactly half a fen rounds up, less than half rounds down", () => {
    expect(applyRate(1, 0.5)).toBe(1); // 0.5 fen
    expect(applyRate(3, 0.5)).toBe(2); // 1.5 fen
    expect(applyRate(5, 0.1)).toBe(1); // 0.5 fen
    expect(applyRate(4, 0.1)).toBe(0); // 0.4 fen
    expect(applyRate(15, 0.03)).toBe(0); // 0.45 fen
    expect(applyRate(50, 0.03)).toBe(2); // 1.5 fen
    expect(applyRate(1001, 0.005)).toBe(5); // 5.005 fen
  });
  test("installment 3 is the remainder, not a separately rounded 20% (through the settlement)", () => {
    const t = oneTicket();
    const amounts = (fee?: number) =>
      run(
        fee === undefined ? [t] : [t, paramsSheet([["contract.totalFee", fee]])]
      ).installments.map((i) => i.amount);
    expect(amounts()).toEqual(["1599998.40", "1599998.40", "799999.20"]);
    // a fee whose 40% has 0.4 fen: 400.4 fen → 400 each; the remainder is 201 fen, not a rounded 20% (200)
    expect(amounts(10.01)).toEqual(["4.00", "4.00", "2.01"]);
  });
});

describe("formatCents", () => {
  test("two decimals", () => {
    expect(formatCents(159999840)).toBe("1599998.40");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(0)).toBe("0.00");
  });
});

describe("人民币大写 (People’s Bank rules for bills)", () => {
  test.each([
    ["1599998.40", "壹佰伍拾玖万玖仟玖佰玖拾捌元肆角"],
    ["3999996.00", "叁佰玖拾玖万玖仟玖佰玖拾陆元整"],
    ["1409.50", "壹仟肆佰零玖元伍角"],
    ["6007.14", "陆仟零柒元壹角肆分"],
    ["16409.02", "壹万陆仟肆佰零玖元零贰分"],
    ["100.05", "壹佰元零伍分"],
  ])("%s → %s", (amount, capital) => {
    expect(toChineseCapital(toCents(amount)!)).toBe(capital);
  });
});

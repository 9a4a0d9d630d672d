// Invalid 规则参数 values are rejected naming the key, the value's fault and what is allowed, in
// the user's words: never the schema library's ("Too big: expected number to be <=1").
import { DEFAULT_PARAMS, PARAM_KEYS } from "../../src/engine/params";
import { displayParam, validateParams } from "../../src/engine/param-text";
import { auditFailure, oneTicket, paramsSheet } from "./helpers";

const messages = (input: Record<string, unknown>) => {
  const r = validateParams(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return r.errors.map((e) => [e.key, e.message, e.messageEn]);
};

test.each([
  [
    { "r2.threshold": 1.5 },
    "R2 派单准确率目标值）的值 “150%” 无效：不能超过 100%",
    "invalid value “150%”",
  ],
  [{ "r2.threshold": -0.1 }, "的值 “-10%” 无效：不能为负数", "must not be negative"],
  [{ "r10.baselineRank": 2.5 }, "的值 “2.5” 无效：应为整数", "must be a whole number"],
  [{ "r10.baselineRank": 0 }, "的值 “0” 无效：不能小于 1", "must be at least 1"],
  [
    { "r1.mode": "x" },
    "应为以下之一：每个不达标日计一次、每张超时工单计一次",
    "perPeriod, perTicket",
  ],
  [
    { "service.start": "2023-02-30" },
    "的值 “2023-02-30” 无效：不是实际存在的日期",
    "not a real calendar date",
  ],
  [{ "service.start": "20230101" }, "格式 YYYY-MM-DD", "must be a date YYYY-MM-DD"],
  [
    { "service.end": "2022-01-01" },
    "服务期结束（含）不能早于服务期开始（含）",
    "must not be before",
  ],
  [{ "r1.unit": 1.234 }, "金额最多保留两位小数（到分）", "at most two decimals"],
  [{ "contract.totalFee": "abc" }, "的值 “abc” 无效：应为数字", "must be a number"],
  [{ "payments.guaranteeMustCover": "maybe" }, "应为“是”或“否”", "must be 是 or 否"],
  [{ "r10.tiers": [{ minDrop: 1, rate: 2 }] }, "不能超过 100%", "must not exceed 100%"],
  [
    {
      "r10.tiers": [
        { minDrop: 4, rate: 0.1 },
        { minDrop: 1, rate: 0.05 },
      ],
    },
    "各档“名次下降”须从小到大排列",
    "increasing minDrop order",
  ],
])("%j: one message naming the key, in her words", (input, zh, en) => {
  const [[key, message, messageEn], ...more] = messages(input);
  expect(more).toEqual([]);
  expect(key).toBe(Object.keys(input)[0]);
  expect(message).toContain(`参数“${key}”`);
  expect(message).toContain(zh);
  expect(messageEn).toContain(en);
  // nothing of the library's own wording
  expect(`${message} ${messageEn}`).not.toMatch(
    /Too big|Too small|Invalid input|expected number|<=|>=/
  );
});

test("a 规则参数 sheet with a bad value stops the run, naming the key, the cell and the fault", () => {
  const e = auditFailure([oneTicket(), paramsSheet([["r2.threshold", "150%"]])]);
  expect(e.code).toBe("invalid-params");
  expect(e.messageZh).toContain("r2.threshold");
  expect(e.messageZh).toContain("不能超过 100%");
  expect(e.messageZh).toContain("规则参数!B2");
  expect(e.messageEn).toContain("must not exceed 100%");
});

test("values in her words: R10's tiers as a sentence, a list by its labels, a follower by name", () => {
  const tiers = [
    { minDrop: 1, rate: 0.05 },
    { minDrop: 4, rate: 0.1 },
    { minDrop: 6, rate: 0.15 },
  ];
  expect(displayParam("r10.tiers", tiers, "zh")).toBe(
    "名次下降 1–3 名扣 5%，4–5 名扣 10%，6 名及以上扣 15%"
  );
  expect(displayParam("r10.tiers", tiers, "en")).toBe(
    "places dropped 1–3: 5%; 4–5: 10%; 6 or more: 15%"
  );
  // out of order and with a one-place step, as a manager may type them
  expect(
    displayParam("r10.tiers", [
      { minDrop: 3, rate: 0.1 },
      { minDrop: 2, rate: 0.05 },
    ])
  ).toBe("名次下降 2 名扣 5%，3 名及以上扣 10%");
  expect(displayParam("r8.countedKinds", ["培训课", "复盘会"], "zh")).toBe("培训课、复盘会");
  // no value shown as the schema stores it, for any parameter's contract default
  for (const k of PARAM_KEYS) {
    const shown = displayParam(k, DEFAULT_PARAMS[k], "zh");
    expect(shown).not.toMatch(/\d:\d|perPeriod|forwarded|prorate|contract\.|service\./);
  }
});

// What a finance officer reads in 运行记录: every value in her words. Choices by their labels,
// amounts as ¥#,##0.00, defaults that follow another parameter by its name; no internal words
// (perPeriod, forwarded, prorate, all, 同 service.end); "run options" only when something changed.
import { audit } from "../src/engine/audit";
import { layoutResults } from "../src/engine/layout";
import { oneTicket } from "./unit/helpers";
import { texts } from "./spec-texts";

const runLog = (lang: "zh" | "en", asOf?: string) =>
  layoutResults(audit([oneTicket()], { asOf, runAt: "2026-01-01 09:00:00" }), { lang }).find(
    (s) => s.name === "运行记录"
  )!;

test.each(["zh", "en"] as const)("运行记录 (%s) has no internal words", (lang) => {
  const cells = texts(runLog(lang));
  // no value shown as the schema stores it
  const internal = [
    "perPeriod",
    "perTicket",
    "forwarded",
    "all",
    "prorate",
    "full",
    "skip",
    "associate",
  ];
  expect(cells.filter((c) => internal.includes(c))).toEqual([]);
  expect(cells.join("\n")).not.toMatch(/perPeriod|perTicket|同 service|= service|\(= /);
});

test("choices by label, amounts with ¥ and separators, a followed default by name", () => {
  const all = texts(runLog("zh"));
  expect(all).toContain("每个不达标日计一次");
  expect(all).toContain("已转派（派单）的办结工单");
  expect(all).toContain("¥3,999,996.00");
  expect(all).toContain("同“合同含税总金额（元）”");
  expect(all).toContain("同“服务期结束（含）”");
  const en = texts(runLog("en"));
  expect(en).toContain("once per failing day");
  expect(en).toContain("same as contract total fee (yuan, tax incl.)");
});

test("parameters from: contract defaults alone unless something changed", () => {
  expect(texts(runLog("zh"))).toContain("合同默认值");
  expect(texts(runLog("zh"))).not.toContain("合同默认值及运行时修改");
  expect(texts(runLog("zh", "2023-12-31"))).toContain("合同默认值及运行时修改");
  // the as-of date equal to the default is no change
  expect(texts(runLog("zh", "2024-01-22"))).toContain("合同默认值");
});

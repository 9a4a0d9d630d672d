// A contract year other than 2023 (issue 21): the sample generator's 2025 workbook (its service year
// on 2025's real calendar, the planted breaches checked by the generator itself, independently of the
// engine: sample-2025.planted.json) through the command line. Every planted breach is found and
// nothing else; the dates that depend on 2025–26's holidays are the ones counted by hand below.
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../src/cli/main";
import type { SummaryJson } from "../src/engine/summary";
import { FIXTURES } from "./fixture-checks";

const dir = mkdtempSync(path.join(tmpdir(), "audit-2025-"));
const planted: Record<string, string[]> = JSON.parse(
  readFileSync(path.join(FIXTURES, "sample-2025.planted.json"), "utf8")
);

async function audit(file: string, name: string): Promise<SummaryJson> {
  const json = path.join(dir, `${name}.json`);
  const io = { out: () => undefined, err: () => undefined };
  expect(await main([file, "--out", path.join(dir, `${name}.xlsx`), "--json", json], io)).toBe(0);
  return JSON.parse(readFileSync(json, "utf8"));
}

let s: SummaryJson;
beforeAll(async () => {
  s = await audit(path.join(FIXTURES, "sample-2025.xlsx"), "2025");
}, 60_000);

const failing = (ruleId: string) =>
  s.kpis.filter((k) => k.ruleId === ruleId && k.status === "fail").map((k) => k.period);

test("the 2025 parameters came from the workbook's 规则参数: the contract year is 2025", () => {
  expect(s.params["service.start"]).toBe("2025-01-23");
  expect(s.params["service.end"]).toBe("2026-01-22");
  expect(s.asOf).toBe("2026-01-22");
});

test("every breach the generator planted and checked is found, in its period, and no other", () => {
  expect(failing("R1")).toEqual(planted["R1 days"]);
  expect(failing("R2")).toEqual(planted["R2 months"]);
  expect(failing("R3")).toEqual(planted["R3 months"]);
  expect(failing("R4")).toEqual(planted["R4 months"]);
  expect(failing("R5")).toEqual(planted["R5 months"]);
  expect(failing("R8")).toEqual(planted["R8 months"]);
  expect(failing("R6")).toEqual(planted["R6 reports"].map((r) => r.split(" ")[1]));
  // R7's summaries and R10's ranking are 2025's (contract.year follows the service start)
  expect(s.kpis.filter((k) => k.ruleId === "R7").map((k) => [k.period, k.status])).toEqual([
    ["2025-H1", "pass"],
    ["2025", "pass"],
  ]);
  expect(failing("R10")).toEqual(["2025"]);
  expect(s.findings.filter((f) => f.ruleId === "C4").map((f) => f.subject)).toEqual(
    planted["C4 staff"]
  );
  expect(s.findings.filter((f) => f.ruleId === "C7")).toHaveLength(planted["C7 gaps"].length);
});

test("the dates counted on 2025–26's calendar, by hand from the State Council notices", () => {
  // installment 1: signed 2025-01-20 + 30 days = Wednesday 2025-02-19, a working day
  expect(s.installments[0].dueOn).toBe("2025-02-19");
  // the refund: 5 working days after the final acceptance, Friday 2026-01-23 → 26, 27, 28, 29, 30
  expect(s.totals.refundDueOn).toBe("2026-01-30");
  // both years are in the bundled calendar: nothing is 待核
  expect(s.issues.some((i) => i.code === "calendar-not-covered")).toBe(false);
});

// RULES.md §1: "Results must not change with the computer's time zone." The same audit runs in
// child processes under three TZ values; the summaries must be identical.
import { spawnSync } from "child_process";
import * as path from "path";
import { Summary } from "./helpers";

const script = path.join(__dirname, "fixtures", "tz-audit.ts");
const tsxCli = require.resolve("tsx/cli");

function runIn(tz: string): { offset: number; summary: Summary; raw: string } {
  const r = spawnSync(process.execPath, [tsxCli, script], {
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
    timeout: 60000,
  });
  if (r.status !== 0) throw new Error(`TZ=${tz}: exit ${r.status}\n${r.stderr}`);
  const out = JSON.parse(r.stdout) as { offset: number; summary: Summary };
  return { ...out, raw: JSON.stringify(out.summary) };
}

describe("results do not depend on the time zone", () => {
  const zones = ["UTC", "Asia/Shanghai", "America/Los_Angeles"];
  const runs = zones.map(runIn);

  test("TZ took effect in each child (offsets 0, −8 h, +8 h on 2023-01-01)", () => {
    expect(runs.map((r) => r.offset)).toEqual([0, -480, 480]);
  });

  test("the three summaries are identical", () => {
    expect(runs[1].raw).toBe(runs[0].raw);
    expect(runs[2].raw).toBe(runs[0].raw);
  });

  test("the summary is non-trivial and right (checked in one zone, identical in all)", () => {
    const s = runs[2].summary;
    const k = (rule: string, period: string) =>
      s.kpis.find((x) => x.ruleId === rule && x.period === period)!;
    expect(s.kpis.some((x) => x.status === "fail")).toBe(true);
    // T1: serial 2023-03-05 23:59, signed 2023-03-06 00:01 → that day fails
    expect(k("R1", "2023-03-05").status).toBe("fail");
    // T2: serial 2023-03-07 00:01, signed 23:58 and forwarded 23:59 the same day → passes
    expect(k("R1", "2023-03-07").status).toBe("pass");
    // QA: 95 on 2023-03-31 23:30 (March) and 80 on 2023-04-01 00:30 (April)
    expect(k("R5", "2023-03")).toMatchObject({ status: "pass", value: 95 });
    expect(k("R5", "2023-04")).toMatchObject({ status: "fail", value: 80 });
    // 月报 period given as the serial of 2023-03-01; due 04-16 (Sun) → 04-17; submitted 04-17 23:00 → on time
    expect(k("R6", "2023-03").status).toBe("pass");
    expect(s.installments[0]).toMatchObject({
      dueOn: "2023-02-20",
      paidOn: "2023-02-25",
      daysLate: 5,
    });
    expect(s.params["acceptance.firstCutoff"]).toBe("2023-10-31");
  });
});

// The shared fixtures' summaries with the engine in-process: the comparisons of
// test/fixtures.test.ts without the command line and its file writing, cheap enough for StrykerJS
// to run against every mutant (`npm run test:mutation`, jest.mutation.config.js). The main suite
// leaves this file out: test/fixtures.test.ts makes the same comparisons end to end.
import { audit } from "../../src/engine/audit";
import { toSummaryJson } from "../../src/engine/summary";
import { FIXTURE_CASES, summaryTests } from "../fixture-checks";
import { fixtureTables } from "./tables";

// the two smaller fixtures (412 and 3,597 tickets): the year-long plain and messy ones (9,000
// each) would triple every mutant's run and add little the unit tests and these two miss
const CASES = FIXTURE_CASES.filter(([name]) => name === "small-2months" || name === "year-edge");

describe.each(CASES)("fixture %s (in-process)", (name, asOf) => {
  summaryTests(
    name,
    () => toSummaryJson(audit(fixtureTables(name), { asOf, runAt: "2026-01-01 09:00:00" })),
    { perTest: true }
  );
});

// Every invalid 规则参数 value (issue 11), generated: rejected naming the key, the value and what
// is allowed, in Chinese words; nothing is computed from a workbook whose parameters fail.
import fc from "fast-check";
import { AuditFailure, audit } from "../../src/engine/audit";
import { PARAM_KEYS } from "../../src/engine/params";
import { hostileValue } from "../corpus/generate";
import { oneTicket, paramsSheet } from "./helpers";

// the words every rejection ends in: what the value should be, or why it cannot be
const ALLOWED_WORDS =
  /应为|不能|须|不是实际存在|最多|至少|格式|不是允许的值|未知参数|档次格式|错误值/;

test("a 规则参数 sheet of hostile values: results, or one failure naming each bad key, value and rule", () => {
  let rejected = 0;
  let accepted = 0;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...PARAM_KEYS), hostileValue), {
        minLength: 1,
        maxLength: 4,
      }),
      (rows) => {
        let failure: AuditFailure | null = null;
        try {
          audit([oneTicket(), paramsSheet(rows.map(([k, v]) => [k, v]))]);
          accepted++;
        } catch (e) {
          if (!(e instanceof AuditFailure)) throw e;
          failure = e;
        }
        if (!failure) return;
        rejected++;
        expect(failure.code).toBe("invalid-params");
        expect(failure.paramErrors.length).toBeGreaterThan(0);
        for (const pe of failure.paramErrors) {
          expect(rows.map(([k]) => k)).toContain(pe.key);
          expect(pe.message).toContain(`“${pe.key}”`);
          expect(pe.message).toMatch(ALLOWED_WORDS);
          // the value is quoted after the key (or named as the error value it is)
          expect(pe.message).toMatch(/“[^”]*”.*(“[^”]*”|：.+)|错误值/);
          // where: the sheet and the cell of the value
          expect(pe.sheet).toBe("规则参数");
          expect(pe.cell).toMatch(/^B\d+$/);
          // no library wording, and Chinese first
          expect(pe.message).not.toMatch(/Too big|Too small|Invalid input|expected/);
          expect(pe.message).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(failure.messageZh.length).toBeLessThan(2000);
      }
    ),
    { numRuns: 300, seed: 20261201 }
  );
  // the generator must exercise both outcomes
  expect(rejected).toBeGreaterThan(100);
  expect(accepted).toBeGreaterThan(0);
});

// The contract's 保密 clause on the command line (issue 11): callers' phone numbers and citizens'
// texts reach neither the terminal nor the summary JSON nor the result sheets, unless
// privacy.maskPhones is turned off; the input sheets keep the user's data as it was.
import { RESULT_SHEET_NAMES } from "../src/engine/sheets";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../src/cli/main";
import { isResultSheetName } from "../src/engine/read";
import { readXlsx } from "./xlsx";
import { toXlsx } from "./corpus/book";
import { PHONES, callersBook } from "./corpus/callers";

const dir = mkdtempSync(path.join(tmpdir(), "privacy-"));

const input = path.join(dir, "来电.xlsx");
writeFileSync(input, toXlsx(callersBook()));

async function audit(extra: string[] = []) {
  const lines: string[] = [];
  const out = path.join(dir, `out${extra.length}.xlsx`);
  const json = path.join(dir, `out${extra.length}.json`);
  const code = await main([input, "--out", out, "--json", json, ...extra], {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  return { code, text: lines.join("\n"), json: readFileSync(json, "utf8"), book: readXlsx(out) };
}

test("masked everywhere the command line writes or prints", async () => {
  const r = await audit();
  expect(r.code).toBe(0);
  // the first errors are printed, with the number masked
  expect(r.text).toContain("138****5678");
  expect(r.text).not.toMatch(PHONES);
  expect(r.text).not.toContain("联系电话");
  expect(r.json).not.toMatch(PHONES);
  const results = r.book.tables.filter((t) => isResultSheetName(t.name));
  expect(results).toHaveLength(RESULT_SHEET_NAMES.length);
  expect(JSON.stringify(results.map((t) => t.values))).not.toMatch(PHONES);
  // the user's own sheet is hers, as it was
  expect(JSON.stringify(r.book.tables.find((t) => t.name === "工单")!.values)).toMatch(PHONES);
});

test("privacy.maskPhones off (a --params override): the numbers as written", async () => {
  const params = path.join(dir, "p.json");
  writeFileSync(params, JSON.stringify({ "privacy.maskPhones": false }));
  const r = await audit(["--params", params]);
  expect(r.code).toBe(0);
  expect(r.json).toMatch(/13812345678/);
  // and the run log says the parameter was changed
  const log = r.book.tables.find((t) => t.name === "运行记录")!;
  expect(JSON.stringify(log.values)).toContain("privacy.maskPhones");
});

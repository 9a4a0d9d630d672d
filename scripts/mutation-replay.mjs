#!/usr/bin/env node
// Re-tests the undetected mutants of a StrykerJS report against the tests as they are now, without
// a whole new run: after new tests, StrykerJS's incremental mode retests every mutant whose tests
// changed, which for this suite (every test calls the whole audit) is nearly all of them. Each
// mutant is applied to a copy of the project in the OS temp folder (the working tree is never
// touched) and `jest -c jest.mutation.config.js --bail` runs there; a failing run kills it.
// Usage: node scripts/mutation-replay.mjs reports/mutation-<group>.json [> replay.json]
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const [reportPath] = process.argv.slice(2);
if (!reportPath) {
  console.error("usage: node scripts/mutation-replay.mjs <stryker report.json>");
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, "utf8"));
const root = mkdtempSync(join(tmpdir(), "mutation-replay-"));
for (const item of ["src", "test", "jest.mutation.config.js", "tsconfig.json", "package.json"])
  cpSync(item, join(root, item), { recursive: true });
symlinkSync(join(process.cwd(), "node_modules"), join(root, "node_modules"));

/** the offset in `source` of a 1-based line and column, as StrykerJS reports them */
const offsetOf = (lines, { line, column }) =>
  lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;

const jest = () =>
  spawnSync("npx", ["jest", "-c", "jest.mutation.config.js", "--bail", "--silent"], {
    cwd: root,
    encoding: "utf8",
    timeout: 180_000,
  });
// without a mutant every test must pass, or a failure would say nothing about the mutant
if (jest().status !== 0) {
  console.error("the tests fail without any mutant: fix them first");
  process.exit(1);
}
const results = [];
for (const [file, f] of Object.entries(report.files)) {
  const current = readFileSync(file, "utf8");
  const lines = f.source.split("\n");
  for (const m of f.mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage")) {
    const from = offsetOf(lines, m.location.start);
    const original = f.source.slice(from, offsetOf(lines, m.location.end));
    // the same code in the file as it is now: the occurrence nearest where the report had it
    let at = -1;
    for (let i = current.indexOf(original); i >= 0; i = current.indexOf(original, i + 1))
      if (at < 0 || Math.abs(i - from) < Math.abs(at - from)) at = i;
    const where = `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${m.replacement}`;
    if (at < 0) {
      console.error(`Gone ${where} (the code is no longer there)`);
      results.push({ file, ...m.location.start, mutatorName: m.mutatorName, status: "Gone" });
      continue;
    }
    writeFileSync(
      join(root, file),
      current.slice(0, at) + m.replacement + current.slice(at + original.length)
    );
    const run = jest();
    const status = run.status === 0 ? "Survived" : "Killed";
    results.push({
      file,
      ...m.location.start,
      mutatorName: m.mutatorName,
      replacement: m.replacement,
      status,
    });
    console.error(`${status} ${where}`);
  }
  writeFileSync(join(root, file), current);
}
rmSync(root, { recursive: true, force: true });
console.log(JSON.stringify(results, null, 1));

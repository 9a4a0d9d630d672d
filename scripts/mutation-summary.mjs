#!/usr/bin/env node
// The mutation score per file and every surviving mutant, from one or more StrykerJS JSON reports
// (default: reports/mutation/mutation.json and every reports/mutation-*.json). A run narrowed with
// --mutate writes a report of its own files only; copy each to reports/mutation-<group>.json and
// this merges them, the newest report winning for a file two of them hold.
// Usage: npm run test:mutation:summary [-- report.json …]
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";

const defaults = () =>
  [
    ...(existsSync("reports")
      ? readdirSync("reports")
          .filter((f) => /^mutation-.*\.json$/.test(f))
          .map((f) => join("reports", f))
      : []),
    ...(existsSync("reports/mutation/mutation.json") ? ["reports/mutation/mutation.json"] : []),
  ].sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
const paths = process.argv.slice(2).length ? process.argv.slice(2) : defaults();
if (!paths.length) {
  console.error("no reports: run `npm run test:mutation` first");
  process.exit(1);
}
const files = new Map();
for (const p of paths) {
  const report = JSON.parse(readFileSync(p, "utf8"));
  for (const [name, f] of Object.entries(report.files)) files.set(name, f);
}
// replays (scripts/mutation-replay.mjs, saved as reports/replay-<group>.json) mark the undetected
// mutants they killed since
const replayed = new Map();
const at = (file, line, column, mutator) => `${file}:${line}:${column}:${mutator}`;
if (existsSync("reports"))
  for (const r of readdirSync("reports").filter((f) => /^replay-.*\.json$/.test(f)))
    for (const m of JSON.parse(readFileSync(join("reports", r), "utf8"))) {
      const where = at(m.file, m.line, m.column, m.mutatorName);
      if (m.status === "Killed") replayed.set(`${where}:${m.replacement}`, "Killed");
      // the code it mutated is no longer there: neither detected nor undetected any more
      if (m.status === "Gone") replayed.set(where, "Removed");
    }
for (const [name, f] of files)
  for (const m of f.mutants) {
    if (m.status !== "Survived" && m.status !== "NoCoverage") continue;
    const where = at(name, m.location.start.line, m.location.start.column, m.mutatorName);
    m.status = replayed.get(`${where}:${m.replacement}`) ?? replayed.get(where) ?? m.status;
  }
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);
let detected = 0;
let valid = 0;
const rows = [];
const survivors = [];
for (const [name, f] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const d = f.mutants.filter((m) => DETECTED.has(m.status)).length;
  const u = f.mutants.filter((m) => UNDETECTED.has(m.status));
  detected += d;
  valid += d + u.length;
  rows.push([name, d, u.length, d + u.length ? ((100 * d) / (d + u.length)).toFixed(1) : "—"]);
  const lines = f.source.split("\n");
  for (const m of u.sort((a, b) => a.location.start.line - b.location.start.line)) {
    const { line, column } = m.location.start;
    const end = m.location.end;
    const original =
      line === end.line
        ? lines[line - 1].slice(column - 1, end.column - 1)
        : lines[line - 1].slice(column - 1) + " …";
    survivors.push(
      `${name}:${line}:${column} ${m.status} ${m.mutatorName}: ${original.trim()} → ${(m.replacement ?? "").trim()}`
    );
  }
}
console.log("| file | detected | undetected | score |\n|---|---:|---:|---:|");
for (const [name, d, u, s] of rows) console.log(`| ${name} | ${d} | ${u} | ${s}% |`);
console.log(
  `| together | ${detected} | ${valid - detected} | ${((100 * detected) / valid).toFixed(1)}% |`
);
console.log(`\n${survivors.length} undetected:`);
for (const s of survivors) console.log(s);

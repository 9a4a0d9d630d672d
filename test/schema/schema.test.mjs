// Every part the product writes into a workbook is valid against the ISO/IEC 29500 Transitional
// schemas (test/schema/xsd, ECMA-376), checked with xmllint (Debian's libxml2-utils; `.ci/run`
// installs it): the result sheets, their tables, the workbook part, styles, the 列映射 sheet, the
// content types and relationships. Run by `npm run test:schema` (node's test runner; jest ignores
// this folder, as it needs xmllint).
//
// Two things are taken away before validating, as a consumer of the format does: attributes and
// elements of the namespaces a part marks ignorable (mc:Ignorable, Markup Compatibility: Excel's
// x14ac and the like in the user's own workbook and styles parts), and xml:space on <t>, which
// Excel itself writes though the schema leaves it out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const XSD = path.join(root, "test", "schema", "xsd");
const out = mkdtempSync(path.join(tmpdir(), "schema-"));

const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint)
  throw new Error(
    "xmllint is missing: apt-get install libxml2-utils (npm run test:schema needs it)"
  );

/** The schema a part is checked against, by its name; null: not a part this test validates. */
function schemaOf(name) {
  if (name === "[Content_Types].xml") return "opc-contentTypes.xsd";
  if (name.endsWith(".rels")) return "opc-relationships.xsd";
  if (/^xl\/(worksheets\/sheet\d+|workbook|styles|sharedStrings|tables\/table\d+)\.xml$/.test(name))
    return "sml.xsd";
  return null;
}

/** A part as a Markup-Compatibility consumer reads it: ignorable namespaces gone, xml:space off <t>. */
function understood(xml) {
  const root = /<([\w.-]+:)?[\w.-]+(?=[\s>])[^>]*>/.exec(xml.replace(/^<\?xml[^>]*\?>\s*/, ""));
  const ignorable = /\s[\w.-]+:Ignorable="([^"]*)"/.exec(root?.[0] ?? "")?.[1].split(/\s+/) ?? [];
  let x = xml.replace(/\s[\w.-]+:Ignorable="[^"]*"/, "");
  for (const p of ignorable.filter(Boolean)) {
    x = x.replace(new RegExp(`\\s${p}:[\\w.-]+="[^"]*"`, "g"), "");
    x = x.replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*/>`, "g"), "");
    x = x.replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${p}:\\1>`, "g"), "");
  }
  return x.replace(/(<(?:[\w.-]+:)?t)\s+xml:space="preserve"/g, "$1");
}

/** The audited copy of a workbook by the command line, with these flags. */
function audited(input, flags, name) {
  const file = path.join(out, `${name}.xlsx`);
  execFileSync(
    process.execPath,
    [path.join(root, "scripts", "cli.cjs"), input, "--out", file, ...flags],
    {
      stdio: "pipe",
    }
  );
  return file;
}

/** The parts of `copy` that differ from `input` (what the product wrote), with their schemas. */
function written(input, copy) {
  const a = unzipSync(readFileSync(input));
  const b = unzipSync(readFileSync(copy));
  const same = (x, y) => x && y && x.length === y.length && Buffer.from(x).equals(Buffer.from(y));
  return Object.keys(b).filter((n) => !same(a[n], b[n]) && schemaOf(n));
}

function validate(copy, parts, label) {
  const dir = path.join(out, label);
  const files = unzipSync(readFileSync(copy));
  const failures = [];
  for (const name of parts) {
    const file = path.join(dir, name.replace(/[[\]]/g, "_"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, understood(strFromU8(files[name])));
    const r = spawnSync("xmllint", ["--noout", "--schema", path.join(XSD, schemaOf(name)), file], {
      encoding: "utf8",
    });
    if (r.status !== 0) failures.push(`${name}: ${r.stderr.split("\n").slice(0, 3).join(" | ")}`);
  }
  return failures;
}

const CASES = [
  ["the sample", "assets/sample/接诉即办-2023-示例.xlsx", []],
  [
    "the sample, KPI明细 filtered",
    "assets/sample/接诉即办-2023-示例.xlsx",
    ["--kpi-open-only", "--no-readings"],
  ],
  ["small-2months (exceljs-made)", "test/fixtures/small-2months.xlsx", ["--as-of", "2023-02-28"]],
  ["year-edge", "test/fixtures/year-edge.xlsx", ["--no-readings"]],
  [
    "a platform export with a 列映射 written",
    "test/fixtures/export-monthly.xlsx",
    ["--write-mapping"],
  ],
  [
    "the same, English result sheets, a new contract year",
    "test/fixtures/year-plain.xlsx",
    ["--lang", "en", "--contract-year", "2026", "--baseline-rank", "24", "--no-readings"],
  ],
];

for (const [label, input, flags] of CASES) {
  test(`${label}: every part written is valid ISO/IEC 29500 Transitional`, () => {
    const src = path.join(root, input);
    const copy = audited(src, flags, label.replace(/[^\w]+/g, "-"));
    const parts = written(src, copy);
    // the sheets, their tables, the workbook, its relationships and content types at least
    assert.ok(
      parts.some((p) => p.startsWith("xl/worksheets/sheet")),
      parts.join(", ")
    );
    assert.ok(parts.includes("xl/workbook.xml"));
    assert.ok(parts.includes("[Content_Types].xml"));
    if (!flags.includes("--write-mapping"))
      assert.ok(parts.some((p) => p.startsWith("xl/tables/")));
    assert.deepEqual(validate(copy, parts, label.replace(/[^\w]+/g, "-")), []);
  });
}

test("the check itself: a part the schema forbids is reported", () => {
  const dir = path.join(out, "bad");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "sheet.xml");
  // <cols> after <sheetData> is out of the schema's order
  writeFileSync(
    file,
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><cols><col min="1" max="1" width="9"/></cols></worksheet>'
  );
  const r = spawnSync("xmllint", ["--noout", "--schema", path.join(XSD, "sml.xsd"), file]);
  assert.notEqual(r.status, 0);
});

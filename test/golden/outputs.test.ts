// The golden test (issue 23: "the four fixtures, the demo and the corpus give byte-identical
// summaries and result sheets before and after"): the bundled sample (npm run demo), every shared
// fixture and five seeded cases of the broken-workbook corpus go through the command line as a
// user runs it (the .xlsx read, audited, laid out and written with --out and --json), and what
// it printed, the summary JSON and every result sheet's worksheet part as written (with its
// tables), the workbook part, the styles and the content types are compared with the snapshots in
// __snapshots__/. A refactor that changes any output fails here, with the change as a diff.
//
// Only the program's version and the temp folder are normalised (render.ts); the clock is fixed
// for each run, so 运行记录's run time is the same every time. When an output change is
// intended: `npx jest test/golden -u`, then review the snapshot diff in git before committing.
import fc from "fast-check";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { RESULT_SHEET_NAMES } from "../../src/engine/sheets";
import { caseArbitrary } from "../corpus/generate";
import { toXlsx } from "../corpus/book";
import { FIXTURES, FIXTURE_CASES } from "../fixture-checks";
import { readXlsx } from "../xlsx";
import { normalise, renderJson, renderSheetXml, sha256, xmlLines } from "./render";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "sample", "接诉即办-2023-示例.xlsx");
/** The shared fixtures beside the repository; a clean clone (CI) has their copies in test/fixtures. */
const SHARED = path.join(__dirname, "..", "..", "..", "shared", "fixtures");
const FIXTURE_DIR = existsSync(SHARED) ? SHARED : FIXTURES;
/** The corpus cases: the first five fast-check draws of this seed. */
const CORPUS_SEED = 20261201;
const CORPUS_CASES = 5;
/** The clock during each run: 运行记录 and the sheets' headers say "运行于 2026-12-01 08:00:00". */
const NOW = new Date("2026-12-01T00:00:00Z");

const dir = mkdtempSync(path.join(tmpdir(), "golden-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string[];
  err: string[];
  folder: string;
  json: string | null;
  copy: ReturnType<typeof readXlsx>["workbook"]["package"] | null;
}

/** The command line on one input, into a folder of its own, with the clock fixed. */
async function runCli(name: string, input: string | Uint8Array, extra: string[]): Promise<Run> {
  const folder = mkdtempSync(path.join(dir, `${name}-`));
  let file = input as string;
  if (typeof input !== "string") {
    file = path.join(folder, "input.xlsx");
    writeFileSync(file, input);
  }
  const out: string[] = [];
  const err: string[] = [];
  const outFile = path.join(folder, "out.xlsx");
  const jsonFile = path.join(folder, "summary.json");
  // only Date is faked: the run's own timers, if any, run as they would
  jest.useFakeTimers({
    now: NOW,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
  let code: number;
  try {
    code = await main([file, "--out", outFile, "--json", jsonFile, ...extra], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      cwd: folder,
    });
  } finally {
    jest.useRealTimers();
  }
  return {
    code,
    out,
    err,
    folder,
    json: existsSync(jsonFile) ? readFileSync(jsonFile, "utf8") : null,
    copy: existsSync(outFile) ? readXlsx(outFile).workbook.package : null,
  };
}

/** What was printed and the summary JSON. */
function summaryOf(run: Run, about: string[] = []): string {
  const n = (s: string) => normalise(s, run.folder);
  return [
    ...about,
    `exit code ${run.code}`,
    "--- printed",
    ...run.out.map(n),
    ...(run.err.length ? ["--- errors", ...run.err.map(n)] : []),
    "--- summary JSON",
    run.json === null ? "(none written)" : renderJson(n(run.json)),
  ].join("\n");
}

/** A result sheet's worksheet part as written, and the parts it relates to (its tables). */
function sheetOf(run: Run, name: string): string {
  const pkg = run.copy;
  if (!pkg) return "(no copy written)";
  const entries = pkg.sheets().filter((s) => s.name === name);
  if (entries.length !== 1) return `(${entries.length} sheets named ${name})`;
  const part = entries[0].part;
  if (!part) return "(no worksheet part)";
  const text = [renderSheetXml(normalise(pkg.text(part), run.folder))];
  for (const rel of pkg.rels(part)) {
    text.push(`--- related ${rel.id} ${rel.type.replace(/^.*\//, "")} ${rel.target}`);
    if (!rel.external && pkg.has(rel.target)) text.push(xmlLines(pkg.text(rel.target)));
  }
  return text.join("\n");
}

/**
 * The package-wide parts the results change: the workbook part (sheets, print titles), the styles
 * (the result styles are added there; in full for the demo, by hash and counts for the others)
 * and the content types.
 */
function workbookOf(run: Run, stylesInFull: boolean): string {
  const pkg = run.copy;
  if (!pkg) return "(no copy written)";
  const styles = pkg.workbookRelated(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
  );
  return [pkg.workbookPart, styles, "[Content_Types].xml"]
    .map((p) => {
      if (!p || !pkg.has(p)) return `--- ${p} (missing)`;
      const xml = normalise(pkg.text(p), run.folder);
      const head = `--- ${p} sha256 ${sha256(xml)} (${xml.length} chars)`;
      if (p !== styles || stylesInFull) return `${head}\n${xmlLines(xml)}`;
      const counts = [...xml.matchAll(/<(\w+) count="(\d+)"/g)].map(([, e, n]) => `${e} ${n}`);
      return `${head}\n${counts.join(", ")}`;
    })
    .join("\n");
}

interface CaseOptions {
  /** command-line options beyond --out and --json */
  args?: string[];
  /** lines that say what the case is, above its summary */
  about?: string[];
  /** styles.xml in full rather than by hash and counts */
  stylesInFull?: boolean;
}

/** The tests of one case: the summary, each result sheet, the workbook parts. */
function goldenCase(
  title: string,
  name: string,
  input: () => string | Uint8Array,
  { args = [], about = [], stylesInFull = false }: CaseOptions = {}
): void {
  describe(title, () => {
    let run: Run;
    beforeAll(async () => {
      run = await runCli(name, input(), args);
    });
    test("printed summary and summary JSON", () => {
      expect(summaryOf(run, about)).toMatchSnapshot();
    });
    test.each([...RESULT_SHEET_NAMES])("result sheet %s", (sheet) => {
      expect(sheetOf(run, sheet)).toMatchSnapshot();
    });
    test("workbook, styles and content types", () => {
      expect(workbookOf(run, stylesInFull)).toMatchSnapshot();
    });
  });
}

// the result styles in full once: every case writes them with the same code
goldenCase("demo: assets/sample/接诉即办-2023-示例.xlsx", "demo", () => SAMPLE, {
  stylesInFull: true,
});

for (const [name, asOf] of FIXTURE_CASES)
  goldenCase(
    `fixture ${name}${asOf ? ` --as-of ${asOf}` : ""}`,
    name,
    () => path.join(FIXTURE_DIR, `${name}.xlsx`),
    { args: asOf ? ["--as-of", asOf] : [] }
  );

test("every shared fixture is a case here, and test/fixtures holds the same bytes", () => {
  const names = FIXTURE_CASES.map(([n]) => n).sort();
  if (!existsSync(SHARED)) return; // a clean clone: test/fixtures is all there is
  const shared = readdirSync(SHARED)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => f.replace(/\.xlsx$/, ""));
  expect(shared.sort()).toEqual(names);
  // so that a clean clone (CI) compares the same inputs with the same snapshots
  const differ = names.filter(
    (n) =>
      !readFileSync(path.join(SHARED, `${n}.xlsx`)).equals(
        readFileSync(path.join(FIXTURES, `${n}.xlsx`))
      )
  );
  expect(differ).toEqual([]);
});

// the corpus's base (small-2months cut to a few rows) and cases, as corpus.test.ts draws them
const corpusBase = readXlsx(path.join(FIXTURE_DIR, "small-2months.xlsx")).tables;
fc.sample(caseArbitrary(corpusBase), { seed: CORPUS_SEED, numRuns: CORPUS_CASES }).forEach((c, i) =>
  goldenCase(
    `corpus case ${i + 1} of seed ${CORPUS_SEED}`,
    `corpus-${i + 1}`,
    () => toXlsx(c.book),
    {
      about: [`done to the base: ${c.labels.join("; ")}`],
    }
  )
);

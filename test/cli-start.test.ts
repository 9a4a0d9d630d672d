// The command line's start-up (scripts/run-ts.cjs): its bundle is loaded with V8's code cache
// kept beside it, named by the bundle's content. A cache V8 refuses (damaged, or from another
// Node) never stops a run: the run goes on compiling as usual and leaves a cache V8 takes. An edit
// that keeps the bundle's length (V8 checks only that) never runs the code compiled before it.
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";

const ROOT = path.join(__dirname, "..");
const RUN_TS = path.join(ROOT, "scripts", "run-ts.cjs");
const CLI = path.join(ROOT, "scripts", "cli.cjs");
const { bundled, codeCacheFile } = require(RUN_TS) as {
  bundled: (entry: string) => string;
  codeCacheFile: (file: string, source: string, execArgv: string[], nodeOptions?: string) => string;
};

const help = () => execFileSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });

/** The code cache files beside a bundle. */
const cachesOf = (bundle: string) =>
  readdirSync(path.dirname(bundle))
    .filter((f) => f.startsWith(`${path.basename(bundle)}.`) && f.endsWith(".cache"))
    .map((f) => path.join(path.dirname(bundle), f));

test("a damaged code cache is replaced, and the run is the same", () => {
  const bundle = bundled("src/cli/main.ts");
  const expected = help(); // (writes a cache when there is none)
  expect(expected).toContain("--out");
  // the cache of a plain `node scripts/cli.cjs` (another test may run it under other flags)
  const source = readFileSync(bundle, "utf8");
  const cache = codeCacheFile(bundle, source, [], process.env.NODE_OPTIONS);
  expect(cachesOf(bundle)).toContain(cache);
  writeFileSync(cache, "not a code cache");
  expect(help()).toBe(expected);
  expect(readFileSync(cache, "utf8")).not.toBe("not a code cache");
  expect(help()).toBe(expected);
});

test("an edit that keeps the bundle's length runs the new code, not the cached one", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "run-ts-"));
  const bundle = path.join(dir, "entry.cjs");
  const run = () =>
    execFileSync(
      process.execPath,
      [
        "-e",
        `console.log(require(${JSON.stringify(RUN_TS)}).loadBundle(process.argv[1]).v())`,
        bundle,
      ],
      { encoding: "utf8" }
    ).trim();
  writeFileSync(bundle, 'module.exports = { v: () => "A" };\n');
  expect(run()).toBe("A");
  expect(run()).toBe("A"); // from the cache the first run left
  expect(cachesOf(bundle)).toHaveLength(1);
  writeFileSync(bundle, 'module.exports = { v: () => "B" };\n');
  expect(run()).toBe("B");
  // the earlier bundle's cache is removed when the new one is written
  expect(cachesOf(bundle)).toHaveLength(1);
});

test("under --enable-source-maps the bundle is required as usual (stack traces name the sources)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "run-ts-"));
  const bundle = path.join(dir, "entry.cjs");
  writeFileSync(bundle, 'module.exports = { v: () => "A" };\n');
  const out = execFileSync(
    process.execPath,
    [
      "--enable-source-maps",
      "-e",
      `console.log(require(${JSON.stringify(RUN_TS)}).loadBundle(process.argv[1]).v())`,
      bundle,
    ],
    { encoding: "utf8" }
  ).trim();
  expect(out).toBe("A");
  expect(cachesOf(bundle)).toEqual([]);
});

test("the bundle's source map is a file beside it, not inline in what every start-up reads", () => {
  const bundle = bundled("src/cli/main.ts");
  const tail = readFileSync(bundle, "utf8").slice(-200);
  expect(tail).toMatch(/\/\/# sourceMappingURL=src_cli_main\.cjs\.map\s*$/);
  expect(JSON.parse(readFileSync(`${bundle}.map`, "utf8")).version).toBe(3);
});

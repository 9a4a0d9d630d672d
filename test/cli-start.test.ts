// The command line's start-up (scripts/run-ts.cjs): its bundle is loaded with V8's code cache
// kept beside it, named by the bundle's content. A cache V8 refuses (damaged, or from another
// Node) never stops a run: the run goes on compiling as usual and leaves a cache V8 takes. An edit
// that keeps the bundle's length (V8 checks only that) never runs the code compiled before it.
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import Module from "module";
import { tmpdir } from "os";
import path from "path";
import vm from "vm";

const ROOT = path.join(__dirname, "..");
const RUN_TS = path.join(ROOT, "scripts", "run-ts.cjs");
const CLI = path.join(ROOT, "scripts", "cli.cjs");
const { bundled } = require(RUN_TS) as { bundled: (entry: string) => string };

const help = () => execFileSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });

/** The code cache files beside a bundle. */
const cachesOf = (bundle: string) =>
  readdirSync(path.dirname(bundle))
    .filter((f) => f.startsWith(`${path.basename(bundle)}.`) && f.endsWith(".cache"))
    .map((f) => path.join(path.dirname(bundle), f));

/** Whether V8 takes this cache for the bundle's code. */
function accepted(bundle: string, cache: string): boolean {
  const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), {
    filename: bundle,
    cachedData: readFileSync(cache),
  });
  return !script.cachedDataRejected;
}

test("a damaged code cache is replaced, and the run is the same", () => {
  const bundle = bundled("src/cli/main.ts");
  const expected = help(); // (writes a cache when there is none)
  expect(expected).toContain("--out");
  const [cache] = cachesOf(bundle);
  expect(cache).toMatch(/\.[0-9a-f]{16}\.cache$/);
  // (not asserted refused here: another test's command line may replace it at any moment)
  writeFileSync(cache, "not a code cache");
  expect(help()).toBe(expected);
  expect(accepted(bundle, cache)).toBe(true);
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

test("the bundle's source map is a file beside it, not inline in what every start-up reads", () => {
  const bundle = bundled("src/cli/main.ts");
  const tail = readFileSync(bundle, "utf8").slice(-200);
  expect(tail).toMatch(/\/\/# sourceMappingURL=src_cli_main\.cjs\.map\s*$/);
  expect(JSON.parse(readFileSync(`${bundle}.map`, "utf8")).version).toBe(3);
});

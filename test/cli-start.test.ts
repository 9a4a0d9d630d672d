// The command line's start-up (scripts/run-ts.cjs): its bundle is loaded with V8's code cache
// kept beside it. A cache V8 refuses (damaged, or from another bundle or Node) never stops a run:
// the run goes on compiling as usual and leaves a cache V8 takes.
import { execFileSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import Module from "module";
import path from "path";
import vm from "vm";

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "scripts", "cli.cjs");
const { bundled } = require("../scripts/run-ts.cjs") as { bundled: (entry: string) => string };

const help = () => execFileSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });

/** Whether V8 takes the cache beside the bundle for that bundle's code. */
function accepted(bundle: string): boolean {
  const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), {
    filename: bundle,
    cachedData: readFileSync(`${bundle}.cache`),
  });
  return !script.cachedDataRejected;
}

test("a damaged code cache is replaced, and the run is the same", () => {
  const bundle = bundled("src/cli/main.ts");
  const expected = help(); // (writes a cache when there is none)
  expect(expected).toContain("--out");
  // (not asserted refused here: another test's command line may replace it at any moment)
  writeFileSync(`${bundle}.cache`, "not a code cache");
  expect(help()).toBe(expected);
  expect(accepted(bundle)).toBe(true);
  expect(help()).toBe(expected);
});

test("the bundle's source map is a file beside it, not inline in what every start-up reads", () => {
  const bundle = bundled("src/cli/main.ts");
  const tail = readFileSync(bundle, "utf8").slice(-200);
  expect(tail).toMatch(/\/\/# sourceMappingURL=src_cli_main\.cjs\.map\s*$/);
  expect(JSON.parse(readFileSync(`${bundle}.map`, "utf8")).version).toBe(3);
});

#!/usr/bin/env node
// Runs a TypeScript entry point from an esbuild bundle (rebuilt only when a source file is newer
// than the bundle): a plain `node` start-up, no TypeScript compiled at every run, and the same
// code as a production build (no name-keeping helpers in the hot loops).
//   node scripts/run-ts.cjs scripts/bench.ts [args]     (the command line: scripts/cli.cjs)
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** The bundle of an entry (relative to the project), built when missing or older than a source. */
function bundled(entry) {
  const src = path.join(root, entry);
  const out = path.join(
    root,
    "dist",
    "run",
    `${entry.replace(/[\\/]/g, "_").replace(/\.tsx?$/, "")}.cjs`
  );
  let fresh = false;
  try {
    const built = fs.statSync(out).mtimeMs;
    fresh =
      built >= newest(path.join(root, "src")) &&
      built >= fs.statSync(src).mtimeMs &&
      built >= fs.statSync(path.join(root, "package-lock.json")).mtimeMs &&
      built >= fs.statSync(__filename).mtimeMs;
  } catch {
    fresh = false;
  }
  if (!fresh)
    require("esbuild").buildSync({
      entryPoints: [src],
      outfile: out,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      // a file beside the bundle (read only with --enable-source-maps): inline, the map tripled
      // what every start-up reads and compiles
      sourcemap: "linked",
      logLevel: "warning",
      // reads its own package.json at run time (the browser bench)
      external: ["playwright-core"],
    });
  return out;
}

/**
 * Loads an entry's bundle with V8's code cache kept beside it: a start-up then skips compiling
 * what the last run compiled (the command line starts about 80 ms sooner). The cache is named by
 * the SHA-256 of the bundle's text (V8 checks only a source's length: an edit that kept the
 * bundle's length would otherwise run the code compiled before it) and of the flags Node runs
 * with (V8 refuses a cache made under others): `….cjs.<text>.<flags>.cache`. It is written when
 * the process ends, once, when there was none or V8 refused it; the caches of earlier bundles are
 * removed then; a cache that cannot be written is simply not kept. Under --enable-source-maps
 * the bundle is required as usual, so that stack traces name the TypeScript sources.
 */
/** The code cache's file for this bundle text under these flags (see load). */
function codeCacheFile(file, source, execArgv, nodeOptions) {
  const { createHash } = require("crypto");
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  // V8 refuses a cache made under other flags (--max-old-space-size, another Node): one cache
  // for each, side by side
  const flags = createHash("sha256")
    .update(`${process.version} ${execArgv.join(" ")} ${nodeOptions ?? ""}`)
    .digest("hex")
    .slice(0, 8);
  return `${file}.${hash}.${flags}.cache`;
}

function load(entry) {
  return loadBundle(bundled(entry));
}

/** load(), for a bundle already built (any CommonJS file). */
function loadBundle(file) {
  const vm = require("vm");
  const Module = require("module");
  // stack traces mapped to the TypeScript sources: a plain require (Node maps only what it loads)
  if (
    process.execArgv.includes("--enable-source-maps") ||
    /--enable-source-maps/.test(process.env.NODE_OPTIONS ?? "")
  )
    return require(file);
  const source = fs.readFileSync(file, "utf8");
  const cacheFile = codeCacheFile(file, source, process.execArgv, process.env.NODE_OPTIONS);
  const hash = path.basename(cacheFile).split(".").slice(-3)[0];
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
  });
  if (!cachedData || script.cachedDataRejected)
    process.once("exit", () => {
      const tmp = `${cacheFile}.tmp-${process.pid}`;
      try {
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        const base = path.basename(file);
        // the caches of earlier bundles (another content hash) go
        for (const other of fs.readdirSync(path.dirname(file)))
          if (
            other.startsWith(`${base}.`) &&
            other.endsWith(".cache") &&
            !other.startsWith(`${base}.${hash}.`)
          )
            fs.rmSync(path.join(path.dirname(file), other), { force: true });
      } catch {
        try {
          fs.rmSync(tmp, { force: true });
        } catch {
          // nothing to tidy
        }
      }
    });
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

module.exports = { bundled, load, loadBundle, codeCacheFile };

if (require.main === module) {
  const [entry, ...args] = process.argv.slice(2);
  process.argv = [process.argv[0], entry, ...args];
  require(bundled(entry));
}

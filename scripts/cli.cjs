#!/usr/bin/env node
// Starts the command line from a bundle of src/ (esbuild, rebuilt only when a source file is
// newer than the bundle): a plain `node` start-up instead of compiling TypeScript on every run.
// `npm run audit -- …` runs this.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "dist", "cli", "main.cjs");

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function fresh() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    return built >= newest(path.join(root, "src")) && built >= fs.statSync(path.join(root, "package-lock.json")).mtimeMs;
  } catch {
    return false;
  }
}

if (!fresh()) {
  require("esbuild").buildSync({
    entryPoints: [path.join(root, "src", "cli", "main.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: "inline",
    logLevel: "warning",
  });
}
require(bundle).run();

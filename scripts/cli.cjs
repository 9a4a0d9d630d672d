#!/usr/bin/env node
// The command line (`npm run audit -- …`), started from a bundle of src/ (scripts/run-ts.cjs).
"use strict";
require("./run-ts.cjs").load("src/cli/main.ts").run();

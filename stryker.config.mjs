// Mutation testing of the money paths: the rules, the settlement and the parsing of dates and
// numbers. `npm run test:mutation`; the score and every surviving mutant are in docs/TESTING.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: {
    projectType: "custom",
    configFile: "jest.mutation.config.js",
    enableFindRelatedTests: false,
  },
  coverageAnalysis: "perTest",
  mutate: ["src/engine/rules/**/*.ts", "src/engine/settle.ts", "src/engine/parse.ts"],
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 85, break: 85 },
  concurrency: 2,
  tempDirName: ".stryker-tmp",
  // the sandbox needs the sources, the tests and the fixtures, not the build or the benchmarks
  ignorePatterns: ["dist", "bench", ".scratch", "reports", "docs", "assets", "test/e2e"],
  ignoreStatic: true,
  // user-facing text (messages, labels) is not the money; the literals that are (statuses, rule
  // ids, column keys) are typed, so a changed one would not compile: see docs/TESTING.md
  mutator: { excludedMutations: ["StringLiteral"] },
  // later runs retest only the mutants whose code or covering tests changed
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  // a mutant that loops forever (a day loop that never ends) is stopped after this much over
  // the normal run time, and counts as killed
  timeoutMS: 10000,
};

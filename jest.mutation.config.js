/**
 * The tests StrykerJS runs against each mutant of the money paths (`npm run test:mutation`): the
 * unit tests and the shared fixtures' summaries in-process (test/mutation/). The Office, pane and
 * .xlsx suites add nothing on the rules' arithmetic, and leaving them out keeps each run short;
 * so does the time-zone test, which starts three child processes (Stryker cannot see into them).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["<rootDir>/test/unit/**/*.test.ts", "<rootDir>/test/mutation/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/unit/timezone.test.ts"],
  transform: { "^.+\\.tsx?$": "ts-jest" },
  testTimeout: 120000,
};

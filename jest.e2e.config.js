/** End-to-end tests in Chromium (npm run test:e2e builds the pane first). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: { "^.+\\.tsx?$": "ts-jest" },
  testTimeout: 240000,
};

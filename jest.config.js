/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // test/mutation/: the in-process fixture checks StrykerJS runs (jest.mutation.config.js);
  // test/print/: node's test runner with LibreOffice (npm run test:print); test/schema/: with
  // xmllint (npm run test:schema)
  testPathIgnorePatterns: [
    "/node_modules/",
    "/test/e2e/",
    "/test/mutation/",
    "/test/print/",
    "/test/schema/",
  ],
  transform: { "^.+\\.tsx?$": "ts-jest" },
  testTimeout: 120000,
  setupFiles: ["<rootDir>/test/setup-dom.ts"],
};

/**
 * The tests StrykerJS runs against each mutant of the money paths (`npm run test:mutation`): the
 * unit tests and the shared fixtures' summaries in-process (test/mutation/). The Office, pane and
 * .xlsx suites add nothing on the rules' arithmetic, and leaving them out keeps each run short.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/mutation/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testTimeout: 120000,
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // test/mutation/: the in-process fixture checks StrykerJS runs (jest.mutation.config.js)
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/mutation/'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testTimeout: 120000,
  setupFiles: ['<rootDir>/test/setup-dom.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testTimeout: 120000,
  setupFiles: ['<rootDir>/test/setup-dom.ts'],
};

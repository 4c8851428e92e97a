/** The endpoint coverage check: runs after the main suites have recorded their requests. */
const base = require('./jest.config');

module.exports = { ...base, testPathIgnorePatterns: [], testMatch: ['**/test/coverage/*.test.ts'] };

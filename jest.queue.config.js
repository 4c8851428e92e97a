/**
 * The queue-mode suite (test/queue/*.e2e.test.ts): Redis, Postgres and n8n main + 2 workers + a
 * webhook processor. `npm run test:queue` installs what is missing and packs the package first
 * (scripts/e2e/queue.sh).
 */
const e2e = require('./jest.e2e.config');

/** @type {import('jest').Config} */
module.exports = { ...e2e, roots: ['<rootDir>/test/queue'], testMatch: ['<rootDir>/test/queue/**/*.e2e.test.ts'], testTimeout: 900000 };

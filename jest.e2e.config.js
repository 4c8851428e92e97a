/**
 * End-to-end suites in a real n8n (test/e2e/**\/*.e2e.test.ts): `npm run test:e2e` builds, installs
 * n8n if missing and packs the package first (scripts/e2e/test-e2e.sh). One suite at a time: each
 * starts n8n processes of its own.
 */
/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	testTimeout: 600000,
	maxWorkers: 1,
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
};

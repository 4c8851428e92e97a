/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The endpoint coverage check reads what these suites recorded: scripts/test.sh runs it afterwards.
	// test/e2e runs a real n8n: npm run test:e2e (jest.e2e.config.js); test/queue, n8n in queue mode: npm run test:queue.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/coverage/', '<rootDir>/test/e2e/', '<rootDir>/test/queue/'],
	testTimeout: 30000,
	setupFilesAfterEnv: ['<rootDir>/test/harness/jestSetup.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
};

/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The endpoint coverage check reads what these suites recorded: scripts/test.sh runs it afterwards.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/coverage/'],
	testTimeout: 30000,
	setupFilesAfterEnv: ['<rootDir>/test/harness/jestSetup.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
};

/**
 * `npm run test:e2e`: the example workflows in a real n8n (installed into .cache/n8n by
 * scripts/install-n8n.sh on first use) against the local Magic Hour emulator.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }],
	},
	// First run installs n8n (about 10 minutes on 2 cores); every n8n CLI call boots n8n (~5 s).
	testTimeout: 5 * 60_000,
	maxWorkers: 1,
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
};

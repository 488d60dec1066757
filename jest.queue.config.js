/**
 * `npm run test:queue`: the package in a real n8n queue-mode cluster (Postgres 17, Redis, main,
 * 2 workers, 2 webhook processes; scripts/queue/cluster.ts) against the local Magic Hour emulator.
 * Installs redis-server (Debian) and n8n (.cache/n8n) on first use.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }],
	},
	// Waits of 65 s (n8n parks executions only from 65 s on) and a worker crash are real time.
	testTimeout: 10 * 60_000,
	maxWorkers: 1,
	globalSetup: '<rootDir>/test/queue/globalSetup.ts',
	// Every process the suite started is stopped in afterAll and, failing that, killed (process
	// groups) by globalTeardown; a leftover keep-alive socket must not keep CI waiting.
	globalTeardown: '<rootDir>/test/queue/globalTeardown.ts',
	forceExit: true,
};

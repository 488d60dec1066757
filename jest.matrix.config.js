/**
 * `npm run test:matrix`: the smoke subset in every "smoke" n8n version of .ci/n8n-versions
 * (installed by scripts/install-n8n.sh <version> on first use), one line per version and check.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/matrix'],
	testMatch: ['**/*.matrix.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }],
	},
	testTimeout: 5 * 60_000,
	maxWorkers: 1,
	globalSetup: '<rootDir>/test/matrix/globalSetup.ts',
	reporters: ['<rootDir>/test/matrix/lineReporter.js', 'summary'],
	forceExit: true,
};

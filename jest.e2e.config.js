const { readFileSync } = require('node:fs');

/** The pinned n8n: the "examples" line of .ci/n8n-versions. */
const pinned = readFileSync(`${__dirname}/.ci/n8n-versions`, 'utf8')
	.split('\n')
	.map((line) => line.trim().split(/\s+/))
	.find(([version, suite]) => !version.startsWith('#') && suite === 'examples')[0];

/**
 * `npm run test:e2e`: the example workflows in the pinned n8n (installed into
 * ~/.cache/n8n-nodes-magic-hour/n8n-<version> by scripts/install-n8n.sh on first use) against the
 * local Magic Hour emulator. Prints jest's usual report and one line per check for CI logs.
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
	reporters: ['default', ['<rootDir>/test/matrix/lineReporter.js', { version: pinned }]],
};

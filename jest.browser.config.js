/**
 * `npm run test:browser`: the n8n editor in Debian's headless Chromium (playwright-core drives
 * /usr/bin/chromium; CHROMIUM_PATH overrides) against a real n8n (.cache/n8n, see
 * scripts/install-n8n.sh) and the local Magic Hour emulator. Helpers: test/browser/editor.ts.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }],
	},
	testTimeout: 5 * 60_000,
	maxWorkers: 1,
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	forceExit: true,
};

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	// test/e2e, test/queue, test/matrix and test/browser need a real n8n: `npm run test:e2e`, `test:queue`, `test:matrix`, `test:browser`.
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/test/e2e/',
		'<rootDir>/test/queue/',
		'<rootDir>/test/matrix/',
		'<rootDir>/test/browser/',
	],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }],
	},
	testTimeout: 30000,
	maxWorkers: 2,
};

/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * `npm run scan` (scripts/scan.ts) runs n8n's verification scanner on copies of this package
 * with one rule broken each, and must report exactly what was broken. The real, unbroken
 * package is scanned by `npm run scan` in .ci/run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { copyTrackedFiles } from '../../scripts/scan';

const ROOT = join(__dirname, '..', '..');
const SCAN_TIMEOUT_MS = 180_000;

function runScan(args: string[]): Promise<{ code: number | null; output: string }> {
	// The child inherits jest's NODE_ENV=test, under which eslint-plugin-n8n-nodes-base skips its
	// filename rules: the script has to undo that, and the first case shows it does.
	const child = spawn(
		process.execPath,
		['-r', 'ts-node/register/transpile-only', 'scripts/scan.ts', ...args],
		{
			cwd: ROOT,
			env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	child.stdout.on('data', (data) => (output += data));
	child.stderr.on('data', (data) => (output += data));
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output }));
	});
}

function write(root: string, file: string, content: string): void {
	mkdirSync(dirname(join(root, file)), { recursive: true });
	writeFileSync(join(root, file), content);
}

function git(root: string, ...args: string[]): void {
	execFileSync('git', ['-C', root, ...args], { stdio: 'ignore' });
}

/** A base description outside the node's .node.ts file, as the package had it before. */
const MISPLACED_BASE_DESCRIPTION = `/* eslint-disable n8n-nodes-base/node-filename-against-convention -- the scanner ignores inline disables */
import type { INodeTypeBaseDescription } from 'n8n-workflow';

export const baseDescription: INodeTypeBaseDescription = {
	displayName: 'Magic Hour Image',
	name: 'magicHourImage',
	group: ['transform'],
	description: 'Create and edit images with Magic Hour AI',
};
`;

describe('npm run scan', () => {
	let workspace: string;

	beforeAll(() => {
		workspace = mkdtempSync(join(tmpdir(), 'scan-test-'));
	});

	afterAll(() => {
		rmSync(workspace, { recursive: true, force: true });
	});

	it(
		'reports rule violations in the files git tracks, inline disables notwithstanding, and skips untracked files',
		async () => {
			const root = join(workspace, 'source');
			copyTrackedFiles(ROOT, root);
			git(root, 'init', '-q');
			write(root, 'nodes/MagicHourImage/description.ts', MISPLACED_BASE_DESCRIPTION);
			git(root, 'add', '-A');
			const textToVideo = join(root, 'nodes/shared/catalog/tools/textToVideo.ts');
			const dynamicOptions = readFileSync(textToVideo, 'utf8');
			writeFileSync(
				textToVideo,
				dynamicOptions.replace("displayName: 'Duration Name or ID'", "displayName: 'Duration'"),
			);
			expect(readFileSync(textToVideo, 'utf8')).not.toBe(dynamicOptions);
			write(root, 'nodes/MagicHourImage/scratch.ts', MISPLACED_BASE_DESCRIPTION);

			const { code, output } = await runScan(['--source-only', '--root', root]);

			expect(output).toMatch(
				/nodes\/MagicHourImage\/description\.ts\n.*Rename file to MagicHourImage\.node\.ts.*n8n-nodes-base\/node-filename-against-convention/,
			);
			expect(output).toMatch(
				/nodes\/shared\/catalog\/tools\/textToVideo\.ts\n.*n8n-nodes-base\/node-param-display-name-wrong-for-dynamic-options/,
			);
			expect(output).toContain('✖ 2 problems (2 errors, 0 warnings)');
			expect(output).toMatch(/Not scanned, untracked.*\n\s*nodes\/MagicHourImage\/scratch\.ts/);
			expect(output).toContain('FAILED: 2 findings');
			expect(code).toBe(1);
		},
		SCAN_TIMEOUT_MS,
	);

	it(
		'reports rule violations in the compiled files npm would publish, and refuses a stale build',
		async () => {
			const root = join(workspace, 'tarball');
			const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
			write(root, 'package.json', JSON.stringify(pkg, null, 2));
			const [firstNode, ...otherEntries] = [...pkg.n8n.nodes, ...pkg.n8n.credentials] as string[];
			for (const entry of otherEntries) write(root, entry, '"use strict";\nmodule.exports = {};\n');
			write(
				root,
				firstNode,
				'"use strict";\nconsole.log("left over from debugging");\nmodule.exports = {};\n',
			);

			const { code, output } = await runScan(['--tarball-only', '--root', root]);

			expect(output).toContain(firstNode);
			expect(output).toMatch(/error\s+Unexpected console statement\s+no-console/);
			expect(output).toContain('FAILED: 1 findings');
			expect(code).toBe(1);

			write(root, 'nodes/MagicHour/MagicHour.node.ts', '');
			const future = new Date(Date.now() + 60_000);
			utimesSync(join(root, 'nodes/MagicHour/MagicHour.node.ts'), future, future);
			const stale = await runScan(['--tarball-only', '--root', root]);
			expect(stale.output).toContain('dist/ is older than the sources. Run `npm run build` first.');
			expect(stale.code).toBe(1);
		},
		SCAN_TIMEOUT_MS,
	);
});

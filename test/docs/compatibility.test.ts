/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: tests */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ciN8nVersions, pinnedN8nVersion } from '../../scripts/e2e/n8nVersions';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

function section(title: string): string {
	const start = README.indexOf(`\n## ${title}\n`);
	if (start < 0) throw new Error(`README has no "## ${title}" section`);
	const end = README.indexOf('\n## ', start + 1);
	return README.slice(start, end < 0 ? undefined : end);
}

const versionsIn = (text: string) => [...text.matchAll(/\b\d+\.\d+\.\d+\b/g)].map(([v]) => v);

test('the README lists exactly the n8n versions CI runs (.ci/n8n-versions)', () => {
	const row = section('Compatibility')
		.split('\n')
		.find((line) => line.startsWith('| n8n, tested by CI |'));
	expect(row).toBeDefined();
	const [pinnedPart, smokePart] = row!.split(' · ');
	expect(versionsIn(pinnedPart)).toEqual([pinnedN8nVersion()]);
	expect(versionsIn(smokePart).sort()).toEqual(
		ciN8nVersions()
			.filter(({ suite }) => suite === 'smoke')
			.map(({ version }) => version)
			.sort(),
	);
});

test('the install script reads its pinned version from the same list', () => {
	const script = readFileSync(join(__dirname, '..', '..', 'scripts', 'install-n8n.sh'), 'utf8');
	expect(script).toContain('.ci/n8n-versions');
	expect(versionsIn(script).filter((v) => !v.startsWith('24.') && v !== '0.18.5')).toEqual([]);
});

test('.ci/run runs the matrix', () => {
	const run = readFileSync(join(__dirname, '..', '..', '.ci', 'run'), 'utf8');
	expect(run).toContain('npm run test:matrix');
	expect(run).toContain('.ci/n8n-versions');
});

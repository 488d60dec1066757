/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/** The n8n versions CI runs the package on: .ci/n8n-versions, the one list of them. */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export type N8nSuite = 'examples' | 'smoke';

export interface CiN8nVersion {
	version: string;
	suite: N8nSuite;
	why: string;
}

export const N8N_VERSIONS_FILE = resolve(__dirname, '..', '..', '.ci', 'n8n-versions');

export function ciN8nVersions(): CiN8nVersion[] {
	return readFileSync(N8N_VERSIONS_FILE, 'utf8')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => {
			const [version, suite, ...why] = line.split(/\s+/);
			if (!/^\d+\.\d+\.\d+$/.test(version) || (suite !== 'examples' && suite !== 'smoke'))
				throw new Error(`${N8N_VERSIONS_FILE}: cannot read "${line}"`);
			return { version, suite, why: why.join(' ') };
		});
}

/** The version every e2e suite, the queue suite and the demo run on. */
export function pinnedN8nVersion(): string {
	const pinned = ciN8nVersions().filter(({ suite }) => suite === 'examples');
	if (pinned.length !== 1) throw new Error(`${N8N_VERSIONS_FILE}: one "examples" line expected`);
	return pinned[0].version;
}

/** The smoke versions: MH_N8N_VERSIONS (comma-separated) when set, else the list's. */
export function smokeN8nVersions(): string[] {
	const chosen = process.env.MH_N8N_VERSIONS?.split(',').map((version) => version.trim());
	if (chosen?.length && chosen[0]) return chosen;
	return ciN8nVersions()
		.filter(({ suite }) => suite === 'smoke')
		.map(({ version }) => version);
}

/** Where scripts/install-n8n.sh installs a version (its cache folder). */
export function n8nCacheDir(version = pinnedN8nVersion()): string {
	if (process.env.MH_N8N_CACHE && version === pinnedN8nVersion()) return process.env.MH_N8N_CACHE;
	const root = process.env.MH_N8N_CACHE_ROOT ?? join(homedir(), '.cache', 'n8n-nodes-magic-hour');
	return join(root, `n8n-${version}`);
}

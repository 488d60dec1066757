/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

import { killRegisteredGroups, PROCESS_REGISTRY_ENV } from '../../scripts/queue/process-registry';

/**
 * After the queue tests, also when they failed or timed out: ends every process they started
 * that still runs (afterAll stops them all when it gets to run; this catches the rest).
 */
export default async function globalTeardown(): Promise<void> {
	const file = process.env[PROCESS_REGISTRY_ENV];
	if (!file) return;
	const killed = killRegisteredGroups(file);
	if (killed.length)
		process.stderr.write(`\n[queue] still running after the tests, killed: ${killed.join(', ')}\n`);
	rmSync(dirname(file), { recursive: true, force: true });
}

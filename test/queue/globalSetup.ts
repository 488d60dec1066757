/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureBuilt, ensureN8nInstalled } from '../../scripts/e2e/n8n';
import { PROCESS_REGISTRY_ENV } from '../../scripts/queue/process-registry';
import { ensureRedisInstalled } from '../../scripts/queue/services';

/** Before any queue test (outside their timeouts): the build, n8n and redis-server (cached after the first time). */
export default async function globalSetup(): Promise<void> {
	ensureBuilt();
	const started = Date.now();
	const { n8n } = ensureN8nInstalled();
	const redis = ensureRedisInstalled();
	process.stderr.write(
		`\nn8n ready (${n8n}), redis-server ${redis}, after ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
	);
	// Inherited by the tests (set before jest starts them); read again by globalTeardown.
	process.env[PROCESS_REGISTRY_ENV] = join(
		mkdtempSync(join(tmpdir(), 'mh-queue-run-')),
		'processes',
	);
}

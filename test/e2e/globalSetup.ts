/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { ensureBuilt, ensureN8nInstalled } from '../../scripts/e2e/n8n';

/** Before any e2e test (outside their timeouts): the build, and n8n itself (cached after the first time). */
export default async function globalSetup(): Promise<void> {
	ensureBuilt();
	const started = Date.now();
	const { n8n } = ensureN8nInstalled();
	process.stderr.write(
		`\nn8n ready (${n8n}) after ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
	);
}

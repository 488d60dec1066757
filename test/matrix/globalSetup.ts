/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { ensureBuilt, ensureN8nInstalled } from '../../scripts/e2e/n8n';
import { smokeN8nVersions } from '../../scripts/e2e/n8nVersions';

/** Before the matrix (outside the test timeouts): the build, and each smoke version of n8n. */
export default async function globalSetup(): Promise<void> {
	ensureBuilt();
	for (const version of smokeN8nVersions()) {
		const { n8n } = ensureN8nInstalled({ version });
		process.stderr.write(`n8n ${version} ready (${n8n})\n`);
	}
}

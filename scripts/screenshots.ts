/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs on the developer's machine, never inside n8n */
/**
 * `npm run screenshots`: renews the PNGs in docs/ of the example workflows, from a real n8n
 * editor in headless Chromium (test/browser/editor.ts; needs Debian's Chromium):
 *   docs/face-swap-node.png  the Face Swap Photo node of examples/02, filled in
 *   docs/trigger-node.png    the Magic Hour Trigger with its Production URL and set-up notice
 * The node panel and a tool's run (docs/node-panel.png, image-actions.png, image-node.png) come
 * from the browser test: `DOCS_SCREENSHOTS=1 npm run test:browser`.
 */
import { join } from 'node:path';

import { Editor } from '../test/browser/editor';
import { ensureBuilt, loadExamples, REPO_ROOT } from './e2e/n8n';

const DOCS = join(REPO_ROOT, 'docs');

function log(line: string): void {
	process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
	ensureBuilt();
	const editor = await Editor.start({
		workflows: loadExamples().map(({ workflow }) => workflow),
		copyExampleFiles: true,
	});
	try {
		await editor.signIn();
		log(`n8n editor at ${editor.baseUrl}`);

		// 1. The Face Swap Photo node of the face swap example.
		await editor.openWorkflow('mhExampleSwap001');
		await editor.openNdv('Face Swap Photo');
		await editor.page.screenshot({ path: join(DOCS, 'face-swap-node.png') });
		log('docs/face-swap-node.png');

		// 2. The trigger: its webhook URLs (Production) and the set-up notice.
		await editor.openWorkflow('mhExampleTrigr01');
		await editor.openNdv('Magic Hour Trigger');
		const page = editor.page;
		const urls = page.getByText('Webhook URLs', { exact: false }).first();
		if (await urls.isVisible().catch(() => false)) await urls.click();
		const production = page.getByText('Production URL', { exact: true }).first();
		if (await production.isVisible().catch(() => false)) await production.click();
		await page.waitForTimeout(800);
		await page.screenshot({ path: join(DOCS, 'trigger-node.png') });
		log('docs/trigger-node.png');
	} finally {
		await editor.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`Screenshots failed: ${(error as Error).stack ?? error}\n`);
	process.exitCode = 1;
});

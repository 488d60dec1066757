/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- not node code: runs on the developer's machine, never inside n8n */
/**
 * `npm run screenshots`: renews the PNGs in docs/ from a real n8n editor in headless Chromium.
 *
 * Needs Debian's Chromium (`apt-get install -y chromium`, /usr/bin/chromium; CHROMIUM_PATH
 * overrides) and playwright-core (a devDependency: it drives the browser, it downloads none).
 * Starts the emulator and `n8n start` with the examples imported, creates the owner account
 * through n8n's REST API, then shows:
 *   docs/node-panel.png      the node panel searching "Magic Hour"
 *   docs/face-swap-node.png  the Face Swap Photo node of examples/02, filled in
 *   docs/trigger-node.png    the Magic Hour Trigger with its Production URL and set-up notice
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { start } from '../emulator';
import { emulatorCredential, ensureBuilt, loadExamples, N8nInstance, REPO_ROOT } from './e2e/n8n';

const DOCS = join(REPO_ROOT, 'docs');
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Screenshots-2026',
};
// Flags for this machine's closed network (no background connections, no GPU, no sandbox as root).
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

function log(line: string): void {
	process.stdout.write(`${line}\n`);
}

async function dismissPopups(page: Page): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await page.keyboard.press('Escape').catch(() => undefined);
		await page.waitForTimeout(200);
	}
}

async function openWorkflow(page: Page, baseUrl: string, id: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${id}`, { waitUntil: 'networkidle' });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await dismissPopups(page);
}

async function openNode(page: Page, name: string): Promise<void> {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
	await page.waitForTimeout(1_000);
}

async function main(): Promise<void> {
	ensureBuilt();
	mkdirSync(DOCS, { recursive: true });
	const emulator = await start({ speed: 20, quiet: true });
	const dir = join(REPO_ROOT, '.cache', 'screenshots');
	rmSync(dir, { recursive: true, force: true });
	const n8n = await N8nInstance.create({ dir });
	let browser: Browser | undefined;
	try {
		// playwright-core starts Chromium with a new empty profile of its own.
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_FLAGS,
		});
		n8n.copyExampleFiles();
		await n8n.importCredentials([emulatorCredential(emulator)]);
		await n8n.importWorkflows(loadExamples().map(({ workflow }) => workflow));
		const server = await n8n.start();
		log(`n8n editor at ${server.baseUrl}`);

		const context = await browser.newContext({
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		const page = await context.newPage();
		// n8n 2.x requires an owner account: create it (the browser context keeps the session cookie).
		const setup = await page.request.post(`${server.baseUrl}/rest/owner/setup`, { data: OWNER });
		if (!setup.ok()) throw new Error(`owner setup failed: ${setup.status()} ${await setup.text()}`);

		// 1. The node panel (the canvas's + button), searching "Magic Hour".
		await openWorkflow(page, server.baseUrl, 'mhExampleImage01');
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
		const search = page
			.locator(
				'[data-test-id="node-creator-search-bar"] input, [data-test-id="node-creator-search-bar"]',
			)
			.first();
		await search.waitFor({ timeout: 30_000 });
		await search.click();
		await page.keyboard.type('Magic Hour', { delay: 60 });
		await page.waitForTimeout(1_500);
		await page.screenshot({ path: join(DOCS, 'node-panel.png') });
		log('docs/node-panel.png');

		// 2. The Face Swap Photo node of the face swap example.
		await openWorkflow(page, server.baseUrl, 'mhExampleSwap001');
		await openNode(page, 'Face Swap Photo');
		await page.screenshot({ path: join(DOCS, 'face-swap-node.png') });
		log('docs/face-swap-node.png');

		// 3. The trigger: its webhook URLs (Production) and the set-up notice.
		await openWorkflow(page, server.baseUrl, 'mhExampleTrigr01');
		await openNode(page, 'Magic Hour Trigger');
		const urls = page.getByText('Webhook URLs', { exact: false }).first();
		if (await urls.isVisible().catch(() => false)) await urls.click();
		const production = page.getByText('Production URL', { exact: true }).first();
		if (await production.isVisible().catch(() => false)) await production.click();
		await page.waitForTimeout(800);
		await page.screenshot({ path: join(DOCS, 'trigger-node.png') });
		log('docs/trigger-node.png');
	} finally {
		await browser?.close();
		await n8n.stopAll();
		await emulator.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`Screenshots failed: ${(error as Error).stack ?? error}\n`);
	process.exitCode = 1;
});

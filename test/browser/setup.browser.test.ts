/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets -- not node code: runs in tests, never inside n8n */
/**
 * Issue 26 in the real editor: set-up that cannot fail silently. The credential dialog with a
 * wrong key, then a right one; the Trigger listening without and with a signing secret, fed an
 * unsigned and a signed delivery; a run against the emulator with an injected 402 and 429. Each
 * step reads what n8n shows (dialog, toast, the node's error) and saves a screenshot.
 */
import type { Locator } from 'playwright-core';

import { emulatorCredential, type Json } from '../../scripts/e2e/n8n';
import { Editor } from './editor';

const SECRET = 'whsec_e2e_local_secret';
const WEBHOOK_ID = '26c0ffee-5e70-4b1d-9a2e-0c0de0026001';
const NO_SECRET_CREDENTIAL = { id: 'mhCredNoSecret26', name: 'Magic Hour without secret' };

const triggerWorkflow = (
	id: string,
	credential: { id: string; name: string },
	webhookId: string,
) => ({
	id,
	name: `Trigger ${credential.name}`,
	active: false,
	nodes: [
		{
			id: `${id}-trigger`,
			name: 'Magic Hour Trigger',
			type: 'n8n-nodes-magic-hour.magicHourTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { events: ['image.completed'], options: {} },
			credentials: { magicHourCommunityApi: credential },
		},
	],
	connections: {},
	settings: {},
});

const RUN_WORKFLOW: Json = {
	id: 'wfIssue26Run00001',
	name: 'Issue 26: run errors',
	active: false,
	nodes: [
		{
			id: 'run-manual',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'run-image',
			name: 'Create Image',
			type: 'n8n-nodes-magic-hour.magicHourImage',
			typeVersion: 1,
			position: [260, 0],
			parameters: { operation: 'aiImageGenerator', prompt: 'A lighthouse at dusk', imageCount: 1 },
			credentials: {
				magicHourCommunityApi: { id: 'mhCredEmulator01', name: 'Magic Hour account' },
			},
		},
	],
	connections: { Start: { main: [[{ node: 'Create Image', type: 'main', index: 0 }]] } },
	settings: {},
};

let editor: Editor;
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	editor = await Editor.start({
		workflows: [
			RUN_WORKFLOW,
			triggerWorkflow(
				'wfIssue26NoSecret',
				NO_SECRET_CREDENTIAL,
				'26c0ffee-5e70-4b1d-9a2e-0c0de0026002',
			),
			triggerWorkflow(
				'wfIssue26Trigger',
				{ id: 'mhCredEmulator01', name: 'Magic Hour account' },
				WEBHOOK_ID,
			),
		],
	});
	await editor.n8n.importCredentials([
		{ ...emulatorCredential(editor.emulator, ''), ...NO_SECRET_CREDENTIAL },
	]);
	await editor.signIn();
});

afterAll(async () => {
	await editor?.stop();
});

/** The visible text of a locator, whitespace collapsed. */
async function textOf(locator: Locator): Promise<string> {
	return ((await locator.innerText().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `read` returns text matching `pattern`; returns the last text read. */
async function waitForText(read: () => Promise<string>, pattern: RegExp, timeoutMs = 60_000) {
	const until = Date.now() + timeoutMs;
	let text = '';
	while (Date.now() < until) {
		text = await read();
		if (pattern.test(text)) return text;
		await sleep(250);
	}
	throw new Error(`timed out waiting for ${pattern}; last seen: ${text.slice(0, 2000)}`);
}

const toasts = async () => await textOf(editor.page.locator('.el-notification').first());
const outputPanel = async () =>
	await textOf(
		editor
			.ndv()
			.getByTestId('output-panel')
			.or(editor.ndv().getByTestId('ndv-output-panel'))
			.first(),
	);

describe('the credential dialog', () => {
	const modal = () =>
		editor.page
			.locator('.el-dialog')
			.filter({ has: editor.page.getByTestId('credential-edit-dialog') });
	const field = (label: string) =>
		editor.page
			.getByTestId('credential-connection-parameter')
			.filter({ has: editor.page.getByText(new RegExp(`^${label}`)) })
			.first();
	const input = (label: string) => field(label).locator('input, textarea').first();

	test('reads as Magic Hour, has no emulator default, and a refused key says what to do', async () => {
		const page = editor.page;
		await page.goto(`${editor.baseUrl}/home/credentials/create`, { waitUntil: 'domcontentloaded' });
		const typeSelect = page.getByTestId('new-credential-type-select');
		await typeSelect.waitFor({ timeout: 60_000 });
		await typeSelect.locator('input').first().fill('Magic Hour');
		const option = page
			.getByTestId('new-credential-type-select-option')
			.filter({ hasText: 'Magic Hour API' });
		expect(await option.count()).toBe(1);
		await option.first().click();
		await page.getByTestId('new-credential-type-button').click();
		await page.getByTestId('credential-edit-dialog').waitFor();
		await sleep(500);
		const header = await textOf(modal());
		expect(header).toMatch(/Magic Hour account/);
		expect(header).toContain('Webhook Signing Secret (Only for the Trigger)');
		expect(header).toContain('Create one at magichour.ai/developer');
		await editor.shot('issue26-credential-dialog', modal());

		await input('API Key').fill('mhk_live_wrongkey123');
		await field('Environment').locator('input').first().click();
		await page
			.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
			.filter({ hasText: 'Custom Base URL' })
			.first()
			.click();
		await field('Base URL').waitFor();
		expect(await input('Base URL').inputValue()).toBe('');
		await input('Base URL').fill('http://192.168.1.20:4010');
		await waitForText(
			async () => await textOf(modal()),
			/Plain http:\/\/ is accepted only for this machine/,
		);
		await editor.shot('issue26-credential-plain-http', modal());

		await input('Base URL').fill(editor.emulator.baseUrl);
		await sleep(300);
		expect(await textOf(modal())).not.toMatch(/Plain http:\/\/ is accepted only/);
		await page.getByTestId('credential-save-button').click();
		await waitForText(async () => await textOf(modal()), /Couldn.t connect with these settings/);
		const details = modal()
			.getByText(/More details/i)
			.first();
		if (await details.isVisible().catch(() => false)) await details.click();
		const refused = await waitForText(async () => await textOf(modal()), /refused this API key/);
		expect(refused).toMatch(/create a new one at magichour\.ai\/developer/);
		await editor.shot('issue26-credential-wrong-key', modal());

		await input('API Key').fill(editor.emulator.apiKey);
		await page.getByTestId('credential-save-button').click();
		await waitForText(async () => await textOf(modal()), /Connection tested successfully/i);
		await editor.shot('issue26-credential-right-key', modal());
		await page.keyboard.press('Escape');
	});
});

describe('the Trigger', () => {
	const listen = async () => {
		const execute = editor.ndv().getByTestId('node-execute-button').first();
		// After a refused test delivery the panel may still say "Stop Listening" for a moment
		// (n8n has ended the test server-side); stopping it first gives the button back.
		const shown = await execute
			.waitFor({ state: 'visible', timeout: 10_000 })
			.then(() => true)
			.catch(() => false);
		if (!shown) {
			await editor.ndv().getByText('Stop Listening').first().click();
		}
		await execute.click();
		await waitForText(async () => await textOf(editor.ndv()), /Stop Listening/);
	};
	/** The Test URL as the panel shows it under "Webhook URLs". */
	const shownTestUrl = async () => {
		const urls = editor.ndv().getByText('Webhook URLs').first();
		await urls.click();
		const text = await waitForText(async () => await textOf(editor.ndv()), /webhook-test\/\S+/);
		await urls.click();
		return /(http\S+\/webhook-test\/\S+\/webhook)/.exec(text)![1];
	};

	test('refuses to listen while the credentials have no signing secret, and says how to fix it', async () => {
		await editor.openWorkflow('wfIssue26NoSecret');
		await editor.openNdv('Magic Hour Trigger');
		const panel = await textOf(editor.ndv());
		expect(panel).toMatch(/Listen for a Magic Hour event/);
		expect(panel).toMatch(/1\. Open "Webhook URLs" above/);
		await editor.shot('issue26-trigger-panel');
		await editor.ndv().getByTestId('node-execute-button').first().click();
		const toast = await waitForText(toasts, /Add the Webhook Signing Secret/);
		expect(toast).toMatch(/Add the Webhook Signing Secret to the Magic Hour credentials first/);
		expect(await textOf(editor.ndv())).not.toMatch(/Stop Listening/);
		await editor.shot('issue26-trigger-no-secret');
		await editor.closeNdv();
	});

	test('an unsigned test delivery ends the test with the reason; a signed one starts it', async () => {
		await editor.openWorkflow('wfIssue26Trigger');
		await editor.openNdv('Magic Hour Trigger');
		const testUrl = await shownTestUrl();
		expect(testUrl).toBe(`${editor.baseUrl}/webhook-test/${WEBHOOK_ID}/webhook`);
		await listen();
		const body = JSON.stringify({ type: 'image.completed', payload: { id: 'cm_unsigned' } });
		const unsigned = await fetch(testUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
		});
		expect(unsigned.status).toBe(500);
		const refused = await waitForText(outputPanel, /Test delivery refused/);
		expect(refused).toMatch(/The delivery is not signed/);
		expect(refused).toMatch(/turn off "Verify Signature" while you test/);
		await editor.shot('issue26-trigger-unsigned');

		await listen();
		editor.emulator.webhooks.subscribe({
			url: testUrl,
			events: ['image.completed'],
			secret: SECRET,
		});
		const created = await fetch(`${editor.emulator.baseUrl}/v1/ai-image-generator`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${editor.emulator.apiKey}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ image_count: 1, style: { prompt: 'a lighthouse' } }),
		});
		const { id } = (await created.json()) as { id: string };
		const started = await waitForText(outputPanel, new RegExp(id));
		expect(started).toMatch(/image\.completed/);
		expect(started).not.toMatch(/refused/);
		await editor.shot('issue26-trigger-signed');
		await editor.closeNdv();
	});
});

describe('errors during a run', () => {
	test('a 402 and a 429 read as sentences with what to do, and nothing was charged', async () => {
		const jobsBefore = editor.emulator.counters().jobsCreated;
		await editor.openWorkflow(RUN_WORKFLOW.id);
		await editor.openNdv('Create Image');
		editor.emulator.faults.add({
			match: 'POST /v1/ai-image-generator',
			fault: {
				type: 'status',
				status: 402,
				body: {
					code: 'insufficient_credits',
					message: 'Insufficient credits: this request costs 50 credits and the balance is 10',
				},
			},
		});
		await editor.executeStep();
		const credits = await waitForText(outputPanel, /Not enough Magic Hour credits/);
		expect(credits).toMatch(/No job was created and nothing was charged for this item/);
		expect(credits).toMatch(/magichour\.ai\/pricing/);
		expect(credits).not.toMatch(/\[insufficient_credits\]/);
		await editor.shot('issue26-run-402');

		await editor.closeNdv();
		await editor.openWorkflow(RUN_WORKFLOW.id);
		await editor.openNdv('Create Image');
		editor.emulator.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 10,
			fault: { type: 'rate-limit', retryAfterSeconds: 0 },
		});
		await editor.executeStep();
		const limited = await waitForText(outputPanel, /asked to slow down/);
		expect(limited).toMatch(/Lower "Max Concurrent Jobs"/);
		expect(limited).not.toMatch(/\[rate_limited\]/);
		expect(editor.emulator.counters().jobsCreated).toBe(jobsBefore);
		await editor.shot('issue26-run-429');
	});
});

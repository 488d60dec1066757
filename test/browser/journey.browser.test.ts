/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests, never inside n8n */
/**
 * A no-code user's first steps in the real n8n editor, through the UI only: find Magic Hour
 * actions by the words they type in both node panels (an empty workflow's trigger panel and
 * "What happens next?" after a Manual Trigger), add a tool from its action, run it with a field
 * left empty and then filled, and read the result: the image, the time and the credits.
 * With DOCS_SCREENSHOTS=1 the screenshots also renew the README's pictures in docs/.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../../scripts/e2e/n8n';
import { Editor, SHOTS_DIR, type PanelItem } from './editor';
import { SEARCH_PHRASES, TOP_RESULTS } from './searchPhrases';

let editor: Editor;

/** A screenshot in the shots folder, copied to docs/<name>.png when DOCS_SCREENSHOTS=1. */
async function docShot(name: string): Promise<void> {
	const path = await editor.shot(name);
	if (process.env.DOCS_SCREENSHOTS === '1')
		copyFileSync(path, join(REPO_ROOT, 'docs', `${name}.png`));
}

beforeAll(async () => {
	editor = await Editor.start();
	await editor.signIn();
});

afterAll(async () => {
	await editor?.stop();
});

interface PhraseResult {
	phrase: string;
	wanted: string[];
	/** 1-based position of the first wanted node among the results, 0 when not listed. */
	position: number;
	shown: string[];
}

async function searchAll(panel: string): Promise<PhraseResult[]> {
	const results: PhraseResult[] = [];
	for (const { phrase, node } of SEARCH_PHRASES) {
		const wanted: string[] = Array.isArray(node) ? node : [node];
		const items: PanelItem[] = await editor.search(phrase);
		const names = items.map((item) => item.name);
		const position = names.findIndex((name) => wanted.includes(name)) + 1;
		results.push({ phrase, wanted, position, shown: names.slice(0, 8) });
	}
	mkdirSync(SHOTS_DIR, { recursive: true });
	writeFileSync(join(SHOTS_DIR, `search-${panel}.json`), JSON.stringify(results, null, 2));
	return results;
}

function misses(results: PhraseResult[]): string[] {
	return results
		.filter((result) => result.position === 0 || result.position > TOP_RESULTS)
		.map((result) => `"${result.phrase}" → ${result.shown.join(', ') || 'No results'}`);
}

describe('finding Magic Hour by the words a user types', () => {
	test('in the trigger panel of an empty workflow', async () => {
		await editor.newWorkflow();
		await editor.openNodePanel();
		const results = await searchAll('trigger-panel');
		expect(misses(results)).toEqual([]);
	});

	test('in "What happens next?" after a Manual Trigger', async () => {
		await editor.search('manual');
		await editor.pick('Manual Trigger');
		await editor.closeNdv();
		const [trigger] = await editor.canvasNodeNames();
		await editor.openNodePanel(trigger);
		const results = await searchAll('next-panel');
		expect(misses(results)).toEqual([]);
	});
});

describe('adding and running a tool from its action', () => {
	const ACTION = 'Generate an image from a prompt';

	test("the panel groups a node's actions, and the node added from one is named after it", async () => {
		await editor.search('swap faces');
		await docShot('node-panel');
		await editor.search('generate image');
		await editor.pick('Magic Hour Image');
		await docShot('image-actions');
		await editor.pick(ACTION);
		await editor.ndv().waitFor();
		expect(await editor.ndvTitle()).toBe(ACTION);
	});

	test('a required field left empty stops the run before anything is sent', async () => {
		const before = editor.emulator.log.filter((entry) => entry.method === 'POST').length;
		await editor.ndv().getByTestId('node-execute-button').first().click();
		const issue = editor.page.getByText('Parameter "Prompt" is required', { exact: false }).first();
		await issue.waitFor();
		await editor.shot('empty-prompt');
		expect(editor.emulator.log.filter((entry) => entry.method === 'POST').length).toBe(before);
	});

	test('filled in, it runs: the image, the time and the credits show without opening JSON', async () => {
		await editor.fillParameter('Prompt', 'A cozy autumn coffee shop window, warm light, photo');
		await editor.executeStep();
		const output = editor
			.ndv()
			.getByTestId('ndv-output-panel')
			.or(editor.ndv().getByTestId('output-panel'))
			.first();
		const summary = output
			.getByText(/Magic Hour: this run charged \d+ credits \(1 job\) · 1 complete · took \d+ s\./)
			.first();
		await summary.waitFor();
		await docShot('image-node');
		const view = editor.ndv().getByTestId('ndv-view-binary-data').first();
		await view.waitFor();
		await view.click();
		await editor.page.locator('img[src*="binary-data"], embed, iframe').first().waitFor();
		await editor.shot('image-preview');
	});
});

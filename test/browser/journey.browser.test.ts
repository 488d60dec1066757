/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests, never inside n8n */
/**
 * A no-code user's first steps in the real n8n editor: find Magic Hour actions by the words they
 * type in both node panels (an empty workflow's trigger panel and "What happens next?" after a
 * Manual Trigger).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Editor, SHOTS_DIR, type PanelItem } from './editor';
import { SEARCH_PHRASES, TOP_RESULTS } from './searchPhrases';

let editor: Editor;

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
		await editor.pick('Trigger manually');
		await editor.closeNdv();
		const [trigger] = await editor.canvasNodeNames();
		await editor.openNodePanel(trigger);
		const results = await searchAll('next-panel');
		expect(misses(results)).toEqual([]);
	});
});

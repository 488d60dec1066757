/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MagicHourCommunityApi } from '../../credentials/MagicHourCommunityApi.credentials';
import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import utilityCodex from '../../nodes/MagicHour/MagicHour.node.json';
import audioCodex from '../../nodes/MagicHourAudio/MagicHourAudio.node.json';
import imageCodex from '../../nodes/MagicHourImage/MagicHourImage.node.json';
import videoCodex from '../../nodes/MagicHourVideo/MagicHourVideo.node.json';
import { TOOLS } from '../../nodes/shared/catalog/tools';

// n8n's node panel search (editor 1.x and 2.x) matches what the user types against a node's
// display name and its codex aliases, nothing else: not the action labels. So every tool name and
// every action label must be an alias, or typing "face swap" or "swap faces in a video" would
// not find the node that has the tool. test/browser checks the phrases users type in a real editor.
describe('codex aliases', () => {
	it.each([
		['image', imageCodex],
		['video', videoCodex],
		['audio', audioCodex],
	] as const)(
		'the %s node is found by the name and the action label of each of its tools',
		(kind, codex) => {
			const aliases = codex.alias.map((alias) => alias.toLowerCase());
			const words = TOOLS.filter((tool) => tool.kind === kind).flatMap((tool) => [
				tool.displayName,
				tool.action,
			]);
			expect(words.filter((word) => !aliases.includes(word.toLowerCase()))).toEqual([]);
			expect(codex.categories).toContain('AI');
		},
	);
});

// n8n's node panel (editor 2.x) leaves nodes of the "AI" category out of its search unless their
// AI subcategories include "Root Nodes" (the sub-nodes — models, tools… — live in the AI panel):
// without it, searching "Magic Hour" finds nothing. Seen in a real n8n 2.40 editor (npm run screenshots).
it.each([
	['image', imageCodex],
	['video', videoCodex],
	['audio', audioCodex],
	['utility', utilityCodex],
] as const)(
	'the %s node is searchable in the node panel (AI category with the "Root Nodes" subcategory)',
	(_kind, codex) => {
		expect(codex.categories).toContain('AI');
		expect(codex.subcategories.AI).toContain('Root Nodes');
	},
);

// Issue 26: a node's "Docs" link (n8n takes the node's documentationUrl, else the codex's primary
// documentation) opens the README section about that node, in this package's repository.
describe('docs links', () => {
	const root = join(__dirname, '../..');
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		repository: { url: string };
	};
	const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
	// GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
	const anchors = readFileSync(join(root, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{2,4} /.test(line))
		.map((line) =>
			line
				.replace(/^#+ /, '')
				.toLowerCase()
				.replace(/[^\p{L}\p{N} _-]/gu, '')
				.replace(/ /g, '-'),
		);
	const sectionOf = (url: string) => {
		expect(url.startsWith(`${repository}#`)).toBe(true);
		const anchor = url.slice(repository.length + 1);
		expect(anchors).toContain(anchor);
		return anchor;
	};

	it.each([
		[new MagicHourImage(), imageCodex, 'magic-hour-image'],
		[new MagicHourVideo(), videoCodex, 'magic-hour-video'],
		[new MagicHourAudio(), audioCodex, 'magic-hour-audio'],
		[new MagicHour(), utilityCodex, 'magic-hour-utility-node'],
	] as const)('%#: the node and its codex open its own README section', (node, codex, anchor) => {
		const url = String(node.description.documentationUrl);
		expect(sectionOf(url)).toBe(anchor);
		expect(codex.resources.primaryDocumentation).toEqual([{ url }]);
		expect(sectionOf(codex.resources.credentialDocumentation[0].url)).toBe('credentials');
	});

	it('the Trigger and the credential open theirs', () => {
		expect(sectionOf(String(new MagicHourTrigger().description.documentationUrl))).toBe(
			'magic-hour-trigger',
		);
		expect(sectionOf(String(new MagicHourCommunityApi().documentationUrl))).toBe('credentials');
	});
});

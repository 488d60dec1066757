import utilityCodex from '../../nodes/MagicHour/MagicHour.node.json';
import audioCodex from '../../nodes/MagicHourAudio/MagicHourAudio.node.json';
import imageCodex from '../../nodes/MagicHourImage/MagicHourImage.node.json';
import videoCodex from '../../nodes/MagicHourVideo/MagicHourVideo.node.json';
import { TOOLS } from '../../nodes/shared/catalog/tools';

// n8n's node panel search reads a node's codex aliases: every tool name must be one, so typing
// "face swap" or "lip sync" finds the node that has the tool.
describe('codex aliases', () => {
	it.each([
		['image', imageCodex],
		['video', videoCodex],
		['audio', audioCodex],
	] as const)('the %s node is found by the name of each of its tools', (kind, codex) => {
		const names = TOOLS.filter((tool) => tool.kind === kind).map((tool) => tool.displayName);
		expect(names.filter((name) => !codex.alias.includes(name))).toEqual([]);
		expect(codex.categories).toContain('AI');
	});
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

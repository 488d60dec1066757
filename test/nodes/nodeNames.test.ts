import { NodeHelpers, type INodeType, type IVersionedNodeType } from 'n8n-workflow';

import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { TOOL_GROUPS } from '../../nodes/shared/toolGroups';

const NODES: Record<string, IVersionedNodeType> = {
	image: new MagicHourImage(),
	video: new MagicHourVideo(),
	audio: new MagicHourAudio(),
};

function resourceOf(kind: string, operation: string): string | undefined {
	return TOOL_GROUPS[kind as keyof typeof TOOL_GROUPS].find((group) =>
		group.operations.includes(operation),
	)?.value;
}

/**
 * n8n names a node added from the panel with NodeHelpers.makeNodeName (n8n-workflow): the action
 * label of the chosen operation, but only for an operation shown under a resource.
 */
describe('a tool node added from an action takes the action as its name', () => {
	it.each(TOOLS.map((tool) => [tool.action, tool]))('"%s"', (_action, tool) => {
		const type = NODES[tool.kind];
		expect(type.description.defaultVersion).toBe(2);
		const description = (type.getNodeType(2) as INodeType).description;
		const parameters = {
			resource: resourceOf(tool.kind, tool.operation),
			operation: tool.operation,
		};
		expect(NodeHelpers.makeNodeName(parameters, description)).toBe(tool.action);
	});

	it('version 1 (no resource) kept the generic node name', () => {
		const description = (NODES.image.getNodeType(1) as INodeType).description;
		expect(NodeHelpers.makeNodeName({ operation: 'aiImageGenerator' }, description)).toBe(
			'Magic Hour Image',
		);
	});
});

describe('tool groups (version 2 resources)', () => {
	it.each(Object.keys(NODES))('every %s tool is in exactly one group', (kind) => {
		const grouped = TOOL_GROUPS[kind as keyof typeof TOOL_GROUPS].flatMap(
			(group) => group.operations,
		);
		const tools = TOOLS.filter((tool) => tool.kind === kind).map((tool) => tool.operation);
		expect([...grouped].sort()).toEqual([...tools].sort());
	});
});

import { createRunExecutionData, Workflow, type IVersionedNodeType } from 'n8n-workflow';

import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { nodeOf, StaticNodeTypes } from '../harness/n8nRuntime';

/** The canvas subtitle as n8n's expression engine resolves it for a node with these parameters. */
function subtitleOf(type: IVersionedNodeType, operation: string): unknown {
	const node = nodeOf('tool', { operation });
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new StaticNodeTypes({ tool: type }),
	});
	return workflow.expression.getParameterValue(
		String(type.description.subtitle),
		createRunExecutionData(),
		0,
		0,
		node.name,
		[],
		'internal',
		{},
	);
}

describe('canvas subtitle of the tool nodes', () => {
	const nodes = {
		image: new MagicHourImage(),
		video: new MagicHourVideo(),
		audio: new MagicHourAudio(),
	};

	it.each(TOOLS.map((tool) => [tool.operation, tool]))(
		'shows the display name of %s',
		(_operation, tool) => {
			expect(subtitleOf(nodes[tool.kind], tool.operation)).toBe(tool.displayName);
		},
	);

	it('falls back to the raw value for an operation it does not know', () => {
		expect(subtitleOf(nodes.image, 'someFutureTool')).toBe('someFutureTool');
	});
});

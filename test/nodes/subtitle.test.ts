import {
	createRunExecutionData,
	Workflow,
	type INodeParameters,
	type INodeType,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { nodeOf, StaticNodeTypes } from '../harness/n8nRuntime';

/** The canvas subtitle as n8n's expression engine resolves it for a node with these parameters. */
function subtitleOf(
	type: IVersionedNodeType | INodeType,
	parameters: string | INodeParameters,
): unknown {
	const node = nodeOf(
		'tool',
		typeof parameters === 'string' ? { operation: parameters } : parameters,
	);
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

describe('canvas subtitle of the Magic Hour node and the Trigger: words, not raw values', () => {
	it.each([
		[{ resource: 'project', operation: 'waitFor' }, 'Wait for Project'],
		[{ resource: 'project', operation: 'get' }, 'Get Project'],
		[{ resource: 'file', operation: 'upload' }, 'Upload File'],
		[{ resource: 'faceDetection', operation: 'detect' }, 'Detect Faces'],
		[{ resource: 'account', operation: 'get' }, 'Get Account'],
	])('Magic Hour %j reads "%s"', (parameters, subtitle) => {
		expect(subtitleOf(new MagicHour(), parameters)).toBe(subtitle);
	});

	it('the Trigger names its events', () => {
		const trigger = new MagicHourTrigger();
		expect(subtitleOf(trigger, { events: ['image.completed', 'video.errored'] })).toBe(
			'Image Completed, Video Errored',
		);
	});
});

/**
 * The nodes as tools of an n8n AI Agent (the `<type>Tool` variant n8n makes of every
 * `usableAsTool` node): the description the model reads per operation, a short JSON result,
 * no downloads, and a video call that answers at once. The real agent run is in
 * test/e2e/agent.e2e.test.ts.
 */
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { RESOURCES } from '../../nodes/MagicHour/v1/actions/router';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { agentToolDescription } from '../../nodes/shared/catalog/agentDescriptions';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { asAgentTool } from '../harness/agentTool';
import { executeNode } from '../harness/executeNode';
import { nodeOf, StaticNodeTypes } from '../harness/n8nRuntime';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();
const FAST = FAST_POLLING;

async function runAsTool(
	nodeType: INodeType,
	parameters: IDataObject,
	items: INodeExecutionData[] = [{ json: {} }],
) {
	const typeName = `n8n-nodes-magic-hour.${nodeType.description.name}`;
	return await executeNode({
		nodeType,
		typeName,
		parameters: parameters as never,
		items,
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
	});
}

/** The node's parameters as n8n completes them from the workflow (defaults of what is shown). */
function resolvedParameters(nodeType: INodeType, parameters: IDataObject) {
	const typeName = `n8n-nodes-magic-hour.${nodeType.description.name}`;
	const workflow = new Workflow({
		nodes: [nodeOf(typeName, parameters as never)],
		connections: {},
		active: false,
		nodeTypes: new StaticNodeTypes({ [typeName]: nodeType }),
	});
	return workflow.getNode('Node Under Test')!;
}

const downloadRequests = () =>
	emu.log.filter((entry) => entry.path.startsWith('/downloads') || entry.path.includes('/files/'))
		.length;
const requestsTo = (path: string) => emu.log.filter((entry) => entry.path.startsWith(path)).length;

describe('what the model reads about each tool', () => {
	it('every tool of the catalog has a description written for a model', () => {
		for (const tool of TOOLS) {
			const text = agentToolDescription(tool);
			expect({
				tool: tool.operation,
				cost: /Cost: /.test(text),
				short: text.length <= 500,
			}).toEqual({
				tool: tool.operation,
				cost: true,
				short: true,
			});
			expect(text).toContain(`Magic Hour ${tool.displayName}`);
		}
		expect(agentToolDescription(TOOLS.find((tool) => tool.operation === 'faceSwapPhoto')!)).toMatch(
			/^Magic Hour Face Swap Photo: .+ Needs: Target Image \(image URL\), Source Face Image \(image URL\)\. Cost: 10 credits\./,
		);
	});

	it.each([
		['image', new MagicHourImage(), 'aiImageGenerator'],
		['video', new MagicHourVideo(), 'textToVideo'],
		['audio', new MagicHourAudio(), 'aiVoiceGenerator'],
	])(
		'the %s tool describes the chosen operation, as n8n builds the tool description',
		(_kind, nodeType, operation) => {
			const tool = asAgentTool(nodeType);
			const node = resolvedParameters(tool, { operation });
			const expected = agentToolDescription(
				TOOLS.find((candidate) => candidate.operation === operation)!,
			);
			expect(node.parameters.toolDescription).toBe(expected);
			expect(NodeHelpers.getToolDescriptionForNode(node, tool)).toBe(expected);
			// The node as a plain workflow step has no such parameter.
			expect(
				resolvedParameters(nodeType.getNodeType(1), { operation }).parameters.toolDescription,
			).toBeUndefined();
		},
	);

	it('a description the user wrote is what the model reads', () => {
		const tool = asAgentTool(new MagicHourImage());
		const node = resolvedParameters(tool, {
			operation: 'aiImageGenerator',
			toolDescription: 'Draw the weekly comic',
		});
		expect(NodeHelpers.getToolDescriptionForNode(node, tool)).toBe('Draw the weekly comic');
	});

	it('the Magic Hour node describes each of its operations', () => {
		const tool = asAgentTool(new MagicHour());
		const described: string[] = [];
		for (const [resource, { operations }] of Object.entries(RESOURCES)) {
			for (const [operation, { agentDescription: text }] of Object.entries(operations)) {
				if (!text) continue;
				described.push(`${resource}:${operation}`);
				const node = resolvedParameters(tool, { resource, operation });
				expect({
					resource,
					operation,
					description: NodeHelpers.getToolDescriptionForNode(node, tool),
				}).toEqual({
					resource,
					operation,
					description: text,
				});
			}
		}
		expect(described.sort()).toEqual([
			'account:get',
			'faceDetection:detect',
			'file:upload',
			'project:delete',
			'project:download',
			'project:get',
			'project:waitFor',
		]);
	});

	it('as a tool, a video does not wait by default and nothing is downloaded; as a step, both stay on', () => {
		expect(
			resolvedParameters(asAgentTool(new MagicHourVideo()), { operation: 'textToVideo' })
				.parameters,
		).toMatchObject({
			waitForCompletion: false,
			downloadOutputs: false,
		});
		expect(
			resolvedParameters(asAgentTool(new MagicHourImage()), { operation: 'aiImageGenerator' })
				.parameters,
		).toMatchObject({
			waitForCompletion: true,
			downloadOutputs: false,
		});
		expect(
			resolvedParameters(new MagicHourVideo().getNodeType(1), { operation: 'textToVideo' })
				.parameters,
		).toMatchObject({
			waitForCompletion: true,
			downloadOutputs: true,
		});
	});
});

describe('what the model gets back', () => {
	it('an image: ID, kind, status, credits and the output URLs, in a few hundred bytes, without downloading', async () => {
		const { output } = await runAsTool(asAgentTool(new MagicHourImage()), {
			operation: 'aiImageGenerator',
			prompt: 'A sunrise over a mountain lake, poster style',
			imageCount: 2,
			executionSettings: FAST,
		});
		const [item] = output[0];
		expect(item.binary).toBeUndefined();
		expect(Object.keys(item.json).sort()).toEqual([
			'credits_charged',
			'id',
			'kind',
			'output_urls',
			'status',
		]);
		expect(item.json).toMatchObject({
			kind: 'image',
			status: 'complete',
			credits_charged: expect.any(Number),
		});
		expect(item.json.output_urls).toHaveLength(2);
		expect(emu.getProject(String(item.json.id))).toBeDefined();
		expect(JSON.stringify(item.json).length).toBeLessThan(600);
		expect(downloadRequests()).toBe(0);
	});

	it('a video: the project ID at once, with a hint to check back, after one create request', async () => {
		const { output } = await runAsTool(asAgentTool(new MagicHourVideo()), {
			operation: 'textToVideo',
			prompt: 'A drone flight over a coastline',
			duration: 5,
			executionSettings: FAST,
		});
		const [item] = output[0];
		expect(item.json).toMatchObject({
			kind: 'video',
			status: 'queued',
			next: expect.stringMatching(/Get Project/),
		});
		expect(item.json.id).toEqual(expect.any(String));
		expect(requestsTo('/v1/')).toBe(1);
	});

	it('a job that fails at Magic Hour: a result with the project ID and the error, not a thrown error', async () => {
		emu.jobs.failNext({
			endpoint: '/v1/ai-voice-generator',
			code: 'unknown_error',
			message: 'emulated failure',
		});
		const { output } = await runAsTool(asAgentTool(new MagicHourAudio()), {
			operation: 'aiVoiceGenerator',
			voiceName: 'Morgan Freeman',
			prompt: 'Hello there',
			executionSettings: FAST,
		});
		const [item] = output[0];
		expect(item.json.id).toEqual(expect.any(String));
		expect(emu.getProject(String(item.json.id))).toBeDefined();
		expect(item.json).toMatchObject({
			kind: 'audio',
			status: 'error',
			error: expect.stringMatching(/unknown_error/),
			// Failed jobs are refunded: the result says the call cost nothing.
			run_credits_charged: 0,
		});
		expect(JSON.stringify(item.json).length).toBeLessThan(800);
	});

	it('a job slower than the timeout: the wait ends, and the result carries the project ID to check back', async () => {
		emu.jobs.setDurationMs('/v1/ai-image-generator', 60_000);
		const { output } = await runAsTool(asAgentTool(new MagicHourImage()), {
			operation: 'aiImageGenerator',
			prompt: 'A slow painting',
			imageCount: 1,
			executionSettings: { ...FAST, timeoutMinutes: 0.01 },
		});
		const [item] = output[0];
		expect(item.json).toMatchObject({
			id: expect.any(String),
			kind: 'image',
			error: expect.any(String),
		});
		expect(emu.getProject(String(item.json.id))).toBeDefined();
	});

	it('a call past "Max Credits per Run": a result saying the job was not started and cost nothing', async () => {
		const { output } = await runAsTool(asAgentTool(new MagicHourImage()), {
			operation: 'aiImageGenerator',
			prompt: 'A lighthouse',
			imageCount: 1,
			options: { model: 'nano-banana', resolution: '640px' },
			executionSettings: { ...FAST, maxCreditsPerRun: 10 },
		});
		expect(output[0][0].json).toEqual({
			id: null,
			kind: 'image',
			status: 'error',
			error: expect.stringMatching(
				/^Not started: budget of 10 credits reached \(0 spent by this run\) This item's job was not sent/,
			),
			run_credits_charged: 0,
		});
		expect(requestsTo('/v1/')).toBe(0);
	});

	it('a bad input: the error names the field, and nothing was created', async () => {
		const { output } = await runAsTool(asAgentTool(new MagicHourImage()), {
			operation: 'aiImageGenerator',
			prompt: ' ',
			imageCount: 1,
			executionSettings: FAST,
		});
		expect(output[0][0].json).toMatchObject({
			id: null,
			error: expect.stringMatching(/"Prompt" is required/),
		});
		expect(requestsTo('/v1/')).toBe(0);
	});

	it('Get Project on the Magic Hour node: the same short result', async () => {
		const { output: started } = await runAsTool(asAgentTool(new MagicHourImage()), {
			operation: 'aiImageGenerator',
			prompt: 'A red kite',
			imageCount: 1,
			executionSettings: FAST,
		});
		const id = String(started[0][0].json.id);
		const { output } = await runAsTool(asAgentTool(new MagicHour()), {
			resource: 'project',
			operation: 'get',
			projectId: id,
			projectKind: 'image',
		});
		// Download URLs are signed afresh on every lookup.
		expect(output[0][0].json).toEqual({
			id,
			kind: 'image',
			status: 'complete',
			credits_charged: started[0][0].json.credits_charged,
			output_urls: [expect.stringMatching(new RegExp(`/${id}\\.png$`))],
		});
	});
});

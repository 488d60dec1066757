/**
 * The workflows the queue-mode tests run, built from small pieces (webhook-started, so that they
 * run on workers: `n8n execute` would run them in its own process).
 */
import { randomUUID } from 'node:crypto';

import { EXAMPLE_CREDENTIAL, loadExamples, type Json } from '../../scripts/e2e/n8n';

const credentials = {
	magicHourCommunityApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name },
};

interface NodeSpec {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Json;
	webhookId?: string;
	magicHour?: boolean;
}

type Edge = [from: string, to: string, fromOutput?: number];

export function workflow(
	id: string,
	name: string,
	nodes: NodeSpec[],
	edges: Edge[],
	settings: Json = {},
): Json {
	const connections: Json = {};
	for (const [from, to, output = 0] of edges) {
		connections[from] ??= { main: [] };
		const outputs = connections[from].main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id,
		name,
		nodes: nodes.map(({ magicHour, ...node }, index) => ({
			id: randomUUID(),
			position: [index * 220, 0],
			...node,
			...(magicHour ? { credentials } : {}),
		})),
		connections,
		settings: { executionOrder: 'v1', ...settings },
		active: false,
		pinData: {},
	};
}

/** A Webhook node that answers at once (the workflow then runs on a worker). */
export function webhookNode(path: string, name = 'Webhook'): NodeSpec {
	return {
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/** A Set node recording which n8n process evaluated it (the cluster gives each its MH_PROCESS_NAME). */
export function ranOnNode(name: string): NodeSpec {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [
					{
						id: randomUUID(),
						name: 'process',
						value: '={{ $env.MH_PROCESS_NAME }}',
						type: 'string',
					},
				],
			},
			includeOtherFields: false,
			options: {},
		},
	};
}

const startVideo: NodeSpec = {
	name: 'Start Video',
	type: 'n8n-nodes-magic-hour.magicHourVideo',
	typeVersion: 1,
	magicHour: true,
	parameters: {
		operation: 'textToVideo',
		prompt: '={{ $json.body.prompt }}',
		duration: 5,
		waitForCompletion: false,
		options: { aspectRatio: '16:9' },
	},
};

function waitForProject(projectId = '={{ $json.id }}'): NodeSpec {
	return {
		name: 'Wait for Project',
		type: 'n8n-nodes-magic-hour.magicHour',
		typeVersion: 1,
		magicHour: true,
		parameters: {
			resource: 'project',
			operation: 'waitFor',
			projectId,
			projectKind: 'auto',
			downloadOutputs: true,
		},
	};
}

/** POST {items: [{prompt}], prompt}: every prompt into Magic Hour Image, and one video started and awaited. */
export const BATCH = { id: 'mhQueueBatch0001', path: 'mh-queue-batch' };
export function batchWorkflow(): Json {
	return workflow(
		BATCH.id,
		'queue: batch of prompts and a video',
		[
			webhookNode(BATCH.path),
			{
				name: 'Split Prompts',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				name: 'Create Images',
				type: 'n8n-nodes-magic-hour.magicHourImage',
				typeVersion: 1,
				magicHour: true,
				parameters: {
					operation: 'aiImageGenerator',
					prompt: '={{ $json.prompt }}',
					imageCount: 1,
					options: {},
					executionSettings: { maxConcurrency: 5 },
				},
			},
			ranOnNode('Images Ran On'),
			startVideo,
			waitForProject(),
			ranOnNode('Video Ran On'),
		],
		[
			['Webhook', 'Split Prompts'],
			['Split Prompts', 'Create Images'],
			['Create Images', 'Images Ran On'],
			['Webhook', 'Start Video'],
			['Start Video', 'Wait for Project'],
			['Wait for Project', 'Video Ran On'],
		],
	);
}

/** POST {prompt}: a video started, then awaited by Wait for Project (progress saved after each node). */
export const VIDEO = { id: 'mhQueueVideo0001', path: 'mh-queue-video' };
export function videoWorkflow(): Json {
	return workflow(
		VIDEO.id,
		'queue: start a video and wait for it',
		[webhookNode(VIDEO.path), startVideo, waitForProject(), ranOnNode('Ran On')],
		[
			['Webhook', 'Start Video'],
			['Start Video', 'Wait for Project'],
			['Wait for Project', 'Ran On'],
		],
		{ saveExecutionProgress: true },
	);
}

/** POST {projectId}: Wait for Project on a project created before (what a user re-runs). */
export const RESUME = { id: 'mhQueueResume001', path: 'mh-queue-resume' };
export function resumeWorkflow(): Json {
	return workflow(
		RESUME.id,
		'queue: wait for an existing project',
		[webhookNode(RESUME.path), waitForProject('={{ $json.body.projectId }}')],
		[['Webhook', 'Wait for Project']],
	);
}

/** The Magic Hour Trigger (image.completed) as a user sets it up. */
export const TRIGGER = {
	id: 'mhQueueTrigger01',
	webhookId: 'a7c3e9f1-2b4d-4e6f-8a0c-1e3f5a7b9c2d',
};
export function triggerWorkflow(): Json {
	return workflow(
		TRIGGER.id,
		'queue: Magic Hour Trigger',
		[
			{
				name: 'Magic Hour Trigger',
				type: 'n8n-nodes-magic-hour.magicHourTrigger',
				typeVersion: 1,
				magicHour: true,
				webhookId: TRIGGER.webhookId,
				parameters: { events: ['image.completed'], options: {} },
			},
			ranOnNode('Ran On'),
		],
		[['Magic Hour Trigger', 'Ran On']],
	);
}

/**
 * examples/09 (park and check) started by a webhook instead of the Manual Trigger; `deadline`
 * replaces the expression of "Set Deadline" (e.g. a deadline shorter than one Wait).
 */
export const PARK = { id: 'mhQueuePark00001', path: 'mh-queue-park' };
export const PARK_SHORT_DEADLINE = { id: 'mhQueuePark00002', path: 'mh-queue-park-deadline' };
export function parkAndCheckWorkflow(
	target: { id: string; path: string },
	deadline?: string,
): Json {
	const example = loadExamples().find(({ workflow: wf }) => wf.id === 'mhExampleParkChk');
	if (!example) throw new Error('examples/09-long-video-park-and-check.json is missing');
	const wf = JSON.parse(JSON.stringify(example.workflow)) as Json;
	const manual = wf.nodes.find((node: Json) => node.type === 'n8n-nodes-base.manualTrigger');
	const webhook = {
		...webhookNode(target.path, manual.name),
		id: manual.id,
		position: manual.position,
	};
	wf.nodes[wf.nodes.indexOf(manual)] = webhook;
	if (deadline) {
		const set = wf.nodes.find((node: Json) => node.name === 'Set Deadline');
		set.parameters.assignments.assignments[0].value = deadline;
	}
	wf.id = target.id;
	wf.name = `queue: ${wf.name}`;
	return wf;
}

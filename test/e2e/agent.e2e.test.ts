/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The Magic Hour nodes as tools of n8n's AI Agent, in a real n8n (`n8n start`): the example
 * workflow 06 (a public chat trigger → AI Agent with the OpenAI Chat Model and Magic Hour tools)
 * is published and receives a chat message over HTTP. The chat model is a scripted
 * OpenAI-compatible server on loopback (the OpenAI credentials' Base URL points at it): it
 * answers with fixed tool calls, then a final answer, and records what n8n sent it. The test
 * reads those requests (the tools the model was offered, the tool results it got back), n8n's
 * execution data and the emulator's projects.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { start, type Emulator } from '../../emulator';
import { RESOURCES } from '../../nodes/MagicHour/v1/actions/router';
import { agentToolDescription } from '../../nodes/shared/catalog/agentDescriptions';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import {
	emulatorCredential,
	loadExamples,
	N8nInstance,
	REPO_ROOT,
	type Json,
	type N8nServer,
} from '../../scripts/e2e/n8n';
import {
	ScriptedChatModel,
	scriptedModelCredential,
	toolResults,
	type ChatRequest,
} from '../../scripts/e2e/scriptedChatModel';

const EXAMPLE_ID = 'mhExampleAgent01';
const VARIANT_ID = 'mhE2eAgentVideo1';
const VARIANT_WEBHOOK = '6a1c3f0e-8b2d-4e7a-9c41-06a9e5b7d001';
/** What one tool result may cost the model's context, at most (the run got 827 characters). */
const MAX_TOOL_RESULT_BYTES = 600;

let emu: Emulator;
let model: ScriptedChatModel;
let n8n: N8nInstance;
let server: N8nServer;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const tool = (operation: string) => TOOLS.find((candidate) => candidate.operation === operation)!;

function example(): Json {
	const found = loadExamples().find(({ workflow }) => workflow.id === EXAMPLE_ID);
	if (!found) throw new Error(`example ${EXAMPLE_ID} not found`);
	return found.workflow;
}

/** The example with a fourth tool: Magic Hour Video (Text to Video), left at its tool-mode defaults. */
function videoVariant(): Json {
	const variant = JSON.parse(JSON.stringify(example()));
	variant.id = VARIANT_ID;
	variant.name = 'e2e: agent with a video tool';
	variant.nodes.find((node: Json) => node.type.endsWith('.chatTrigger')).webhookId =
		VARIANT_WEBHOOK;
	variant.nodes.push({
		id: '6a1c3f0e-8b2d-4e7a-9c41-06a9e5b7d002',
		name: 'Start Video',
		type: 'n8n-nodes-magic-hour.magicHourVideoTool',
		typeVersion: 1,
		position: [900, 240],
		parameters: {
			operation: 'textToVideo',
			prompt: "={{ $fromAI('video_prompt', 'What happens in the video clip', 'string') }}",
			duration: 5,
			options: {},
		},
		credentials: { magicHourCommunityApi: { id: 'mhCredEmulator01', name: 'Magic Hour account' } },
	});
	variant.connections['Start Video'] = {
		ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]],
	};
	return variant;
}

function chatUrl(webhookId: string): string {
	return server.webhookUrl(webhookId, 'chat');
}

/** A published chat trigger serves its chat page (GET) once n8n has registered it. */
async function waitForChat(webhookId: string): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const res = await fetch(chatUrl(webhookId)).catch(() => undefined);
		if (res?.status === 200) return;
		if (Date.now() > deadline)
			throw new Error(`chat ${webhookId} not registered\n${n8n.logTail()}`);
		await sleep(500);
	}
}

async function sendChat(webhookId: string, chatInput: string): Promise<Json> {
	const res = await fetch(chatUrl(webhookId), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ action: 'sendMessage', sessionId: `e2e-${webhookId}`, chatInput }),
	});
	const text = await res.text();
	if (res.status !== 200) throw new Error(`chat answered ${res.status}: ${text}\n${n8n.logTail()}`);
	return JSON.parse(text);
}

/** The run data of the workflow's newest finished execution. */
async function lastExecution(workflowId: string): Promise<Json> {
	const executions = await n8n.executions(workflowId);
	const last = executions[executions.length - 1];
	expect(last).toMatchObject({ status: 'success', mode: 'webhook' });
	return (await n8n.executionData(last.id)).data.resultData.runData;
}

/** The JSON a tool node handed the agent, as n8n recorded it (the tool node's ai_tool output). */
function toolOutput(runData: Json, nodeName: string): Json[] {
	const runs = runData[nodeName];
	if (!runs?.length)
		throw new Error(
			`tool node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`,
		);
	return runs[runs.length - 1].data.ai_tool[0].map((item: Json) => item.json);
}

function offeredTools(
	request: ChatRequest,
): Record<string, { description: string; parameters: Json }> {
	return Object.fromEntries(
		(request.tools ?? []).map(({ function: fn }) => [
			fn.name,
			{ description: fn.description, parameters: fn.parameters },
		]),
	);
}

/** The content of the `tool` message answering the n-th tool call (what the model read). */
function toolMessage(request: ChatRequest, index: number): string {
	const message = request.messages.filter((candidate) => candidate.role === 'tool')[index];
	return typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
}

function expectSmallAndUseful(content: string): Json {
	expect(Buffer.byteLength(content)).toBeLessThanOrEqual(MAX_TOOL_RESULT_BYTES);
	// No base64 or other blobs: the longest unbroken run of base64 characters is a URL token at most.
	expect(
		Math.max(0, ...(content.match(/[A-Za-z0-9+/=]{100,}/g) ?? []).map((run) => run.length)),
	).toBe(0);
	const parsed = JSON.parse(content);
	expect(Array.isArray(parsed) && parsed.length).toBe(1);
	return parsed[0];
}

beforeAll(async () => {
	emu = await start({ speed: 50, quiet: true });
	model = await ScriptedChatModel.start();
	n8n = await N8nInstance.create();
	await n8n.importCredentials([emulatorCredential(emu), scriptedModelCredential(model.baseUrl)]);
	await n8n.importWorkflows([example(), videoVariant()]);
	await n8n.publish(EXAMPLE_ID);
	await n8n.publish(VARIANT_ID);
	server = await n8n.start();
	const webhookId = example().nodes.find((node: Json) =>
		node.type.endsWith('.chatTrigger'),
	).webhookId;
	await waitForChat(webhookId);
	await waitForChat(VARIANT_WEBHOOK);
});

afterAll(async () => {
	// What n8n sent the model, kept for reading (git-ignored): the README's samples come from it.
	if (model) {
		mkdirSync(join(REPO_ROOT, '.n8n-e2e'), { recursive: true });
		writeFileSync(
			join(REPO_ROOT, '.n8n-e2e', 'agent-model-requests.json'),
			JSON.stringify(model.requests, null, 2),
		);
	}
	await n8n?.dispose();
	await model?.stop();
	await emu?.stop();
});

test('example 08: one chat message → the agent makes the post image and the voice-over with Magic Hour tools', async () => {
	const webhookId = example().nodes.find((node: Json) =>
		node.type.endsWith('.chatTrigger'),
	).webhookId;
	const from = model.requests.length;
	const imagePrompt =
		'A latte with leaf art on a wooden table, morning light, flat lay, warm autumn colors';
	const caption = 'Autumn is here, and so is our maple latte. Come taste it this week.';
	model.play([
		{ tool: 'Create_Post_Image', args: { image_prompt: imagePrompt } },
		{ tool: 'Create_Voice_Over', args: { text: caption } },
		{
			answer: (request) => {
				const [[image], [voice]] = toolResults(request);
				return `${caption}\nImage: ${image.output_urls[0]}\nVoice-over: ${voice.output_urls[0]}`;
			},
		},
	]);

	const reply = await sendChat(webhookId, 'Make a post announcing our new maple latte');

	const requests = model.chatRequests(from);
	expect(requests).toHaveLength(3);

	// 1. What the model was offered: every tool with its name, a description of the chosen
	//    operation, and the arguments of the $fromAI() calls as a JSON schema.
	const tools = offeredTools(requests[0]);
	expect(Object.keys(tools).sort()).toEqual([
		'Create_Post_Image',
		'Create_Voice_Over',
		'Get_Project',
	]);
	expect(tools.Create_Post_Image.description).toBe(agentToolDescription(tool('aiImageGenerator')));
	expect(tools.Create_Voice_Over.description).toBe(agentToolDescription(tool('aiVoiceGenerator')));
	expect(tools.Get_Project.description).toBe(RESOURCES.project.operations.get.agentDescription);
	expect(tools.Create_Post_Image.parameters).toMatchObject({
		type: 'object',
		properties: {
			image_prompt: { type: 'string', description: expect.stringMatching(/What the image shows/) },
		},
		required: ['image_prompt'],
	});
	expect(tools.Create_Voice_Over.parameters).toMatchObject({
		properties: { text: { type: 'string' } },
		required: ['text'],
	});
	expect(Object.keys(tools.Get_Project.parameters.properties).sort()).toEqual([
		'kind',
		'project_id',
	]);

	// 2. The calls ran against Magic Hour with the arguments the model filled in.
	const image = expectSmallAndUseful(toolMessage(requests[1], 0));
	expect(image).toEqual({
		id: expect.any(String),
		kind: 'image',
		status: 'complete',
		credits_charged: expect.any(Number),
		output_urls: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/.+\.png$/)],
	});
	expect(emu.getProject(image.id)?.body).toMatchObject({
		image_count: 1,
		aspect_ratio: '1:1',
		style: { prompt: imagePrompt },
	});

	const voice = expectSmallAndUseful(toolMessage(requests[2], 1));
	expect(voice).toMatchObject({
		kind: 'audio',
		status: 'complete',
		credits_charged: Math.ceil(caption.length / 10),
	});
	expect(voice.output_urls).toHaveLength(1);
	expect(emu.getProject(voice.id)?.body).toMatchObject({
		style: { prompt: caption, voice_name: 'Morgan Freeman' },
	});

	// 3. n8n's execution data: the tool nodes ran and handed the agent exactly what the model read.
	const runData = await lastExecution(EXAMPLE_ID);
	expect(toolOutput(runData, 'Create Post Image')).toEqual([image]);
	expect(toolOutput(runData, 'Create Voice Over')).toEqual([voice]);
	expect(runData['Create Post Image'].at(-1).inputOverride.ai_tool[0][0].json).toMatchObject({
		image_prompt: imagePrompt,
	});
	expect(runData['AI Agent'].at(-1).data.main[0][0].json.output).toContain(image.output_urls[0]);

	// 4. The chat got the final answer.
	expect(reply.output).toContain(caption);
	expect(reply.output).toContain(voice.output_urls[0]);
});

test('a video tool answers at once with the project ID, and the agent checks back with Get Project', async () => {
	const from = model.requests.length;
	model.play([
		{ tool: 'Start_Video', args: { video_prompt: 'Steam rising from a latte, slow motion' } },
		{
			tool: 'Get_Project',
			args: (request) => {
				const [[video]] = toolResults(request);
				return { project_id: video.id, kind: video.kind };
			},
		},
		{ answer: (request) => `The video is ${toolResults(request)[1][0].status}.` },
	]);

	const reply = await sendChat(VARIANT_WEBHOOK, 'Make a short video of our latte');
	const requests = model.chatRequests(from);
	expect(requests).toHaveLength(3);

	const tools = offeredTools(requests[0]);
	expect(Object.keys(tools).sort()).toEqual([
		'Create_Post_Image',
		'Create_Voice_Over',
		'Get_Project',
		'Start_Video',
	]);
	expect(tools.Start_Video.description).toBe(agentToolDescription(tool('textToVideo')));
	expect(tools.Start_Video.description).toMatch(/returns the project ID at once/);

	const video = expectSmallAndUseful(toolMessage(requests[1], 0));
	expect(video).toEqual({
		id: expect.any(String),
		kind: 'video',
		status: 'queued',
		credits_charged: expect.any(Number),
		next: expect.stringMatching(/Get Project/),
	});
	expect(emu.getProject(video.id)?.body).toMatchObject({
		style: { prompt: 'Steam rising from a latte, slow motion' },
	});

	const checked = expectSmallAndUseful(toolMessage(requests[2], 1));
	expect(checked).toMatchObject({
		id: video.id,
		kind: 'video',
		status: expect.stringMatching(/^(queued|rendering|complete)$/),
	});
	expect(reply.output).toBe(`The video is ${checked.status}.`);

	const runData = await lastExecution(VARIANT_ID);
	expect(toolOutput(runData, 'Start Video')).toEqual([video]);
	expect(toolOutput(runData, 'Get Project')).toEqual([checked]);
	expect(runData['Get Project'].at(-1).inputOverride.ai_tool[0][0].json).toMatchObject({
		project_id: video.id,
		kind: 'video',
	});
});

/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: tests */
/**
 * Issue 22 (second outside review), items 1–5 and 8: no create starts after the run has decided
 * to fail, a cancel keeps the ID of the job a create made, an agent is told the truth about a job
 * whose outcome is unknown, Download as a tool downloads nothing, binary names cannot trick the
 * output, and a Limit that is not a number is refused. Real n8n-core contexts against the emulator.
 */
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { asAgentTool } from '../harness/agentTool';
import { binaryFromBuffer, executeNode, failureOf } from '../harness/executeNode';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';
import { sampleFile } from '../harness/sampleFiles';

const emu = useFastEmulator();
const IMAGE_CREATE = '/v1/ai-image-generator';

interface RunOptions {
	continueOnFail?: boolean;
	abortSignal?: AbortSignal;
	typeName?: string;
}

function run(
	nodeType: INodeType | MagicHour | MagicHourImage,
	parameters: IDataObject,
	items: INodeExecutionData[] = [{ json: {} }],
	options: RunOptions = {},
) {
	return executeNode({
		nodeType,
		typeName: options.typeName,
		parameters: parameters as never,
		items,
		continueOnFail: options.continueOnFail,
		abortSignal: options.abortSignal,
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
	});
}

function runAsTool(nodeType: INodeType, parameters: IDataObject) {
	return run(nodeType, parameters, [{ json: {} }], {
		typeName: `n8n-nodes-magic-hour.${nodeType.description.name}`,
	});
}

const generate = (settings: IDataObject = {}) => ({
	operation: 'aiImageGenerator',
	prompt: '={{ $json.prompt }}',
	imageCount: 1,
	executionSettings: { ...FAST_POLLING, ...settings },
});
const prompts = (...values: string[]) => values.map((prompt) => ({ json: { prompt } }));
const creates = () =>
	emu.log.filter((entry) => entry.method === 'POST' && entry.path === IMAGE_CREATE);

async function eventually(predicate: () => boolean, what: string) {
	for (let tries = 0; !predicate(); tries++) {
		if (tries > 2_000) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

describe('issue 22.1: once the run has decided to fail, no create attempt starts', () => {
	it('a create waiting out a 429 is not sent again after another item failed', async () => {
		// Whichever create arrives first waits out a 429; the other one fails with 402.
		emu.faults.add({
			match: `POST ${IMAGE_CREATE}`,
			fault: { type: 'rate-limit', retryAfterSeconds: 1 },
		});
		emu.faults.add({ match: `POST ${IMAGE_CREATE}`, fault: { type: 'status', status: 402 } });
		const error = await failureOf(
			run(new MagicHourImage(), generate({ maxConcurrency: 2 }), prompts('a boat', 'a tree')),
		);
		expect(error.message).toMatch(/Not enough Magic Hour credits/);
		// The old code sent the waiting create again: 429, 402, 200 and one charged job.
		expect(creates().map((entry) => entry.status)).toEqual([429, 402]);
		expect(emu.counters().jobsCreated).toBe(0);
		expect(error.description ?? '').not.toMatch(/Jobs this run created/);
	});

	it('a create already in flight when another item fails is let finish, and its job is listed', async () => {
		emu.faults.add({
			match: `POST ${IMAGE_CREATE}`,
			fault: { type: 'slow-headers', delayMs: 500 },
		});
		emu.faults.add({ match: `POST ${IMAGE_CREATE}`, fault: { type: 'status', status: 402 } });
		const error = await failureOf(
			run(new MagicHourImage(), generate({ maxConcurrency: 2 }), prompts('a boat', 'a tree')),
		);
		expect(error.message).toMatch(/Not enough Magic Hour credits/);
		const ids = emu.listProjects().map((project) => project.id);
		expect(ids).toHaveLength(1);
		expect(error.description).toContain(ids[0]);
	});
});

describe('issue 22.2: cancelling during a create keeps the ID of the job it made', () => {
	it('the create POST is not aborted; its project ID is logged and in the cancel error, and nothing is polled', async () => {
		emu.faults.add({
			match: `POST ${IMAGE_CREATE}`,
			fault: { type: 'slow-headers', delayMs: 800 },
		});
		const controller = new AbortController();
		const logs: string[] = [];
		const running = failureOf(
			executeNode({
				nodeType: new MagicHourImage(),
				parameters: generate() as never,
				items: prompts('a boat'),
				abortSignal: controller.signal,
				credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
				onContext: (_context, log) => {
					log.push = (...lines: string[]) => logs.push(...lines);
				},
			}),
		);
		await eventually(() => creates().length === 1, 'the create to be sent');
		controller.abort();
		const error = await running;
		expect(error.message).toMatch(/execution was cancelled/);
		await eventually(() => emu.listProjects().length === 1, 'the job to exist');
		const [id] = emu.listProjects().map((project) => project.id);
		expect(creates()[0].status).toBe(200);
		expect(logs.join('\n')).toContain(id);
		expect(error.description).toContain(id);
		expect(emu.log.filter((entry) => entry.method === 'GET')).toHaveLength(0);
	});
});

describe('issue 22.3: an agent is told "error" only when Magic Hour said so or nothing was created', () => {
	it('a wait that times out before the first status check: the job ID, status "unknown" and a hint to check it', async () => {
		emu.jobs.setDurationMs(IMAGE_CREATE, 60_000);
		const { output } = await runAsTool(asAgentTool(new MagicHourImage()), {
			operation: 'aiImageGenerator',
			prompt: 'A slow painting',
			imageCount: 1,
			// Automatic polling checks first near the tool's median (seconds): after this timeout.
			executionSettings: { timeoutMinutes: 0.01 },
		});
		const result = output[0][0].json;
		expect(result.id).toEqual(expect.any(String));
		expect(emu.getProject(String(result.id))).toBeDefined();
		expect(result.status).not.toBe('error');
		expect(result.status).toMatch(/^(unknown|queued|rendering)$/);
		expect(result.next).toMatch(/Get Project/);
		expect(result.next).toMatch(/instead of|not create another|do not/i);
	});

	it('failing status checks: the job ID, its last known status, and a hint to check it', async () => {
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 100,
			fault: { type: 'status', status: 403 },
		});
		const { output } = await runAsTool(asAgentTool(new MagicHourImage()), {
			operation: 'aiImageGenerator',
			prompt: 'A painting',
			imageCount: 1,
			executionSettings: FAST_POLLING,
		});
		const result = output[0][0].json;
		expect(result.id).toEqual(expect.any(String));
		expect(result.status).not.toBe('error');
		expect(result.next).toMatch(/Get Project/);
		expect(result.error).toEqual(expect.any(String));
	});
});

describe('issue 22.3 (same rule): a create whose answer was lost', () => {
	it('is reported to the agent as status "unknown" with a hint not to create another, not as "error"', async () => {
		emu.faults.add({ match: `POST ${IMAGE_CREATE}`, fault: { type: 'status', status: 502 } });
		const { output } = await runAsTool(asAgentTool(new MagicHourImage()), {
			operation: 'aiImageGenerator',
			prompt: 'A painting',
			imageCount: 1,
			executionSettings: FAST_POLLING,
		});
		const result = output[0][0].json;
		expect(result).toMatchObject({ id: null, status: 'unknown' });
		expect(result.next).toMatch(/do not create another/);
		expect(creates()).toHaveLength(1);
	});
});

describe('issue 22.4: Project → Download as a tool returns URLs without downloading', () => {
	it('answers with the project and its output URLs, and fetches no file', async () => {
		const { output: made } = await run(new MagicHourImage(), generate(), prompts('a kite'));
		const id = String(made[0][0].json.id);
		emu.log.length = 0;
		const { output } = await runAsTool(asAgentTool(new MagicHour()), {
			resource: 'project',
			operation: 'download',
			projectId: id,
			projectKind: 'image',
		});
		expect(output[0][0].json).toMatchObject({
			id,
			status: 'complete',
			output_urls: [expect.stringMatching(new RegExp(`/${id}\\.png$`))],
		});
		expect(output[0][0].binary).toBeUndefined();
		expect(emu.log.filter((entry) => !entry.path.startsWith('/v1/'))).toHaveLength(0);
	});
});

describe('issue 22.5: binary property names that could trick the output are refused before any request', () => {
	it.each(['__proto__', 'constructor', 'prototype', 'a\u0000b'])(
		'Binary Property Prefix %j of a tool node',
		async (prefix) => {
			const error = await failureOf(
				run(new MagicHourImage(), generate({ binaryPropertyPrefix: '={{ $json.prefix }}' }), [
					{ json: { prompt: 'a boat', prefix } },
				]),
			);
			expect(error.message).toMatch(/Binary Property Prefix/);
			expect(emu.log).toHaveLength(0);
		},
	);

	it('Binary Property Prefix "__proto__" of Project → Download', async () => {
		const error = await failureOf(
			run(new MagicHour(), {
				resource: 'project',
				operation: 'download',
				projectId: 'cm_any',
				projectKind: 'image',
				binaryPropertyPrefix: '__proto__',
			}),
		);
		expect(error.message).toMatch(/Binary Property Prefix/);
		expect(emu.log).toHaveLength(0);
	});

	it('an input binary field named "__proto__" (File → Upload)', async () => {
		const binary = await binaryFromBuffer(sampleFile('image/png'), 'me.png', 'image/png');
		const error = await failureOf(
			run(
				new MagicHour(),
				{
					resource: 'file',
					operation: 'upload',
					binaryPropertyName: '__proto__',
					assetType: 'image',
				},
				[{ json: {}, binary: { data: binary } }],
			),
		);
		expect(error.message).toMatch(/__proto__/);
		expect(error.message).toMatch(/not a valid binary field name|binary field/);
		expect(emu.log).toHaveLength(0);
	});
});

describe('issue 22.8: List Saved Items with a Limit that is not a number', () => {
	it('is refused naming "Limit", before any request', async () => {
		const error = await failureOf(
			run(new MagicHour(), {
				resource: 'file',
				operation: 'listSavedItems',
				returnAll: false,
				limit: '={{ "many" }}',
			}),
		);
		expect(error.message).toMatch(/"Limit"/);
		expect(error.message).toMatch(/many/);
		expect(emu.log).toHaveLength(0);
	});
});

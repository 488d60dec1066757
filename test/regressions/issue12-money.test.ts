/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: tests */
/**
 * Issue 12, items 1–4 and 8: paid jobs never vanish, the timeout is an upper bound, bad numbers
 * are named, odd API answers are reported honestly, and a cancelled run stops and cleans up.
 * Real n8n-core contexts against the emulator; faults provoke each case.
 */
import { getEventListeners } from 'node:events';
import type { Readable } from 'node:stream';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { binaryFromBuffer, executeNode, failureOf } from '../harness/executeNode';
import { sampleFile } from '../harness/sampleFiles';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();
const FAST = FAST_POLLING;
const IMAGE_CREATE = '/v1/ai-image-generator';
const FACE_SWAP_CREATE = '/v1/face-swap-photo';

interface RunOptions {
	continueOnFail?: boolean;
	abortSignal?: AbortSignal;
	logs?: string[];
	onStream?: (stream: Readable) => void;
}

function runNode(
	nodeType: MagicHour | MagicHourImage,
	parameters: IDataObject,
	items: INodeExecutionData[],
	run: RunOptions = {},
) {
	return executeNode({
		nodeType,
		parameters: parameters as never,
		items,
		continueOnFail: run.continueOnFail,
		abortSignal: run.abortSignal,
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
		onContext: (context, logs) => {
			if (run.logs) logs.push = (...lines: string[]) => run.logs!.push(...lines);
			if (run.onStream) {
				const open = context.helpers.getBinaryStream.bind(context.helpers);
				context.helpers.getBinaryStream = async (...args: Parameters<typeof open>) => {
					const stream = await open(...args);
					run.onStream!(stream);
					return stream;
				};
			}
		},
	});
}

function runImage(parameters: IDataObject, items: INodeExecutionData[], run: RunOptions = {}) {
	return runNode(new MagicHourImage(), { executionSettings: FAST, ...parameters }, items, run);
}

const generate = (prompt: string, settings: IDataObject = {}, options: IDataObject = {}) => ({
	operation: 'aiImageGenerator',
	prompt,
	imageCount: 1,
	options,
	executionSettings: { ...FAST, ...settings },
});
const prompts = (...values: string[]) => values.map((prompt) => ({ json: { prompt } }));
const apiRequests = () => emu.log.filter((entry) => entry.path.startsWith('/v1/'));
const createsOf = (endpoint: string) =>
	emu.log.filter((entry) => entry.method === 'POST' && entry.path === endpoint);
/** Every project the emulator created in this test. */
const createdIds = () => emu.listProjects().map((project) => project.id);

async function eventually(predicate: () => boolean, what: string, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

async function faceSwapItems(count: number): Promise<INodeExecutionData[]> {
	const binary = await binaryFromBuffer(sampleFile('image/png'), 'me.png', 'image/png');
	return Array.from({ length: count }, () => ({ json: {}, binary: { photo: binary } }));
}

const faceSwapFromBinary = (settings: IDataObject = {}) => ({
	operation: 'faceSwapPhoto',
	faceSwapMode: 'all-faces',
	targetImageSource: 'url',
	targetImageUrl: 'https://example.com/group.jpg',
	sourceImageSource: 'binary',
	sourceImageBinaryProperty: 'photo',
	executionSettings: { ...FAST, ...settings },
});

describe('issue 12.1: one failing item never hides the jobs of the others', () => {
	it('a blank prompt in the middle item fails the run before any request', async () => {
		const error = await failureOf(
			runImage(generate('={{ $json.prompt }}'), prompts('a boat', '  ', 'a tree')),
		);
		expect(error.message).toMatch(/"Prompt" is required/);
		expect(error.description).toMatch(/no credits were used/);
		expect(apiRequests()).toHaveLength(0);
		expect(emu.counters().jobsCreated).toBe(0);
	});

	it('a binary of a refused format in the last item fails the run before any upload', async () => {
		const items = await faceSwapItems(3);
		items[2] = {
			json: {},
			binary: { photo: await binaryFromBuffer(Buffer.from('hello'), 'notes.txt', 'text/plain') },
		};
		const error = await failureOf(runImage(faceSwapFromBinary(), items));
		expect(error.message).toMatch(/notes\.txt .* is not a format Magic Hour accepts/);
		expect(emu.log).toHaveLength(0);
	});

	it('a 402 on one create names the jobs the other items created, and speaks of its own item only', async () => {
		const cost = (await runImage(generate('a probe'), prompts(''))).output[0][0].json
			.credits_charged as number;
		emu.reset();
		emu.setCredits(2 * cost);
		const error = await failureOf(
			runImage(generate('={{ $json.prompt }}'), prompts('a boat', 'a house', 'a tree')),
		);
		expect(error.message).toMatch(/Not enough Magic Hour credits/);
		const created = emu.counters().jobsCreated;
		expect(created).toBe(2);
		const ids = createdIds();
		expect(ids).toHaveLength(2);
		for (const id of ids) expect(error.description).toContain(id);
		expect(error.description).toMatch(/AI Image Generator/);
		expect(error.description).toMatch(/nothing was charged for this item/);
		expect(error.description).not.toMatch(/Nothing was charged for this request/);
	});

	it('a timeout of one item names every job of the run (ID, tool, status) and starts no new create', async () => {
		emu.jobs.setDurationMs(IMAGE_CREATE, 3_000);
		const items = [
			{ json: { prompt: 'a boat', timeout: 1 } },
			{ json: { prompt: 'a house', timeout: 0.01 } },
			{ json: { prompt: 'a tree', timeout: 1 } },
			{ json: { prompt: 'a cloud', timeout: 1 } },
		];
		const error = await failureOf(
			runImage(
				generate('={{ $json.prompt }}', {
					maxConcurrency: 3,
					timeoutMinutes: '={{ $json.timeout }}',
				}),
				items,
			),
		);
		expect(error.message).toMatch(/did not finish within/);
		expect(createsOf(IMAGE_CREATE)).toHaveLength(3);
		const ids = createdIds();
		expect(ids).toHaveLength(3);
		for (const id of ids)
			expect(error.description).toMatch(
				new RegExp(`${id}.*AI Image Generator.*(queued|rendering)`),
			);
		expect(error.context?.createdProjects).toHaveLength(3);
	});

	it('an upload failure names the job an earlier item created', async () => {
		// The first item's upload passes, the second item's is refused.
		emu.faults.add({
			match: 'PUT /uploads/*',
			times: 1,
			fault: { type: 'slow-headers', delayMs: 0 },
		});
		emu.faults.add({ match: 'PUT /uploads/*', times: 5, fault: { type: 'status', status: 403 } });
		const error = await failureOf(
			runImage(faceSwapFromBinary({ maxConcurrency: 1 }), await faceSwapItems(3)),
		);
		expect(error.message).toMatch(/uploading the file to Magic Hour failed/);
		expect(createsOf(FACE_SWAP_CREATE)).toHaveLength(1);
		const ids = createdIds();
		expect(ids).toHaveLength(1);
		expect(error.description).toContain(ids[0]);
		expect(error.description).toMatch(/status complete/);
	});
});

describe('issue 12.2: "Timeout (Minutes)" is an upper bound', () => {
	it('429s with Retry-After: 5 on status checks end a 3 s wait near 3 s, saying how long it waited', async () => {
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 100,
			fault: { type: 'rate-limit', retryAfterSeconds: 5 },
		});
		const started = Date.now();
		const error = await failureOf(
			runImage(generate('a boat', { timeoutMinutes: 0.05 }), prompts('')),
		);
		const elapsed = Date.now() - started;
		expect(error.message).toMatch(/did not finish within/);
		const waited = Number(/within (\d+(?:\.\d+)?)s/.exec(error.message)?.[1]);
		expect(waited).toBeGreaterThanOrEqual(2.9);
		expect(waited).toBeLessThan(8);
		// The old code kept honouring Retry-After: about 21 s.
		expect(elapsed).toBeLessThan(8_000);
	}, 40_000);

	it('a download that outlasts the timeout is aborted at the deadline', async () => {
		emu.faults.add({
			match: 'GET /downloads/*',
			times: 10,
			fault: { type: 'slow-headers', delayMs: 15_000 },
		});
		const started = Date.now();
		const error = await failureOf(
			runImage(generate('a boat', { timeoutMinutes: 0.05 }), prompts('')),
		);
		expect(Date.now() - started).toBeLessThan(8_000);
		expect(error.message).toMatch(/did not finish in time/);
		expect(error.message).toMatch(/waited \d/);
		expect(error.description).toMatch(/complete/);
	}, 40_000);
});

describe('issue 12.3: numbers that are not numbers are named', () => {
	it('"Max Concurrent Jobs" from an expression returning text', async () => {
		const error = await failureOf(
			runImage(generate('a boat', { maxConcurrency: '={{ "many" }}' }), prompts('', '')),
		);
		expect(error.message).toMatch(/Max Concurrent Jobs/);
		expect(error.message).toMatch(/many/);
		expect(apiRequests()).toHaveLength(0);
	});

	it('"Poll Every (Seconds)" from an expression returning text', async () => {
		const error = await failureOf(
			runImage(
				generate('a boat', { pollingMode: 'fixed', pollIntervalSeconds: '={{ "soon" }}' }),
				prompts(''),
			),
		);
		expect(error.message).toMatch(/Poll Every \(Seconds\)/);
		expect(apiRequests()).toHaveLength(0);
	});

	it('"Poll Every (Seconds)" of "Wait for Project"', async () => {
		const error = await failureOf(
			runNode(
				new MagicHour(),
				{
					resource: 'project',
					operation: 'waitFor',
					projectId: 'abc',
					projectKind: 'image',
					executionSettings: { pollingMode: 'fixed', pollIntervalSeconds: '={{ "soon" }}' },
				},
				[{ json: {} }],
			),
		);
		expect(error.message).toMatch(/Poll Every \(Seconds\)/);
		expect(apiRequests()).toHaveLength(0);
	});
});

describe('issue 12.4: unexpected API answers get honest outcomes', () => {
	it('a 200 create without an id: says the job may be charged, polls nothing', async () => {
		emu.faults.add({
			match: `POST ${IMAGE_CREATE}`,
			fault: { type: 'rewrite-body', omit: ['id'] },
		});
		const error = await failureOf(
			runImage(generate('a boat', {}, { jobName: 'boat-42' }), prompts('')),
		);
		expect(error.message).toMatch(/no project ID/i);
		expect(error.description).toMatch(/may have been charged|charges credits/);
		expect(error.description).toMatch(/boat-42/);
		expect(emu.log.filter((entry) => entry.method === 'GET')).toHaveLength(0);
		expect(emu.counters().jobsCreated).toBe(1);
	});

	it('a complete project without downloads while "Download Outputs" is on is an error, not a silent success', async () => {
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 100,
			fault: { type: 'rewrite-body', set: { downloads: [] } },
		});
		const { output } = await runImage(generate('a boat'), prompts(''), { continueOnFail: true });
		const json = output[0][0].json;
		expect(json.error).toMatch(/no output files/);
		expect(json.id).toEqual(expect.any(String));
		expect(json.status).toBe('complete');
	});

	it('a DELETE whose 2xx was lost, retried into a 404, reports the project deleted', async () => {
		const { output } = await runImage(
			{ ...generate('a boat'), waitForCompletion: false },
			prompts(''),
		);
		const id = String(output[0][0].json.id);
		emu.faults.add({ match: 'DELETE /v1/image-projects/*', fault: { type: 'reset-after-accept' } });
		const deleted = await runNode(
			new MagicHour(),
			{ resource: 'project', operation: 'delete', projectId: id, projectKind: 'image' },
			[{ json: {} }],
		);
		expect(deleted.output[0][0].json).toEqual(expect.objectContaining({ id, deleted: true }));
		// The first answer never arrived (status 0 in the log); the retry found the project gone.
		expect(
			emu.log.filter((entry) => entry.method === 'DELETE').map((entry) => entry.status),
		).toEqual([0, 404]);
		expect(emu.getProject(id)?.deleted).toBe(true);
	});
});

describe('issue 12.8: cancellation and leaks', () => {
	it('no abort listener outlives its run (a node inside a loop)', async () => {
		const controller = new AbortController();
		const warnings: string[] = [];
		const onWarning = (warning: Error) => warnings.push(warning.name);
		process.on('warning', onWarning);
		try {
			for (let run = 0; run < 15; run++) {
				await runImage(generate('a boat', { maxConcurrency: 2 }), prompts('', ''), {
					abortSignal: controller.signal,
				});
			}
		} finally {
			process.off('warning', onWarning);
		}
		expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
		expect(warnings).not.toContain('MaxListenersExceededWarning');
	});

	it('a cancelled run stops its presigned upload at once', async () => {
		emu.faults.add({
			match: 'PUT /uploads/*',
			times: 5,
			fault: { type: 'slow-headers', delayMs: 20_000 },
		});
		const controller = new AbortController();
		const running = failureOf(
			runImage(faceSwapFromBinary(), await faceSwapItems(1), { abortSignal: controller.signal }),
		);
		await eventually(() => emu.log.some((entry) => entry.method === 'PUT'), 'the upload to start');
		const cancelledAt = Date.now();
		controller.abort();
		const error = await running;
		expect(error.message).toMatch(/execution was cancelled/);
		expect(Date.now() - cancelledAt).toBeLessThan(5_000);
		expect(createsOf(FACE_SWAP_CREATE)).toHaveLength(0);
	}, 40_000);

	it('a refused upload (4xx) is not retried, and every stream it opened is closed', async () => {
		emu.faults.add({ match: 'PUT /uploads/*', times: 5, fault: { type: 'status', status: 403 } });
		const streams: Readable[] = [];
		const error = await failureOf(
			runImage(faceSwapFromBinary(), await faceSwapItems(1), { onStream: (s) => streams.push(s) }),
		);
		expect(error.message).toMatch(/uploading the file to Magic Hour failed/);
		expect(error.description).toMatch(/403/);
		expect(emu.log.filter((entry) => entry.method === 'PUT')).toHaveLength(1);
		expect(streams.every((stream) => stream.destroyed)).toBe(true);
	});

	it('a failing upload (5xx) is retried after a backoff', async () => {
		emu.faults.add({ match: 'PUT /uploads/*', times: 2, fault: { type: 'status', status: 503 } });
		const { output } = await runImage(faceSwapFromBinary(), await faceSwapItems(1));
		expect(output[0][0].json.status).toBe('complete');
		const puts = emu.log.filter((entry) => entry.method === 'PUT');
		expect(puts).toHaveLength(3);
		// Backoff lower bounds (never shorter than this, however loaded the machine is).
		expect(puts[1].start - puts[0].end).toBeGreaterThanOrEqual(200);
		expect(puts[2].start - puts[1].end).toBeGreaterThanOrEqual(400);
	});

	it('a cancelled run logs the projects it created', async () => {
		emu.jobs.setDurationMs(IMAGE_CREATE, 20_000);
		const controller = new AbortController();
		const logs: string[] = [];
		const running = failureOf(
			runImage(generate('={{ $json.prompt }}'), prompts('a boat', 'a tree'), {
				abortSignal: controller.signal,
				logs,
			}),
		);
		// Both create answers have arrived once both projects are polled.
		const polled = () =>
			new Set(emu.log.filter((entry) => entry.method === 'GET').map((entry) => entry.path)).size;
		await eventually(
			() => emu.counters().jobsCreated === 2 && polled() === 2,
			'both jobs to be created and polled',
		);
		controller.abort();
		const error = await running;
		expect(error.message).toMatch(/execution was cancelled/);
		const ids = createdIds();
		expect(ids).toHaveLength(2);
		const logged = logs.join('\n');
		for (const id of ids) expect(logged).toContain(id);
	}, 40_000);

	// A guard, not a regression: n8n already hands its cancel signal to authenticated requests; the
	// engine now passes its own per-request signal and must keep this working.
	it('a cancelled run aborts a status request in flight at once', async () => {
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 5,
			fault: { type: 'slow-headers', delayMs: 20_000 },
		});
		const controller = new AbortController();
		const running = failureOf(
			runImage(generate('a boat'), prompts(''), { abortSignal: controller.signal }),
		);
		await eventually(
			() => emu.log.some((entry) => entry.method === 'GET'),
			'the first status check',
		);
		const cancelledAt = Date.now();
		controller.abort();
		expect((await running).message).toMatch(/execution was cancelled/);
		expect(Date.now() - cancelledAt).toBeLessThan(5_000);
	}, 40_000);
});

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Chaos suite (`npm run test:chaos`): real nodes in n8n-core's real ExecuteContext, several
 * items each, driven through the emulator's fault injection. For every scenario: each input
 * item ends as exactly one output item or one error item, no corrupt binary, no job created
 * twice, no secret anywhere. The Trigger part lives in triggerFuzz.ts. A summary table is
 * printed at the end and written to .cache/reports/chaos-summary.md (git-ignored: a test run
 * leaves the work tree as it found it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { binaryFromBuffer, readBinary } from '../harness/executeNode';
import { sampleFile } from '../harness/sampleFiles';
import { waitFor } from '../harness/webhookRunner';
import {
	addRow,
	api,
	captureProcessOutput,
	corpus,
	corruptBinaries,
	ENDPOINTS,
	leaksIn,
	leftoverFaults,
	onEachPolledProject,
	onEachRequest,
	projects,
	record,
	resetEmulator,
	rows,
	FAST_SETTINGS,
	RUN_OPTIONS,
	runNode,
	scenario,
	SECRETS,
	settle,
	SLOWER_THAN_TIMEOUT_MS,
	startEmulator,
	summaryTable,
	tagged,
	type Emu,
} from './chaosKit';
import { triggerFuzz } from './triggerFuzz';

let emu: Emu;
let restoreOutput: () => void;

beforeAll(async () => {
	restoreOutput = captureProcessOutput();
	emu = await startEmulator();
});

afterAll(async () => {
	await emu?.stop();
	restoreOutput?.();
	const text = `# Chaos suite: latest run\n\n${summaryTable()}\n`;
	const reports = join(__dirname, '..', '..', '.cache', 'reports');
	mkdirSync(reports, { recursive: true });
	writeFileSync(join(reports, 'chaos-summary.md'), text);
	process.stdout.write(`\n${text}\n`);
});

beforeEach(() => resetEmulator(emu));

// ------------------------------------------------------------------ helpers

const image = (
	extra: INodeParameters = {},
	options: INodeParameters = {},
	settings: INodeParameters = {},
): INodeParameters => ({
	operation: 'aiImageGenerator',
	prompt: 'A lighthouse on a cliff at sunset, oil painting',
	imageCount: 1,
	...extra,
	options: { ...RUN_OPTIONS, ...options },
	executionSettings: { ...FAST_SETTINGS, ...settings },
});
const twoImages = () => image({ imageCount: 2 });

const IMAGE = { kind: 'image', endpoint: ENDPOINTS.aiImageGenerator };
const CREATE_IMAGE = `POST ${ENDPOINTS.aiImageGenerator}`;
const MAY_EXIST = /may have reached Magic Hour and created a job/;

/** Waits until the emulator has finished every request it received (slow or cut ones included). */
async function quiesce(): Promise<void> {
	await waitFor(
		() => emu.log.every((entry) => entry.end > 0),
		15_000,
		'the emulator to finish its requests',
	);
}

/** Runs `node` over `items` under the faults `arrange` sets up, then checks the rule of the suite. */
async function play(
	name: string,
	items: INodeExecutionData[],
	arrange: () => (() => void) | void,
	{
		node = 'image',
		parameters = image(),
		target = IMAGE,
		allowLeftover = false,
	}: {
		node?: 'image' | 'video' | 'audio';
		allowLeftover?: boolean;
		parameters?: INodeParameters;
		target?: { kind: string; endpoint: string };
	} = {},
) {
	scenario(name);
	const stop = arrange();
	const run = await runNode(emu, node, parameters, items);
	stop?.();
	await quiesce();
	const counters = emu.counters();
	// Every injected fault hit the node (unless the scenario says some may be left).
	const leftover = await leftoverFaults(emu);
	emu.faults.clear();
	if (!allowLeftover) expect(leftover).toEqual([]);
	const outcome = await settle(emu, name, run, items, target);
	return { ...outcome, run, counters, items, leftover };
}

const items = (prefix: string, count: number) => tagged(prefix, count);

/**
 * Adds `times` faults shared by all status checks: every check gets one until they are used up
 * (so all are used), and no job can see more than the 14 failed attempts the node tolerates.
 */
const pollFaults = (times: number, fault: Parameters<Emu['faults']['add']>[0]['fault']) => () => {
	expect(times).toBeLessThan(15);
	emu.faults.add({ match: 'GET /v1/*-projects/*', times, fault });
};

/** Adds faults aimed at one project's downloads (every output file of it), at its first status check. */
const downloadFaults =
	(
		rules: Array<{
			times: number;
			fault: Parameters<Emu['faults']['add']>[0]['fault'];
			file?: string;
		}>,
		only?: (n: number) => boolean,
	) =>
	() => {
		let n = 0;
		return onEachPolledProject(emu, (id) => {
			if (only && !only(n++)) return;
			for (const rule of rules)
				emu.faults.add({
					match: `GET /downloads/*/${id}${rule.file ?? ''}*`,
					times: rule.times,
					fault: rule.fault,
				});
		});
	};

const errorsOf = (list: INodeExecutionData[]) =>
	list.map((item) => `${item.json.error}\n${item.json.description}`);

// ------------------------------------------------------------------ scenarios

describe('baseline', () => {
	it('six items, no faults', async () => {
		const { row, counters } = await play(
			'baseline: 6 items, no faults',
			items('base', 6),
			() => undefined,
			{ parameters: twoImages() },
		);
		expect(row.itemsOut).toBe(6);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(6);
		expect(counters.byRoute['GET /downloads/:token']).toBe(12);
	});
});

describe('unicode', () => {
	it('unicode prompts and job names reach Magic Hour intact', async () => {
		const names = [
			'🎬 Ünïcödé — 日本語',
			'עברית ومرحبا',
			'e\u0301 combining, \u200b zero width',
			'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 "quotes" \\ back',
		];
		const list = names.map((name, i) => ({
			json: { tag: name, prompt: `${name}: a lighthouse #${i}` },
		}));
		const { row } = await play('unicode prompts and job names', list, () => undefined, {
			parameters: image({ prompt: '={{ $json.prompt }}' }),
		});
		expect(row.itemsOut).toBe(names.length);
		for (const project of await projects(emu)) {
			const body = emu.getProject(project.id)!.body as { style: { prompt: string } };
			expect(body.style.prompt.startsWith(project.name)).toBe(true);
		}
	});
});

describe('rate limits (429)', () => {
	it('a storm during create, with Retry-After: every item gets exactly one job', async () => {
		const { row, counters } = await play(
			'429 storm on create, Retry-After: 1',
			items('rl-create-ra', 6),
			() =>
				emu.faults.add({
					match: CREATE_IMAGE,
					times: 4,
					fault: { type: 'rate-limit', retryAfterSeconds: 1 },
				}),
		);
		expect(row.itemsOut).toBe(6);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(10);
	});

	it('a storm during create, without Retry-After (backoff)', async () => {
		const { row, counters } = await play(
			'429 storm on create, no Retry-After',
			items('rl-create', 6),
			() => emu.faults.add({ match: CREATE_IMAGE, times: 4, fault: { type: 'rate-limit' } }),
		);
		expect(row.itemsOut).toBe(6);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(10);
	});

	it('a sustained storm during create: each item gives up after 5 attempts, no job, nothing charged', async () => {
		const { row, counters, errors } = await play(
			'429 on every create (sustained)',
			items('rl-all', 4),
			() =>
				emu.faults.add({
					match: CREATE_IMAGE,
					times: 1000,
					fault: { type: 'rate-limit', retryAfterSeconds: 0 },
				}),
			{ allowLeftover: true },
		);
		expect(row.errors).toBe(4);
		expect(row.jobs).toBe(0);
		expect(counters.creditsCharged).toBe(0);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(20);
		for (const text of errorsOf(errors))
			expect(text).toMatch(/asked to slow down[\s\S]*Lower "Max Concurrent Jobs"/);
	});

	it('a storm during status checks, with Retry-After', async () => {
		const { row } = await play(
			'429 storm on status checks, Retry-After: 1',
			items('rl-poll-ra', 5),
			pollFaults(6, { type: 'rate-limit', retryAfterSeconds: 1 }),
		);
		expect(row.itemsOut).toBe(5);
	});

	it('a storm during status checks, without Retry-After', async () => {
		const { row } = await play(
			'429 storm on status checks, no Retry-After',
			items('rl-poll', 5),
			pollFaults(10, { type: 'rate-limit' }),
		);
		expect(row.itemsOut).toBe(5);
	});

	it('a storm during downloads, with and without Retry-After', async () => {
		const { row, counters } = await play(
			'429 storm on downloads, with and without Retry-After',
			items('rl-dl', 5),
			downloadFaults([
				{ times: 1, fault: { type: 'rate-limit', retryAfterSeconds: 1 } },
				{ times: 1, fault: { type: 'rate-limit' } },
			]),
			{ parameters: twoImages() },
		);
		expect(row.itemsOut).toBe(5);
		expect(counters.byRoute['GET /downloads/:token']).toBe(5 * 2 + 5 * 2);
	});
});

describe('server errors (5xx)', () => {
	it('a burst during create: the hit items fail saying the job may exist, and are never sent twice', async () => {
		const { row, counters, errors } = await play(
			'5xx burst on create',
			items('5xx-create', 5),
			() => {
				emu.faults.add({ match: CREATE_IMAGE, times: 1, fault: { type: 'status', status: 500 } });
				emu.faults.add({ match: CREATE_IMAGE, times: 1, fault: { type: 'status', status: 503 } });
			},
		);
		expect(row.errors).toBe(2);
		expect(row.jobs).toBe(3);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(5);
		for (const text of errorsOf(errors)) {
			expect(text).toMatch(/HTTP 50[03]/);
			expect(text).toMatch(MAY_EXIST);
		}
	});

	it('a burst during status checks (more than one request retries)', async () => {
		const { row } = await play('5xx burst on status checks (12)', items('5xx-poll', 5), () => {
			pollFaults(5, { type: 'status', status: 500 })();
			pollFaults(4, { type: 'status', status: 502 })();
			pollFaults(3, { type: 'status', status: 504 })();
		});
		expect(row.itemsOut).toBe(5);
	});

	it('a burst during downloads', async () => {
		const { row } = await play(
			'5xx burst on downloads',
			items('5xx-dl', 5),
			downloadFaults([
				{ times: 1, fault: { type: 'status', status: 503 } },
				{ times: 1, fault: { type: 'status', status: 500 } },
			]),
			{ parameters: twoImages() },
		);
		expect(row.itemsOut).toBe(5);
	});
});

describe('connection resets', () => {
	it('during create: the request might have arrived, so it is not repeated', async () => {
		const { row, counters, errors } = await play(
			'connection reset on create',
			items('reset-create', 5),
			() => emu.faults.add({ match: CREATE_IMAGE, times: 2, fault: { type: 'reset' } }),
		);
		expect(row.errors).toBe(2);
		expect(row.jobs).toBe(3);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(5);
		for (const text of errorsOf(errors)) expect(text).toMatch(MAY_EXIST);
	});

	it('during status checks and downloads: retried', async () => {
		const { row } = await play(
			'connection resets on status checks and downloads',
			items('reset-get', 5),
			() => {
				pollFaults(8, { type: 'reset' })();
				return downloadFaults([{ times: 2, fault: { type: 'reset' } }])();
			},
		);
		expect(row.itemsOut).toBe(5);
	});

	it('during uploads of binary inputs (upload URL request and PUT): retried, one job per item', async () => {
		const list = await faceSwapItems('reset-upload', 4);
		const { row, counters } = await play(
			'resets and a 503 on uploads (Face Swap Photo, binary input)',
			list,
			() => {
				emu.faults.add({ match: 'POST /v1/files/upload-urls', times: 2, fault: { type: 'reset' } });
				emu.faults.add({ match: 'PUT /uploads/*', times: 2, fault: { type: 'reset' } });
				emu.faults.add({
					match: 'PUT /uploads/*',
					times: 1,
					fault: { type: 'status', status: 503 },
				});
			},
			{ parameters: faceSwap(), target: { kind: 'image', endpoint: ENDPOINTS.faceSwapPhoto } },
		);
		expect(row.itemsOut).toBe(4);
		expect(counters.byRoute[`POST ${ENDPOINTS.faceSwapPhoto}`]).toBe(4);
		expect(counters.byRoute['POST /v1/files/upload-urls']).toBe(6);
	});
});

describe('slow responses past the timeout', () => {
	it('during create: the item fails saying the job may exist; the job is created once, never twice', async () => {
		const { row, counters, errors } = await play(
			'slow create past the timeout',
			items('slow-create', 5),
			() =>
				emu.faults.add({
					match: CREATE_IMAGE,
					times: 2,
					fault: { type: 'slow-headers', delayMs: SLOWER_THAN_TIMEOUT_MS },
				}),
		);
		expect(row.errors).toBe(2);
		// Whether the emulator still creates a job whose client hung up while it waited is its
		// business (it drops it: the body can no longer be read); the node never sends it twice.
		expect(row.jobs).toBeGreaterThanOrEqual(3);
		expect(row.jobs).toBeLessThanOrEqual(5);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(5);
		for (const text of errorsOf(errors)) {
			expect(text).toMatch(/did not answer in time/);
			expect(text).toMatch(MAY_EXIST);
		}
	});

	it('during status checks and downloads: retried', async () => {
		const { row } = await play(
			'slow status checks and downloads past the timeout',
			items('slow-get', 4),
			() => {
				pollFaults(3, { type: 'slow-headers', delayMs: SLOWER_THAN_TIMEOUT_MS })();
				return downloadFaults([
					{ times: 1, fault: { type: 'slow-headers', delayMs: SLOWER_THAN_TIMEOUT_MS } },
				])();
			},
		);
		expect(row.itemsOut).toBe(4);
	});
});

describe('a create whose response is lost (reset after the server accepted it)', () => {
	it('is not sent again; the error item says the job may exist and carries what is known', async () => {
		const {
			row,
			counters,
			errors,
			byIndex,
			items: input,
		} = await play('create response lost (reset after accept)', items('lost', 5), () =>
			emu.faults.add({ match: CREATE_IMAGE, times: 3, fault: { type: 'reset-after-accept' } }),
		);
		expect(row.errors).toBe(3);
		expect(row.jobs).toBe(5);
		expect(row.duplicates).toBe(0);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(5);
		expect(counters.jobsCreated).toBe(5);
		for (const item of errors) {
			expect(`${item.json.error}\n${item.json.description}`).toMatch(MAY_EXIST);
			expect(item.json).toEqual(
				expect.objectContaining({ id: null, kind: 'image', tool: 'aiImageGenerator' }),
			);
		}
		// The job name the item asked for identifies the job at Magic Hour.
		for (const [index, { item, ok }] of byIndex.entries()) {
			if (!ok) expect(item.json.name).toBe(input[index].json.tag);
		}
	});
});

describe('broken downloads', () => {
	it('truncated transfers (correct Content-Length, body cut) are retried, never emitted', async () => {
		const { row } = await play(
			'truncated downloads (2 cuts per job)',
			items('trunc', 5),
			downloadFaults([{ times: 2, fault: { type: 'truncate', afterBytes: 1000 } }]),
			{ parameters: twoImages() },
		);
		expect(row.itemsOut).toBe(5);
	});

	it('length-mismatched transfers are retried, never emitted', async () => {
		const { row } = await play(
			'length-mismatched downloads (2 per job)',
			items('mismatch', 5),
			downloadFaults([{ times: 2, fault: { type: 'length-mismatch' } }]),
			{ parameters: twoImages() },
		);
		expect(row.itemsOut).toBe(5);
	});

	it('a file cut on every attempt fails its item with no binary; the others pass', async () => {
		const { row, errors } = await play(
			'truncated on every attempt (every 2nd job)',
			items('trunc-all', 6),
			downloadFaults(
				[{ times: 3, fault: { type: 'truncate', afterBytes: 100 } }],
				(n) => n % 2 === 0,
			),
		);
		expect(row.errors).toBe(3);
		expect(row.itemsOut).toBe(3);
		for (const text of errorsOf(errors))
			expect(text).toMatch(/incomplete[\s\S]*a partial file is never passed on/);
		for (const item of errors) expect(item.json.id).toEqual(expect.any(String));
	});

	it('download URLs that expire mid-run are refreshed once per file', async () => {
		const { row, counters } = await play(
			'download URLs expiring mid-run',
			items('expire', 5),
			downloadFaults([
				{ times: 1, file: '-0', fault: { type: 'expire' } },
				{ times: 1, file: '-1', fault: { type: 'expire' } },
			]),
			{ parameters: twoImages() },
		);
		expect(row.itemsOut).toBe(5);
		expect(counters.byRoute['GET /downloads/:token']).toBe(5 * 4);
	});

	it('a URL refused again after the refresh fails its item clearly', async () => {
		const { row, errors } = await play(
			'download URL refused even after refresh (every 2nd job)',
			items('expire-twice', 4),
			downloadFaults([{ times: 2, fault: { type: 'expire' } }], (n) => n % 2 === 0),
		);
		expect(row.errors).toBe(2);
		for (const text of errorsOf(errors))
			expect(text).toMatch(/refused even after fetching fresh links/);
	});
});

describe('jobs that end badly', () => {
	const CODES = [
		'no_source_face',
		'invalid_file_format',
		'file_too_large',
		'insufficient_credits',
		'invalid_parameters',
		'unknown_error',
	];

	it('each documented error code becomes one error item with the code, a hint and the project ID', async () => {
		const { row, errors, counters } = await play(
			'jobs ending in error (6 documented codes)',
			items('failed', 6),
			() => {
				for (const code of CODES)
					emu.jobs.failNext({
						endpoint: ENDPOINTS.aiImageGenerator,
						code,
						message: `emulated ${code}`,
					});
			},
		);
		expect(row.errors).toBe(6);
		expect(row.jobs).toBe(6);
		const codes = errors.map((item) => String(item.json.code));
		expect(codes.sort()).toEqual([...CODES].sort());
		for (const item of errors) {
			expect(item.json.id).toEqual(expect.any(String));
			expect(String(item.json.description)).toContain(`error code ${String(item.json.code)}`);
			expect(item.json.status).toBe('error');
			expect(String(item.json.description)).toContain(String(item.json.id));
		}
		expect(counters.creditsRefunded).toBe(counters.creditsCharged);
	});

	it('canceled jobs become error items that say so', async () => {
		const { row, errors } = await play('jobs canceled', items('canceled', 4), () => {
			for (let i = 0; i < 4; i++) emu.jobs.cancelNext({ endpoint: ENDPOINTS.aiImageGenerator });
		});
		expect(row.errors).toBe(4);
		for (const item of errors) {
			expect(String(item.json.error)).toMatch(/was canceled/);
			expect(item.json.status).toBe('canceled');
		}
	});

	it('projects deleted while waited for (404) fail with the project ID', async () => {
		const { row, errors } = await play(
			'projects deleted while waited for (404)',
			items('deleted', 5),
			() => {
				// Long enough that the deletion always lands before the job would finish.
				emu.jobs.setDurationMs(ENDPOINTS.aiImageGenerator, 2_000);
				return onEachPolledProject(
					emu,
					(id, kind) => void api(emu, 'DELETE', `/v1/${kind}-projects/${id}`),
				);
			},
		);
		expect(row.errors).toBe(5);
		for (const item of errors) {
			expect(String(item.json.error)).toMatch(/project not found/);
			expect(String(item.json.description)).toContain(String(item.json.id));
		}
	});

	it('projects deleted while their outputs download fail with the project ID', async () => {
		const { row, errors } = await play(
			'projects deleted while downloading (404)',
			items('deleted-dl', 4),
			() => {
				// The first download of each project waits 400 ms; the project is deleted meanwhile.
				const stopSlow = downloadFaults([
					{ times: 1, fault: { type: 'slow-headers', delayMs: 400 } },
				])();
				const deleted = new Set<string>();
				const stopDeleting = onEachRequest(emu, (entry) => {
					const id = /^\/downloads\/[^/]+\/([a-z0-9]+)[.-]/.exec(entry.path)?.[1];
					if (entry.method === 'GET' && id && !deleted.has(id)) {
						deleted.add(id);
						void api(emu, 'DELETE', `/v1/image-projects/${id}`);
					}
				});
				return () => {
					stopSlow();
					stopDeleting();
				};
			},
		);
		expect(row.errors).toBe(4);
		for (const item of errors) {
			expect(String(item.json.error)).toMatch(/not found/);
			expect(String(item.json.description)).toContain(String(item.json.id));
		}
	});

	it('"Wait for Project" (Magic Hour node): deleted, failed, canceled and complete projects, with download faults', async () => {
		const name = 'Wait for Project: deleted, failed, canceled, cut downloads';
		scenario(name);
		emu.jobs.failNext({ endpoint: ENDPOINTS.aiImageGenerator, code: 'no_source_face' });
		emu.jobs.cancelNext({ endpoint: ENDPOINTS.aiImageGenerator });
		emu.jobs.failNext({ endpoint: ENDPOINTS.aiVoiceGenerator, code: 'unknown_error' });
		const input: INodeExecutionData[] = [];
		for (let i = 0; i < 8; i++) {
			const audio = i >= 6;
			const created = await fetch(
				`${emu.baseUrl}${audio ? ENDPOINTS.aiVoiceGenerator : ENDPOINTS.aiImageGenerator}`,
				{
					method: 'POST',
					headers: {
						authorization: `Bearer ${SECRETS.apiKey}`,
						'content-type': 'application/json',
					},
					body: JSON.stringify(
						audio
							? {
									name: `wait-${i}`,
									style: { prompt: 'Hello there', voice_name: 'Morgan Freeman' },
								}
							: { name: `wait-${i}`, image_count: 1, style: { prompt: 'a red bicycle' } },
					),
				},
			);
			const { id } = (await created.json()) as { id: string };
			input.push({
				json: { tag: `wait-${i}`, id, ...(i % 2 ? { kind: audio ? 'audio' : 'image' } : {}) },
			});
		}
		const deleteAt = new Set([input[3].json.id, input[7].json.id]);
		let n = 0;
		const stop = onEachPolledProject(emu, (id, kind) => {
			if (deleteAt.has(id)) void api(emu, 'DELETE', `/v1/${kind}-projects/${id}`);
			else if (n++ % 2 === 0)
				emu.faults.add({
					match: `GET /downloads/*/${id}*`,
					times: 2,
					fault: { type: 'truncate', afterBytes: 64 },
				});
		});
		emu.faults.add({
			match: 'GET /v1/*-projects/*',
			times: 6,
			fault: { type: 'status', status: 502 },
		});
		const run = await runNode(
			emu,
			'utility',
			{
				resource: 'project',
				operation: 'waitFor',
				projectId: '={{ $json.id }}',
				projectKind: 'auto',
				downloadOutputs: true,
				executionSettings: FAST_SETTINGS,
			},
			input,
		);
		stop();
		await quiesce();
		emu.faults.clear();
		expect(run.thrown).toBeUndefined();
		expect(run.output).toHaveLength(input.length);
		expect(run.output.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		const problems: string[] = [];
		const ok: INodeExecutionData[] = [];
		const failed: INodeExecutionData[] = [];
		for (const [index, item] of run.output.entries()) {
			expect(item.json.id).toBe(input[index].json.id);
			if (typeof item.json.error === 'string') {
				failed.push(item);
				expect(item.binary).toBeUndefined();
			} else {
				ok.push(item);
				problems.push(
					...(await corruptBinaries(emu, item, String(item.json.kind), String(item.json.id))),
				);
			}
		}
		const texts = failed.map((item) => String(item.json.error)).join('\n');
		expect(failed.map((item) => item.json.code)).toContain('no_source_face');
		expect(failed.map((item) => item.json.code)).toContain('unknown_error');
		expect(texts).toMatch(/was canceled/);
		expect(texts.match(/not found|has no project/g)?.length).toBe(2);
		const wrote = addRow({
			scenario: name,
			itemsIn: input.length,
			itemsOut: ok.length,
			errors: failed.length,
			duplicates: 0,
			jobs: input.length,
			corrupt: problems.length,
		});
		expect(problems).toEqual([]);
		expect(wrote).toEqual(expect.objectContaining({ itemsOut: 3, errors: 5, leaks: 0 }));
	});
});

// ------------------------------------------------------------------ bad parameters

const faceSwap = (extra: INodeParameters = {}): INodeParameters => ({
	operation: 'faceSwapPhoto',
	faceSwapMode: 'all-faces',
	targetImageSource: 'url',
	targetImageUrl: 'https://example.com/team-photo.jpg',
	sourceImageSource: 'binary',
	sourceImageBinaryProperty: 'data',
	...extra,
	options: { ...RUN_OPTIONS },
	executionSettings: FAST_SETTINGS,
});

async function faceSwapItems(prefix: string, count: number): Promise<INodeExecutionData[]> {
	const list = tagged(prefix, count);
	for (const item of list)
		item.binary = { data: await binaryFromBuffer(sampleFile('image/png'), 'me.png', 'image/png') };
	return list;
}

/** Each item carries one bad value; the node reads every parameter from the item. */
async function badParameters(
	name: string,
	node: 'image' | 'video' | 'audio',
	parameters: INodeParameters,
	cases: Array<{ json: IDataObject; binary?: INodeExecutionData['binary']; expect: RegExp }>,
	endpoint: string,
) {
	scenario(name);
	const creditsBefore = emu.credits;
	const list = cases.map((c, i) => ({
		json: { tag: `bad-${i}`, ...c.json },
		...(c.binary ? { binary: c.binary } : {}),
	}));
	const run = await runNode(emu, node, parameters, list);
	const { row, errors } = await settle(emu, name, run, list, { kind: node, endpoint });
	expect(row.errors).toBe(cases.length);
	// Nothing at all reached Magic Hour: no request, no upload, no credit.
	expect(emu.log).toEqual([]);
	expect(emu.counters().creditsCharged).toBe(0);
	expect(emu.credits).toBe(creditsBefore);
	errors.forEach((item, i) => {
		const text = `${item.json.error}\n${item.json.description}`;
		expect(text).toMatch(cases[i].expect);
	});
	return row;
}

describe('bad parameters: a clear error before any request, nothing spent', () => {
	// Unknown models, resolutions and voices are sent (Magic Hour judges them: test/nodes/specCatchUp.test.ts);
	// the limits of the values we know are checked here.
	it('AI Image Generator: empty prompt, out-of-range numbers, a closed enum, per-model limits', async () => {
		const good = {
			prompt: 'A red bicycle',
			count: 1,
			model: 'default',
			aspect: '1:1',
			resolution: '1k',
		};
		await badParameters(
			'bad parameters: AI Image Generator',
			'image',
			image(
				{ prompt: '={{ $json.prompt }}', imageCount: '={{ $json.count }}' },
				{
					model: '={{ $json.model }}',
					aspectRatio: '={{ $json.aspect }}',
					resolution: '={{ $json.resolution }}',
				},
			),
			[
				{ json: { ...good, prompt: '' }, expect: /"Prompt" is required/ },
				{ json: { ...good, prompt: '  \n\t ' }, expect: /"Prompt" is required/ },
				{ json: { ...good, count: 0 }, expect: /Image Count/ },
				{ json: { ...good, count: 17 }, expect: /Image Count/ },
				{ json: { ...good, count: 2.5 }, expect: /Image Count/ },
				{ json: { ...good, count: 'many' }, expect: /Image Count/ },
				{
					json: { ...good, model: 'nano-banana', resolution: '4k' },
					expect: /"Resolution": nano-banana supports 640px, 1k/,
				},
				{ json: { ...good, aspect: '4:3' }, expect: /aspect_ratio/ },
				{
					json: { ...good, model: 'krea-2', count: 2 },
					expect: /"Image Count": krea-2 makes 1 images/,
				},
				{
					json: { ...good, model: 'flux-2-klein', count: 4 },
					expect: /"Image Count": flux-2-klein makes 1 images/,
				},
			],
			ENDPOINTS.aiImageGenerator,
		);
	});

	it('Face Swap Photo: unsupported file types, a 0-byte binary, a missing binary property, bad URL, unknown mode', async () => {
		const png = async () => ({
			data: await binaryFromBuffer(sampleFile('image/png'), 'me.png', 'image/png'),
		});
		await badParameters(
			'bad parameters: Face Swap Photo (files)',
			'image',
			faceSwap({
				faceSwapMode: '={{ $json.mode }}',
				targetImageUrl: '={{ $json.target }}',
				sourceImageBinaryProperty: '={{ $json.property }}',
			}),
			[
				{
					json: { mode: 'all-faces', target: 'https://example.com/t.jpg', property: 'data' },
					binary: {
						data: await binaryFromBuffer(Buffer.from('just some notes'), 'notes.txt', 'text/plain'),
					},
					expect: /not a format Magic Hour accepts/,
				},
				{
					json: { mode: 'all-faces', target: 'https://example.com/t.jpg', property: 'data' },
					binary: {
						data: await binaryFromBuffer(Buffer.from('%PDF-1.7\n'), 'face.pdf', 'application/pdf'),
					},
					expect: /not a format Magic Hour accepts/,
				},
				{
					json: { mode: 'all-faces', target: 'https://example.com/t.jpg', property: 'data' },
					binary: {
						data: await binaryFromBuffer(
							Buffer.from('MZ\x90\x00', 'latin1'),
							'setup.exe',
							'application/x-msdownload',
						),
					},
					expect: /not a format Magic Hour accepts/,
				},
				{
					json: { mode: 'all-faces', target: 'https://example.com/t.jpg', property: 'data' },
					binary: { data: await binaryFromBuffer(Buffer.alloc(0), 'empty.png', 'image/png') },
					expect: /is empty/,
				},
				{
					json: { mode: 'all-faces', target: 'https://example.com/t.jpg', property: 'data' },
					expect: /has no binary field "data"/,
				},
				{
					json: { mode: 'all-faces', target: 'https://example.com/t.jpg', property: 'photo' },
					binary: await png(),
					expect: /has no binary field "photo"/,
				},
				{
					json: { mode: 'all-faces', target: 'not a url', property: 'data' },
					binary: await png(),
					expect: /must be a public http\(s\) URL/,
				},
				{
					json: { mode: 'some-faces', target: 'https://example.com/t.jpg', property: 'data' },
					binary: await png(),
					expect: /face_swap_mode|Face Swap Mode|Mode/,
				},
			],
			ENDPOINTS.faceSwapPhoto,
		);
	});

	it('AI Voice Generator: empty text, text too long, empty voice', async () => {
		await badParameters(
			'bad parameters: AI Voice Generator',
			'audio',
			{
				operation: 'aiVoiceGenerator',
				voiceName: '={{ $json.voice }}',
				prompt: '={{ $json.text }}',
				options: { ...RUN_OPTIONS },
				executionSettings: FAST_SETTINGS,
			},
			[
				{ json: { voice: 'Morgan Freeman', text: '' }, expect: /"Text" is required/ },
				{
					json: { voice: 'Morgan Freeman', text: 'x'.repeat(1001) },
					expect: /"Text" must be at most 1000/,
				},
				{ json: { voice: ' ', text: 'Hello' }, expect: /"Voice" must not be empty/ },
			],
			ENDPOINTS.aiVoiceGenerator,
		);
	});

	it('Text to Video: out-of-range and non-numeric durations, per-model duration and resolution', async () => {
		await badParameters(
			'bad parameters: Text to Video',
			'video',
			{
				operation: 'textToVideo',
				prompt: '={{ $json.prompt }}',
				duration: '={{ $json.duration }}',
				options: {
					...RUN_OPTIONS,
					model: '={{ $json.model }}',
					resolution: '={{ $json.resolution }}',
				},
				executionSettings: FAST_SETTINGS,
			},
			[
				{
					json: { prompt: 'waves', duration: 0, model: 'ltx-2.5', resolution: '480p' },
					expect: /end_seconds|Duration/,
				},
				{
					json: { prompt: 'waves', duration: 600, model: 'ltx-2.5', resolution: '480p' },
					expect: /end_seconds|Duration/,
				},
				{
					json: { prompt: 'waves', duration: 'five', model: 'ltx-2.5', resolution: '480p' },
					expect: /end_seconds|Duration/,
				},
				{
					json: { prompt: 'waves', duration: 7, model: 'kling-2.6', resolution: '720p' },
					expect: /"Duration": Kling 2.6 supports 5, 10 seconds/,
				},
				{
					json: { prompt: 'waves', duration: 5, model: 'kling-3.0', resolution: '480p' },
					expect: /"Resolution": Kling 3.0 supports 720p/,
				},
				{
					json: { prompt: '', duration: 5, model: 'ltx-2.5', resolution: '480p' },
					expect: /"Prompt" is required/,
				},
			],
			ENDPOINTS.textToVideo,
		);
	});

	it('bad and good items mixed: only the good ones reach Magic Hour', async () => {
		const list = tagged('mixed', 6, (i) => ({
			json: { tag: `mixed-${i}`, prompt: i % 2 ? '' : `A red bicycle, take ${i}` },
		}));
		const { row, counters } = await play('bad and good items mixed', list, () => undefined, {
			parameters: image({ prompt: '={{ $json.prompt }}' }),
		});
		expect(row.itemsOut).toBe(3);
		expect(row.errors).toBe(3);
		expect(counters.byRoute[CREATE_IMAGE]).toBe(3);
	});
});

// ------------------------------------------------------------------ audio, video, keys

describe('other kinds and credentials', () => {
	it('AI Voice Generator (audio) through a mixed storm', async () => {
		const { row } = await play(
			'audio: 429 on create, 5xx on checks, cut downloads',
			items('audio', 5),
			() => {
				emu.faults.add({
					match: `POST ${ENDPOINTS.aiVoiceGenerator}`,
					times: 3,
					fault: { type: 'rate-limit', retryAfterSeconds: 0 },
				});
				pollFaults(4, { type: 'status', status: 503 })();
				return downloadFaults([{ times: 1, fault: { type: 'truncate', afterBytes: 500 } }])();
			},
			{
				node: 'audio',
				parameters: {
					operation: 'aiVoiceGenerator',
					voiceName: 'Morgan Freeman',
					prompt: 'Every morning, the city wakes.',
					options: { ...RUN_OPTIONS },
					executionSettings: FAST_SETTINGS,
				},
				target: { kind: 'audio', endpoint: ENDPOINTS.aiVoiceGenerator },
			},
		);
		expect(row.itemsOut).toBe(5);
	});

	it('Text to Video (video) through a mixed storm', async () => {
		const { row } = await play(
			'video: resets on checks, length mismatch, expiry',
			items('video', 4),
			() => {
				pollFaults(4, { type: 'reset' })();
				return downloadFaults([
					{ times: 1, fault: { type: 'length-mismatch' } },
					{ times: 1, fault: { type: 'expire' } },
				])();
			},
			{
				node: 'video',
				parameters: {
					operation: 'textToVideo',
					prompt: 'Clouds over a mountain lake',
					duration: 5,
					options: { ...RUN_OPTIONS, model: 'ltx-2.5', resolution: '480p' },
					executionSettings: FAST_SETTINGS,
				},
				target: { kind: 'video', endpoint: ENDPOINTS.textToVideo },
			},
		);
		expect(row.itemsOut).toBe(4);
	});

	it('a wrong API key: one clear error per item, the key never echoed (also without Continue On Fail)', async () => {
		const name = 'wrong API key (401)';
		scenario(name);
		const list = items('wrong-key', 3);
		const run = await runNode(emu, 'image', image(), list, { apiKey: SECRETS.wrongApiKey });
		const { row, errors } = await settle(emu, name, run, list, IMAGE);
		expect(row.errors).toBe(3);
		for (const text of errorsOf(errors)) expect(text).toMatch(/did not accept the API key/);
		const thrown = await runNode(emu, 'image', image(), items('wrong-key-thrown', 2), {
			apiKey: SECRETS.wrongApiKey,
			continueOnFail: false,
		});
		expect(thrown.thrown?.message).toMatch(/did not accept the API key/);
	});

	it('without Continue On Fail, node errors carry no secret either', async () => {
		scenario('node errors without Continue On Fail');
		emu.faults.add({
			match: CREATE_IMAGE,
			times: 1,
			fault: { type: 'status', status: 500, body: { code: 'internal', message: 'boom' } },
		});
		const first = await runNode(emu, 'image', image(), items('thrown-500', 2), {
			continueOnFail: false,
		});
		expect(first.thrown?.message).toMatch(/HTTP 500/);
		emu.faults.add({ match: CREATE_IMAGE, times: 1, fault: { type: 'reset-after-accept' } });
		const second = await runNode(
			emu,
			'image',
			image({}, {}, { maxConcurrency: 1 }),
			items('thrown-lost', 2),
			{ continueOnFail: false },
		);
		expect(String((second.thrown as { description?: string })?.description)).toMatch(MAY_EXIST);
		emu.faults.add({ match: CREATE_IMAGE, times: 1, fault: { type: 'reset' } });
		const third = await runNode(
			emu,
			'image',
			image({}, {}, { maxConcurrency: 1 }),
			items('thrown-reset', 2),
			{ continueOnFail: false },
		);
		expect(third.thrown?.message).toMatch(/could not be reached/);
		const stop = downloadFaults([{ times: 3, fault: { type: 'truncate', afterBytes: 10 } }])();
		const fourth = await runNode(
			emu,
			'image',
			image({}, {}, { maxConcurrency: 1 }),
			items('thrown-cut', 1),
			{ continueOnFail: false },
		);
		stop();
		expect(fourth.thrown?.message).toMatch(/incomplete/);
		const stopDeleting = onEachPolledProject(
			emu,
			(id, kind) => void api(emu, 'DELETE', `/v1/${kind}-projects/${id}`),
		);
		const fifth = await runNode(
			emu,
			'image',
			image({}, {}, { maxConcurrency: 1 }),
			items('thrown-404', 1),
			{ continueOnFail: false },
		);
		stopDeleting();
		expect(fifth.thrown?.message).toMatch(/not found/);
		expect(String((fifth.thrown as { description?: string })?.description)).toMatch(
			/project \w+ \(AI Image Generator, item index 0\)/,
		);
		record('thrown errors', [
			first.thrown,
			second.thrown,
			third.thrown,
			fourth.thrown,
			fifth.thrown,
		]);
		await quiesce();
	});
});

// ------------------------------------------------------------------ trigger

describe('Magic Hour Trigger fuzzing', () => {
	triggerFuzz(() => emu);
});

// ------------------------------------------------------------------ secrets, last

describe('the checks check themselves', () => {
	it('a binary one byte off, or cut short, is reported as corrupt', async () => {
		scenario('(self-test of the corruption check)');
		const run = await runNode(emu, 'image', image(), items('self', 1));
		const [item] = run.output;
		const id = String(item.json.id);
		expect(await corruptBinaries(emu, item, 'image', id)).toEqual([]);
		const bytes = await readBinary(item.binary!.data);
		const flipped = Buffer.from(bytes);
		flipped[flipped.length - 20] ^= 0xff;
		const wrong = {
			...item,
			binary: { data: await binaryFromBuffer(flipped, 'x.png', 'image/png') },
		};
		expect((await corruptBinaries(emu, wrong, 'image', id)).join()).toMatch(/bytes = served bytes/);
		const cut = {
			...item,
			binary: { data: await binaryFromBuffer(bytes.subarray(0, 100), 'x.png', 'image/png') },
		};
		expect((await corruptBinaries(emu, cut, 'image', id)).join()).toMatch(
			/length = Content-Length/,
		);
	});
});

describe('secrets', () => {
	it('the leak detector finds a secret in any form', () => {
		expect(leaksIn(`Bearer ${SECRETS.apiKey}`)).toEqual(['apiKey']);
		expect(leaksIn(`...${SECRETS.webhookSecret.slice(20, 40)}...`)).toEqual(['webhookSecret']);
		expect(leaksIn(Buffer.from(SECRETS.wrongApiKey).toString('base64'))).toEqual(['wrongApiKey']);
	});

	it('never appear in outputs, error messages, descriptions, logs or responses of the whole suite', () => {
		const leaks = corpus.flatMap((entry) =>
			leaksIn(entry.text).map((secret) => `${entry.scenario} / ${entry.label}: ${secret}`),
		);
		expect(corpus.length).toBeGreaterThan(rows.length * 2);
		expect(leaks).toEqual([]);
		expect(leaksIn(summaryTable())).toEqual([]);
	});
});

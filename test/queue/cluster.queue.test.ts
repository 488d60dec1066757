/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- not node code: test secrets made for the local emulator */
/**
 * The package in a real n8n queue-mode cluster (scripts/queue/cluster.ts): Postgres 17, Redis,
 * one main process, two workers, two webhook processes, binary data in the database (n8n's
 * default in queue mode). Every claim is checked in n8n's own Postgres database, the processes'
 * logs and the emulator's request log. Measurements go to .n8n-queue/results.json.
 */
import { start, type Emulator, type EmulatorExtras } from '../../emulator';
import { emulatorCredential } from '../../scripts/e2e/n8n';
import { QueueCluster } from '../../scripts/queue/cluster';
import {
	completedImageEvent,
	lastExecutionId,
	memoryOf,
	nodeItems,
	postJson,
	recordResult,
	rememberedDeliveries,
	sampleMemory,
	settledExecutions,
	servedOutput,
	signedHeaders,
	sleep,
	waitFor,
} from './helpers';
import {
	BATCH,
	batchWorkflow,
	PARK,
	PARK_SHORT_DEADLINE,
	parkAndCheckWorkflow,
	RESUME,
	resumeWorkflow,
	TRIGGER,
	triggerWorkflow,
	VIDEO,
	videoWorkflow,
} from './workflows';

const SECRET = 'whsec_queue_test_secret_0123456789abcdef';
const MiB = 1024 * 1024;

let emu: Emulator & EmulatorExtras;
let cluster: QueueCluster;

const webhookUrl = (process: number, path: string) =>
	`${cluster.webhooks[process].baseUrl}/webhook/${path}`;
const triggerUrl = (process: number) =>
	cluster.webhooks[process].webhookUrl(TRIGGER.webhookId, 'webhook');
const creates = (route: string) =>
	emu.log.filter(
		(entry) => entry.method === 'POST' && entry.route === route && entry.status === 200,
	).length;
const downloads = () =>
	emu.log.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/downloads/')).length;

beforeAll(async () => {
	emu = await start({ speed: 50, quiet: true, tier: 'business', credits: 1_000_000_000 });
	cluster = await QueueCluster.start({
		credentials: [emulatorCredential(emu, SECRET)],
		workflows: [
			batchWorkflow(),
			videoWorkflow(),
			resumeWorkflow(),
			triggerWorkflow(),
			parkAndCheckWorkflow(PARK),
			parkAndCheckWorkflow(PARK_SHORT_DEADLINE, '={{ $now.plus({ seconds: 30 }).toISO() }}'),
		],
		publish: [BATCH.id, VIDEO.id, RESUME.id, TRIGGER.id, PARK.id, PARK_SHORT_DEADLINE.id],
		env: {
			// A killed worker's job is noticed sooner than with n8n's defaults (lock 60 s, stalled
			// check 30 s, queue recovery every 180 min), so the crash test takes about a minute.
			QUEUE_WORKER_LOCK_DURATION: '15000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
		},
	});
	// Webhook processes serve what main registered in the database; an unsigned probe gets 401.
	for (const index of [0, 1]) {
		expect(await cluster.webhooks[index].waitForWebhook(triggerUrl(index), 180_000)).toBe(401);
	}
}, 10 * 60_000);

afterAll(async () => {
	await cluster?.stop();
	await emu?.stop();
}, 120_000);

describe('a webhook-started batch runs on a worker, binaries in the database', () => {
	test('20 prompts into Magic Hour Image and a video with Wait for Project: every item accounted for', async () => {
		const after = await lastExecutionId(cluster);
		const imagesBefore = creates('POST /v1/ai-image-generator');
		const videosBefore = creates('POST /v1/text-to-video');
		const prompts = Array.from({ length: 20 }, (_, i) => ({
			prompt: `Queue batch prompt ${i}: a lighthouse, variation ${i}`,
		}));
		expect(
			(
				await postJson(webhookUrl(0, BATCH.path), {
					items: prompts,
					prompt: 'A queue-mode video of waves',
				})
			).status,
		).toBe(200);

		const [execution] = await settledExecutions(cluster, BATCH.id, after);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
		const data = await cluster.n8n.executionData(execution.id);

		// Where it ran: the worker's log names the execution; main and the webhook process do not.
		const ranOn = cluster.workersThatStarted(execution.id);
		expect(ranOn).toHaveLength(1);
		expect(ranOn[0]).toMatch(/^worker-/);
		// And the expressions of the workflow were evaluated in that worker (its MH_PROCESS_NAME).
		const processes = new Set(
			[...nodeItems(data, 'Images Ran On'), ...nodeItems(data, 'Video Ran On')].map(
				(item) => item.json.process,
			),
		);
		expect([...processes]).toEqual(ranOn);

		const images = nodeItems(data, 'Create Images');
		expect(images).toHaveLength(20);
		expect(images.map((item) => item.pairedItem)).toEqual(prompts.map((_, item) => ({ item })));
		expect(
			images.every((item) => item.json.status === 'complete' && item.json.error === null),
		).toBe(true);
		expect(new Set(images.map((item) => item.json.id)).size).toBe(20);
		const [video] = nodeItems(data, 'Wait for Project');
		expect(video.json.status).toBe('complete');

		// Exactly one create per item at Magic Hour.
		expect(creates('POST /v1/ai-image-generator') - imagesBefore).toBe(20);
		expect(creates('POST /v1/text-to-video') - videosBefore).toBe(1);

		// The binaries live in n8n's binary_data table (database mode), byte for byte what Magic Hour served.
		const rows = await cluster.n8n.query<{
			fileId: string;
			fileSize: string;
			bytes: number;
			sha256: string;
			mimeType: string;
			magic: string;
		}>(
			`SELECT "fileId", "fileSize", length(data) AS bytes, encode(sha256(data), 'hex') AS sha256, "mimeType", encode(substring(data from 1 for 8), 'hex') AS magic
			 FROM binary_data WHERE "sourceType" = 'execution' AND "sourceId" = ?`,
			[String(execution.id)],
		);
		const byFileId = new Map(rows.map((row) => [row.fileId, row]));
		const outputs = [...images, video];
		expect(rows).toHaveLength(outputs.length);
		for (const item of outputs) {
			const binary = item.binary.data;
			expect(binary.id).toMatch(/^database:/);
			const row = byFileId.get(String(binary.id).replace(/^database:(\/\/)?/, ''));
			expect(row).toBeDefined();
			const served = await servedOutput(emu, item.json.kind, item.json.id);
			expect({ sha256: row!.sha256, bytes: Number(row!.bytes) }).toEqual(served);
			expect(row!.mimeType).toBe(binary.mimeType);
		}
		expect(rows.filter((row) => row.magic.startsWith('89504e47'))).toHaveLength(20);
		recordResult('batch', {
			executionId: execution.id,
			ranOn: ranOn[0],
			images: images.length,
			binaryRows: rows.length,
		});
	});
});

describe('the Magic Hour Trigger behind two webhook processes', () => {
	const projectIdsOf = async (rows: Array<{ id: string }>) =>
		await Promise.all(
			rows.map(async (row) => {
				const data = await cluster.n8n.executionData(row.id);
				return String(
					nodeItems(data, 'Magic Hour Trigger')[0].json.project?.id ??
						nodeItems(data, 'Magic Hour Trigger')[0].json.id,
				);
			}),
		);

	test('authentic events start exactly one execution each, on a worker, whichever process receives them', async () => {
		const after = await lastExecutionId(cluster);
		const events: Array<{ projectId: string; body: string }> = [];
		for (let i = 0; i < 6; i++) events.push(await completedImageEvent(emu, `trigger event ${i}`));
		for (const [i, event] of events.entries()) {
			const res = await postJson(triggerUrl(i % 2), event.body, signedHeaders(SECRET, event.body));
			expect(res.status).toBe(200);
		}
		const rows = await settledExecutions(cluster, TRIGGER.id, after);
		expect(rows.map((row) => row.status)).toEqual(events.map(() => 'success'));
		expect((await projectIdsOf(rows)).sort()).toEqual(
			events.map((event) => event.projectId).sort(),
		);
		for (const row of rows)
			expect(cluster.workersThatStarted(row.id)).toEqual([expect.stringMatching(/^worker-/)]);
	});

	test('the same event delivered to one process and, once answered and saved, to the other starts exactly one execution', async () => {
		const after = await lastExecutionId(cluster);
		const events: Array<{ projectId: string; body: string }> = [];
		for (let i = 0; i < 5; i++)
			events.push(await completedImageEvent(emu, `redelivered event ${i}`));
		for (const [i, event] of events.entries()) {
			const remembered = await rememberedDeliveries(cluster, TRIGGER.id, 'Magic Hour Trigger');
			const first = await postJson(
				triggerUrl(i % 2),
				event.body,
				signedHeaders(SECRET, event.body),
			);
			// n8n writes the ledger right after the Trigger answered; the execution need not have run.
			await waitFor(
				'the ledger to be saved',
				async () =>
					(await rememberedDeliveries(cluster, TRIGGER.id, 'Magic Hour Trigger')) > remembered
						? true
						: undefined,
				30_000,
				50,
			);
			const second = await postJson(
				triggerUrl((i + 1) % 2),
				event.body,
				signedHeaders(SECRET, event.body),
			);
			expect([first.status, second.status]).toEqual([200, 200]);
			expect((JSON.parse(second.text) as { message?: string }).message).toBe(
				'Duplicate delivery; ignored',
			);
		}
		const ids = await projectIdsOf(await settledExecutions(cluster, TRIGGER.id, after));
		const perEvent = events.map((event) => ids.filter((id) => id === event.projectId).length);
		recordResult('triggerSequentialOtherProcess', {
			events: events.length,
			startedTwice: perEvent.filter((n) => n === 2).length,
		});
		// Guaranteed: n8n writes the static data before it answers, and the other process reads it per request.
		expect(perEvent).toEqual(events.map(() => 1));
	});

	test('forged events (wrong secret, stale timestamp) are refused by both processes and start nothing', async () => {
		const after = await lastExecutionId(cluster);
		const event = await completedImageEvent(emu, 'forged event');
		for (const index of [0, 1]) {
			expect(
				(
					await postJson(
						triggerUrl(index),
						event.body,
						signedHeaders('whsec_not_the_secret', event.body),
					)
				).status,
			).toBe(401);
			const stale = Math.floor(Date.now() / 1000) - 3600;
			expect(
				(await postJson(triggerUrl(index), event.body, signedHeaders(SECRET, event.body, stale)))
					.status,
			).toBe(401);
		}
		await sleep(3_000);
		expect(await settledExecutions(cluster, TRIGGER.id, after)).toEqual([]);
	});

	test('the same event delivered to both processes at the same moment: measured, at least once and at most once per process', async () => {
		const after = await lastExecutionId(cluster);
		const events: Array<{ projectId: string; body: string }> = [];
		for (let i = 0; i < 10; i++)
			events.push(await completedImageEvent(emu, `simultaneous event ${i}`));
		const statuses: number[][] = [];
		for (const event of events) {
			const headers = signedHeaders(SECRET, event.body);
			const answers = await Promise.all(
				[0, 1].map(async (index) => await postJson(triggerUrl(index), event.body, headers)),
			);
			statuses.push(answers.map((answer) => answer.status));
		}
		const rows = await settledExecutions(cluster, TRIGGER.id, after);
		const ids = await projectIdsOf(rows);
		const perEvent = events.map((event) => ids.filter((id) => id === event.projectId).length);
		recordResult('triggerSimultaneous', {
			events: events.length,
			startedTwice: perEvent.filter((n) => n === 2).length,
			startedOnce: perEvent.filter((n) => n === 1).length,
			startedNone: perEvent.filter((n) => n === 0).length,
			answers: statuses,
		});
		// Guaranteed: every authentic event is acted on, at most once per webhook process. Copies that
		// overlap in time on two processes cannot be told apart by node code (each process reads the
		// static data before the other has written it, and n8n offers nodes no lock): see the README.
		for (const n of perEvent) {
			expect(n).toBeGreaterThanOrEqual(1);
			expect(n).toBeLessThanOrEqual(2);
		}
		expect(statuses.flat().every((status) => status === 200 || status === 409)).toBe(true);
		expect(ids.every((id) => events.some((event) => event.projectId === id))).toBe(true);
	});
});

/** The id of the first video project whose status was checked after the request log had `logLength` entries. */
async function videoProjectCheckedAfter(logLength: number): Promise<string> {
	return await waitFor('a status check of the new video', async () => {
		const check = emu.log
			.slice(logLength)
			.find((entry) => entry.route === 'GET /v1/video-projects/:id');
		return check ? check.path.split('/').pop() : undefined;
	});
}

describe('a worker killed in the middle of a long Wait for Project', () => {
	test('the execution ends (error), n8n does not run it again, Magic Hour got one create; re-running with the project ID finishes it', async () => {
		emu.jobs.setDurationMs('/v1/text-to-video', 90_000);
		const after = await lastExecutionId(cluster);
		const createsBefore = creates('POST /v1/text-to-video');
		const logLength = emu.log.length;
		expect(
			(await postJson(webhookUrl(0, VIDEO.path), { prompt: 'A long render, interrupted' })).status,
		).toBe(200);

		// Wait for Project is polling the job when the worker dies.
		const projectId = await videoProjectCheckedAfter(logLength);
		const [execution] = (await cluster.n8n.executions(VIDEO.id)).filter(
			(row) => Number(row.id) > after,
		);
		expect(execution.status).toBe('running');
		const [victimName] = cluster.workersThatStarted(execution.id);
		const victim = cluster.workers.find((worker) => worker.name === victimName)!;
		const killedAt = Date.now();
		await victim.kill();
		await cluster.addWorker();

		const ended = await waitFor(
			'the execution to leave "running"',
			async () => {
				const row = (await cluster.n8n.executions(VIDEO.id)).find(
					(candidate) => candidate.id === execution.id,
				);
				return row && row.status !== 'running' ? row : undefined;
			},
			5 * 60_000,
			1_000,
		);
		const secondsToEnd = Math.round((Date.now() - killedAt) / 1000);
		const startedBy = cluster.workersThatStarted(execution.id);
		const projectStatusAtEnd = emu.getProject(projectId)?.settled;

		// n8n fails a stalled job instead of retrying it (maxStalledCount 0): the execution ends in
		// error (seen with n8n 2.40.7; main's queue recovery would mark it crashed), nothing runs
		// the workflow a second time.
		expect(['error', 'crashed']).toContain(ended.status);
		expect(startedBy).toEqual([victimName]);
		expect(creates('POST /v1/text-to-video') - createsBefore).toBe(1);

		// Measured with n8n 2.40.7: "crashed" keeps the saved progress (the project ID); "error"
		// (the stalled job failed first) keeps no run data. Recorded, not asserted.
		const data = await cluster.n8n.executionData(execution.id);
		const runData = data?.data?.resultData?.runData ?? {};
		const savedProjectId = runData['Start Video']?.[0]?.data?.main?.[0]?.[0]?.json?.id ?? null;

		// What the user does: wait for that project (here a workflow with Wait for Project on the ID).
		const resumeAfter = await lastExecutionId(cluster);
		expect((await postJson(webhookUrl(1, RESUME.path), { projectId })).status).toBe(200);
		const [resumed] = await settledExecutions(cluster, RESUME.id, resumeAfter, 3_000, 4 * 60_000);
		expect(resumed.status).toBe('success');
		const [done] = nodeItems(await cluster.n8n.executionData(resumed.id), 'Wait for Project');
		expect(done.json).toMatchObject({ id: projectId, status: 'complete' });
		expect(done.binary.data.id).toMatch(/^database:/);
		expect(creates('POST /v1/text-to-video') - createsBefore).toBe(1);
		recordResult('workerKilled', {
			savedProjectId,
			nodesInRunData: Object.keys(runData),
			executionStatus: ended.status,
			secondsFromKillToStatus: secondsToEnd,
			projectStatusAtThatTime: projectStatusAtEnd,
			startedBy,
			creates: 1,
			resumedExecution: resumed.id,
		});
	});
});

describe('a large video stored in database binary mode', () => {
	const runVideo = async (bytes: number) => {
		emu.setOutputBytes({ video: bytes });
		emu.jobs.setDurationMs('/v1/text-to-video', 1_000);
		const workers = cluster.workers.filter((worker) => worker.running);
		const before = Object.fromEntries(
			workers.map((worker) => [worker.name, memoryOf(worker.pid!).rssMiB]),
		);
		const sampler = sampleMemory(workers.map((worker) => worker.pid!));
		const after = await lastExecutionId(cluster);
		const createsBefore = creates('POST /v1/text-to-video');
		const downloadsBefore = downloads();
		expect(
			(await postJson(webhookUrl(0, VIDEO.path), { prompt: `A ${bytes} byte video` })).status,
		).toBe(200);
		const [execution] = await settledExecutions(cluster, VIDEO.id, after, 3_000, 5 * 60_000);
		const peaks = sampler.stop();
		const [ranOn] = cluster.workersThatStarted(execution.id);
		const worker = workers.find((candidate) => candidate.name === ranOn)!;
		const memory = {
			worker: ranOn,
			rssBeforeMiB: before[ranOn],
			peakRssMiB: peaks[worker.pid!],
			growthMiB: peaks[worker.pid!] - before[ranOn],
		};
		const rows = await cluster.n8n.query<{ bytes: string; sha256: string }>(
			`SELECT length(data) AS bytes, encode(sha256(data), 'hex') AS sha256 FROM binary_data WHERE "sourceType" = 'execution' AND "sourceId" = ?`,
			[String(execution.id)],
		);
		return {
			execution,
			worker,
			memory,
			rows,
			creates: creates('POST /v1/text-to-video') - createsBefore,
			downloads: downloads() - downloadsBefore,
		};
	};

	afterAll(() => emu.setOutputBytes({ video: 64 * 1024 }));

	test('300 MiB (under the default 512 MiB limit): stored, byte for byte; the worker holds the whole file in memory', async () => {
		const {
			execution,
			memory,
			rows,
			creates: created,
			downloads: downloaded,
		} = await runVideo(300 * MiB);
		expect(execution.status).toBe('success');
		const [item] = nodeItems(await cluster.n8n.executionData(execution.id), 'Wait for Project');
		expect(rows).toHaveLength(1);
		expect({ bytes: Number(rows[0].bytes), sha256: rows[0].sha256 }).toEqual(
			await servedOutput(emu, 'video', item.json.id),
		);
		expect(created).toBe(1);
		expect(downloaded).toBe(1);
		recordResult('largeVideo300MiB', memory);
	});

	test('600 MiB (past N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE = 512): downloaded once, the item fails with the limit, what to change and the project ID; the worker lives on', async () => {
		const {
			execution,
			worker,
			memory,
			rows,
			creates: created,
			downloads: downloaded,
		} = await runVideo(600 * MiB);
		expect(execution.status).toBe('error');
		const data = await cluster.n8n.executionData(execution.id);
		const error = data.data.resultData.runData['Wait for Project'][0].error;
		const text = `${error.message} ${error.description ?? ''}`;
		expect(downloaded).toBe(1);
		expect(error.message).toBe(
			"The finished file (600 MB) is larger than n8n's limit of 512 MB for files kept in its database",
		);
		expect(error.description).toMatch(/^n8n refused to store file 1 of project \S+,/);
		expect(error.description).toContain('N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE');
		expect(error.description).toContain('Magic Hour → Project → Download');
		expect(error.description).toMatch(/\(Project ID \S+, video\.\)$/);
		expect(rows).toHaveLength(0);
		expect(created).toBe(1);
		expect(worker.running).toBe(true);
		expect((await fetch(`${worker.baseUrl}/healthz`)).status).toBe(200);
		recordResult('largeVideo600MiB', { ...memory, error: text.slice(0, 600) });
	});
});

describe('long jobs without holding a worker (examples/06: start, Wait 65 s, Get Project, loop)', () => {
	test('the execution waits in the database while the job renders; the loop ends on complete, error, canceled and deadline', async () => {
		const started = Date.now();
		const after = await lastExecutionId(cluster);
		const cases: Record<string, string> = {};
		const startCase = async (name: string, target: { path: string }, prepare: () => void) => {
			prepare();
			const createsBefore = creates('POST /v1/text-to-video');
			expect((await postJson(webhookUrl(cases.complete ? 1 : 0, target.path), {})).status).toBe(
				200,
			);
			await waitFor('the create', async () =>
				creates('POST /v1/text-to-video') > createsBefore ? true : undefined,
			);
			cases[name] = 'started';
		};
		await startCase('complete', PARK, () => emu.jobs.setDurationMs('/v1/text-to-video', 100_000));
		await startCase('error', PARK, () => {
			emu.jobs.setDurationMs('/v1/text-to-video', 20_000);
			emu.jobs.failNext({
				endpoint: '/v1/text-to-video',
				code: 'unknown_error',
				message: 'Rendering failed',
			});
		});
		await startCase('canceled', PARK, () => emu.jobs.cancelNext({ endpoint: '/v1/text-to-video' }));
		await startCase('deadline', PARK_SHORT_DEADLINE, () =>
			emu.jobs.setDurationMs('/v1/text-to-video', 600_000),
		);

		// All four parked: status "waiting" in the database, no Bull job held by any worker.
		const parked = await waitFor(
			'four waiting executions',
			async () => {
				const rows = await cluster.n8n.query<{
					id: string;
					status: string;
					waitTill: string | null;
				}>(
					`SELECT id, status, "waitTill" FROM execution_entity WHERE "workflowId" IN (?, ?) AND id > ? ORDER BY id`,
					[PARK.id, PARK_SHORT_DEADLINE.id, after],
				);
				return rows.length === 4 && rows.every((row) => row.status === 'waiting' && row.waitTill)
					? rows
					: undefined;
			},
			60_000,
		);
		const queue = await cluster.queueCounts();
		expect(queue.active).toBe(0);
		const rendering = [
			...new Set(
				emu.log.filter((e) => e.route === 'GET /v1/video-projects/:id').map((e) => e.path),
			),
		].length;
		recordResult('parkAndCheckWhileWaiting', {
			waiting: parked.length,
			activeBullJobs: queue.active,
			waitingBullJobs: queue.waiting,
			videoStatusChecksSoFar: rendering,
		});

		const rows = await settledExecutions(cluster, PARK.id, after, 3_000, 6 * 60_000);
		const [deadlineRow] = await settledExecutions(
			cluster,
			PARK_SHORT_DEADLINE.id,
			after,
			1_000,
			3 * 60_000,
		);
		const outcomes: Record<
			string,
			{ status: string; end: string; checks: number; jobs: number; project: string }
		> = {};
		for (const row of [...rows, deadlineRow]) {
			const data = await cluster.n8n.executionData(row.id);
			const runData = data.data.resultData.runData;
			const project = String(nodeItems(data, 'Start Text to Video')[0].json.id);
			const end =
				['Download Video', 'Failed or Canceled', 'Deadline Passed'].find((name) => runData[name]) ??
				'none';
			const last = nodeItems(data, 'Get Project');
			outcomes[row.id] = {
				status: row.status,
				end: `${end}: ${last[0]?.json.status}`,
				checks: runData['Get Project'].length,
				jobs: cluster.workersThatStarted(row.id).length ? countStarts(row.id) : 0,
				project,
			};
		}
		const ends = Object.values(outcomes)
			.map((o) => o.end)
			.sort();
		expect(ends).toEqual([
			'Deadline Passed: rendering',
			'Download Video: complete',
			'Failed or Canceled: canceled',
			'Failed or Canceled: error',
		]);
		const complete = Object.values(outcomes).find((o) => o.end.startsWith('Download'))!;
		// Checked twice (rendering, then complete), and each resume was a new job on a worker.
		expect(complete.checks).toBe(2);
		expect(complete.jobs).toBe(3);
		expect(Object.values(outcomes).every((o) => o.status === 'success')).toBe(true);
		const completeRow = [...rows, deadlineRow].find((row) => outcomes[row.id] === complete)!;
		const [video] = nodeItems(await cluster.n8n.executionData(completeRow.id), 'Download Video');
		expect(video.binary.data.id).toMatch(/^database:/);
		recordResult('parkAndCheck', {
			outcomes: Object.values(outcomes),
			seconds: Math.round((Date.now() - started) / 1000),
		});
	});
});

/** How many times workers started an execution (once, plus once per resume after a Wait). */
function countStarts(executionId: string): number {
	const line = new RegExp(`Worker started execution ${executionId} \\(job`, 'g');
	return cluster.workers.reduce((sum, worker) => sum + (worker.log().match(line)?.length ?? 0), 0);
}

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The package in a real n8n queue-mode cluster (scripts/queue/cluster.ts): Postgres 17, Redis,
 * one main process, two workers, two webhook processes, binary data in the database (n8n's
 * default in queue mode). Every claim is checked in n8n's own Postgres database, the processes'
 * logs and the emulator's request log. Measurements go to .n8n-queue/results.json.
 */
import { start, type Emulator } from '../../emulator';
import { emulatorCredential, type Json } from '../../scripts/e2e/n8n';
import { QueueCluster } from '../../scripts/queue/cluster';
import {
	completedImageEvent,
	lastExecutionId,
	memoryOf,
	nodeItems,
	postJson,
	recordResult,
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

let emu: Emulator;
let cluster: QueueCluster;

const webhookUrl = (process: number, path: string) => `${cluster.webhooks[process].baseUrl}/webhook/${path}`;
const triggerUrl = (process: number) => cluster.webhooks[process].webhookUrl(TRIGGER.webhookId, 'webhook');
const creates = (route: string) => emu.log.filter((entry) => entry.method === 'POST' && entry.route === route && entry.status === 200).length;

beforeAll(async () => {
	emu = await start({ speed: 50, quiet: true, tier: 'business', credits: 1_000_000_000 });
	cluster = await QueueCluster.start({
		credentials: [emulatorCredential(emu, SECRET)],
		workflows: [batchWorkflow(), videoWorkflow(), resumeWorkflow(), triggerWorkflow(), parkAndCheckWorkflow(PARK), parkAndCheckWorkflow(PARK_SHORT_DEADLINE, '={{ $now.plus({ seconds: 30 }).toISO() }}')],
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
		expect(await cluster.webhooks[index].waitForWebhook(triggerUrl(index))).toBe(401);
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
		const prompts = Array.from({ length: 20 }, (_, i) => ({ prompt: `Queue batch prompt ${i}: a lighthouse, variation ${i}` }));
		expect((await postJson(webhookUrl(0, BATCH.path), { items: prompts, prompt: 'A queue-mode video of waves' })).status).toBe(200);

		const [execution] = await settledExecutions(cluster, BATCH.id, after);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
		const data = await cluster.n8n.executionData(execution.id);

		// Where it ran: the worker's log names the execution; main and the webhook process do not.
		const ranOn = cluster.workersThatStarted(execution.id);
		expect(ranOn).toHaveLength(1);
		expect(ranOn[0]).toMatch(/^worker-/);
		// And the expressions of the workflow were evaluated in that worker (its MH_PROCESS_NAME).
		const processes = new Set([...nodeItems(data, 'Images Ran On'), ...nodeItems(data, 'Video Ran On')].map((item) => item.json.process));
		expect([...processes]).toEqual(ranOn);

		const images = nodeItems(data, 'Create Images');
		expect(images).toHaveLength(20);
		expect(images.map((item) => item.pairedItem)).toEqual(prompts.map((_, item) => ({ item })));
		expect(images.every((item) => item.json.status === 'complete' && item.json.error === null)).toBe(true);
		expect(new Set(images.map((item) => item.json.id)).size).toBe(20);
		const [video] = nodeItems(data, 'Wait for Project');
		expect(video.json.status).toBe('complete');

		// Exactly one create per item at Magic Hour.
		expect(creates('POST /v1/ai-image-generator') - imagesBefore).toBe(20);
		expect(creates('POST /v1/text-to-video') - videosBefore).toBe(1);

		// The binaries live in n8n's binary_data table (database mode), byte for byte what Magic Hour served.
		const rows = await cluster.n8n.query<{ fileId: string; fileSize: string; bytes: number; sha256: string; mimeType: string; magic: string }>(
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
		recordResult('batch', { executionId: execution.id, ranOn: ranOn[0], images: images.length, binaryRows: rows.length });
	});
});

describe('the Magic Hour Trigger behind two webhook processes', () => {
	const projectIdsOf = async (rows: Array<{ id: string }>) =>
		await Promise.all(
			rows.map(async (row) => {
				const data = await cluster.n8n.executionData(row.id);
				return String(nodeItems(data, 'Magic Hour Trigger')[0].json.project?.id ?? nodeItems(data, 'Magic Hour Trigger')[0].json.id);
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
		expect((await projectIdsOf(rows)).sort()).toEqual(events.map((event) => event.projectId).sort());
		for (const row of rows) expect(cluster.workersThatStarted(row.id)).toEqual([expect.stringMatching(/^worker-/)]);
	});

	test('the same event delivered to one process, then (after its answer) to the other, starts one execution', async () => {
		const after = await lastExecutionId(cluster);
		const event = await completedImageEvent(emu, 'redelivered event');
		const first = await postJson(triggerUrl(0), event.body, signedHeaders(SECRET, event.body));
		expect(first.status).toBe(200);
		await settledExecutions(cluster, TRIGGER.id, after);
		const second = await postJson(triggerUrl(1), event.body, signedHeaders(SECRET, event.body));
		expect(second.status).toBeLessThan(300);
		const rows = await settledExecutions(cluster, TRIGGER.id, after);
		expect(await projectIdsOf(rows)).toEqual([event.projectId]);
	});

	test('forged events (wrong secret, stale timestamp) are refused by both processes and start nothing', async () => {
		const after = await lastExecutionId(cluster);
		const event = await completedImageEvent(emu, 'forged event');
		for (const index of [0, 1]) {
			expect((await postJson(triggerUrl(index), event.body, signedHeaders('whsec_not_the_secret', event.body))).status).toBe(401);
			const stale = Math.floor(Date.now() / 1000) - 3600;
			expect((await postJson(triggerUrl(index), event.body, signedHeaders(SECRET, event.body, stale))).status).toBe(401);
		}
		await sleep(3_000);
		expect(await settledExecutions(cluster, TRIGGER.id, after)).toEqual([]);
	});

	test('the same event delivered to both processes at the same moment: measured, at least once and at most once per process', async () => {
		const after = await lastExecutionId(cluster);
		const events: Array<{ projectId: string; body: string }> = [];
		for (let i = 0; i < 10; i++) events.push(await completedImageEvent(emu, `simultaneous event ${i}`));
		const statuses: number[][] = [];
		for (const event of events) {
			const headers = signedHeaders(SECRET, event.body);
			const answers = await Promise.all([0, 1].map(async (index) => await postJson(triggerUrl(index), event.body, headers)));
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
		// What the design guarantees today: every authentic event is acted on, never more than once
		// per webhook process. Two processes racing on the same event may both start it.
		for (const n of perEvent) {
			expect(n).toBeGreaterThanOrEqual(1);
			expect(n).toBeLessThanOrEqual(2);
		}
		expect(ids.every((id) => events.some((event) => event.projectId === id))).toBe(true);
	});
});

/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The Magic Hour Trigger example, active in a running `n8n start`: the emulator delivers
 * signed webhooks to its production URL and each one executes the workflow; a forged delivery
 * is answered 401 and starts nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';

import { start, type Emulator } from '../../emulator';
import {
	emulatorCredential,
	loadExamples,
	N8nInstance,
	type N8nServer,
} from '../../scripts/e2e/n8n';
import { startRecordingServer } from '../harness/recordingServer';
import {
	createImageJob as createJob,
	postSignedEvent,
	sleep,
	waitFor as waitForProbe,
} from './triggerHelpers';

const WORKFLOW_ID = 'mhExampleTrigr01';
/** The same workflow with verification off and downloads on: n8n must refuse to activate it. */
const UNVERIFIED_ID = 'mhTriggerNoVerif';
const SECRET = 'whsec_e2e_trigger_secret';

let emu: Emulator;
let n8n: N8nInstance;
let server: N8nServer;
let webhookUrl: string;
let unverifiedUrl: string;
let unsubscribe: (() => void) | undefined;

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>) =>
	await waitForProbe(what, probe, () => n8n.logTail());
const createImageJob = async (prompt: string) => await createJob(emu, prompt);

beforeAll(async () => {
	emu = await start({ speed: 50, quiet: true });
	n8n = await N8nInstance.create();
	await n8n.importCredentials([emulatorCredential(emu, SECRET)]);
	const trigger = loadExamples().find(({ workflow }) => workflow.id === WORKFLOW_ID);
	if (!trigger) throw new Error(`example ${WORKFLOW_ID} not found`);
	const unverified = JSON.parse(JSON.stringify(trigger.workflow));
	unverified.id = UNVERIFIED_ID;
	unverified.name = 'Magic Hour Trigger without signature verification';
	const unverifiedNode = unverified.nodes.find((candidate: { type: string }) =>
		candidate.type.endsWith('.magicHourTrigger'),
	);
	unverifiedNode.webhookId = '0c9e4b1a-7d2f-4a8e-b6c3-5e1f9a7d3b20';
	unverifiedNode.parameters.options = { downloadOutputs: true, verifySignature: false };
	await n8n.importWorkflows([trigger.workflow, unverified]);
	await n8n.publish(WORKFLOW_ID);
	await n8n.publish(UNVERIFIED_ID);
	server = await n8n.start();
	const node = trigger.workflow.nodes.find((candidate: { type: string }) =>
		candidate.type.endsWith('.magicHourTrigger'),
	);
	webhookUrl = server.webhookUrl(node.webhookId, 'webhook');
	unverifiedUrl = server.webhookUrl(unverifiedNode.webhookId, 'webhook');
	// The workflow is active once its production URL answers (an unsigned probe gets 401).
	expect(await server.waitForWebhook(webhookUrl)).toBe(401);
});

afterAll(async () => {
	unsubscribe?.();
	await n8n?.dispose();
	await emu?.stop();
});

test('a job that completes at Magic Hour runs the active workflow with the signed event and its output file', async () => {
	unsubscribe = emu.webhooks.subscribe({
		url: webhookUrl,
		events: ['image.started', 'image.completed', 'image.errored'],
		secret: SECRET,
	});
	const before = (await n8n.executions(WORKFLOW_ID)).length;
	const id = await createImageJob('A paper boat on a puddle, e2e trigger test');

	// image.started is delivered too: the trigger acknowledges it and starts nothing (not selected).
	const delivered = await waitFor('the image.completed delivery', async () =>
		emu.webhooks.deliveries.find((d) => d.type === 'image.completed' && d.status === 200),
	);
	expect(delivered.url).toBe(webhookUrl);
	expect(emu.webhooks.deliveries.find((d) => d.type === 'image.started')?.status).toBe(200);

	const execution = await waitFor('the execution', async () => {
		const all = await n8n.executions(WORKFLOW_ID);
		const done = all.slice(before).filter((e) => e.status !== 'running' && e.status !== 'new');
		return done.length ? done : undefined;
	});
	expect(execution).toHaveLength(1);
	expect(execution[0]).toMatchObject({ status: 'success', mode: 'webhook' });

	const data = await n8n.executionData(execution[0].id);
	const runData = data.data.resultData.runData;
	const [item] = runData['Magic Hour Trigger'][0].data.main[0];
	expect(item.json).toMatchObject({ event: 'image.completed', kind: 'image', status: 'completed' });
	expect(item.json.project.id).toBe(id);
	expect(item.binary.data.mimeType).toBe('image/png');

	const [saved] = runData['Save Output'][0].data.main[0];
	const path = n8n.localPath(String(saved.json.fileName));
	expect(path).toContain(`image-${id}.png`);
	expect(existsSync(path)).toBe(true);
	expect(statSync(path).size).toBeGreaterThan(100);
	expect(readFileSync(path).subarray(1, 4).toString('latin1')).toBe('PNG');
});

test('a duplicate delivery of the same event is acknowledged and does not run the workflow twice', async () => {
	// Only completed events from here on, so that the duplicated "next event" is image.completed.
	unsubscribe?.();
	unsubscribe = emu.webhooks.subscribe({
		url: webhookUrl,
		events: ['image.completed'],
		secret: SECRET,
	});
	const before = (await n8n.executions(WORKFLOW_ID)).length;
	const deliveredBefore = emu.webhooks.deliveries.length;
	emu.webhooks.duplicateNext(1);
	const id = await createImageJob('A second paper boat, duplicate delivery');
	const hits = await waitFor('both image.completed deliveries', async () => {
		const found = emu.webhooks.deliveries
			.slice(deliveredBefore)
			.filter((d) => d.type === 'image.completed');
		return found.length >= 2 ? found : undefined;
	});
	expect(hits.map((d) => d.status)).toEqual([200, 200]);
	await sleep(2_000);
	const after = await n8n.executions(WORKFLOW_ID);
	expect(after.length - before).toBe(1);
	const data = await n8n.executionData(after[after.length - 1].id);
	expect(
		data.data.resultData.runData['Magic Hour Trigger'][0].data.main[0][0].json.project.id,
	).toBe(id);
});

test('a forged delivery (wrong secret) gets 401 and creates no execution', async () => {
	const before = (await n8n.executions(WORKFLOW_ID)).length;
	expect(await postSignedEvent(emu, webhookUrl, 'not-the-secret')).toBe(401);
	// A correctly signed but stale delivery (a replay) is refused too.
	const stale = Math.floor(Date.now() / 1000) - 3600;
	expect(await postSignedEvent(emu, webhookUrl, SECRET, stale)).toBe(401);

	await sleep(2_000);
	expect((await n8n.executions(WORKFLOW_ID)).length).toBe(before);
});

test('n8n refuses to activate a Trigger that would download files without verifying signatures', async () => {
	const internal = await startRecordingServer();
	try {
		const body = JSON.stringify({
			type: 'image.completed',
			payload: {
				id: 'cm_forged',
				status: 'complete',
				downloads: [{ url: `${internal.origin}/latest/meta-data`, expires_at: null }],
			},
		});
		const res = await fetch(unverifiedUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
		});
		// Not registered: activation failed with the node's message.
		expect(res.status).toBe(404);
		expect(internal.requests).toEqual([]);
		// n8n logs the node's message as JSON (quotes escaped).
		const refusal = /Download Output Files\\?" needs \\?"Verify Signature/;
		await waitFor('the activation error in the n8n log', async () =>
			refusal.test(`${server.output}${n8n.logTail(200_000)}`) ? true : undefined,
		);
		expect((await n8n.executions(UNVERIFIED_ID)).length).toBe(0);
	} finally {
		await internal.stop();
	}
});

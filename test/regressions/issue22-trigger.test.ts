/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- not node code: tests */
/**
 * Issue 22 (second outside review), items 6 and 7: two deliveries handled at the same time in
 * one process both stay remembered for the dedupe window, and a 429 on the project lookup does
 * not hold Magic Hour's delivery for a minute. The Trigger behind a real HTTP port
 * (test/harness/webhookRunner.ts) with n8n-core's WebhookContext, against the emulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { start, type Emulator } from '../../emulator';
import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import { TriggerHost, waitFor } from '../harness/webhookRunner';

const SECRET = 'whsec_test_22c1a9e7b2d4c6e8a0f1b3d5c7e9a1b0';

let emu: Emulator;
let host: TriggerHost;

beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
	host = await TriggerHost.start({
		nodeType: new MagicHourTrigger(),
		parameters: { events: ['image.completed'], options: { downloadOutputs: true } },
		credentials: {
			apiKey: 'mhk_test_emulator',
			environment: 'custom',
			baseUrl: emu.baseUrl,
			webhookSecret: SECRET,
		},
	});
});

afterAll(async () => {
	await host?.stop();
	await emu?.stop();
});

beforeEach(() => {
	emu.reset();
	emu.jobs.setDurationMs('/v1/ai-image-generator', 40);
	host.clear();
});

/** A completed image project at the emulator, as the API lists it. */
async function completedProject(prompt: string): Promise<IDataObject> {
	const headers = { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' };
	const created = await fetch(`${emu.baseUrl}/v1/ai-image-generator`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ image_count: 1, style: { prompt } }),
	});
	const { id } = (await created.json()) as { id: string };
	await waitFor(() => emu.getProject(id)?.settled === 'complete', 10_000, 'the job');
	const read = await fetch(`${emu.baseUrl}/v1/image-projects/${id}`, { headers });
	return (await read.json()) as IDataObject;
}

/** Posts the event signed at the current (possibly shifted) time. */
async function deliver(payload: IDataObject) {
	const raw = JSON.stringify({ type: 'image.completed', payload });
	const timestamp = Math.floor(Date.now() / 1000);
	return await host.post(raw, {
		'content-type': 'application/json',
		'magic-hour-event-signature': emu.webhooks.sign(SECRET, timestamp, raw),
		'magic-hour-event-timestamp': String(timestamp),
	});
}

const executedIds = () =>
	host.executions.map((execution) => (execution.items[0].json.project as IDataObject).id);

describe('issue 22.6: deliveries handled at the same time in one process', () => {
	it('both stay remembered for the dedupe window: copies arriving minutes later start nothing', async () => {
		const first = await completedProject('a boat');
		const second = await completedProject('a tree');
		// The first delivery's project lookup is slow, so the second one is handled meanwhile,
		// each on its own copy of the static data.
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 1,
			fault: { type: 'slow-headers', delayMs: 500 },
		});
		const firstAnswer = deliver(first);
		await waitFor(() => host.inFlight === 1, 5_000, 'the first delivery to be in the node');
		expect((await deliver(second)).status).toBe(200);
		expect((await firstAnswer).status).toBe(200);
		await waitFor(() => host.inFlight === 0, 10_000, 'both downloads');
		expect(executedIds().sort()).toEqual([first.id, second.id].sort());

		// Copies that arrive ten minutes later (Magic Hour re-sends when an answer got lost).
		const realNow = Date.now.bind(Date);
		const later = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 10 * 60_000);
		try {
			for (const payload of [first, second]) {
				const copy = await deliver(payload);
				expect({ id: payload.id, status: copy.status, body: copy.body }).toEqual({
					id: payload.id,
					status: 200,
					body: expect.stringMatching(/Duplicate delivery/),
				});
			}
			await waitFor(() => host.inFlight === 0, 10_000, 'the copies');
		} finally {
			later.mockRestore();
		}
		// The old code started one of them twice: the entry saved last had overwritten the other's.
		expect(executedIds().sort()).toEqual([first.id, second.id].sort());
	});
});

describe('issue 22.7: a 429 on the project lookup', () => {
	it('waits at most a few seconds before it reads again, not the minute Retry-After asks for', async () => {
		const project = await completedProject('a lamp');
		emu.log.length = 0;
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 1,
			fault: { type: 'rate-limit', retryAfterSeconds: 60 },
		});
		const answer = await deliver(project);
		// The old code waited the full 60 s here (past this test's time limit).
		expect(answer.status).toBe(200);
		await waitFor(() => host.inFlight === 0, 10_000, 'the download');
		expect(executedIds()).toEqual([project.id]);
		const lookups = emu.log.filter((entry) => entry.path === `/v1/image-projects/${project.id}`);
		expect(lookups.map((entry) => entry.status)).toEqual([429, 200]);
	}, 20_000);
});

/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	bodies,
	call,
	eventually,
	sleep,
	startFast,
	waitForStatus,
	type TestEmulator,
} from './emulatorHarness';

interface Received {
	headers: http.IncomingHttpHeaders;
	raw: string;
}

/** A webhook receiver answering with the statuses queued in `plan` (then 200). */
class Receiver {
	received: Received[] = [];
	plan: number[] = [];
	private server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			this.received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(this.plan.shift() ?? 200).end('ok');
		});
	});
	url = '';

	async listen(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
	}

	close(): Promise<void> {
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	types(): string[] {
		return this.received.map((r) => JSON.parse(r.raw).type);
	}
}

/** Independent check of the Magic Hour signature scheme. */
function verify(secret: string, r: Received): boolean {
	const timestamp = String(r.headers['magic-hour-event-timestamp']);
	const expected = createHmac('sha256', secret).update(`${timestamp}.${r.raw}`).digest();
	const given = Buffer.from(String(r.headers['magic-hour-event-signature']), 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

const SECRET = 'whsec_test_secret';
let emu: TestEmulator;
let receiver: Receiver;

beforeAll(async () => {
	emu = await startFast();
});
afterAll(() => emu.stop());
beforeEach(async () => {
	emu.reset();
	receiver = new Receiver();
	await receiver.listen();
});
afterEach(() => receiver.close());

describe('webhooks', () => {
	it('posts signed started and completed events whose payload is the project GET body', async () => {
		emu.webhooks.subscribe({
			url: receiver.url,
			events: ['image.started', 'image.completed', 'image.errored'],
			secret: SECRET,
		});
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await eventually(() => emu.webhooks.deliveries.length === 2, 2000, 'two recorded deliveries');

		expect(receiver.types()).toEqual(['image.started', 'image.completed']);
		for (const r of receiver.received) {
			expect(r.headers['content-type']).toBe('application/json');
			expect(verify(SECRET, r)).toBe(true);
			expect(verify('another-secret', r)).toBe(false);
			const ts = Number(r.headers['magic-hour-event-timestamp']);
			expect(Number.isInteger(ts)).toBe(true);
			expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(5);
			expect(r.headers['magic-hour-event-signature']).toBe(emu.webhooks.sign(SECRET, ts, r.raw));
		}
		const [started, completed] = receiver.received.map((r) => JSON.parse(r.raw));
		expect(started.payload).toMatchObject({
			id: created.body.id,
			status: 'rendering',
			downloads: [],
		});
		const current = await call(emu, 'GET', `/v1/image-projects/${created.body.id}`);
		expect(Object.keys(completed.payload).sort()).toEqual(Object.keys(current.body).sort());
		expect(completed.payload).toMatchObject({
			id: created.body.id,
			status: 'complete',
			type: 'AI_IMAGE',
		});
		expect((await fetch(completed.payload.downloads[0].url)).status).toBe(200);
		expect(emu.webhooks.deliveries.map((d) => [d.type, d.status, d.attempt])).toEqual([
			['image.started', 200, 1],
			['image.completed', 200, 1],
		]);
	});

	it('runs an AI Video Translator job as a video project: credits per frame, video events, an MP4', async () => {
		emu.webhooks.subscribe({
			url: receiver.url,
			events: ['video.started', 'video.completed'],
			secret: SECRET,
		});
		const body = {
			start_seconds: 2,
			end_seconds: 12,
			target_language: 'Japanese',
			assets: { video_file_path: 'https://example.com/talk.mp4' },
		};
		const created = await call(emu, 'POST', '/v1/ai-video-translator', { body });
		expect(created.status).toBe(200);
		// 10 s at 30 frames per second.
		expect(created.body).toMatchObject({ credits_charged: 300, estimated_frame_cost: 300 });
		await eventually(() => emu.webhooks.deliveries.length === 2, 5000, 'two recorded deliveries');
		expect(receiver.types()).toEqual(['video.started', 'video.completed']);
		const completed = JSON.parse(receiver.received[1].raw);
		expect(completed.payload).toMatchObject({
			id: created.body.id,
			status: 'complete',
			type: 'VIDEO_TRANSLATOR',
		});
		const download = await fetch(completed.payload.downloads[0].url);
		expect(download.headers.get('content-type')).toBe('video/mp4');
	});

	it('fires errored for failed jobs and nothing for canceled ones; filters by subscribed events', async () => {
		emu.webhooks.subscribe({
			url: receiver.url,
			events: ['image.errored', 'image.completed', 'video.started'],
			secret: SECRET,
		});
		emu.jobs.failNext({ code: 'no_source_face', message: 'no face' });
		const failed = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await waitForStatus(emu, 'image', failed.body.id);
		emu.jobs.cancelNext();
		const canceled = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await waitForStatus(emu, 'image', canceled.body.id);
		await sleep(50);
		expect(receiver.types()).toEqual(['image.errored']);
		const payload = JSON.parse(receiver.received[0].raw).payload;
		expect(payload).toMatchObject({
			status: 'error',
			credits_charged: 0,
			error: { code: 'no_source_face', message: 'no face' },
		});
	});

	it('canceled jobs still announce started (they were rendering) but never a final event', async () => {
		emu.webhooks.subscribe({ url: receiver.url, events: ['*'], secret: SECRET });
		emu.jobs.cancelNext();
		const created = await call(emu, 'POST', '/v1/ai-voice-generator', { body: bodies.audio });
		await waitForStatus(emu, 'audio', created.body.id);
		await sleep(50);
		expect(receiver.types()).toEqual(['audio.started']);
	});

	it('delivers started before completed even when both happen at once', async () => {
		emu.webhooks.subscribe({ url: receiver.url, events: ['image.*'], secret: SECRET });
		emu.jobs.setDurationMs('/v1/ai-image-generator', 0);
		for (let i = 0; i < 5; i++)
			await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await eventually(() => receiver.received.length === 10, 2000, 'ten events');
		const byProject = new Map<string, string[]>();
		for (const r of receiver.received) {
			const { type, payload } = JSON.parse(r.raw);
			byProject.set(payload.id, [...(byProject.get(payload.id) ?? []), type]);
		}
		expect([...byProject.values()]).toEqual(Array(5).fill(['image.started', 'image.completed']));
	});

	it('fires without anyone polling', async () => {
		emu.webhooks.subscribe({ url: receiver.url, events: ['video.completed'], secret: SECRET });
		emu.jobs.setDurationMs('/v1/text-to-video', 30);
		await call(emu, 'POST', '/v1/text-to-video', { body: bodies.video });
		await eventually(() => receiver.received.length === 1, 2000, 'completed event');
		expect(receiver.types()).toEqual(['video.completed']);
		expect(emu.log.filter((e) => e.route === 'GET /v1/video-projects/:id')).toHaveLength(0);
	});

	it('retries on 500 with backoff until a 2xx, re-signing each attempt', async () => {
		receiver.plan = [500, 503];
		emu.webhooks.subscribe({ url: receiver.url, events: ['image.completed'], secret: SECRET });
		await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await eventually(() => emu.webhooks.deliveries.length === 3, 3000, 'three recorded attempts');
		expect(receiver.received.every((r) => verify(SECRET, r))).toBe(true);
		expect(new Set(receiver.received.map((r) => r.raw)).size).toBe(1);
		expect(emu.webhooks.deliveries.map((d) => [d.status, d.attempt])).toEqual([
			[500, 1],
			[503, 2],
			[200, 3],
		]);
		const [first, , third] = emu.webhooks.deliveries.map((d) => d.at);
		expect(third - first).toBeGreaterThanOrEqual(6); // backoff 2 s, 4 s scaled by speed 1000
		await sleep(50);
		expect(receiver.received).toHaveLength(3);
	});

	it('retries network errors a bounded number of times', async () => {
		const deadUrl = receiver.url;
		await receiver.close();
		emu.webhooks.subscribe({ url: deadUrl, events: ['image.completed'], secret: SECRET });
		await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await eventually(() => emu.webhooks.deliveries.length === 6, 3000, 'six failed attempts');
		await sleep(100);
		expect(emu.webhooks.deliveries).toHaveLength(6);
		expect(emu.webhooks.deliveries.every((d) => d.status === 0 && d.error)).toBe(true);
		expect(emu.webhooks.deliveries.map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
		receiver = new Receiver();
		await receiver.listen();
	});

	it('duplicateNext delivers the next event n extra times', async () => {
		emu.webhooks.subscribe({ url: receiver.url, events: ['image.completed'], secret: SECRET });
		emu.webhooks.duplicateNext(2);
		await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await eventually(() => receiver.received.length === 3, 2000, 'three copies');
		expect(new Set(receiver.received.map((r) => JSON.parse(r.raw).payload.id)).size).toBe(1);
		await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await eventually(() => receiver.received.length === 4, 2000, 'one more event');
		await sleep(50);
		expect(receiver.received).toHaveLength(4);
	});

	it('unsubscribe stops deliveries', async () => {
		const unsubscribe = emu.webhooks.subscribe({
			url: receiver.url,
			events: ['image.completed'],
			secret: SECRET,
		});
		unsubscribe();
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await waitForStatus(emu, 'image', created.body.id);
		await sleep(30);
		expect(receiver.received).toHaveLength(0);
	});
});

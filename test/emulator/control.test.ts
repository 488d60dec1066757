/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	bodies,
	call,
	eventually,
	startFast,
	waitForStatus,
	type TestEmulator,
} from './emulatorHarness';

let emu: TestEmulator;

beforeAll(async () => {
	emu = await startFast({ credits: 500 });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ControlAnswer = { status: number; body: any };

async function control(method: string, action: string, body?: unknown): Promise<ControlAnswer> {
	const res = await fetch(`${emu.baseUrl}/__emulator/${action}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: await res.json() };
}

describe('control endpoint /__emulator', () => {
	it('GET state describes the instance without auth', async () => {
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		const { status, body } = await control('GET', 'state');
		expect(status).toBe(200);
		expect(body).toMatchObject({
			baseUrl: emu.baseUrl,
			apiKey: emu.apiKey,
			speed: 1000,
			tier: 'creator',
			credits: 450,
			projects: [{ id: created.body.id, kind: 'image', endpoint: '/v1/ai-image-generator' }],
			faults: [],
		});
	});

	it('POST credits sets the balance', async () => {
		expect(await control('POST', 'credits', { credits: 7 })).toEqual({
			status: 200,
			body: { credits: 7 },
		});
		expect(emu.credits).toBe(7);
		expect((await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image })).status).toBe(
			402,
		);
		expect((await control('POST', 'credits', { credits: -1 })).status).toBe(422);
	});

	it('POST faults adds rules (one, a list, or {rules}); DELETE faults clears them', async () => {
		expect(
			(
				await control('POST', 'faults', {
					match: 'GET /v1/account',
					fault: { type: 'status', status: 500 },
				})
			).status,
		).toBe(200);
		await control('POST', 'faults', [
			{ match: 'GET /v1/account', times: 2, fault: { type: 'rate-limit', retryAfterSeconds: 1 } },
		]);
		const listed = await control('POST', 'faults', {
			rules: [{ match: 'POST /v1/*', fault: { type: 'reset' } }],
		});
		expect(listed.body.faults).toHaveLength(3);
		expect((await call(emu, 'GET', '/v1/account')).status).toBe(500);
		expect((await call(emu, 'GET', '/v1/account')).status).toBe(429);
		await control('DELETE', 'faults');
		expect((await call(emu, 'GET', '/v1/account')).status).toBe(200);
		expect((await control('POST', 'faults', { match: 'x', fault: { type: 'bogus' } })).status).toBe(
			422,
		);
	});

	it('POST jobs/fail-next and jobs/cancel-next steer the next jobs; jobs/duration sets durations', async () => {
		await control('POST', 'jobs/duration', { endpoint: '/v1/ai-image-generator', ms: 0 });
		await control('POST', 'jobs/fail-next', {
			endpoint: '/v1/ai-image-generator',
			code: 'invalid_parameters',
			message: 'nope',
		});
		await control('POST', 'jobs/cancel-next', {});
		const failed = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		const canceled = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		expect(await waitForStatus(emu, 'image', failed.body.id)).toMatchObject({
			status: 'error',
			error: { code: 'invalid_parameters' },
		});
		expect((await waitForStatus(emu, 'image', canceled.body.id)).status).toBe('canceled');
		expect((await control('POST', 'jobs/fail-next', {})).status).toBe(422);
	});

	it('GET log and counters mirror the API traffic (control calls are not logged)', async () => {
		await call(emu, 'GET', '/v1/account');
		await call(emu, 'GET', '/v1/account', { apiKey: 'bad' });
		const log = await control('GET', 'log');
		expect(log.body.map((e: { route: string; status: number }) => [e.route, e.status])).toEqual([
			['GET /v1/account', 200],
			['GET /v1/account', 401],
		]);
		const counters = await control('GET', 'counters');
		expect(counters.body).toMatchObject({ byRoute: { 'GET /v1/account': 2 }, creates: 0 });
	});

	it('POST webhooks/subscribe registers a receiver', async () => {
		const received: string[] = [];
		const server = http.createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				received.push(JSON.parse(raw).type);
				res.end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
			const sub = await control('POST', 'webhooks/subscribe', {
				url,
				events: ['image.completed'],
				secret: 's',
			});
			expect(sub.body).toEqual({ id: expect.any(Number) });
			await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
			await eventually(() => emu.webhooks.deliveries.length === 1, 2000, 'webhook');
			expect(received).toEqual(['image.completed']);
			const deliveries = await control('GET', 'webhooks/deliveries');
			expect(deliveries.body).toEqual([
				expect.objectContaining({ url, type: 'image.completed', status: 200, attempt: 1 }),
			]);
			expect((await control('POST', 'webhooks/unsubscribe', { id: sub.body.id })).body).toEqual({
				removed: true,
			});
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});

	it('POST reset clears projects, faults, log and counters and restores the balance', async () => {
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await control('POST', 'faults', {
			match: 'GET /v1/account',
			fault: { type: 'status', status: 500 },
		});
		expect(await control('POST', 'reset')).toEqual({ status: 200, body: { ok: true } });
		expect(emu.credits).toBe(500);
		expect(emu.log).toHaveLength(0);
		expect(emu.counters()).toMatchObject({ creates: 0, jobsCreated: 0, byRoute: {} });
		expect(emu.getProject(created.body.id)).toBeUndefined();
		expect((await call(emu, 'GET', '/v1/account')).status).toBe(200);
	});

	it('POST output-bytes changes the size of generated outputs (reset restores it)', async () => {
		expect(
			(await control('POST', 'output-bytes', { image: 12_345 })).body.outputBytes,
		).toMatchObject({ image: 12_345 });
		await control('POST', 'jobs/duration', { endpoint: '/v1/ai-image-generator', ms: 0 });
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		const done = await waitForStatus(emu, 'image', created.body.id);
		const head = await fetch(done.downloads[0].url, { method: 'HEAD' });
		expect(head.headers.get('content-length')).toBe('12345');
		await control('POST', 'reset');
		expect((await control('GET', 'state')).body.outputBytes.image).toBe(8192);
		expect((await control('POST', 'output-bytes', { image: -5 })).status).toBe(422);
	});

	it('GET projects/:id returns the raw record; unknown actions answer 404', async () => {
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		const record = await control('GET', `projects/${created.body.id}`);
		expect(record.body).toMatchObject({
			id: created.body.id,
			endpoint: '/v1/ai-image-generator',
			creditsCharged: 50,
		});
		expect((await control('GET', 'nope')).status).toBe(404);
	});
});

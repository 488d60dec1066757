import {
	bodies,
	call,
	rawGet,
	startFast,
	waitForStatus,
	type TestEmulator,
} from './emulatorHarness';

let emu: TestEmulator;

beforeAll(async () => {
	emu = await startFast({ credits: 1000, outputBytes: { image: 100_000 } });
});
afterAll(() => emu.stop());
beforeEach(() => {
	emu.reset();
	emu.jobs.setDurationMs('/v1/ai-image-generator', 0);
});

const create = () => call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });

async function downloadUrl(): Promise<string> {
	const created = await create();
	const done = await waitForStatus(emu, 'image', created.body.id, ['complete']);
	return done.downloads[0].url;
}

describe('faults', () => {
	it('status: answers the given status instead of handling the request, once by default', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			fault: { type: 'status', status: 503 },
		});
		const faulted = await create();
		expect(faulted.status).toBe(503);
		expect(faulted.body).toEqual({ code: 'service_unavailable', message: expect.any(String) });
		expect(emu.counters().jobsCreated).toBe(0);
		expect(emu.credits).toBe(1000);
		expect(emu.log.at(-1)).toMatchObject({
			status: 503,
			fault: 'status',
			route: 'POST /v1/ai-image-generator',
		});

		expect((await create()).status).toBe(200);
	});

	it('status: uses a custom body, and `times` counts down', async () => {
		emu.faults.add({
			match: 'GET /v1/account',
			times: 2,
			fault: { type: 'status', status: 500, body: { message: 'boom' } },
		});
		expect((await call(emu, 'GET', '/v1/account')).body).toEqual({ message: 'boom' });
		expect((await call(emu, 'GET', '/v1/account')).status).toBe(500);
		expect((await call(emu, 'GET', '/v1/account')).status).toBe(200);
	});

	it('rules apply in the order added; * matches any run of characters; normalised routes match too', async () => {
		emu.faults.add({ match: 'GET /v1/*', fault: { type: 'status', status: 502 } });
		emu.faults.add({ match: 'GET /v1/account', fault: { type: 'status', status: 504 } });
		emu.faults.add({ match: 'GET /v1/image-projects/:id', fault: { type: 'status', status: 500 } });
		expect((await call(emu, 'GET', '/v1/account')).status).toBe(502);
		expect((await call(emu, 'GET', '/v1/account')).status).toBe(504);
		expect((await call(emu, 'GET', '/v1/image-projects/abc')).status).toBe(500);
		expect((await call(emu, 'GET', '/v1/image-projects/abc')).status).toBe(404);

		emu.faults.add({ match: '* *', fault: { type: 'status', status: 500 } });
		expect((await call(emu, 'DELETE', '/v1/audio-projects/x')).status).toBe(500);
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			fault: { type: 'status', status: 500 },
		});
		emu.faults.clear();
		expect((await create()).status).toBe(200);
	});

	it('rate-limit: 429 with Retry-After only when given', async () => {
		emu.faults.add({ match: 'POST /v1/*', fault: { type: 'rate-limit', retryAfterSeconds: 3 } });
		emu.faults.add({ match: 'POST /v1/*', fault: { type: 'rate-limit' } });
		const first = await create();
		expect(first.status).toBe(429);
		expect(first.headers.get('retry-after')).toBe('3');
		expect(first.body.code).toBe('rate_limited');
		const second = await create();
		expect(second.status).toBe(429);
		expect(second.headers.get('retry-after')).toBeNull();
		expect(emu.counters().jobsCreated).toBe(0);
	});

	it('reset: the socket is destroyed before handling; nothing is created', async () => {
		emu.faults.add({ match: 'POST /v1/ai-image-generator', fault: { type: 'reset' } });
		await expect(create()).rejects.toThrow();
		expect(emu.counters()).toMatchObject({ jobsCreated: 0, creates: 0 });
		expect(emu.credits).toBe(1000);
		expect(emu.log.at(-1)).toMatchObject({ fault: 'reset', status: 0 });
	});

	it('reset-after-accept: the job is created and charged, but the answer never arrives', async () => {
		emu.faults.add({ match: 'POST /v1/ai-image-generator', fault: { type: 'reset-after-accept' } });
		await expect(create()).rejects.toThrow();
		expect(emu.counters()).toMatchObject({ jobsCreated: 1, creditsCharged: 50 });
		expect(emu.credits).toBe(950);
		expect(emu.log.at(-1)).toMatchObject({ fault: 'reset-after-accept', status: 0 });
	});

	it('slow-headers: delays the answer (a client timeout fires first)', async () => {
		emu.faults.add({ match: 'GET /v1/account', fault: { type: 'slow-headers', delayMs: 150 } });
		const started = Date.now();
		const res = await call(emu, 'GET', '/v1/account');
		expect(res.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		emu.faults.add({ match: 'GET /v1/account', fault: { type: 'slow-headers', delayMs: 300 } });
		await expect(
			call(emu, 'GET', '/v1/account', { signal: AbortSignal.timeout(50) }),
		).rejects.toThrow();
	});

	it('truncate: announces the full length and cuts the body after N bytes', async () => {
		const url = await downloadUrl();
		emu.faults.add({ match: 'GET /downloads/*', fault: { type: 'truncate', afterBytes: 1000 } });
		const cut = await rawGet(url, 8);
		expect(cut.status).toBe(200);
		expect(cut.headers['content-length']).toBe('100000');
		expect(cut.received).toBe(1000);
		expect(cut.error).toBeDefined();
		expect(cut.head.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(emu.log.at(-1)).toMatchObject({ fault: 'truncate', route: 'GET /downloads/:token' });

		const whole = await rawGet(url);
		expect(whole.received).toBe(100_000);
		expect(whole.error).toBeUndefined();
	});

	it('truncate also cuts JSON answers', async () => {
		emu.faults.add({ match: 'GET /v1/account', fault: { type: 'truncate', afterBytes: 10 } });
		await expect(call(emu, 'GET', '/v1/account')).rejects.toThrow();
	});

	it('length-mismatch: Content-Length disagrees with the bytes sent', async () => {
		const url = await downloadUrl();
		emu.faults.add({ match: 'GET /downloads/*', fault: { type: 'length-mismatch' } });
		const res = await rawGet(url);
		expect(Number(res.headers['content-length'])).not.toBe(res.received);
		expect(res.received).toBe(100_000);
		expect(res.error).toBeDefined();
	});

	it('expire: a download answers 403 as if expired, once', async () => {
		const url = await downloadUrl();
		emu.faults.add({ match: 'GET /downloads/*', fault: { type: 'expire' } });
		const expired = await fetch(url);
		expect(expired.status).toBe(403);
		expect(((await expired.json()) as { code: string }).code).toBe('forbidden');
		expect((await fetch(url)).status).toBe(200);
	});

	it('rewrite-body: handles the request (the job is charged), then changes the JSON answer', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			fault: { type: 'rewrite-body', omit: ['id'] },
		});
		const created = await create();
		expect(created.status).toBe(200);
		expect(created.body).not.toHaveProperty('id');
		expect(created.body.credits_charged).toBeGreaterThan(0);
		expect(emu.counters().jobsCreated).toBe(1);

		const next = await create();
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			fault: { type: 'rewrite-body', set: { downloads: [] } },
		});
		const done = await waitForStatus(emu, 'image', next.body.id, ['complete']);
		expect(done.downloads).toEqual([]);
		expect((await waitForStatus(emu, 'image', next.body.id, ['complete'])).downloads).toHaveLength(
			1,
		);
	});

	it('rejects malformed rules', () => {
		expect(() => emu.faults.add({ match: 'GET /x', fault: { type: 'nope' } as never })).toThrow();
	});
});

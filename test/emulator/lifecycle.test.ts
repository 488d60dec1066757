import {
	bodies,
	call,
	eventually,
	sleep,
	startFast,
	waitForStatus,
	type TestEmulator,
} from './emulatorHarness';

let emu: TestEmulator;

beforeAll(async () => {
	emu = await startFast({ credits: 1000 });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

describe('job lifecycle', () => {
	it('walks queued → rendering → complete on the clock and lists one download per output', async () => {
		emu.jobs.setDurationMs('/v1/ai-image-generator', 1500);
		const created = await call(emu, 'POST', '/v1/ai-image-generator', {
			body: { ...bodies.image, image_count: 2 },
		});
		expect(created.status).toBe(200);
		expect(created.body).toEqual({ id: expect.any(String), credits_charged: 100, frame_cost: 100 });
		expect(emu.credits).toBe(900);

		const first = await call(emu, 'GET', `/v1/image-projects/${created.body.id}`);
		expect(first.body.status).toBe('queued');
		expect(first.body.downloads).toEqual([]);

		await waitForStatus(emu, 'image', created.body.id, ['rendering'], 1400);
		const done = await waitForStatus(emu, 'image', created.body.id, ['complete'], 5000);
		expect(Date.now() - emu.getProject(created.body.id)!.createdAt).toBeGreaterThanOrEqual(1490);
		expect(done).toEqual({
			id: created.body.id,
			name: expect.stringContaining('AI Image Generator'),
			status: 'complete',
			type: 'AI_IMAGE',
			created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			enabled: true,
			credits_charged: 100,
			total_frame_cost: 100,
			image_count: 2,
			error: null,
			downloads: [
				{
					url: expect.stringMatching(new RegExp(`^${emu.baseUrl}/downloads/[^/]+/[^/]+\\.png$`)),
					expires_at: expect.any(String),
				},
				{ url: expect.stringMatching(/\.png$/), expires_at: expect.any(String) },
			],
		});
		expect(emu.counters()).toMatchObject({ creates: 1, jobsCreated: 1, creditsCharged: 100 });
	});

	it('derives durations from the median and the speed factor', async () => {
		// ai-voice-generator: median 6 s → 6 ms at speed 1000
		const created = await call(emu, 'POST', '/v1/ai-voice-generator', { body: bodies.audio });
		await sleep(30);
		const res = await call(emu, 'GET', `/v1/audio-projects/${created.body.id}`);
		expect(res.body.status).toBe('complete');
		expect(res.body).not.toHaveProperty('image_count');
		expect(res.body.downloads[0].url).toMatch(/\.mp3$/);
	});

	it('returns the video shape with the legacy fields old SDKs require', async () => {
		emu.jobs.setDurationMs('/v1/text-to-video', 0);
		const created = await call(emu, 'POST', '/v1/text-to-video', {
			body: { ...bodies.video, resolution: '720p', aspect_ratio: '9:16' },
		});
		expect(created.status).toBe(200);
		expect(created.body).toEqual({
			id: expect.any(String),
			credits_charged: 150,
			estimated_frame_cost: 150,
		});
		const done = await waitForStatus(emu, 'video', created.body.id);
		expect(done).toMatchObject({
			status: 'complete',
			type: 'TEXT_TO_VIDEO',
			width: 720,
			height: 1280,
			fps: 30,
			start_seconds: 0,
			end_seconds: 5,
			credits_charged: 150,
			total_frame_cost: 150,
		});
		expect(done.download).toEqual(done.downloads[0]);
		expect(done.downloads[0].url).toMatch(/\.mp4$/);
	});

	it('video download is null until complete', async () => {
		emu.jobs.setDurationMs('/v1/text-to-video', 5000);
		const created = await call(emu, 'POST', '/v1/text-to-video', { body: bodies.video });
		const res = await call(emu, 'GET', `/v1/video-projects/${created.body.id}`);
		expect(res.body.status).toBe('queued');
		expect(res.body.download).toBeNull();
	});

	it('a failed job ends in error and refunds its credits', async () => {
		emu.jobs.failNext({
			endpoint: '/v1/ai-image-generator',
			code: 'no_source_face',
			message: 'Please use an image with a detectable face',
		});
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		expect(created.body.credits_charged).toBe(50);
		expect(emu.credits).toBe(950);
		const done = await waitForStatus(emu, 'image', created.body.id);
		expect(done).toMatchObject({
			status: 'error',
			credits_charged: 0,
			total_frame_cost: 0,
			downloads: [],
			error: { code: 'no_source_face', message: 'Please use an image with a detectable face' },
		});
		expect(emu.credits).toBe(1000);
		expect(emu.counters().creditsRefunded).toBe(50);

		// the directive was used up: the next job completes
		const next = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		expect((await waitForStatus(emu, 'image', next.body.id)).status).toBe('complete');
	});

	it('failNext scoped to another endpoint does not touch this one', async () => {
		emu.jobs.failNext({ endpoint: '/v1/face-swap', code: 'unknown_error' });
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		expect((await waitForStatus(emu, 'image', created.body.id)).status).toBe('complete');
	});

	it('refunds even when nobody polls (the timer settles the job)', async () => {
		emu.jobs.failNext({ code: 'unknown_error' });
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		// Charged at create (the job may already have failed and been refunded under load, so the
		// balance right after the create is not asserted).
		expect(created.body.credits_charged).toBe(50);
		await eventually(() => emu.credits === 1000, 2000, 'refund');
		expect(emu.counters().creditsRefunded).toBe(50);
		expect(emu.log.map((e) => e.route)).toEqual(['POST /v1/ai-image-generator']);
	});

	it('a canceled job ends in canceled mid-render, without downloads', async () => {
		emu.jobs.cancelNext();
		emu.jobs.setDurationMs('/v1/ai-image-generator', 200);
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		const done = await waitForStatus(emu, 'image', created.body.id);
		expect(done).toMatchObject({ status: 'canceled', downloads: [], error: null });
		expect(emu.getProject(created.body.id)!.finishAtMs).toBeLessThan(200);
	});

	it('answers 404 for an id of another kind, an unknown id, and after DELETE', async () => {
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		const id = created.body.id;
		expect((await call(emu, 'GET', `/v1/video-projects/${id}`)).status).toBe(404);
		expect((await call(emu, 'GET', `/v1/audio-projects/${id}`)).body).toEqual({
			code: 'not_found',
			message: 'Not Found',
		});
		expect((await call(emu, 'GET', '/v1/image-projects/does-not-exist')).status).toBe(404);
		expect((await call(emu, 'DELETE', `/v1/video-projects/${id}`)).status).toBe(404);

		const deleted = await call(emu, 'DELETE', `/v1/image-projects/${id}`);
		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
		expect((await call(emu, 'GET', `/v1/image-projects/${id}`)).status).toBe(404);
		expect((await call(emu, 'DELETE', `/v1/image-projects/${id}`)).status).toBe(404);
		expect(emu.getProject(id)?.deleted).toBe(true);
	});

	it('download URLs of a deleted project stop working', async () => {
		emu.jobs.setDurationMs('/v1/ai-image-generator', 0);
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		const done = await waitForStatus(emu, 'image', created.body.id);
		expect((await fetch(done.downloads[0].url)).status).toBe(200);
		await call(emu, 'DELETE', `/v1/image-projects/${created.body.id}`);
		expect((await fetch(done.downloads[0].url)).status).toBe(404);
	});
});

describe('credits and request checks on create', () => {
	it('answers 402 insufficient_credits when the balance is too low, charging nothing', async () => {
		emu.setCredits(40);
		const res = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		expect(res.status).toBe(402);
		expect(res.body).toEqual({
			code: 'insufficient_credits',
			message: expect.stringContaining('50'),
		});
		expect(emu.credits).toBe(40);
		expect(emu.counters()).toMatchObject({ creates: 1, jobsCreated: 0, creditsCharged: 0 });

		emu.setCredits(50);
		expect((await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image })).status).toBe(
			200,
		);
		expect(emu.credits).toBe(0);
	});

	it('answers 422 naming the field for a missing required field', async () => {
		const res = await call(emu, 'POST', '/v1/ai-image-generator', {
			body: { image_count: 1, style: {} },
		});
		expect(res.status).toBe(422);
		expect(res.body.code).toBe('unprocessable_entity');
		expect(res.body.message).toContain('style.prompt');
		expect(Object.keys(res.body).sort()).toEqual(['code', 'message']);
		expect(emu.credits).toBe(1000);
	});

	it('answers 422 naming the field for a wrong type or enum value', async () => {
		const wrongType = await call(emu, 'POST', '/v1/ai-image-generator', {
			body: { image_count: 'two', style: { prompt: 'x' } },
		});
		expect(wrongType.status).toBe(422);
		expect(wrongType.body.message).toContain('image_count');
		const badVoice = await call(emu, 'POST', '/v1/ai-voice-generator', {
			body: { style: { prompt: 'hi', voice_name: 'Nobody At All' } },
		});
		expect(badVoice.status).toBe(422);
		expect(badVoice.body.message).toContain('style.voice_name');
	});

	it('answers 400 invalid_request for malformed JSON and a missing body', async () => {
		const malformed = await call(emu, 'POST', '/v1/ai-image-generator', {
			rawBody: '{"image_count": 1,',
		});
		expect(malformed.status).toBe(400);
		expect(malformed.body.code).toBe('invalid_request');
		const empty = await call(emu, 'POST', '/v1/ai-image-generator', { rawBody: '' });
		expect(empty.status).toBe(400);
		expect(empty.body.code).toBe('invalid_request');
		const notObject = await call(emu, 'POST', '/v1/ai-image-generator', { body: [1, 2] });
		expect(notObject.status).toBe(400);
		expect(notObject.body.code).toBe('invalid_request');
	});
});

describe('auth, routing and the account', () => {
	it('answers 401 unauthorized for a missing, wrong or non-bearer key on every /v1 route', async () => {
		for (const apiKey of [null, 'mhk_live_wrong']) {
			for (const [method, path] of [
				['GET', '/v1/account'],
				['POST', '/v1/ai-image-generator'],
				['GET', '/v1/image-projects/x'],
				['DELETE', '/v1/video-projects/x'],
				['POST', '/v1/files/upload-urls'],
				['GET', '/v1/face-detection/x'],
				['GET', '/v1/no-such-route'],
			]) {
				const res = await call(emu, method, path, {
					apiKey,
					body: method === 'POST' ? bodies.image : undefined,
				});
				expect([method, path, res.status, res.body]).toEqual([
					method,
					path,
					401,
					{ code: 'unauthorized', message: 'Unauthorized' },
				]);
			}
		}
		const basic = await call(emu, 'GET', '/v1/account', {
			apiKey: null,
			headers: { authorization: `Basic ${emu.apiKey}` },
		});
		expect(basic.status).toBe(401);
		expect(emu.counters().jobsCreated).toBe(0);
	});

	it('answers 404 not_found for unknown routes and wrong methods', async () => {
		for (const [method, path] of [
			['GET', '/v1/no-such-route'],
			['POST', '/v1/image-projects/x'],
			['GET', '/v1/ai-image-generator'],
			['GET', '/'],
		]) {
			const res = await call(emu, method, path, { body: method === 'POST' ? {} : undefined });
			expect([path, res.status, res.body.code]).toEqual([path, 404, 'not_found']);
		}
	});

	it('GET /v1/account reports the account, tier, balance and subscription', async () => {
		const res = await call(emu, 'GET', '/v1/account');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			id: expect.any(String),
			email: expect.any(String),
			tier: 'creator',
			credits: 1000,
			subscription: {
				name: 'Creator',
				status: 'active',
				price: { amount: expect.any(Number), currency: 'usd' },
				discount: null,
				billing_interval: 'month',
				current_period_end: expect.any(String),
				cancel_at_period_end: false,
			},
		});
		expect(emu.counters().creditsCharged).toBe(0);
	});

	it('a free account has no subscription', async () => {
		const free = await startFast({ tier: 'free', credits: 5 });
		try {
			const res = await call(free, 'GET', '/v1/account');
			expect(res.body).toMatchObject({ tier: 'free', credits: 5, subscription: null });
		} finally {
			await free.stop();
		}
	});

	it('accepts the configured api key only', async () => {
		const custom = await startFast({ apiKey: 'mhk_live_custom' });
		try {
			expect((await call(custom, 'GET', '/v1/account')).status).toBe(200);
			expect(
				(await call(custom, 'GET', '/v1/account', { apiKey: 'mhk_test_emulator' })).status,
			).toBe(401);
		} finally {
			await custom.stop();
		}
	});

	it('logs every request with a normalised route', async () => {
		const created = await call(emu, 'POST', '/v1/ai-image-generator', { body: bodies.image });
		await call(emu, 'GET', `/v1/image-projects/${created.body.id}`);
		await call(emu, 'GET', '/v1/account', { apiKey: null });
		expect(emu.log.map((e) => [e.method, e.path, e.route, e.status])).toEqual([
			['POST', '/v1/ai-image-generator', 'POST /v1/ai-image-generator', 200],
			['GET', `/v1/image-projects/${created.body.id}`, 'GET /v1/image-projects/:id', 200],
			['GET', '/v1/account', 'GET /v1/account', 401],
		]);
		expect(emu.log[0].seq).toBeLessThan(emu.log[1].seq);
		expect(emu.log.every((e) => e.end >= e.start && e.start > 0)).toBe(true);
		expect(emu.counters().byRoute).toEqual({
			'POST /v1/ai-image-generator': 1,
			'GET /v1/image-projects/:id': 1,
			'GET /v1/account': 1,
		});
	});
});

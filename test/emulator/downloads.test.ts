import {
	bodies,
	call,
	rawGet,
	sleep,
	startFast,
	waitForStatus,
	type TestEmulator,
} from './emulatorHarness';

let emu: TestEmulator;

beforeAll(async () => {
	emu = await startFast({ outputBytes: { image: 5000, video: 70_000, audio: 9000 } });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

async function completedProject(path: string, body: unknown, kind: 'image' | 'video' | 'audio') {
	emu.jobs.setDurationMs(path, 0);
	const created = await call(emu, 'POST', path, { body });
	expect(created.status).toBe(200);
	return waitForStatus(emu, kind, created.body.id, ['complete']);
}

const magic: Record<string, (b: Buffer) => boolean> = {
	png: (b) =>
		b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
	gif: (b) => b.subarray(0, 6).toString('latin1') === 'GIF89a',
	mp4: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
	webm: (b) =>
		b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) &&
		b.includes(Buffer.from('webm')),
	mp3: (b) => b.subarray(0, 3).toString('latin1') === 'ID3',
};

describe('downloads', () => {
	it.each([
		['png', 'image/png', 5000, '/v1/ai-image-generator', bodies.image, 'image'],
		[
			'gif',
			'image/gif',
			5000,
			'/v1/ai-gif-generator',
			{ style: { prompt: 'a dancing cat' } },
			'image',
		],
		[
			'webm',
			'video/webm',
			70_000,
			'/v1/ai-gif-generator',
			{ style: { prompt: 'x' }, output_format: 'webm' },
			'image',
		],
		['mp4', 'video/mp4', 70_000, '/v1/text-to-video', bodies.video, 'video'],
		['mp3', 'audio/mpeg', 9000, '/v1/ai-voice-generator', bodies.audio, 'audio'],
	] as const)(
		'serves a valid %s with its Content-Type and exact Content-Length, no auth needed',
		async (ext, mime, size, path, body, kind) => {
			const project = await completedProject(path, body, kind);
			const url: string = project.downloads[0].url;
			expect(url.endsWith(`.${ext}`)).toBe(true);
			const res = await fetch(url); // no Authorization header
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe(mime);
			expect(res.headers.get('content-length')).toBe(String(size));
			const bytes = Buffer.from(await res.arrayBuffer());
			expect(bytes.length).toBe(size);
			expect(magic[ext](bytes)).toBe(true);
		},
	);

	it('mp3 downloads contain MPEG audio frames after the ID3 tag', async () => {
		const project = await completedProject('/v1/ai-voice-generator', bodies.audio, 'audio');
		const bytes = Buffer.from(await (await fetch(project.downloads[0].url)).arrayBuffer());
		const tagSize = bytes.subarray(6, 10).reduce((n, b) => (n << 7) | b, 0);
		expect(bytes[10 + tagSize]).toBe(0xff);
		expect(bytes[11 + tagSize] & 0xe0).toBe(0xe0);
	});

	it('answers HEAD with the headers only', async () => {
		const project = await completedProject('/v1/ai-image-generator', bodies.image, 'image');
		const res = await fetch(project.downloads[0].url, { method: 'HEAD' });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-length')).toBe('5000');
		expect((await res.arrayBuffer()).byteLength).toBe(0);
	});

	it('issues fresh URLs on every GET of the project', async () => {
		const project = await completedProject('/v1/ai-image-generator', bodies.image, 'image');
		const again = await call(emu, 'GET', `/v1/image-projects/${project.id}`);
		expect(again.body.downloads[0].url).not.toBe(project.downloads[0].url);
		expect((await fetch(again.body.downloads[0].url)).status).toBe(200);
		expect((await fetch(project.downloads[0].url)).status).toBe(200);
	});

	it('counts served bytes and logs downloads under a normalised route', async () => {
		const project = await completedProject('/v1/ai-image-generator', bodies.image, 'image');
		await (await fetch(project.downloads[0].url)).arrayBuffer();
		expect(emu.counters().bytesServed).toBe(5000);
		expect(emu.counters().byRoute['GET /downloads/:token']).toBe(1);
		expect(emu.log.at(-1)).toMatchObject({ route: 'GET /downloads/:token', status: 200 });
	});

	it('answers 404 for an unknown token', async () => {
		const res = await fetch(`${emu.baseUrl}/downloads/not-a-token/x.png`);
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({ code: 'not_found', message: 'Not Found' });
	});

	it('uses the configured output size, also for multi-GB sizes (announced without generating)', async () => {
		emu.setOutputBytes({ video: 5 * 1024 ** 3 });
		const project = await completedProject('/v1/text-to-video', bodies.video, 'video');
		const res = await fetch(project.downloads[0].url, { method: 'HEAD' });
		expect(res.headers.get('content-length')).toBe(String(5 * 1024 ** 3));
	});
});

describe('download URL expiry', () => {
	let shortLived: TestEmulator;
	beforeAll(async () => {
		shortLived = await startFast({ downloadUrlTtlMs: 500 });
	});
	afterAll(() => shortLived.stop());

	it('answers 403 once a URL has expired; a new GET of the project gives a working URL', async () => {
		shortLived.jobs.setDurationMs('/v1/ai-image-generator', 0);
		const created = await call(shortLived, 'POST', '/v1/ai-image-generator', {
			body: bodies.image,
		});
		const project = await waitForStatus(shortLived, 'image', created.body.id, ['complete']);
		const { url, expires_at: expiresAt } = project.downloads[0];
		expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(500);
		expect((await fetch(url)).status).toBe(200);

		await sleep(Date.parse(expiresAt) - Date.now() + 20);
		const expired = await fetch(url);
		expect(expired.status).toBe(403);
		expect(await expired.json()).toEqual({
			code: 'forbidden',
			message: expect.stringContaining('expired'),
		});

		const fresh = await call(shortLived, 'GET', `/v1/image-projects/${created.body.id}`);
		const res = await rawGet(fresh.body.downloads[0].url);
		expect(res.status).toBe(200);
		expect(res.received).toBe(8192);
	});
});

describe('face detection', () => {
	it('reports faces once complete, each with a path usable in a face swap and a viewable PNG url', async () => {
		emu.jobs.setDurationMs('/v1/face-detection', 600);
		const created = await call(emu, 'POST', '/v1/face-detection', {
			body: {
				assets: { target_file_path: 'https://example.com/group.jpg' },
				confidence_score: 0.5,
			},
		});
		expect(created.status).toBe(200);
		expect(created.body).toEqual({ id: expect.any(String), credits_charged: 0 });
		const id = created.body.id;

		const early = await call(emu, 'GET', `/v1/face-detection/${id}`);
		expect(early.body).toEqual({
			id,
			credits_charged: 0,
			status: expect.stringMatching(/^(queued|rendering)$/),
			faces: expect.any(Array),
		});
		expect(early.body.faces.length).toBeLessThan(2);

		let done;
		for (;;) {
			done = (await call(emu, 'GET', `/v1/face-detection/${id}`)).body;
			if (done.status === 'complete') break;
			expect(['queued', 'rendering']).toContain(done.status);
			await sleep(5);
		}
		expect(done.faces).toEqual([
			{ path: `api-assets/${id}/0-0.png`, url: expect.stringMatching(/\/0-0\.png$/) },
			{ path: `api-assets/${id}/0-1.png`, url: expect.stringMatching(/\/0-1\.png$/) },
		]);
		const face = Buffer.from(await (await fetch(done.faces[0].url)).arrayBuffer());
		expect(magic.png(face)).toBe(true);

		// the detected face path is accepted by the face swap
		emu.jobs.setDurationMs('/v1/face-swap-photo', 0);
		const swap = await call(emu, 'POST', '/v1/face-swap-photo', {
			body: {
				assets: {
					target_file_path: 'https://example.com/group.jpg',
					face_swap_mode: 'individual-faces',
					face_mappings: [{ original_face: done.faces[0].path, new_face: done.faces[1].path }],
				},
			},
		});
		expect(swap.status).toBe(200);
		expect((await waitForStatus(emu, 'image', swap.body.id)).status).toBe('complete');
	});

	it('validates the body (422 naming the field) and answers 404 for unknown ids', async () => {
		const bad = await call(emu, 'POST', '/v1/face-detection', { body: { assets: {} } });
		expect(bad.status).toBe(422);
		expect(bad.body.message).toContain('assets.target_file_path');
		expect((await call(emu, 'GET', '/v1/face-detection/nope')).status).toBe(404);
	});

	it('fails on a never-uploaded api-assets target, and honours failNext scoped to it', async () => {
		emu.jobs.setDurationMs('/v1/face-detection', 0);
		const missing = await call(emu, 'POST', '/v1/face-detection', {
			body: { assets: { target_file_path: 'api-assets/nope/0.png' } },
		});
		await sleep(10);
		expect((await call(emu, 'GET', `/v1/face-detection/${missing.body.id}`)).body).toMatchObject({
			status: 'error',
			faces: [],
		});

		emu.jobs.failNext({ endpoint: '/v1/face-detection', code: 'no_source_face' });
		const failed = await call(emu, 'POST', '/v1/face-detection', {
			body: { assets: { target_file_path: 'https://x.test/a.png' } },
		});
		await sleep(10);
		expect((await call(emu, 'GET', `/v1/face-detection/${failed.body.id}`)).body.status).toBe(
			'error',
		);
	});
});

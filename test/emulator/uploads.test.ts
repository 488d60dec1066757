import { createHash, randomBytes } from 'node:crypto';
import { call, startFast, waitForStatus, type TestEmulator } from './emulatorHarness';

let emu: TestEmulator;

beforeAll(async () => {
	emu = await startFast();
});
afterAll(() => emu.stop());
beforeEach(() => {
	emu.reset();
	emu.jobs.setDurationMs('/v1/face-swap-photo', 0);
});

async function uploadUrls(items: Array<{ type: string; extension: string }>) {
	const res = await call(emu, 'POST', '/v1/files/upload-urls', { body: { items } });
	expect(res.status).toBe(200);
	return res.body.items as Array<{ upload_url: string; expires_at: string; file_path: string }>;
}

describe('uploads', () => {
	it('hands out one pre-signed URL and api-assets path per item, in order', async () => {
		const items = await uploadUrls([
			{ type: 'image', extension: 'png' },
			{ type: 'video', extension: 'mp4' },
			{ type: 'audio', extension: 'mp3' },
		]);
		expect(items).toHaveLength(3);
		items.forEach((item, i) => {
			expect(item.file_path).toMatch(
				new RegExp(`^api-assets/[a-z0-9]+/${i}\\.${['png', 'mp4', 'mp3'][i]}$`),
			);
			expect(item.upload_url.startsWith(`${emu.baseUrl}/uploads/`)).toBe(true);
			expect(Date.parse(item.expires_at)).toBeGreaterThan(Date.now());
		});
	});

	it('PUT stores only the size and SHA-256 of the streamed body, without auth', async () => {
		const [item] = await uploadUrls([{ type: 'video', extension: 'mp4' }]);
		const data = randomBytes(3 * 1024 * 1024 + 7);
		const put = await fetch(item.upload_url, { method: 'PUT', body: data });
		expect(put.status).toBe(200);
		expect(emu.getUpload(item.file_path)).toMatchObject({
			bytes: data.length,
			sha256: createHash('sha256').update(data).digest('hex'),
			type: 'video',
			extension: 'mp4',
		});
		expect(emu.counters().bytesUploaded).toBe(data.length);
		expect(emu.counters().byRoute['PUT /uploads/:token']).toBe(1);
	});

	it('an uploaded path is a valid input: the job completes', async () => {
		const [target, source] = await uploadUrls([
			{ type: 'image', extension: 'jpg' },
			{ type: 'image', extension: 'png' },
		]);
		for (const item of [target, source]) {
			expect(
				(await fetch(item.upload_url, { method: 'PUT', body: randomBytes(1000) })).status,
			).toBe(200);
		}
		const created = await call(emu, 'POST', '/v1/face-swap-photo', {
			body: { assets: { target_file_path: target.file_path, source_file_path: source.file_path } },
		});
		expect(created.status).toBe(200);
		const done = await waitForStatus(emu, 'image', created.body.id);
		expect(done.status).toBe('complete');
		expect(done.credits_charged).toBe(created.body.credits_charged);
	});

	it('a never-uploaded api-assets path fails the job with invalid_file_format and refunds', async () => {
		const before = emu.credits;
		const [issuedButNotPut] = await uploadUrls([{ type: 'image', extension: 'png' }]);
		for (const missing of ['api-assets/never/0.png', issuedButNotPut.file_path]) {
			const created = await call(emu, 'POST', '/v1/face-swap-photo', {
				body: {
					assets: { target_file_path: missing, source_file_path: 'https://example.com/face.png' },
				},
			});
			expect(created.status).toBe(200);
			const done = await waitForStatus(emu, 'image', created.body.id);
			expect(done).toMatchObject({
				status: 'error',
				credits_charged: 0,
				error: { code: 'invalid_file_format' },
			});
			expect(done.error.message).toContain(missing);
			expect(done.error.message).toContain('assets.target_file_path');
		}
		expect(emu.credits).toBe(before);
	});

	it('an empty upload is not a usable input', async () => {
		const [item] = await uploadUrls([{ type: 'image', extension: 'png' }]);
		await fetch(item.upload_url, { method: 'PUT', body: '' });
		const created = await call(emu, 'POST', '/v1/face-swap-photo', {
			body: {
				assets: {
					target_file_path: item.file_path,
					source_file_path: 'https://example.com/face.png',
				},
			},
		});
		expect((await waitForStatus(emu, 'image', created.body.id)).error.code).toBe(
			'invalid_file_format',
		);
	});

	it('answers 422 naming the bad extension or type, and 404 for an unknown upload token', async () => {
		const badExtension = await call(emu, 'POST', '/v1/files/upload-urls', {
			body: { items: [{ type: 'audio', extension: 'mp4' }] },
		});
		expect(badExtension.status).toBe(422);
		expect(badExtension.body.code).toBe('unprocessable_entity');
		expect(badExtension.body.message).toContain("'mp4'");
		expect(badExtension.body.message).toContain('extension');

		const badType = await call(emu, 'POST', '/v1/files/upload-urls', {
			body: { items: [{ type: 'document', extension: 'pdf' }] },
		});
		expect(badType.status).toBe(422);
		expect(badType.body.message).toContain('type');

		const empty = await call(emu, 'POST', '/v1/files/upload-urls', { body: { items: [] } });
		expect(empty.status).toBe(422);
		expect(empty.body.message).toContain('items');

		expect(
			(await fetch(`${emu.baseUrl}/uploads/nope/0.png`, { method: 'PUT', body: 'x' })).status,
		).toBe(404);
	});
});

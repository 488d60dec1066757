import type { INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { start, type Emulator, type EmulatorExtras } from '../../emulator';
import { defaultOutputBytes } from '../../emulator/media';
import { hintForErrorCode } from '../../nodes/shared/engine/errors';
import { executeNode, readBinary } from '../harness/executeNode';
import { createJob, credentialsFor, polls, WaitNode } from './engineHarness';

let emu: Emulator & EmulatorExtras;

beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
});
afterAll(async () => emu.stop());
beforeEach(() => {
	emu.reset();
});

const FAST = { pollingMode: 'fixed', pollIntervalSeconds: 0.05 };

function run(
	items: INodeExecutionData[],
	parameters: Record<string, unknown> = {},
	extra: { continueOnFail?: boolean; abortSignal?: AbortSignal } = {},
) {
	return executeNode({
		nodeType: new WaitNode(),
		parameters: { executionSettings: FAST, ...parameters } as never,
		items,
		credentials: credentialsFor(emu),
		...extra,
	});
}

async function failure(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string; context?: Record<string, unknown> };
	}
	throw new Error('expected the node to fail');
}

const json = (job: { id: string; kind?: string }) => ({ json: { ...job } });

describe('Wait for Project', () => {
	it('waits for image, GIF, video and audio projects together and downloads every output with its MIME type', async () => {
		const image = await createJob(emu, 'image', { durationMs: 300, body: { image_count: 2 } });
		const gif = await createJob(emu, 'gif', { durationMs: 200 });
		const video = await createJob(emu, 'video', { durationMs: 1500 });
		const audio = await createJob(emu, 'audio', { durationMs: 100 });

		const { output } = await run([image, gif, video, audio].map(json));

		const items = output[0];
		expect(items).toHaveLength(4);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.status).toBe('complete');
		});
		expect(items.map((item) => item.json.id)).toEqual([image.id, gif.id, video.id, audio.id]);
		expect(items.map((item) => item.json.kind)).toEqual(['image', 'image', 'video', 'audio']);

		const [imageItem, gifItem, videoItem, audioItem] = items;
		expect(Object.keys(imageItem.binary ?? {})).toEqual(['data', 'data_1']);
		for (const key of ['data', 'data_1']) {
			const binary = imageItem.binary![key];
			expect(binary).toMatchObject({
				mimeType: 'image/png',
				fileExtension: 'png',
				bytes: defaultOutputBytes.image,
			});
			expect(binary.fileName).toMatch(/\.png$/);
			const bytes = await readBinary(binary);
			expect(bytes.length).toBe(defaultOutputBytes.image);
			expect(bytes.subarray(0, 8)).toEqual(
				Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			);
		}

		expect(gifItem.binary!.data).toMatchObject({ mimeType: 'image/gif', fileExtension: 'gif' });
		expect((await readBinary(gifItem.binary!.data)).subarray(0, 4).toString('latin1')).toBe('GIF8');

		expect(videoItem.binary!.data).toMatchObject({
			mimeType: 'video/mp4',
			fileExtension: 'mp4',
			bytes: defaultOutputBytes.video,
		});
		const mp4 = await readBinary(videoItem.binary!.data);
		expect(mp4.length).toBe(defaultOutputBytes.video);
		expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');

		expect(audioItem.binary!.data).toMatchObject({ mimeType: 'audio/mpeg', fileExtension: 'mp3' });
		expect((await readBinary(audioItem.binary!.data)).length).toBe(audioItem.binary!.data.bytes);

		// All four were polled in one loop: the audio project (last item) was checked while the
		// video (third item) was still rendering, not after it.
		const checked = polls(emu).map((entry) => entry.path);
		const firstAudioCheck = checked.findIndex((path) => path.endsWith(`/${audio.id}`));
		const lastVideoCheck = checked.map((path) => path.endsWith(`/${video.id}`)).lastIndexOf(true);
		expect(firstAudioCheck).toBeGreaterThanOrEqual(0);
		expect(firstAudioCheck).toBeLessThan(lastVideoCheck);
	});

	it('uses the binary property prefix and can skip downloads', async () => {
		const a = await createJob(emu, 'image', { durationMs: 50, body: { image_count: 2 } });
		const b = await createJob(emu, 'image', { durationMs: 50 });
		const { output } = await run([json(a)], {
			executionSettings: { ...FAST, binaryPropertyPrefix: 'render' },
		});
		expect(Object.keys(output[0][0].binary ?? {})).toEqual(['render', 'render_1']);

		const before = emu.log.length;
		const { output: noDownload } = await run([json(b)], { downloadOutputs: false });
		expect(noDownload[0][0].binary).toBeUndefined();
		expect(noDownload[0][0].json.downloads).toHaveLength(1);
		expect(emu.log.slice(before).some((entry) => entry.path.startsWith('/downloads/'))).toBe(false);
	});

	it('finds the kind itself when the input item has none', async () => {
		const video = await createJob(emu, 'video', { durationMs: 100 });
		const { output } = await run([{ json: { id: video.id } }], { downloadOutputs: false });
		expect(output[0][0].json).toMatchObject({ id: video.id, kind: 'video', status: 'complete' });
		const routes = emu.log
			.filter((entry) => entry.path.endsWith(video.id))
			.map((entry) => `${entry.path.split('/')[2]} ${entry.status}`);
		expect(routes[0]).toBe('image-projects 404');
		expect(routes[1]).toBe('video-projects 200');
	});

	it('uses the chosen kind over the input and reports a wrong one with the project ID', async () => {
		const image = await createJob(emu, 'image', { durationMs: 10 });
		const error = await failure(
			run([{ json: { id: image.id, kind: 'image' } }], { projectKind: 'video' }),
		);
		expect(error.message).toMatch(/project not found/i);
		expect(error.description).toContain(image.id);
		expect(error.context?.projectId).toBe(image.id);
		expect(polls(emu, image.id)).toHaveLength(1);
	});

	it("fails with Magic Hour's error code, its message and an actionable hint", async () => {
		emu.jobs.failNext({
			endpoint: '/v1/ai-image-generator',
			code: 'no_source_face',
			message: 'No face was detected',
		});
		const job = await createJob(emu, 'image', { durationMs: 100 });
		const error = await failure(run([json(job)]));
		expect(error.description).toContain('no_source_face');
		expect(error.message).toBe('Magic Hour could not finish the job: No face was detected');
		expect(error.description).toMatch(/clear, front-facing photo/);
		expect(error.description).toContain(job.id);
		expect(error.context).toMatchObject({
			projectId: job.id,
			status: 'error',
			errorCode: 'no_source_face',
		});
		expect(error.context?.itemIndex).toBe(0);
	});

	it('has a distinct hint for every documented error code', () => {
		const codes = [
			'no_source_face',
			'invalid_file_format',
			'file_too_large',
			'insufficient_credits',
			'invalid_parameters',
			'unknown_error',
		];
		const hints = codes.map((code) => hintForErrorCode(code, 'proj_1'));
		expect(new Set(hints).size).toBe(codes.length);
		expect(hints[1]).toMatch(/PNG.*MP4.*MP3/);
		expect(hints[3]).toMatch(/credits/);
		expect(hints[5]).toMatch(/support@magichour\.ai.*proj_1/);
		expect(hintForErrorCode('something_new', 'proj_2')).toContain('proj_2');
	});

	it('reports a canceled project', async () => {
		emu.jobs.cancelNext({ endpoint: '/v1/text-to-video' });
		const job = await createJob(emu, 'video', { durationMs: 200 });
		const error = await failure(run([json(job)]));
		expect(error.message).toBe('The Magic Hour job was canceled');
		expect(error.context).toMatchObject({ projectId: job.id, status: 'canceled' });
	});

	it('times out with the last status and the time waited', async () => {
		const job = await createJob(emu, 'video', { durationMs: 60_000 });
		const started = Date.now();
		const error = await failure(
			run([json(job)], { executionSettings: { ...FAST, timeoutMinutes: 0.005 } }),
		);
		const elapsed = Date.now() - started;
		expect(error.message).toMatch(
			new RegExp(`^The Magic Hour job did not finish within 0\\.[3-6]s \\(still queued\\)$`),
		);
		expect(error.description).toMatch(/Timeout \(Minutes\)/);
		expect(error.context).toMatchObject({ projectId: job.id, status: 'queued', timedOut: true });
		expect(elapsed).toBeGreaterThanOrEqual(300);
		// Gave up at the deadline, far before the 60 s job would finish.
		expect(elapsed).toBeLessThan(10_000);
	});

	it('with Continue On Fail: one error item per failed input item, in input order, nothing dropped', async () => {
		const ok = await createJob(emu, 'image', { durationMs: 150 });
		emu.jobs.failNext({
			endpoint: '/v1/ai-image-generator',
			code: 'file_too_large',
			message: 'Input is too large',
		});
		const failed = await createJob(emu, 'image', { durationMs: 50 });
		emu.jobs.cancelNext({ endpoint: '/v1/ai-voice-generator' });
		const canceled = await createJob(emu, 'audio', { durationMs: 80 });
		const slow = await createJob(emu, 'video', { durationMs: 60_000 });

		const { output } = await run(
			[
				json(ok),
				json(failed),
				json(canceled),
				{ json: { note: 'no id here' } },
				{ json: { id: 'does-not-exist', kind: 'image' } },
				json(slow),
			],
			{ executionSettings: { ...FAST, timeoutMinutes: 0.02 } },
			{ continueOnFail: true },
		);
		const items = output[0];
		expect(items).toHaveLength(6);
		expect(items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
		);
		expect(items[0].json).toMatchObject({ id: ok.id, status: 'complete' });
		expect(items[0].binary?.data.bytes).toBe(defaultOutputBytes.image);
		expect(items[1].json).toMatchObject({
			id: failed.id,
			kind: 'image',
			status: 'error',
			code: 'file_too_large',
		});
		expect(items[1].json).toMatchObject({
			code: 'file_too_large',
			error: expect.stringMatching(/Input is too large/),
		});
		expect(items[1].json.description).toMatch(/Compress or shorten/);
		expect(items[1].binary).toBeUndefined();
		expect(items[2].json).toMatchObject({ id: canceled.id, kind: 'audio', status: 'canceled' });
		expect(items[3].json).toMatchObject({
			error: 'No project ID',
			id: null,
			kind: null,
			status: null,
		});
		expect(items[4].json).toMatchObject({ id: 'does-not-exist', kind: 'image', status: null });
		expect(items[4].json.error).toMatch(/not found/i);
		expect(items[5].json).toMatchObject({ id: slow.id, kind: 'video', status: 'queued' });
		expect(items[5].json.error).toMatch(/did not finish within/);
	});

	it('without Continue On Fail the first failure fails the node at once and polling stops', async () => {
		const slow = await createJob(emu, 'video', { durationMs: 60_000 });
		emu.jobs.failNext({
			endpoint: '/v1/ai-image-generator',
			code: 'invalid_parameters',
			message: 'Bad value',
		});
		const failing = await createJob(emu, 'image', { durationMs: 100 });
		const started = Date.now();
		const error = await failure(run([json(slow), json(failing)]));
		// Far below the slow job's 60 s: the run did not wait for it (a bound with room for a loaded CI).
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(error.description).toContain('invalid_parameters');
		expect(error.context?.itemIndex).toBe(1);
		const count = polls(emu).length;
		await sleep(300);
		expect(polls(emu).length).toBe(count);
	});

	it('stops within moments when the execution is cancelled', async () => {
		const jobs = await Promise.all(
			[0, 1, 2].map(async () => await createJob(emu, 'video', { durationMs: 60_000 })),
		);
		const controller = new AbortController();
		const running = run(
			jobs.map(json),
			{ executionSettings: { pollingMode: 'automatic' } },
			{ abortSignal: controller.signal },
		);
		await sleep(400);
		const abortedAt = Date.now();
		controller.abort();
		await expect(running).rejects.toThrow(/cancel/i);
		const stoppedAfter = Date.now() - abortedAt;
		// The poller listens to the signal: it does not sit out its scheduled wait (tens of seconds
		// for a 60 s video). The bound leaves room for a loaded CI machine.
		expect(stoppedAfter).toBeLessThan(5_000);
		const count = polls(emu).length;
		await sleep(600);
		expect(polls(emu).length).toBe(count);
	});
});

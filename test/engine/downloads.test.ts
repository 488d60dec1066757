import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { start, type Emulator, type EmulatorExtras } from '../../emulator';
import { defaultOutputBytes } from '../../emulator/media';
import { fileNameFromUrl, mimeTypeFor } from '../../nodes/shared/catalog/fileFormats';
import { binaryKeyFor, storedSize } from '../../nodes/shared/engine/downloads';
import { executeNode, readBinary } from '../harness/executeNode';
import { createJob, credentialsFor, downloadsServed, polls, WaitNode } from './engineHarness';

let emu: Emulator & EmulatorExtras;

beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
});
afterAll(async () => emu.stop());
beforeEach(() => {
	emu.reset();
	emu.setOutputBytes(defaultOutputBytes);
});

const FAST = { pollingMode: 'fixed', pollIntervalSeconds: 0.05 };

function run(target: Emulator, items: INodeExecutionData[], continueOnFail = false) {
	return executeNode({
		nodeType: new WaitNode(),
		parameters: { executionSettings: FAST } as never,
		items,
		credentials: credentialsFor(target),
		continueOnFail,
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

/** Completed job, so only download requests remain to be seen. */
async function completedJob(target: Emulator, tool: 'image' | 'video' = 'image') {
	const job = await createJob(target, tool, { durationMs: 0 });
	await sleep(20);
	return job;
}

describe('downloads', () => {
	it('fetches the project again for fresh links when a download URL has expired (once)', async () => {
		const job = await completedJob(emu);
		emu.faults.add({ match: 'GET /downloads/*', times: 1, fault: { type: 'expire' } });
		const { output } = await run(emu, [{ json: job }]);
		const binary = output[0][0].binary!.data;
		expect(binary.bytes).toBe(defaultOutputBytes.image);
		expect((await readBinary(binary)).length).toBe(defaultOutputBytes.image);
		const served = downloadsServed(emu);
		expect(served.map((entry) => entry.status)).toEqual([403, 200]);
		// The second download used a new link from the refresh.
		expect(served[0].path).not.toBe(served[1].path);
		expect(polls(emu, job.id)).toHaveLength(2); // the wait, then the refresh
	});

	it('gives up when the fresh link is refused too', async () => {
		const job = await completedJob(emu);
		emu.faults.add({ match: 'GET /downloads/*', times: 5, fault: { type: 'expire' } });
		const error = await failure(run(emu, [{ json: job }]));
		expect(error.message).toMatch(
			/Could not download output 1 of Magic Hour project .* \(HTTP 403\)/,
		);
		expect(error.description).toMatch(/even after fetching fresh links/);
		expect(error.description).toContain(job.id);
		expect(downloadsServed(emu)).toHaveLength(2);
	});

	it('refreshes links that are about to expire before using them', async () => {
		const shortLived = await start({ speed: 1000, quiet: true, downloadUrlTtlMs: 10_000 });
		try {
			const job = await completedJob(shortLived);
			const { output } = await run(shortLived, [{ json: job }]);
			expect(output[0][0].binary!.data.bytes).toBe(defaultOutputBytes.image);
			expect(polls(shortLived, job.id)).toHaveLength(2);
			expect(downloadsServed(shortLived).map((entry) => entry.status)).toEqual([200]);
		} finally {
			await shortLived.stop();
		}
	});

	it('retries a truncated download and passes on only the complete file', async () => {
		const job = await completedJob(emu, 'video');
		emu.faults.add({
			match: 'GET /downloads/*',
			times: 1,
			fault: { type: 'truncate', afterBytes: 1000 },
		});
		const { output } = await run(emu, [{ json: job }]);
		const binary = output[0][0].binary!.data;
		expect(binary.bytes).toBe(defaultOutputBytes.video);
		const bytes = await readBinary(binary);
		expect(bytes.length).toBe(defaultOutputBytes.video);
		expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
		expect(downloadsServed(emu).map((entry) => entry.fault ?? 'ok')).toEqual(['truncate', 'ok']);
	});

	it('retries a download whose length does not match Content-Length', async () => {
		const job = await completedJob(emu);
		emu.faults.add({ match: 'GET /downloads/*', times: 1, fault: { type: 'length-mismatch' } });
		const { output } = await run(emu, [{ json: job }]);
		expect(output[0][0].binary!.data.bytes).toBe(defaultOutputBytes.image);
		expect(downloadsServed(emu).map((entry) => entry.fault ?? 'ok')).toEqual([
			'length-mismatch',
			'ok',
		]);
	});

	it('fails after a bounded number of broken transfers and never emits a partial file', async () => {
		const job = await completedJob(emu, 'video');
		emu.faults.add({
			match: 'GET /downloads/*',
			times: 10,
			fault: { type: 'truncate', afterBytes: 5000 },
		});
		const error = await failure(run(emu, [{ json: job }]));
		expect(error.message).toMatch(/Download of output 1 of Magic Hour project .* was incomplete/);
		expect(error.description).toMatch(/Tried 3 times; a partial file is never passed on/);
		expect(downloadsServed(emu)).toHaveLength(3);

		emu.faults.clear();
		emu.faults.add({ match: 'GET /downloads/*', times: 10, fault: { type: 'length-mismatch' } });
		const { output } = await run(emu, [{ json: job }], true);
		expect(output[0][0].binary).toBeUndefined();
		expect(output[0][0].json).toMatchObject({ id: job.id, kind: 'video', status: 'complete' });
		expect(output[0][0].json.error).toMatch(/was incomplete/);
	});

	it('streams a large output into binary storage with its exact size', async () => {
		const size = 24 * 1024 * 1024;
		emu.setOutputBytes({ video: size });
		const job = await completedJob(emu, 'video');
		const { output } = await run(emu, [{ json: job }]);
		const binary = output[0][0].binary!.data;
		expect(binary.id).toMatch(/^filesystem/); // on disk, not base64 in the item
		expect(binary.bytes).toBe(size);
	});
});

describe('download helpers', () => {
	it('names binary properties data, data_1, …', () => {
		expect([0, 1, 2].map((index) => binaryKeyFor('data', index))).toEqual([
			'data',
			'data_1',
			'data_2',
		]);
	});

	it('takes the file name from the URL path', () => {
		expect(
			fileNameFromUrl('https://videos.magichour.ai/id/output%20final.mp4?X-Amz-Signature=abc'),
		).toBe('output final.mp4');
		expect(fileNameFromUrl('https://x.test/a/..%2Fevil%3A.png')).toBe('.._evil_.png');
		expect(fileNameFromUrl('https://x.test/')).toBe('');
	});

	it('takes the MIME type from Content-Type, falling back to the extension', () => {
		expect(mimeTypeFor('image/gif', 'output.png')).toBe('image/gif');
		expect(mimeTypeFor('image/png; charset=binary', 'x')).toBe('image/png');
		expect(mimeTypeFor('application/octet-stream', 'clip.gif')).toBe('image/gif');
		expect(mimeTypeFor(undefined, 'voice.mp3')).toBe('audio/mpeg');
		expect(mimeTypeFor('', 'noext')).toBe('application/octet-stream');
	});

	it('measures stored size in filesystem and memory mode', () => {
		expect(
			storedSize({
				data: 'filesystem-v2',
				id: 'filesystem-v2:x',
				mimeType: 'image/png',
				bytes: 42,
			} as IBinaryData),
		).toBe(42);
		expect(
			storedSize({
				data: Buffer.alloc(1234).toString('base64'),
				mimeType: 'image/png',
			} as IBinaryData),
		).toBe(1234);
	});
});

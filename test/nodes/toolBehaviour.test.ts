import { createHash } from 'node:crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { binaryFromBuffer, executeNode, readBinary } from '../harness/executeNode';
import { sampleFile } from '../harness/sampleFiles';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();
const FAST = FAST_POLLING;

function runImage(parameters: IDataObject, items: INodeExecutionData[], continueOnFail = false) {
	return executeNode({
		nodeType: new MagicHourImage(),
		parameters: { executionSettings: FAST, ...parameters } as never,
		items,
		continueOnFail,
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
	});
}

async function failure(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected the node to fail');
}

const generate = (prompt: string) => ({ operation: 'aiImageGenerator', prompt, imageCount: 1 });
const requests = () => emu.log.filter((entry) => entry.path.startsWith('/v1/')).length;

describe('Magic Hour Image node', () => {
	it('fails an invalid item before any request, naming the field', async () => {
		const error = await failure(runImage(generate('   '), [{ json: {} }]));
		expect(error.message).toMatch(/"Prompt" is required/);
		expect(error.description).toMatch(/no credits were used/);
		expect(requests()).toBe(0);
	});

	it('runs items concurrently, never more than Max Concurrent Jobs at once', async () => {
		emu.jobs.setDurationMs('/v1/ai-image-generator', 300);
		const items = Array.from({ length: 8 }, (_, i) => ({ json: { prompt: `picture ${i}` } }));
		const { output } = await runImage(
			{ ...generate('={{ $json.prompt }}'), executionSettings: { ...FAST, maxConcurrency: 4 } },
			items,
		);
		expect(output[0].map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(output[0].every((item) => item.json.status === 'complete')).toBe(true);
		const isCreate = (entry: { method: string; path: string }) =>
			entry.method === 'POST' && entry.path === '/v1/ai-image-generator';
		const creates = emu.log
			.filter(isCreate)
			.map((entry) => entry.start)
			.sort((a, b) => a - b);
		expect(creates).toHaveLength(8);
		// Four at once: the first four creates come before the first download (job 1's output)…
		const createsAndDownloads = emu.log
			.filter((entry) => isCreate(entry) || entry.path.startsWith('/downloads/'))
			.map((entry) => (isCreate(entry) ? 'create' : 'download'));
		expect(createsAndDownloads.slice(0, 4)).toEqual(['create', 'create', 'create', 'create']);
		// …and never more: the fifth waits for a slot (a job takes 300 ms).
		expect(creates[4] - creates[0]).toBeGreaterThanOrEqual(250);
	});

	it('with Continue On Fail, gives one error item per failed input, in order', async () => {
		const items = [
			{ json: { prompt: 'a boat' } },
			{ json: { prompt: '' } },
			{ json: { prompt: 'a tree' } },
		];
		const { output } = await runImage(generate('={{ $json.prompt }}'), items, true);
		expect(output[0]).toHaveLength(3);
		expect(output[0][0].json.status).toBe('complete');
		expect(output[0][1].json).toEqual(
			expect.objectContaining({ id: null, error: expect.stringMatching(/Prompt/) }),
		);
		expect(output[0][1].pairedItem).toEqual({ item: 1 });
		expect(output[0][2].json.status).toBe('complete');
		expect(emu.counters().jobsCreated).toBe(2);
	});

	it('explains missing credits (402) and spends nothing', async () => {
		emu.setCredits(0);
		const { output } = await runImage(generate('a boat'), [{ json: {} }], true);
		expect(output[0][0].json.error).toMatch(/Not enough Magic Hour credits/);
		expect(emu.counters().jobsCreated).toBe(0);
	});

	it('waits out a 429 on create and creates exactly one job', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 2,
			fault: { type: 'rate-limit', retryAfterSeconds: 0 },
		});
		const { output } = await runImage(generate('a boat'), [{ json: {} }]);
		expect(output[0][0].json.status).toBe('complete');
		expect(emu.counters().jobsCreated).toBe(1);
	});

	it('shows a failed job with its project id, code and a hint', async () => {
		emu.jobs.failNext({ endpoint: '/v1/face-swap-photo', code: 'no_source_face' });
		const { output } = await runImage(
			{
				operation: 'faceSwapPhoto',
				faceSwapMode: 'all-faces',
				targetImageSource: 'url',
				targetImageUrl: 'https://example.com/group.jpg',
				sourceImageSource: 'url',
				sourceImageUrl: 'https://example.com/me.jpg',
			},
			[{ json: {} }],
			true,
		);
		const json = output[0][0].json;
		expect(json.id).toEqual(expect.any(String));
		expect(json.code).toBe('no_source_face');
		expect(String(json.description)).toMatch(/clear, front-facing/i);
	});

	it('uploads a binary input byte for byte and uses its file path', async () => {
		const bytes = sampleFile('image/png');
		const binary = await binaryFromBuffer(bytes, 'me.png', 'image/png');
		const { output } = await runImage(
			{
				operation: 'faceSwapPhoto',
				faceSwapMode: 'all-faces',
				targetImageSource: 'url',
				targetImageUrl: 'https://example.com/group.jpg',
				sourceImageSource: 'binary',
				sourceImageBinaryProperty: 'photo',
			},
			[{ json: {}, binary: { photo: binary } }],
		);
		const project = emu.getProject(String(output[0][0].json.id));
		const sourcePath = (project?.body as { assets: { source_file_path: string } }).assets
			.source_file_path;
		expect(sourcePath).toMatch(/^api-assets\//);
		const upload = emu.getUpload(sourcePath);
		expect(upload?.bytes).toBe(bytes.length);
		expect(upload?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		const result = output[0][0].binary?.data;
		expect(result?.mimeType).toBe('image/png');
		expect((await readBinary(result!)).subarray(1, 4).toString('latin1')).toBe('PNG');
	});

	it('refuses a binary of a format Magic Hour does not take, before any request', async () => {
		const binary = await binaryFromBuffer(Buffer.from('hello'), 'notes.txt', 'text/plain');
		const error = await failure(
			runImage(
				{
					operation: 'photoColorizer',
					imageSource: 'binary',
					imageBinaryProperty: 'data',
				},
				[{ json: {}, binary: { data: binary } }],
			),
		);
		expect(error.message).toMatch(/notes\.txt .* is not a format Magic Hour accepts/);
		expect(error.description).toMatch(/png, jpg/);
		expect(requests()).toBe(0);
	});

	it('outputs the project id at once when not waiting', async () => {
		const { output } = await runImage({ ...generate('a boat'), waitForCompletion: false }, [
			{ json: {} },
		]);
		expect(output[0][0].json).toEqual(
			expect.objectContaining({ id: expect.any(String), status: 'queued', kind: 'image' }),
		);
		expect(output[0][0].binary).toBeUndefined();
		expect(emu.counters().byRoute['GET /v1/image-projects/:id'] ?? 0).toBe(0);
	});

	it('names each output of a multi-image job data, data_1, …', async () => {
		const { output } = await runImage(
			{ operation: 'aiImageGenerator', prompt: 'a boat', imageCount: 4 },
			[{ json: {} }],
		);
		expect(Object.keys(output[0][0].binary ?? {}).sort()).toEqual([
			'data',
			'data_1',
			'data_2',
			'data_3',
		]);
	});
});

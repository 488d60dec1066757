import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { start } from '../../emulator';
import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { binaryFromBuffer, executeNode, readBinary } from '../harness/executeNode';
import { sampleFile } from '../harness/sampleFiles';

let emu: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
});
afterAll(async () => emu.stop());
beforeEach(() => emu.reset());

function run(
	nodeType: MagicHour | MagicHourVideo,
	parameters: IDataObject,
	items: INodeExecutionData[] = [{ json: {} }],
	continueOnFail = false,
) {
	return executeNode({
		nodeType,
		parameters: parameters as never,
		items,
		continueOnFail,
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
	});
}

async function createdVideos(count: number) {
	const { output } = await run(
		new MagicHourVideo(),
		{
			operation: 'textToVideo',
			prompt: '={{ $json.prompt }}',
			waitForCompletion: false,
			options: {},
		},
		Array.from({ length: count }, (_, i) => ({
			json: { prompt: `a drone shot of coast number ${i}` },
		})),
	);
	return output[0];
}

describe('Magic Hour node', () => {
	it('gets the account balance and plan', async () => {
		const { output } = await run(new MagicHour(), { resource: 'account', operation: 'get' });
		expect(output[0][0].json).toEqual(
			expect.objectContaining({ credits: expect.any(Number), tier: expect.any(String) }),
		);
	});

	it('uploads a binary file and returns its Magic Hour file path', async () => {
		const bytes = sampleFile('audio/mpeg');
		const binary = await binaryFromBuffer(bytes, 'voice.mp3', 'audio/mpeg');
		const { output } = await run(
			new MagicHour(),
			{ resource: 'file', operation: 'upload', binaryPropertyName: 'data', assetType: 'audio' },
			[{ json: {}, binary: { data: binary } }],
		);
		const json = output[0][0].json;
		expect(json).toEqual(
			expect.objectContaining({ type: 'audio', extension: 'mp3', bytes: bytes.length }),
		);
		expect(emu.getUpload(String(json.file_path))?.bytes).toBe(bytes.length);
	});

	it('detects faces for a multi-face swap', async () => {
		const { output } = await run(new MagicHour(), {
			resource: 'faceDetection',
			operation: 'detect',
			mediaType: 'image',
			targetSource: 'url',
			targetUrl: 'https://example.com/group.jpg',
			confidenceScore: 0.5,
		});
		const faces = output[0][0].json.faces as Array<{ path: string }>;
		expect(output[0][0].json.status).toBe('complete');
		expect(faces.length).toBeGreaterThan(0);
		expect(faces[0].path).toMatch(/^api-assets\//);
	});

	it('waits for projects created without waiting, all together, and downloads them', async () => {
		const created = await createdVideos(5);
		const { output } = await run(
			new MagicHour(),
			{
				resource: 'project',
				operation: 'waitFor',
				projectId: '={{ $json.id }}',
				projectKind: 'auto',
				downloadOutputs: true,
				executionSettings: { pollingMode: 'fixed', pollIntervalSeconds: 0.05 },
			},
			created,
		);
		expect(output[0]).toHaveLength(5);
		for (const [index, item] of output[0].entries()) {
			expect(item.json.id).toBe(created[index].json.id);
			expect(item.json.status).toBe('complete');
			expect(item.binary?.data.mimeType).toBe('video/mp4');
			expect((await readBinary(item.binary!.data)).subarray(4, 8).toString('latin1')).toBe('ftyp');
		}
	});

	it('gets, downloads and deletes a project', async () => {
		const [video] = await createdVideos(1);
		const id = String(video.json.id);
		await run(new MagicHour(), {
			resource: 'project',
			operation: 'waitFor',
			projectId: id,
			projectKind: 'video',
			downloadOutputs: false,
			executionSettings: { pollingMode: 'fixed', pollIntervalSeconds: 0.05 },
		});
		const got = await run(new MagicHour(), {
			resource: 'project',
			operation: 'get',
			projectId: id,
			projectKind: 'video',
		});
		expect(got.output[0][0].json.status).toBe('complete');

		const downloaded = await run(new MagicHour(), {
			resource: 'project',
			operation: 'download',
			projectId: id,
			projectKind: 'video',
		});
		expect(downloaded.output[0][0].binary?.data.mimeType).toBe('video/mp4');

		await run(new MagicHour(), {
			resource: 'project',
			operation: 'delete',
			projectId: id,
			projectKind: 'video',
		});
		const gone = await run(
			new MagicHour(),
			{ resource: 'project', operation: 'get', projectId: id, projectKind: 'video' },
			[{ json: {} }],
			true,
		);
		expect(gone.output[0][0].json.error).toMatch(/project not found/);
	});
});

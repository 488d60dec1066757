import type { IDataObject } from 'n8n-workflow';

import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { durationText, runProgressText } from '../../nodes/shared/engine/runSummary';
import { executeNode } from '../harness/executeNode';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();

function run(nodeType: MagicHourImage | MagicHourVideo, parameters: IDataObject, typeVersion = 2) {
	return executeNode({
		nodeType,
		typeVersion,
		// Version 2 knows only its own polling setting (n8n drops version 1's from the collection).
		parameters: {
			executionSettings: typeVersion >= 2 ? { checkEverySeconds: 0.05 } : FAST_POLLING,
			...parameters,
		} as never,
		items: [{ json: {} }],
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
	});
}

describe('version 2 of the tool nodes (tools grouped under a resource)', () => {
	it('runs a tool chosen by resource and operation, and sums the run up above the output', async () => {
		const { output, hints } = await run(new MagicHourImage(), {
			resource: 'generate',
			operation: 'aiImageGenerator',
			prompt: 'A lighthouse at dusk',
			imageCount: 1,
		});
		const [item] = output[0];
		expect(item.json).toMatchObject({ status: 'complete', kind: 'image' });
		expect(item.binary).toBeDefined();
		const credits = item.json.credits_charged as number;
		expect(hints).toEqual([
			{
				type: 'info',
				location: 'outputPane',
				message: expect.stringMatching(
					new RegExp(
						`^Magic Hour: this run charged ${credits} credits \\(1 job\\) · 1 complete · took \\d+ s\\.$`,
					),
				),
			},
		]);
	});
});

async function failure(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected the node to fail');
}

const creates = () => emu.log.filter((entry) => entry.method === 'POST').length;

describe('version 2 pre-fills no default that changes the result', () => {
	const lipSync = {
		resource: 'swap',
		operation: 'lipSync',
		videoFileUrl: 'https://example.com/talk.mp4',
		audioUrl: 'https://example.com/voice.mp3',
	};

	it('Lip Sync without an End Time fails before any request, asking for it', async () => {
		const error = await failure(run(new MagicHourVideo(), lipSync));
		expect(error.message).toMatch(/"End Time \(Seconds\)": set the second where the clip ends/);
		expect(creates()).toBe(0);
	});

	it('version 1 keeps its 5-second End Time, so saved workflows run as before', async () => {
		const { output } = await run(new MagicHourVideo(), { ...lipSync, resource: undefined }, 1);
		expect(output[0][0].json.status).toBe('complete');
	});

	it('the model is a main field, read for the run (its per-model limits apply)', async () => {
		const description = new MagicHourImage().nodeVersions[2].description;
		const model = description.properties.find(
			(property) =>
				property.name === 'model' &&
				property.displayOptions?.show?.operation?.includes('aiImageGenerator'),
		);
		expect(model).toBeDefined();
		const error = await failure(
			run(new MagicHourImage(), {
				resource: 'generate',
				operation: 'aiImageGenerator',
				prompt: 'A lighthouse',
				imageCount: 2,
				model: 'flux-2-klein',
			}),
		);
		expect(error.message).toMatch(/flux-2-klein makes 1 images per job/);
		expect(creates()).toBe(0);
	});
});

describe('version 2 file inputs: one choice per media slot', () => {
	const properties = () => new MagicHourVideo().nodeVersions[2].description.properties;
	const ofLipSync = (name: string) =>
		properties().filter(
			(property) =>
				property.name === name && property.displayOptions?.show?.operation?.includes('lipSync'),
		);

	it('asks "Get Video From" once, with YouTube as one of its choices', () => {
		expect(ofLipSync('videoSourceType')).toEqual([]);
		const [source] = ofLipSync('videoFileSource');
		expect(source.displayName).toBe('Get Video From');
		expect((source.options ?? []).map((option) => ('name' in option ? option.name : ''))).toEqual([
			'Link',
			'File From a Previous Node',
			'My Magic Hour Library',
			'YouTube Link',
		]);
	});

	it.each([
		[
			'a YouTube link',
			{ videoFileSource: 'youtube', youtubeUrl: 'https://www.youtube.com/watch?v=x' },
		],
		['a link', { videoFileSource: 'url', videoFileUrl: 'https://example.com/talk.mp4' }],
	])('runs Lip Sync with %s', async (_what, video) => {
		const { output } = await run(new MagicHourVideo(), {
			resource: 'swap',
			operation: 'lipSync',
			audioUrl: 'https://example.com/voice.mp3',
			endSeconds: 3,
			...video,
		});
		expect(output[0][0].json.status).toBe('complete');
	});
});

describe('version 2 settings: one setting per idea', () => {
	it('has one polling setting, "Check Status Every (Seconds)", and runs with it', async () => {
		const settings = new MagicHourImage().nodeVersions[2].description.properties.find(
			(property) => property.name === 'executionSettings',
		);
		const names = (settings?.options ?? []).map((option) => ('name' in option ? option.name : ''));
		expect(names).toContain('checkEverySeconds');
		expect(names).not.toContain('pollingMode');
		expect(names).not.toContain('pollIntervalSeconds');
		const { output } = await run(new MagicHourImage(), {
			resource: 'generate',
			operation: 'aiImageGenerator',
			prompt: 'A lighthouse',
			imageCount: 1,
			executionSettings: { checkEverySeconds: 0.05 },
		});
		expect(output[0][0].json.status).toBe('complete');
	});
});

describe('the run progress in the hint under the output', () => {
	it('counts finished, started and failed items and says how long the run took', () => {
		const items = [
			{ json: { id: 'a', status: 'complete', credits_charged: 150 } },
			{ json: { id: 'b', status: 'queued', credits_charged: 150 } },
			{ json: { id: null, error: 'Invalid parameter' } },
		];
		expect(runProgressText(items, 95_000)).toBe(
			'1 complete, 1 started (not waited for), 1 failed · took 1 min 35 s',
		);
	});

	it('writes durations as a user reads them', () => {
		expect(durationText(16_942)).toBe('17 s');
		expect(durationText(120_000)).toBe('2 min');
	});
});

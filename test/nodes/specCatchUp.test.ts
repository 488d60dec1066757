/**
 * The 2026-10 spec through the real nodes against the emulator: the AI Video Translator checks its
 * clip before any request; new per-model limits are checked before any request; values we do not
 * know (set by expression) are sent and Magic Hour judges them.
 */
import type { IDataObject, INodeProperties, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { start } from '../../emulator';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { toolProperties } from '../../nodes/shared/catalog/properties';
import { knownValuesOf } from '../../nodes/shared/catalog/schemaHelpers';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { executeNode } from '../harness/executeNode';

let emu: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true, tier: 'business', credits: 10_000_000 });
});
afterAll(async () => emu.stop());
beforeEach(() => emu.reset());

const FAST = { pollingMode: 'fixed', pollIntervalSeconds: 0.05 };

function run(nodeType: INodeType | IVersionedNodeType, parameters: IDataObject) {
	return executeNode({
		nodeType,
		parameters: { executionSettings: FAST, ...parameters } as never,
		items: [{ json: {} }],
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
	});
}

async function failure(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string; httpCode?: string };
	}
	throw new Error('expected the node to fail');
}

const apiRequests = () => emu.log.filter((entry) => entry.path.startsWith('/v1/')).length;
const creates = (path: string) =>
	emu.log.filter((entry) => entry.method === 'POST' && entry.path === path).length;

const video = new MagicHourVideo();
const image = new MagicHourImage();
const audio = new MagicHourAudio();

const translate = (endSeconds: number, options: IDataObject = {}) => ({
	operation: 'aiVideoTranslator',
	videoSource: 'url',
	videoUrl: 'https://example.com/talk.mp4',
	targetLanguage: 'German',
	endSeconds,
	options,
});

const replaceCharacter = (options: IDataObject) => ({
	operation: 'characterReplace',
	videoSource: 'url',
	videoUrl: 'https://example.com/dance.mp4',
	imageSource: 'url',
	imageUrl: 'https://example.com/robot.png',
	endSeconds: 5,
	options,
});

describe('AI Video Translator', () => {
	it('translates a clip of 1–30 s', async () => {
		const { output } = await run(video, translate(40, { startSeconds: 10, resolution: '1080p' }));
		expect(output[0][0].json).toEqual(
			expect.objectContaining({ tool: 'aiVideoTranslator', status: 'complete' }),
		);
		// 30 s at 30 frames per second: start and end reached Magic Hour.
		expect(output[0][0].json.credits_charged).toBe(900);
	});

	it.each([
		['a clip longer than 30 s', translate(31)],
		['a clip shorter than 1 s', translate(5.5, { startSeconds: 5 })],
		['an end before the start', translate(5, { startSeconds: 8 })],
	])('refuses %s before any request', async (_name, parameters) => {
		const error = await failure(run(video, parameters));
		expect(error.message).toMatch(/AI Video Translator: "End Time \(Seconds\)"/);
		expect(apiRequests()).toBe(0);
	});
});

describe('per-model limits of the values we know are checked before any request', () => {
	it.each([
		[
			'wan-3.0 durations',
			{ operation: 'textToVideo', prompt: 'a fox', duration: 12, options: { model: 'wan-3.0' } },
			/"Duration": Wan 3.0 supports 2–10, 15, 20, 25, 30 seconds/,
		],
		[
			'minimax-h3 durations (1–30)',
			{ operation: 'textToVideo', prompt: 'a fox', duration: 31, options: { model: 'minimax-h3' } },
			/MiniMax H3 supports 1–30 seconds/,
		],
		[
			'references on a model without them',
			{
				operation: 'textToVideo',
				prompt: '@fox runs',
				duration: 5,
				options: {
					model: 'kling-2.6',
					references: {
						reference: [
							{
								name: 'fox',
								mediaType: 'image',
								source: 'url',
								url: 'https://example.com/fox.png',
							},
						],
					},
				},
			},
			/"References": Kling 2.6 takes no references/,
		],
		[
			'a reference name written with @',
			{
				operation: 'textToVideo',
				prompt: '@fox runs',
				duration: 5,
				options: {
					model: 'wan-3.0',
					references: {
						reference: [
							{
								name: '@fox',
								mediaType: 'image',
								source: 'url',
								url: 'https://example.com/fox.png',
							},
						],
					},
				},
			},
			/"Reference Name" must start with a letter/,
		],
		[
			'Character Replace points with Kling 3.0',
			replaceCharacter({
				model: 'kling-3.0',
				selectionMode: 'point',
				points: { point: [{ positionX: 1, positionY: 2, timeSeconds: 0 }] },
			}),
			/"Points": Kling 3.0 finds the main person itself/,
		],
		[
			'Character Replace 1080p with Wan Animate',
			replaceCharacter({ resolution: '1080p' }),
			/"Resolution": Wan Animate supports 480p, 720p/,
		],
		[
			'the AI Video Editor clip of LTX 2.5',
			{
				operation: 'aiVideoEditor',
				videoSource: 'url',
				videoUrl: 'https://example.com/car.mp4',
				prompt: 'make it blue',
				endSeconds: 25,
				options: { model: 'ltx-2.5' },
			},
			/LTX 2.5 edits clips of 0.5–20 seconds/,
		],
	])('%s', async (_name, parameters, message) => {
		const error = await failure(run(video, parameters));
		expect(error.message).toMatch(message);
		expect(apiRequests()).toBe(0);
	});

	it('image counts of krea-2', async () => {
		const error = await failure(
			run(image, {
				operation: 'aiImageGenerator',
				prompt: 'a kettle',
				imageCount: 2,
				options: { model: 'krea-2' },
			}),
		);
		expect(error.message).toMatch(/"Image Count": krea-2 makes 1 images per job/);
		expect(apiRequests()).toBe(0);
	});
});

describe('values we do not know are sent, and Magic Hour judges them', () => {
	it.each([
		[
			'a video model newer than this package',
			video,
			'/v1/text-to-video',
			{
				operation: 'textToVideo',
				prompt: 'a fox',
				duration: 7,
				options: { model: '={{ "wan-9.0" }}' },
			},
		],
		[
			'a resolution newer than this package, with a known model',
			video,
			'/v1/image-to-video',
			{
				operation: 'imageToVideo',
				imageSource: 'url',
				imageUrl: 'https://example.com/a.png',
				duration: 5,
				options: { model: 'kling-3.0', resolution: '={{ "8k" }}' },
			},
		],
		[
			'an image model newer than this package',
			image,
			'/v1/ai-image-generator',
			{
				operation: 'aiImageGenerator',
				prompt: 'a kettle',
				imageCount: 3,
				options: { model: '={{ "krea-3" }}' },
			},
		],
		[
			'a voice newer than this package',
			audio,
			'/v1/ai-voice-generator',
			{ operation: 'aiVoiceGenerator', voiceName: '={{ "Brand New Voice" }}', prompt: 'Hello' },
		],
		[
			'a language newer than this package',
			video,
			'/v1/ai-video-translator',
			{ ...translate(10), targetLanguage: '={{ "Klingon" }}' },
		],
	])('%s', async (_name, nodeType, endpoint, parameters) => {
		const error = await failure(run(nodeType, parameters as IDataObject));
		// The emulator mirrors Magic Hour: it rejects a value it does not list, with a 422 that costs nothing.
		expect(error.message).toMatch(/did not accept a value of this item/);
		expect(error.httpCode).toBe('422');
		expect(creates(endpoint)).toBe(1);
		expect(emu.counters().jobsCreated).toBe(0);
	});
});

describe('dropdowns offer exactly documented values', () => {
	const BY_KIND = { image, video, audio };
	it.each(TOOLS.map((tool) => [tool.operation, tool] as const))('%s', (_operation, tool) => {
		expect(BY_KIND[tool.kind]).toBeDefined();
		const shape = schemaShape(tool.schema);
		const checks: Array<[string, string]> = [
			['model', 'model'],
			['resolution', 'resolution'],
			['voiceName', 'style.voice_name'],
			['targetLanguage', 'target_language'],
		];
		const properties = toolProperties(tool).flatMap((p) =>
			p.name === 'options' ? ((p.options ?? []) as INodeProperties[]) : [p],
		);
		for (const [parameter, field] of checks) {
			const property = properties.find(
				(p) => p.name === parameter && p.type === 'options' && Array.isArray(p.options),
			);
			const known = shape[field];
			if (!property || !known) continue;
			const offered = (property.options as Array<{ value: string }>).map((option) =>
				String(option.value),
			);
			expect(offered.filter((value) => !known.includes(value))).toEqual([]);
		}
	});
});

/** Known values of the open enums of a tool's schema, by dotted body path. */
function schemaShape(
	schema: unknown,
	prefix = '',
	out: Record<string, readonly string[]> = {},
): Record<string, readonly string[]> {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let node = schema as any;
	while (node?._def?.innerType || node?._def?.schema)
		node = node._def.innerType ?? node._def.schema;
	const known = knownValuesOf(node);
	if (known) out[prefix] = known;
	else if (node?._def?.values && prefix) out[prefix] = node._def.values;
	if (typeof node?._def?.shape === 'function') {
		for (const [key, child] of Object.entries(node._def.shape()))
			schemaShape(child, prefix ? `${prefix}.${key}` : key, out);
	}
	return out;
}

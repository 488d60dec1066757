/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import * as fs from 'fs';

import {
	createEndpoints,
	estimateCredits,
	fileFields,
	outputsFor,
	spec,
	validateCreateBody,
	type ValidationResult,
} from '../../emulator/validation';
import type { JsonSchema } from '../../emulator/validation/schema-to-zod';
import { derive } from '../../scripts/derive-emulator-spec';
import { sharedMagicHourFile } from '../../scripts/spec-check/openapi';

type Body = Record<string, unknown>;

const CREATOR = { tier: 'creator' };
const FREE = { tier: 'free' };

const IMG = 'api-assets/id/1234.png';
const VID = 'api-assets/id/1234.mp4';
const AUD = 'https://cdn.example.com/voice.mp3';
const YT = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

/** One realistic, valid body per endpoint (all 28 tools + face detection + upload URLs). */
const VALID: Record<string, Body> = {
	'/v1/ai-talking-photo': {
		name: 'Promo',
		start_seconds: 0,
		end_seconds: 12.5,
		assets: { image_file_path: IMG, audio_file_path: AUD },
		style: { generation_mode: 'prompted', prompt: 'smiling, studio light' },
		max_resolution: 1024,
	},
	'/v1/ai-video-editor': {
		start_seconds: 1,
		end_seconds: 9,
		model: 'gemini-omni-1.1',
		resolution: '1080p',
		style: { prompt: 'make it snow' },
		assets: { video_file_path: VID },
	},
	'/v1/ai-video-translator': {
		name: 'Keynote, Spanish',
		start_seconds: 60,
		end_seconds: 85.5,
		target_language: 'Chinese (Traditional)',
		resolution: '720p',
		assets: { video_file_path: VID },
	},
	'/v1/animation': {
		fps: 12,
		end_seconds: 15,
		width: 768,
		height: 768,
		style: {
			art_style: 'Painterly Illustration',
			camera_effect: 'Simple Zoom In',
			prompt_type: 'custom',
			prompt: 'a fox in a forest',
			transition_speed: 5,
		},
		assets: { audio_source: 'file', audio_file_path: AUD, image_file_path: IMG },
	},
	'/v1/audio-to-video': {
		end_seconds: 30,
		resolution: '720p',
		assets: { audio_file_path: AUD, image_file_path: IMG },
		style: { prompt: 'neon city at night' },
	},
	'/v1/auto-subtitle-generator': {
		start_seconds: 0,
		end_seconds: 60,
		assets: { video_file_path: VID },
		style: { template: 'karaoke', custom_config: { font_size: 24, text_color: '#FFFFFF' } },
	},
	'/v1/character-replace': {
		end_seconds: 10,
		resolution: '720p',
		assets: { video_file_path: VID, image_file_path: IMG },
		style: {
			mode: 'replace',
			selection_mode: 'point',
			points: [{ position_x: 320, position_y: 180, time_seconds: 0.5 }],
		},
	},
	'/v1/face-swap': {
		start_seconds: 0,
		end_seconds: 10,
		style: { version: 'default' },
		assets: {
			video_source: 'file',
			video_file_path: VID,
			face_swap_mode: 'all-faces',
			image_file_path: IMG,
		},
	},
	'/v1/image-to-video': {
		end_seconds: 5,
		model: 'kling-3.0',
		resolution: '1080p',
		audio: true,
		style: { prompt: 'waves crashing' },
		assets: { image_file_path: IMG, end_image_file_path: 'https://cdn.example.com/last.png' },
	},
	'/v1/lip-sync': {
		start_seconds: 0,
		end_seconds: 20,
		max_fps_limit: 12,
		assets: { audio_file_path: AUD, video_source: 'youtube', youtube_url: YT },
		style: { generation_mode: 'standard' },
	},
	'/v1/text-to-video': {
		end_seconds: 8,
		model: 'veo3.1',
		resolution: '1080p',
		aspect_ratio: '9:16',
		audio: true,
		style: { prompt: 'a cat surfing a wave' },
	},
	'/v1/video-to-video': {
		start_seconds: 0,
		end_seconds: 5,
		fps_resolution: 'HALF',
		style: {
			art_style: 'Studio Ghibli',
			prompt_type: 'append_default',
			prompt: 'rainy day',
			model: 'default',
			version: 'default',
		},
		assets: { video_source: 'file', video_file_path: VID },
	},
	'/v1/ai-clothes-changer': {
		assets: {
			person_file_path: IMG,
			garment_file_path: 'https://shop.example.com/jacket.jpg',
			garment_type: 'upper_body',
		},
	},
	'/v1/ai-face-editor': {
		assets: { image_file_path: IMG },
		style: { enhance_face: true, mouth_smile: 25, head_yaw: -10 },
	},
	'/v1/ai-gif-generator': { style: { prompt: 'a dancing banana' }, output_format: 'mp4' },
	'/v1/ai-image-editor': {
		model: 'nano-banana-2',
		image_count: 4,
		aspect_ratio: '16:9',
		resolution: '2k',
		style: { prompt: 'put the product on the beach' },
		assets: { image_file_paths: [IMG, 'https://cdn.example.com/beach.jpg'] },
	},
	'/v1/ai-headshot-generator': { name: 'Me', assets: { image_file_path: IMG } },
	'/v1/ai-image-generator': {
		image_count: 4,
		model: 'flux-schnell',
		aspect_ratio: '16:9',
		resolution: '1k',
		style: { prompt: 'a lighthouse in a storm', tool: 'ai-anime-generator' },
	},
	'/v1/ai-image-upscaler': {
		scale_factor: 2,
		style: { mode: 'creative', prompt: 'crisp detail' },
		assets: { image_file_path: IMG },
	},
	'/v1/ai-meme-generator': {
		style: { topic: 'Mondays', template: 'Drake Hotline Bling', searchWeb: false },
	},
	'/v1/ai-qr-code-generator': {
		content: 'https://example.com',
		style: { art_style: 'Watercolor' },
	},
	'/v1/body-swap': {
		resolution: '1k',
		assets: { person_file_path: IMG, scene_file_path: 'https://cdn.example.com/scene.jpg' },
	},
	'/v1/face-swap-photo': {
		assets: {
			face_swap_mode: 'individual-faces',
			target_file_path: IMG,
			face_mappings: [
				{
					original_face: 'api-assets/id/0-0.png',
					new_face: 'https://cdn.example.com/new-face.png',
				},
			],
		},
	},
	'/v1/head-swap': {
		max_resolution: 1024,
		assets: { body_file_path: IMG, head_file_path: 'https://cdn.example.com/head.png' },
	},
	'/v1/image-background-remover': {
		assets: { image_file_path: IMG, background_image_file_path: 'https://cdn.example.com/bg.jpg' },
	},
	'/v1/photo-colorizer': { assets: { image_file_path: IMG } },
	'/v1/ai-voice-generator': {
		style: { prompt: 'Hello there, welcome to the show.', voice_name: 'Morgan Freeman' },
	},
	'/v1/ai-voice-cloner': {
		assets: { audio_file_path: AUD },
		style: { prompt: 'Hello from my cloned voice.' },
	},
	'/v1/face-detection': { confidence_score: 0.65, assets: { target_file_path: IMG } },
	'/v1/files/upload-urls': {
		items: [
			{ type: 'video', extension: 'mp4' },
			{ type: 'image', extension: 'png' },
			{ type: 'audio', extension: 'mp3' },
		],
	},
};

function clone<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}

function setPath(body: Body, path: string, value: unknown): Body {
	const out = clone(body);
	const parts = path.split('.');
	const leaf = parts.pop() as string;
	let node: Record<string, unknown> = out;
	for (const part of parts) {
		if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
		node = node[part] as Record<string, unknown>;
	}
	if (value === undefined) delete node[leaf];
	else node[leaf] = value;
	return out;
}

/** Applies several path=value edits (undefined deletes). */
function edit(path: string, edits: Record<string, unknown>): Body {
	let body = clone(VALID[path]);
	for (const [p, v] of Object.entries(edits)) body = setPath(body, p, v);
	return body;
}

function expectOk(path: string, body: unknown, ctx = CREATOR): Body {
	const r = validateCreateBody(path, body, ctx);
	if (!r.ok) throw new Error(`${path} rejected a valid body: ${r.message}`);
	return r.body;
}

function expectFail(
	path: string,
	body: unknown,
	field: string,
	opts: { status?: number; contains?: string; ctx?: { tier: string } } = {},
): Extract<ValidationResult, { ok: false }> {
	const r = validateCreateBody(path, body, opts.ctx ?? CREATOR);
	if (r.ok)
		throw new Error(
			`${path} accepted an invalid body (expected a failure on ${field}): ${JSON.stringify(body)}`,
		);
	expect(r.field).toBe(field);
	expect(r.status).toBe(opts.status ?? 422);
	expect(r.code).toBe(
		r.status === 422
			? 'unprocessable_entity'
			: r.status === 402
				? 'plan_upgrade_required'
				: 'invalid_request',
	);
	expect(r.message.startsWith(`${field}: `)).toBe(true);
	if (opts.contains) expect(r.message).toContain(opts.contains);
	return r;
}

// ------------------------------------------------------------------------------------------------
// schema walkers for generic cases
// ------------------------------------------------------------------------------------------------

function get(body: unknown, path: string): unknown {
	let node = body;
	for (const part of path.split('.')) {
		if (typeof node !== 'object' || node === null) return undefined;
		node = (node as Record<string, unknown>)[part];
	}
	return node;
}

/** Required leaf/object paths reachable through objects present in the valid body. */
function requiredPaths(schema: JsonSchema, body: unknown, prefix = ''): string[] {
	const out: string[] = [];
	for (const [key, sub] of Object.entries(schema.properties ?? {})) {
		const path = prefix ? `${prefix}.${key}` : key;
		if ((schema.required ?? []).includes(key)) out.push(path);
		const value = get(body, path);
		if (
			sub.type === 'object' &&
			typeof value === 'object' &&
			value !== null &&
			!Array.isArray(value)
		) {
			out.push(...requiredPaths(sub, body, path));
		}
	}
	return out;
}

/** Enum / bounded paths (objects only, not inside arrays) present in the valid body. */
function leafPaths(
	schema: JsonSchema,
	body: unknown,
	prefix = '',
): Array<{ path: string; schema: JsonSchema }> {
	const out: Array<{ path: string; schema: JsonSchema }> = [];
	for (const [key, sub] of Object.entries(schema.properties ?? {})) {
		const path = prefix ? `${prefix}.${key}` : key;
		const value = get(body, path);
		if (value === undefined) continue;
		if (sub.type === 'object') out.push(...leafPaths(sub, body, path));
		else out.push({ path, schema: sub });
	}
	return out;
}

const ALL_PATHS = Object.keys(spec.endpoints);
const TOOL_PATHS = ALL_PATHS.filter((p) =>
	['video', 'image', 'audio'].includes(spec.endpoints[p].kind),
);

// ------------------------------------------------------------------------------------------------

describe('spec.json and createEndpoints', () => {
	it('spec.json holds the 28 tools plus face detection and upload URLs, without prose', () => {
		expect(ALL_PATHS).toHaveLength(30);
		expect(ALL_PATHS).toEqual(
			expect.arrayContaining(['/v1/face-detection', '/v1/files/upload-urls']),
		);
		const text = JSON.stringify(spec);
		expect(text).not.toMatch(/"description"|"example"/);
	});

	const source = sharedMagicHourFile('openapi-2026-10.json');
	(source ? it : it.skip)(
		'spec.json is up to date with openapi-2026-10.json (re-run scripts/derive-emulator-spec.ts)',
		() => {
			expect(derive(JSON.parse(fs.readFileSync(source!, 'utf8')))).toEqual(spec);
		},
	);

	it('createEndpoints matches exactly the POST create paths in spec.json, with the same kinds', () => {
		expect(createEndpoints.map((e) => e.path).sort()).toEqual([...TOOL_PATHS].sort());
		for (const e of createEndpoints) expect(e.kind).toBe(spec.endpoints[e.path].kind);
		const count = (k: string) => createEndpoints.filter((e) => e.kind === k).length;
		expect([count('video'), count('image'), count('audio')]).toEqual([12, 14, 2]);
	});

	it('gives every endpoint a documented median and a project type', () => {
		for (const e of createEndpoints) {
			expect([6, 8, 20, 60, 180, 570]).toContain(e.medianSeconds);
			expect(e.projectType).toMatch(/^[A-Z_]+$/);
		}
		const byPath = Object.fromEntries(createEndpoints.map((e) => [e.path, e]));
		expect(byPath['/v1/face-swap'].projectType).toBe('FACE_SWAP');
		expect(byPath['/v1/face-swap-photo'].projectType).toBe('FACE_SWAP');
		expect(byPath['/v1/ai-image-generator'].projectType).toBe('AI_IMAGE');
		expect(byPath['/v1/ai-voice-cloner']).toMatchObject({
			kind: 'audio',
			medianSeconds: 6,
			projectType: 'VOICE_CLONER',
		});
		expect(byPath['/v1/video-to-video'].medianSeconds).toBe(570);
	});

	it('has a valid sample body for every endpoint of spec.json', () => {
		expect(Object.keys(VALID).sort()).toEqual([...ALL_PATHS].sort());
	});
});

describe.each(ALL_PATHS)('%s', (path) => {
	const schema = spec.endpoints[path].schema;

	it('accepts a realistic valid body', () => {
		const body = expectOk(path, VALID[path]);
		expect(body).toEqual(VALID[path]);
	});

	it('accepts the same body with a trailing slash on the path', () => {
		expectOk(`${path}/`, VALID[path]);
	});

	it('rejects a non-object body with 400 invalid_request', () => {
		for (const bad of [null, [], 'text', 42]) expectFail(path, bad, 'body', { status: 400 });
	});

	it('rejects an unknown top-level field', () => {
		expectFail(path, { ...VALID[path], bogus_field: 1 }, 'bogus_field', {
			contains: 'unknown field',
		});
	});

	it('rejects each missing required field', () => {
		const paths = requiredPaths(schema, VALID[path]);
		expect(paths.length).toBeGreaterThan(0);
		for (const p of paths)
			expectFail(path, setPath(VALID[path], p, undefined), p, { contains: 'is required' });
	});

	it('rejects wrong types, bad enum values and out-of-range numbers', () => {
		const leaves = leafPaths(schema, VALID[path]);
		expect(leaves.length).toBeGreaterThan(0);
		for (const { path: p, schema: s } of leaves) {
			if (s.type === 'string')
				expectFail(path, setPath(VALID[path], p, 123), p, { contains: 'must be a string' });
			if (s.type === 'number' || s.type === 'integer')
				expectFail(path, setPath(VALID[path], p, 'x'), p);
			if (s.type === 'boolean')
				expectFail(path, setPath(VALID[path], p, 'yes'), p, { contains: 'must be a boolean' });
			if (s.enum && s.type === 'string')
				expectFail(path, setPath(VALID[path], p, '__nope__'), p, { contains: 'must be one of' });
			if (s.minimum !== undefined)
				expectFail(path, setPath(VALID[path], p, s.minimum - 1), p, {
					contains: `>= ${s.minimum}`,
				});
			if (s.maximum !== undefined) expectFail(path, setPath(VALID[path], p, s.maximum + 1), p);
			if (s.minLength !== undefined && s.minLength > 0)
				expectFail(path, setPath(VALID[path], p, ''), p, { contains: 'at least' });
		}
	});
});

describe('unknown nested fields', () => {
	it.each([
		['/v1/ai-image-generator', 'style.promt', 'x'],
		['/v1/face-swap', 'assets.source_file_path', IMG],
		['/v1/ai-talking-photo', 'style.mood', 'happy'],
		['/v1/auto-subtitle-generator', 'style.custom_config.colour', 'red'],
		['/v1/image-to-video', 'assets.video_file_path', VID],
		['/v1/text-to-video', 'assets', { image_file_path: IMG }],
	])('%s rejects %s', (path, field, value) => {
		expectFail(path, edit(path, { [field]: value }), field, { contains: 'unknown field' });
	});

	it('names the typo rather than the missing key it replaced', () => {
		const body = edit('/v1/ai-image-generator', { 'style.prompt': undefined, 'style.promt': 'x' });
		const r = expectFail('/v1/ai-image-generator', body, 'style.promt');
		expect(r.message).toBe('style.promt: unknown field');
	});

	it('names array elements by index', () => {
		const path = '/v1/face-swap-photo';
		expectFail(
			path,
			edit(path, { 'assets.face_mappings': [{ original_face: 'a', new_face: 'b', extra: 1 }] }),
			'assets.face_mappings.0.extra',
		);
		expectFail(
			path,
			edit(path, { 'assets.face_mappings': [{ original_face: 'a' }] }),
			'assets.face_mappings.0.new_face',
			{
				contains: 'is required',
			},
		);
		const cr = '/v1/character-replace';
		expectFail(
			cr,
			edit(cr, { 'style.points': [{ position_x: -1, position_y: 0, time_seconds: 0 }] }),
			'style.points.0.position_x',
		);
		expectFail(
			cr,
			edit(cr, { 'style.points': [{ position_x: 1.5, position_y: 0, time_seconds: 0 }] }),
			'style.points.0.position_x',
			{
				contains: 'integer',
			},
		);
	});
});

describe('schema keywords', () => {
	it('arrays: maxItems on face_mappings and image_file_paths, minItems on upload items', () => {
		const mapping = { original_face: 'api-assets/id/0-0.png', new_face: IMG };
		expectFail(
			'/v1/face-swap-photo',
			edit('/v1/face-swap-photo', { 'assets.face_mappings': Array(6).fill(mapping) }),
			'assets.face_mappings',
			{
				contains: 'at most 5',
			},
		);
		expectFail(
			'/v1/ai-image-editor',
			edit('/v1/ai-image-editor', { 'assets.image_file_paths': Array(11).fill(IMG) }),
			'assets.image_file_paths',
		);
		expectFail('/v1/files/upload-urls', { items: [] }, 'items', { contains: 'at least 1 item' });
	});

	it('string lengths and patterns', () => {
		expectFail(
			'/v1/text-to-video',
			edit('/v1/text-to-video', { 'style.prompt': 'x'.repeat(20001) }),
			'style.prompt',
			{ contains: 'at most 20000' },
		);
		expectOk('/v1/text-to-video', edit('/v1/text-to-video', { 'style.prompt': 'x'.repeat(20000) }));
		expectFail(
			'/v1/ai-gif-generator',
			edit('/v1/ai-gif-generator', { 'style.prompt': 'x'.repeat(501) }),
			'style.prompt',
		);
		expectFail(
			'/v1/ai-meme-generator',
			edit('/v1/ai-meme-generator', { 'style.topic': 'x'.repeat(201) }),
			'style.topic',
		);
		expectFail(
			'/v1/ai-voice-cloner',
			edit('/v1/ai-voice-cloner', { 'style.prompt': 'x'.repeat(1001) }),
			'style.prompt',
		);
		expectFail(
			'/v1/files/upload-urls',
			{ items: [{ type: 'video', extension: '.mp4' }] },
			'items.0.extension',
			{ contains: 'must match' },
		);
		expectFail(
			'/v1/lip-sync',
			edit('/v1/lip-sync', { 'assets.youtube_url': 'not a url' }),
			'assets.youtube_url',
			{ contains: 'URI' },
		);
	});

	it('integers and multiples', () => {
		expectFail('/v1/animation', edit('/v1/animation', { width: 512.5 }), 'width', {
			contains: 'integer',
		});
		expectFail(
			'/v1/ai-image-generator',
			edit('/v1/ai-image-generator', { image_count: 17 }),
			'image_count',
			{ contains: '<= 16' },
		);
		expectFail(
			'/v1/ai-face-editor',
			edit('/v1/ai-face-editor', { 'style.mouth_smile': 7 }),
			'style.mouth_smile',
			{ contains: 'multiple of 5' },
		);
		expectFail(
			'/v1/ai-face-editor',
			edit('/v1/ai-face-editor', { 'style.head_pitch': 105 }),
			'style.head_pitch',
			{ contains: '<= 100' },
		);
		expectOk(
			'/v1/ai-face-editor',
			edit('/v1/ai-face-editor', { 'style.head_pitch': -100, 'style.eye_open_ratio': 55 }),
		);
		expectFail(
			'/v1/ai-image-editor',
			edit('/v1/ai-image-editor', { image_count: 2 }),
			'image_count',
			{ contains: '1, 4, 9, 16' },
		);
	});

	it('face detection confidence_score: 0–1 in steps of 0.05', () => {
		const path = '/v1/face-detection';
		for (const ok of [0, 0.05, 0.15, 0.35, 0.5, 0.95, 1])
			expectOk(path, edit(path, { confidence_score: ok }));
		for (const bad of [0.17, 0.333])
			expectFail(path, edit(path, { confidence_score: bad }), 'confidence_score', {
				contains: 'multiple of 0.05',
			});
		expectFail(path, edit(path, { confidence_score: 1.05 }), 'confidence_score', {
			contains: '<= 1',
		});
		expectFail(path, edit(path, { confidence_score: -0.05 }), 'confidence_score', {
			contains: '>= 0',
		});
	});

	it('null only where the spec says nullable', () => {
		expectOk(
			'/v1/video-to-video',
			edit('/v1/video-to-video', { 'style.prompt_type': 'default', 'style.prompt': null }),
		);
		expectFail(
			'/v1/audio-to-video',
			edit('/v1/audio-to-video', { 'style.prompt': null }),
			'style.prompt',
		);
	});

	it('long enums are listed briefly', () => {
		const r = expectFail(
			'/v1/ai-voice-generator',
			edit('/v1/ai-voice-generator', { 'style.voice_name': 'Nobody' }),
			'style.voice_name',
		);
		expect(r.message).toContain('values in all');
		expect(r.message.length).toBeLessThan(400);
	});
});

describe('deprecated fields older clients still send', () => {
	const cases: Array<[string, Body]> = [
		[
			'/v1/ai-image-generator',
			{
				image_count: 1,
				orientation: 'landscape',
				style: { prompt: 'Cool image', tool: 'ai-anime-generator' },
			},
		],
		[
			'/v1/ai-image-generator',
			{ image_count: 2, orientation: 'square', style: { prompt: 'x', quality_mode: 'pro' } },
		],
		[
			'/v1/text-to-video',
			{
				end_seconds: 5,
				orientation: 'portrait',
				style: { prompt: 'a dog running', quality_mode: 'studio' },
			},
		],
		[
			'/v1/image-to-video',
			{
				end_seconds: 5,
				width: 512,
				height: 960,
				style: { prompt: 'a dog running', high_quality: true, quality_mode: 'quick' },
				assets: { image_file_path: IMG },
			},
		],
		[
			'/v1/image-to-video',
			{ end_seconds: 5, width: null, height: null, assets: { image_file_path: IMG } },
		],
		[
			'/v1/ai-image-upscaler',
			{ scale_factor: 2, style: { enhancement: 'Balanced' }, assets: { image_file_path: IMG } },
		],
		[
			'/v1/ai-image-editor',
			{ style: { prompt: 'make it blue', model: 'Nano Banana' }, assets: { image_file_path: IMG } },
		],
		[
			'/v1/ai-talking-photo',
			{
				start_seconds: 0,
				end_seconds: 15,
				style: { generation_mode: 'expressive', intensity: 1.5 },
				assets: { image_file_path: IMG, audio_file_path: AUD },
			},
		],
		['/v1/face-swap', { ...VALID['/v1/face-swap'], width: 512, height: 512 }],
		['/v1/lip-sync', { ...VALID['/v1/lip-sync'], width: 720, height: 1280 }],
		['/v1/video-to-video', { ...VALID['/v1/video-to-video'], width: 1024, height: 576 }],
		['/v1/ai-voice-generator', { style: { prompt: 'Come on down!', voice_name: 'Bob Barker' } }],
		[
			'/v1/ai-clothes-changer',
			{ assets: { person_file_path: IMG, garment_file_path: IMG, garment_type: 'dresses' } },
		],
		[
			'/v1/ai-image-upscaler',
			{ scale_factor: 4, style: { mode: 'pro' }, assets: { image_file_path: IMG } },
		],
		['/v1/ai-image-generator', { image_count: 2, model: 'seedream', style: { prompt: 'x' } }],
		[
			'/v1/image-to-video',
			{ end_seconds: 8, model: 'veo3.1-audio', assets: { image_file_path: IMG } },
		],
	];
	it.each(cases)('%s accepts %j', (path, body) => {
		expectOk(path, body);
	});

	it('still checks the deprecated fields themselves', () => {
		expectFail(
			'/v1/ai-image-generator',
			{ image_count: 1, orientation: 'diagonal', style: { prompt: 'x' } },
			'orientation',
			{
				contains: 'square, landscape, portrait',
			},
		);
		expectFail(
			'/v1/ai-image-upscaler',
			{ scale_factor: 2, style: { enhancement: 'Sharp' }, assets: { image_file_path: IMG } },
			'style.enhancement',
		);
		expectFail(
			'/v1/image-to-video',
			{ end_seconds: 5, width: 1.5, assets: { image_file_path: IMG } },
			'width',
		);
		expectFail(
			'/v1/ai-talking-photo',
			edit('/v1/ai-talking-photo', { 'style.intensity': 'high' }),
			'style.intensity',
		);
	});

	it('does not accept deprecated fields on endpoints that never had them', () => {
		expectFail(
			'/v1/audio-to-video',
			{ ...VALID['/v1/audio-to-video'], orientation: 'landscape' },
			'orientation',
			{ contains: 'unknown field' },
		);
		expectFail('/v1/head-swap', { ...VALID['/v1/head-swap'], width: 512 }, 'width');
		expectFail(
			'/v1/ai-gif-generator',
			edit('/v1/ai-gif-generator', { 'style.quality_mode': 'pro' }),
			'style.quality_mode',
		);
	});
});

describe('rules stated in prose', () => {
	describe('start/end times', () => {
		it.each([
			'/v1/ai-talking-photo',
			'/v1/ai-video-editor',
			'/v1/audio-to-video',
			'/v1/auto-subtitle-generator',
			'/v1/character-replace',
			'/v1/face-swap',
			'/v1/lip-sync',
			'/v1/video-to-video',
		])('%s needs end_seconds > start_seconds', (path) => {
			expectFail(path, edit(path, { start_seconds: 10, end_seconds: 10 }), 'end_seconds', {
				contains: 'greater than start_seconds',
			});
			expectFail(path, edit(path, { start_seconds: 12, end_seconds: 4 }), 'end_seconds');
		});
	});

	describe('ai-talking-photo', () => {
		const path = '/v1/ai-talking-photo';
		it('limits the clip to 300 s realistic (default) and 45 s prompted', () => {
			expectOk(
				path,
				edit(path, { 'style.generation_mode': 'realistic', start_seconds: 10, end_seconds: 310 }),
			);
			expectOk(path, edit(path, { style: undefined, end_seconds: 300 }));
			expectFail(path, edit(path, { style: undefined, end_seconds: 300.5 }), 'end_seconds', {
				contains: '300s maximum',
			});
			expectOk(path, edit(path, { start_seconds: 5, end_seconds: 50 }));
			expectFail(path, edit(path, { start_seconds: 5, end_seconds: 50.5 }), 'end_seconds', {
				contains: '45s maximum',
			});
			expectFail(
				path,
				edit(path, { 'style.generation_mode': 'standard', end_seconds: 60 }),
				'end_seconds',
				{ contains: '45s' },
			);
			expectOk(path, edit(path, { 'style.generation_mode': 'pro', end_seconds: 200 }));
		});
	});

	describe('ai-video-editor', () => {
		const path = '/v1/ai-video-editor';
		it('checks the clip length per model', () => {
			expectFail(path, edit(path, { start_seconds: 0, end_seconds: 2 }), 'end_seconds', {
				contains: '3–10s',
			});
			expectFail(path, edit(path, { start_seconds: 0, end_seconds: 10.5 }), 'end_seconds');
			expectOk(
				path,
				edit(path, { model: 'ltx-2.5', start_seconds: 0, end_seconds: 20, resolution: '480p' }),
			);
			expectFail(
				path,
				edit(path, { model: 'ltx-2.5', start_seconds: 0, end_seconds: 21 }),
				'end_seconds',
				{ contains: '0.5–20s' },
			);
			expectFail(
				path,
				edit(path, { model: 'ltx-2.5', start_seconds: 1, end_seconds: 1.4 }),
				'end_seconds',
			);
			// ltx-2.3 is still in the enum but no longer described: schema bounds only
			expectOk(
				path,
				edit(path, { model: 'ltx-2.3', start_seconds: 0, end_seconds: 45, resolution: '480p' }),
			);
		});
		it('checks the resolution per model, including the plan default model', () => {
			expectFail(path, edit(path, { resolution: '480p' }), 'resolution', {
				contains: '720p, 1080p',
			});
			expectFail(path, edit(path, { model: 'gemini-omni', resolution: '480p' }), 'resolution');
			expectFail(path, edit(path, { model: undefined, resolution: '480p' }), 'resolution', {
				contains: 'default on the creator plan',
			});
			expectOk(path, edit(path, { model: undefined, resolution: '480p', end_seconds: 20 }), FREE);
			expectFail(
				path,
				edit(path, { model: undefined, resolution: '480p', end_seconds: 22 }),
				'end_seconds',
				{ ctx: FREE, contains: 'ltx-2.5' },
			);
			expectFail(path, edit(path, { model: undefined, end_seconds: 40 }), 'end_seconds');
		});
	});

	describe('image-to-video and text-to-video model tables', () => {
		const i2v = '/v1/image-to-video';
		const t2v = '/v1/text-to-video';
		it('allows only the listed durations per model', () => {
			expectOk(
				i2v,
				edit(i2v, {
					model: 'kling-2.6',
					end_seconds: 10,
					audio: undefined,
					'assets.end_image_file_path': undefined,
				}),
			);
			expectFail(
				i2v,
				edit(i2v, { model: 'kling-2.6', end_seconds: 7, audio: undefined }),
				'end_seconds',
				{ contains: 'allowed: 5, 10' },
			);
			expectOk(t2v, edit(t2v, { model: 'ltx-2.5', end_seconds: 55, resolution: '720p' }));
			expectOk(t2v, edit(t2v, { model: 'ltx-2.5', end_seconds: 37, resolution: '720p' }));
			expectOk(t2v, edit(t2v, { model: 'minimax-h3', end_seconds: 17, resolution: '720p' }));
			expectFail(
				t2v,
				edit(t2v, { model: 'minimax-h3', end_seconds: 31, resolution: '720p' }),
				'end_seconds',
			);
			expectOk(
				t2v,
				edit(t2v, { model: 'wan-3.0', end_seconds: 25, resolution: '1080p', aspect_ratio: '1:1' }),
			);
			expectFail(
				t2v,
				edit(t2v, { model: 'wan-3.0', end_seconds: 1, resolution: '720p' }),
				'end_seconds',
				{ contains: 'allowed: 2, 3' },
			);
			expectFail(
				t2v,
				edit(t2v, { model: 'wan-3.0', end_seconds: 12, resolution: '720p' }),
				'end_seconds',
			);
			expectOk(t2v, edit(t2v, { model: 'seedance-2.5', end_seconds: 23, resolution: '480p' }));
			expectFail(t2v, edit(t2v, { model: 'veo3.1-lite', end_seconds: 5 }), 'end_seconds', {
				contains: '4, 6, 8',
			});
			expectFail(i2v, edit(i2v, { end_seconds: 5.5 }), 'end_seconds');
		});
		it('resolves model "default" per plan (kling-3.0 paid, ltx-2.5 free)', () => {
			const body = edit(t2v, {
				model: undefined,
				resolution: undefined,
				aspect_ratio: '1:1',
				end_seconds: 30,
			});
			expectFail(t2v, body, 'end_seconds', { contains: 'kling-3.0' });
			expectOk(t2v, body, FREE);
			expectFail(
				t2v,
				edit(t2v, { model: 'default', end_seconds: 8, resolution: '4k' }),
				'resolution',
				{ ctx: FREE, contains: 'ltx-2.5' },
			);
			expectOk(t2v, edit(t2v, { model: 'default', end_seconds: 8, resolution: '4k' }));
		});
		it('checks resolutions per model', () => {
			expectFail(
				i2v,
				edit(i2v, {
					model: 'wan-3.0',
					end_seconds: 4,
					resolution: '4k',
					'assets.end_image_file_path': undefined,
				}),
				'resolution',
				{
					contains: 'allowed: 480p, 720p, 1080p',
				},
			);
			expectOk(t2v, edit(t2v, { model: 'seedance-2.0', end_seconds: 5, resolution: '4k' }));
			expectOk(t2v, edit(t2v, { model: 'seedance-2.5', end_seconds: 5, resolution: '1080p' }));
			expectFail(
				t2v,
				edit(t2v, { model: 'seedance-2.0-mini', end_seconds: 5, resolution: '1080p' }),
				'resolution',
			);
			expectOk(
				t2v,
				edit(t2v, {
					model: 'gemini-omni-1.1',
					end_seconds: 5,
					resolution: '360p',
					audio: undefined,
				}),
			);
			expectFail(
				t2v,
				edit(t2v, { model: 'kling-3.0', end_seconds: 5, resolution: '360p' }),
				'resolution',
			);
		});
		it('checks audio support', () => {
			for (const model of ['kling-2.6', 'wan-2.2', 'gemini-omni-1.1']) {
				expectFail(
					t2v,
					edit(t2v, { model, end_seconds: 5, resolution: '720p', aspect_ratio: '16:9' }),
					'audio',
					{ contains: 'not supported' },
				);
			}
			expectOk(
				t2v,
				edit(t2v, { model: 'wan-2.2', end_seconds: 5, resolution: '720p', audio: false }),
			);
		});
		it('checks text-to-video aspect ratios (and the deprecated orientation)', () => {
			expectFail(t2v, edit(t2v, { aspect_ratio: '1:1' }), 'aspect_ratio', {
				contains: '16:9, 9:16',
			});
			expectFail(t2v, edit(t2v, { aspect_ratio: undefined, orientation: 'square' }), 'orientation');
			expectOk(t2v, edit(t2v, { model: 'kling-3.0', aspect_ratio: '1:1' }));
		});
		it('checks end-image support per model', () => {
			for (const model of ['minimax-h3', 'wan-2.2']) {
				expectFail(
					i2v,
					edit(i2v, { model, end_seconds: 4, resolution: '720p', audio: undefined }),
					'assets.end_image_file_path',
					{
						contains: 'not supported',
					},
				);
			}
			expectOk(i2v, edit(i2v, { model: 'veo3.1', end_seconds: 8, resolution: '720p' }));
			expectFail(
				i2v,
				edit(i2v, { model: 'veo3.1', end_seconds: 16, resolution: '720p' }),
				'assets.end_image_file_path',
				{
					contains: 'end_seconds <= 8',
				},
			);
			expectFail(
				i2v,
				edit(i2v, { model: 'kling-2.6', end_seconds: 5, resolution: '720p', audio: undefined }),
				'assets.end_image_file_path',
				{
					contains: '1080p only',
				},
			);
			expectOk(
				i2v,
				edit(i2v, { model: 'kling-2.6', end_seconds: 5, resolution: '1080p', audio: undefined }),
			);
			expectOk(
				i2v,
				edit(i2v, { model: 'wan-3.0', end_seconds: 5, resolution: '720p', audio: true }),
			);
		});
		it('accepts text-to-video references on the models that take them', () => {
			const references = [
				{ name: 'hero', file_path: IMG },
				{ name: 'theme_song', file_path: AUD },
			];
			const prompt = '@hero walks into the sunset while @theme_song plays';
			expectOk(
				t2v,
				edit(t2v, {
					model: 'wan-3.0',
					end_seconds: 5,
					resolution: '720p',
					aspect_ratio: '16:9',
					references,
					'style.prompt': prompt,
				}),
			);
			expectFail(
				t2v,
				edit(t2v, {
					model: 'kling-2.6',
					end_seconds: 5,
					resolution: '720p',
					audio: undefined,
					references,
				}),
				'references',
				{
					contains: 'not supported',
				},
			);
			expectFail(
				t2v,
				edit(t2v, {
					model: 'wan-3.0',
					end_seconds: 5,
					references: [{ name: '@hero', file_path: IMG }],
				}),
				'references.0.name',
			);
			expectFail(
				t2v,
				edit(t2v, { model: 'wan-3.0', end_seconds: 5, references: Array(11).fill(references[0]) }),
				'references',
			);
		});
		it('gives legacy model values the schema bounds only', () => {
			expectOk(
				i2v,
				edit(i2v, { model: 'kling-1.6', end_seconds: 60, resolution: '720p', audio: undefined }),
			);
			expectOk(t2v, edit(t2v, { model: 'sora-2', end_seconds: 30, resolution: '1080p' }));
			expectFail(i2v, edit(i2v, { model: 'kling-1.6', end_seconds: 61 }), 'end_seconds', {
				contains: '<= 60',
			});
		});
	});

	describe('video sources and face swap modes', () => {
		it.each(['/v1/face-swap', '/v1/lip-sync', '/v1/video-to-video'])(
			'%s: video_source decides the required input',
			(path) => {
				expectFail(
					path,
					edit(path, { 'assets.video_source': 'file', 'assets.video_file_path': undefined }),
					'assets.video_file_path',
					{
						contains: '"file"',
					},
				);
				expectFail(
					path,
					edit(path, { 'assets.video_source': 'youtube', 'assets.youtube_url': undefined }),
					'assets.youtube_url',
					{
						contains: '"youtube"',
					},
				);
				expectOk(
					path,
					edit(path, {
						'assets.video_source': 'youtube',
						'assets.youtube_url': YT,
						'assets.video_file_path': undefined,
					}),
				);
			},
		);

		it('face-swap: all-faces needs image_file_path, individual-faces needs face_mappings', () => {
			const path = '/v1/face-swap';
			expectFail(
				path,
				edit(path, { 'assets.image_file_path': undefined }),
				'assets.image_file_path',
				{ contains: 'all-faces' },
			);
			expectFail(
				path,
				edit(path, { 'assets.face_swap_mode': undefined, 'assets.image_file_path': undefined }),
				'assets.image_file_path',
			);
			expectFail(
				path,
				edit(path, { 'assets.face_swap_mode': 'individual-faces' }),
				'assets.face_mappings',
				{ contains: 'individual-faces' },
			);
			expectFail(
				path,
				edit(path, { 'assets.face_swap_mode': 'individual-faces', 'assets.face_mappings': [] }),
				'assets.face_mappings',
			);
			expectOk(
				path,
				edit(path, {
					'assets.face_swap_mode': 'individual-faces',
					'assets.image_file_path': undefined,
					'assets.face_mappings': [{ original_face: 'api-assets/id/0-0.png', new_face: IMG }],
				}),
			);
		});

		it('face-swap-photo: all-faces needs source_file_path', () => {
			const path = '/v1/face-swap-photo';
			expectFail(
				path,
				edit(path, { 'assets.face_swap_mode': 'all-faces' }),
				'assets.source_file_path',
			);
			expectOk(path, { assets: { target_file_path: IMG, source_file_path: IMG } });
			expectFail(path, edit(path, { 'assets.face_mappings': undefined }), 'assets.face_mappings');
			expectFail(
				path,
				edit(path, { 'assets.face_mappings': [{ original_face: '', new_face: IMG }] }),
				'assets.face_mappings.0.original_face',
			);
		});
	});

	describe('animation', () => {
		const path = '/v1/animation';
		it('art_style Custom needs art_style_custom', () => {
			expectFail(path, edit(path, { 'style.art_style': 'Custom' }), 'style.art_style_custom');
			expectOk(
				path,
				edit(path, { 'style.art_style': 'Custom', 'style.art_style_custom': 'charcoal sketch' }),
			);
		});
		it('prompt_type custom needs a prompt; lyrics/AI need an audio source', () => {
			expectFail(path, edit(path, { 'style.prompt': undefined }), 'style.prompt', {
				contains: '"custom"',
			});
			expectOk(path, edit(path, { 'style.prompt_type': 'use_lyrics', 'style.prompt': undefined }));
			expectFail(
				path,
				edit(path, {
					'style.prompt_type': 'ai_choose',
					'assets.audio_source': 'none',
					'assets.audio_file_path': undefined,
				}),
				'assets.audio_source',
			);
		});
		it('audio_source decides the required input', () => {
			expectFail(
				path,
				edit(path, { 'assets.audio_file_path': undefined }),
				'assets.audio_file_path',
			);
			expectFail(path, edit(path, { 'assets.audio_source': 'youtube' }), 'assets.youtube_url');
			expectOk(
				path,
				edit(path, {
					'assets.audio_source': 'youtube',
					'assets.youtube_url': YT,
					'assets.audio_file_path': undefined,
				}),
			);
			expectOk(
				path,
				edit(path, { 'assets.audio_source': 'none', 'assets.audio_file_path': undefined }),
			);
		});
	});

	describe('video-to-video', () => {
		const path = '/v1/video-to-video';
		it('prompt_type custom / append_default needs a prompt', () => {
			expectFail(path, edit(path, { 'style.prompt': undefined }), 'style.prompt', {
				contains: 'append_default',
			});
			expectFail(
				path,
				edit(path, { 'style.prompt_type': 'custom', 'style.prompt': null }),
				'style.prompt',
			);
			expectOk(path, edit(path, { 'style.prompt_type': 'default', 'style.prompt': undefined }));
			expectOk(path, edit(path, { 'style.prompt_type': undefined, 'style.prompt': undefined }));
		});
	});

	describe('auto-subtitle-generator', () => {
		const path = '/v1/auto-subtitle-generator';
		it('needs template or custom_config, and custom_config alone needs its four keys', () => {
			expectFail(path, edit(path, { style: {} }), 'style', {
				contains: 'template or style.custom_config',
			});
			expectFail(path, edit(path, { 'style.template': undefined }), 'style.custom_config.font');
			expectOk(
				path,
				edit(path, {
					'style.template': undefined,
					'style.custom_config': {
						font: 'Noto Sans',
						text_color: '#FFFFFF',
						vertical_position: 'bottom',
						horizontal_position: 'center',
					},
				}),
			);
			expectFail(
				path,
				edit(path, {
					'style.template': undefined,
					'style.custom_config': {
						font: 'Noto Sans',
						text_color: '#FFFFFF',
						vertical_position: 'bottom',
					},
				}),
				'style.custom_config.horizontal_position',
			);
			expectOk(path, edit(path, { 'style.custom_config': undefined }));
		});
		it('text_color is a hex color', () => {
			expectFail(
				path,
				edit(path, { 'style.custom_config.text_color': 'white' }),
				'style.custom_config.text_color',
				{ contains: 'hex' },
			);
		});
	});

	describe('character-replace', () => {
		const path = '/v1/character-replace';
		it('point selection needs points', () => {
			expectFail(path, edit(path, { 'style.points': undefined }), 'style.points', {
				contains: '"point"',
			});
			expectFail(path, edit(path, { 'style.points': [] }), 'style.points');
			expectOk(path, edit(path, { 'style.selection_mode': 'auto', 'style.points': undefined }));
		});
		it('checks resolution, points and clip length per model', () => {
			expectFail(path, edit(path, { resolution: '1080p' }), 'resolution', {
				contains: 'wan-animate',
			});
			const kling = {
				model: 'kling-3.0',
				resolution: '1080p',
				'style.selection_mode': 'auto',
				'style.points': undefined,
			};
			expectOk(
				path,
				edit(path, { ...kling, 'style.mode': 'replace', start_seconds: 0, end_seconds: 10 }),
			);
			expectFail(
				path,
				edit(path, { ...kling, 'style.mode': 'replace', start_seconds: 0, end_seconds: 12 }),
				'end_seconds',
				{ contains: '3–10s' },
			);
			expectOk(
				path,
				edit(path, { ...kling, 'style.mode': 'animate', start_seconds: 0, end_seconds: 30 }),
			);
			expectFail(path, edit(path, { ...kling, resolution: '480p' }), 'resolution');
			expectFail(
				path,
				edit(path, {
					...kling,
					'style.selection_mode': 'point',
					'style.points': VALID[path].style && (VALID[path].style as Body).points,
				}),
				'style.points',
				{
					contains: 'kling-3.0',
				},
			);
		});
	});

	describe('ai-video-translator', () => {
		const path = '/v1/ai-video-translator';
		it('limits the clip to 1–30 s and HD to paid plans (402)', () => {
			expectOk(path, edit(path, { start_seconds: 10, end_seconds: 40 }));
			expectFail(path, edit(path, { start_seconds: 10, end_seconds: 40.5 }), 'end_seconds', {
				contains: '1-30 seconds',
			});
			expectFail(path, edit(path, { start_seconds: 10, end_seconds: 10.5 }), 'end_seconds');
			expectFail(path, edit(path, { target_language: 'Klingon' }), 'target_language');
			expectFail(path, VALID[path], 'resolution', { status: 402, ctx: FREE });
			expectOk(path, edit(path, { resolution: '480p' }), FREE);
		});
	});

	describe('lip-sync', () => {
		const path = '/v1/lip-sync';
		it('standard and pro need a paid plan (402)', () => {
			expectFail(path, VALID[path], 'style.generation_mode', { status: 402, ctx: FREE });
			expectFail(path, edit(path, { 'style.generation_mode': 'pro' }), 'style.generation_mode', {
				status: 402,
				ctx: FREE,
			});
			expectOk(path, edit(path, { 'style.generation_mode': 'lite' }), FREE);
		});
	});

	describe('ai-image-generator', () => {
		const path = '/v1/ai-image-generator';
		it('allows only the per-model image counts', () => {
			expectFail(path, edit(path, { model: 'flux-2-klein', image_count: 2 }), 'image_count', {
				contains: 'allowed: 1',
			});
			expectFail(path, edit(path, { model: 'nano-banana-2', image_count: 3 }), 'image_count', {
				contains: '1, 4, 9, 16',
			});
			expectOk(path, edit(path, { model: 'nano-banana-pro', image_count: 16, resolution: '4k' }));
			expectFail(path, edit(path, { model: 'gpt-image-2', image_count: 5 }), 'image_count');
			expectOk(path, edit(path, { model: undefined, image_count: 16, resolution: undefined }));
		});
		it('allows only the per-model resolutions (auto always)', () => {
			expectFail(path, edit(path, { resolution: '4k' }), 'resolution', {
				contains: '640px, 1k, 2k',
			});
			expectFail(
				path,
				edit(path, { model: 'nano-banana-pro', image_count: 1, resolution: '640px' }),
				'resolution',
			);
			expectOk(path, edit(path, { model: 'nano-banana', resolution: 'auto' }));
		});
		it('paid models need a paid plan (402)', () => {
			expectFail(path, edit(path, { model: 'gpt-image-2' }), 'model', {
				status: 402,
				ctx: FREE,
				contains: 'creator, pro, business',
			});
			expectOk(path, edit(path, { model: 'z-image-turbo' }), FREE);
		});
	});

	describe('ai-image-editor', () => {
		const path = '/v1/ai-image-editor';
		it('needs at least one input image, at most 1 + the model’s additional images', () => {
			expectFail(path, edit(path, { 'assets.image_file_paths': [] }), 'assets.image_file_paths', {
				contains: 'at least one',
			});
			expectFail(path, edit(path, { assets: {} }), 'assets.image_file_paths');
			expectFail(
				path,
				edit(path, {
					model: 'qwen-edit',
					image_count: 1,
					resolution: '1k',
					'assets.image_file_paths': [IMG, IMG, IMG, IMG],
				}),
				'assets.image_file_paths',
				{
					contains: 'at most 3',
				},
			);
			expectOk(
				path,
				edit(path, {
					model: 'qwen-edit',
					image_count: 1,
					resolution: '1k',
					'assets.image_file_paths': [IMG, IMG, IMG],
				}),
			);
			expectOk(
				path,
				edit(path, {
					model: undefined,
					resolution: undefined,
					image_count: undefined,
					'assets.image_file_paths': Array(10).fill(IMG),
				}),
			);
		});
		it('checks per-model resolution, image count and plan', () => {
			expectFail(path, edit(path, { model: 'nano-banana', resolution: '2k' }), 'resolution', {
				contains: '640px, 1k',
			});
			expectFail(
				path,
				edit(path, { model: 'flux-2-klein', resolution: '1k', image_count: 4 }),
				'image_count',
				{ contains: 'at most 1' },
			);
			expectOk(path, edit(path, { model: 'nano-banana-pro', resolution: '4k', image_count: 16 }));
			expectFail(path, edit(path, { model: 'seedream-v4' }), 'model', { status: 402, ctx: FREE });
			expectOk(path, edit(path, { model: 'flux-2-klein', resolution: '2k', image_count: 1 }), FREE);
		});
	});

	describe('ai-image-upscaler', () => {
		const path = '/v1/ai-image-upscaler';
		it('scale_factor is 2 or 4; 4 needs a paid plan', () => {
			for (const bad of [1, 3, 2.5, 8])
				expectFail(path, edit(path, { scale_factor: bad }), 'scale_factor', { contains: '2 or 4' });
			expectOk(path, edit(path, { scale_factor: 4 }));
			expectFail(path, edit(path, { scale_factor: 4 }), 'scale_factor', { status: 402, ctx: FREE });
			expectOk(path, edit(path, { scale_factor: 2 }), FREE);
		});
	});

	describe('ai-voice-generator', () => {
		const path = '/v1/ai-voice-generator';
		it('limits the prompt to 1000 characters', () => {
			expectOk(path, edit(path, { 'style.prompt': 'x'.repeat(1000) }));
			expectFail(path, edit(path, { 'style.prompt': 'x'.repeat(1001) }), 'style.prompt', {
				contains: '1000',
			});
		});
	});

	describe('upload urls', () => {
		const path = '/v1/files/upload-urls';
		it('checks the extension against the asset type', () => {
			expectFail(path, { items: [{ type: 'audio', extension: 'mp4' }] }, 'items.0.extension', {
				contains: "'mp4' is an invalid audio extension",
			});
			expectFail(
				path,
				{
					items: [
						{ type: 'video', extension: 'mp4' },
						{ type: 'image', extension: 'mp3' },
					],
				},
				'items.1.extension',
			);
			expectOk(path, {
				items: [
					{ type: 'video', extension: 'gif' },
					{ type: 'audio', extension: 'webm' },
					{ type: 'image', extension: 'heic' },
				],
			});
			expectFail(path, { items: [{ type: 'gif', extension: 'gif' }] }, 'items.0.type');
		});
	});

	it('unknown paths are not create endpoints', () => {
		const r = validateCreateBody('/v1/video-projects', {}, CREATOR);
		expect(r).toMatchObject({ ok: false, status: 400, code: 'invalid_request' });
	});
});

describe('estimateCredits', () => {
	it('uses the fixed prices stated in the spec', () => {
		const fixed: Record<string, number> = {
			'/v1/ai-clothes-changer': 25,
			'/v1/ai-gif-generator': 50,
			'/v1/ai-headshot-generator': 50,
			'/v1/ai-meme-generator': 10,
			'/v1/ai-qr-code-generator': 0,
			'/v1/face-swap-photo': 10,
			'/v1/head-swap': 10,
			'/v1/image-background-remover': 5,
			'/v1/photo-colorizer': 10,
			'/v1/ai-face-editor': 1,
			'/v1/face-detection': 0,
			'/v1/files/upload-urls': 0,
		};
		for (const [path, credits] of Object.entries(fixed))
			expect(estimateCredits(path, VALID[path])).toBe(credits);
	});

	it('prices the upscaler by scale and mode', () => {
		const p = '/v1/ai-image-upscaler';
		const at = (scale: number, style: Body) =>
			estimateCredits(p, { scale_factor: scale, style, assets: { image_file_path: IMG } });
		expect(at(2, {})).toBe(50);
		expect(at(2, { mode: 'creative' })).toBe(50);
		expect(at(2, { mode: 'preserve' })).toBe(25);
		expect(at(2, { mode: 'pro' })).toBe(25);
		expect(at(4, { mode: 'balanced' })).toBe(200);
		expect(at(4, { mode: 'preserve' })).toBe(100);
		expect(at(4, { enhancement: 'Resemblance' })).toBe(100);
	});

	it('prices voices at 0.1 credit per character, rounded up', () => {
		expect(
			estimateCredits('/v1/ai-voice-generator', {
				style: { prompt: 'x'.repeat(11), voice_name: 'Elon Musk' },
			}),
		).toBe(2);
		expect(
			estimateCredits('/v1/ai-voice-cloner', {
				assets: { audio_file_path: AUD },
				style: { prompt: 'x'.repeat(1000) },
			}),
		).toBe(100);
		expect(
			estimateCredits('/v1/ai-voice-generator', {
				style: { prompt: 'x'.repeat(10), voice_name: 'Elon Musk' },
			}),
		).toBe(1);
	});

	it('prices image models per image', () => {
		expect(estimateCredits('/v1/ai-image-generator', VALID['/v1/ai-image-generator'])).toBe(4 * 5);
		expect(
			estimateCredits('/v1/ai-image-generator', {
				image_count: 4,
				model: 'nano-banana-pro',
				style: { prompt: 'x' },
			}),
		).toBe(600);
		expect(
			estimateCredits('/v1/ai-image-generator', {
				image_count: 1,
				model: 'seedream',
				style: { prompt: 'x' },
			}),
		).toBe(40);
		expect(estimateCredits('/v1/ai-image-editor', VALID['/v1/ai-image-editor'])).toBe(4 * 100);
		expect(
			estimateCredits('/v1/ai-image-editor', {
				style: { prompt: 'x', model: 'Seedream' },
				assets: { image_file_path: IMG },
			}),
		).toBe(40);
		expect(estimateCredits('/v1/body-swap', { resolution: '640px' })).toBe(50);
		expect(estimateCredits('/v1/body-swap', { resolution: '4k' })).toBeGreaterThan(50);
	});

	it('estimates video by frames', () => {
		expect(estimateCredits('/v1/animation', VALID['/v1/animation'])).toBe(12 * 15);
		expect(estimateCredits('/v1/lip-sync', VALID['/v1/lip-sync'])).toBe(20 * 12);
		expect(
			estimateCredits('/v1/lip-sync', edit('/v1/lip-sync', { 'style.generation_mode': 'pro' })),
		).toBe(2 * 20 * 12);
		expect(estimateCredits('/v1/face-swap', VALID['/v1/face-swap'])).toBe(10 * 30);
		expect(estimateCredits('/v1/video-to-video', VALID['/v1/video-to-video'])).toBe(5 * 15);
		expect(
			estimateCredits('/v1/video-to-video', edit('/v1/video-to-video', { fps_resolution: 'FULL' })),
		).toBe(5 * 30);
		const plain = estimateCredits('/v1/text-to-video', edit('/v1/text-to-video', { audio: false }));
		expect(plain).toBe(8 * 30);
		expect(estimateCredits('/v1/text-to-video', VALID['/v1/text-to-video'])).toBeGreaterThan(plain);
		for (const e of createEndpoints) {
			const credits = estimateCredits(e.path, VALID[e.path]);
			expect(Number.isInteger(credits)).toBe(true);
			if (e.path !== '/v1/ai-qr-code-generator') expect(credits).toBeGreaterThan(0);
		}
	});
});

describe('outputsFor', () => {
	it('gives image_count PNGs for the generator and the editor', () => {
		expect(outputsFor('/v1/ai-image-generator', VALID['/v1/ai-image-generator'])).toHaveLength(4);
		expect(
			outputsFor('/v1/ai-image-editor', {
				style: { prompt: 'x' },
				assets: { image_file_paths: [IMG] },
			}),
		).toEqual([{ ext: 'png', mime: 'image/png', kind: 'image' }]);
		expect(outputsFor('/v1/ai-image-editor', VALID['/v1/ai-image-editor'])).toHaveLength(4);
	});

	it('follows the GIF generator output_format', () => {
		expect(outputsFor('/v1/ai-gif-generator', { style: { prompt: 'x' } })).toEqual([
			{ ext: 'gif', mime: 'image/gif', kind: 'image' },
		]);
		expect(outputsFor('/v1/ai-gif-generator', VALID['/v1/ai-gif-generator'])).toEqual([
			{ ext: 'mp4', mime: 'video/mp4', kind: 'video' },
		]);
		expect(
			outputsFor('/v1/ai-gif-generator', { style: { prompt: 'x' }, output_format: 'webm' })[0].ext,
		).toBe('webm');
	});

	it('gives one file of the project kind for every other tool', () => {
		for (const e of createEndpoints) {
			const outs = outputsFor(e.path, VALID[e.path]);
			expect(outs.length).toBeGreaterThan(0);
			if (e.kind === 'video')
				expect(outs).toEqual([{ ext: 'mp4', mime: 'video/mp4', kind: 'video' }]);
			if (e.kind === 'audio')
				expect(outs).toEqual([{ ext: 'mp3', mime: 'audio/mpeg', kind: 'audio' }]);
			if (
				e.kind === 'image' &&
				!['/v1/ai-image-generator', '/v1/ai-image-editor', '/v1/ai-gif-generator'].includes(e.path)
			) {
				expect(outs).toEqual([{ ext: 'png', mime: 'image/png', kind: 'image' }]);
			}
		}
		expect(outputsFor('/v1/face-detection', VALID['/v1/face-detection'])).toEqual([]);
	});
});

describe('fileFields', () => {
	it('lists every *_file_path in assets', () => {
		expect(fileFields('/v1/ai-talking-photo', VALID['/v1/ai-talking-photo'])).toEqual([
			{ field: 'assets.image_file_path', value: IMG },
			{ field: 'assets.audio_file_path', value: AUD },
		]);
		expect(fileFields('/v1/face-detection', VALID['/v1/face-detection'])).toEqual([
			{ field: 'assets.target_file_path', value: IMG },
		]);
		expect(
			fileFields('/v1/ai-clothes-changer', VALID['/v1/ai-clothes-changer']).map((f) => f.field),
		).toEqual(['assets.person_file_path', 'assets.garment_file_path']);
	});

	it('lists image_file_paths[] elements and face_mappings[].new_face, not original_face', () => {
		expect(fileFields('/v1/ai-image-editor', VALID['/v1/ai-image-editor'])).toEqual([
			{ field: 'assets.image_file_paths.0', value: IMG },
			{ field: 'assets.image_file_paths.1', value: 'https://cdn.example.com/beach.jpg' },
		]);
		expect(fileFields('/v1/face-swap-photo', VALID['/v1/face-swap-photo'])).toEqual([
			{ field: 'assets.target_file_path', value: IMG },
			{ field: 'assets.face_mappings.0.new_face', value: 'https://cdn.example.com/new-face.png' },
		]);
		expect(
			fileFields('/v1/ai-image-editor', {
				style: { prompt: 'x' },
				assets: { image_file_path: IMG },
			}),
		).toEqual([{ field: 'assets.image_file_path', value: IMG }]);
	});

	it('ignores youtube_url, non-file fields and bodies without assets', () => {
		expect(fileFields('/v1/lip-sync', VALID['/v1/lip-sync'])).toEqual([
			{ field: 'assets.audio_file_path', value: AUD },
		]);
		expect(fileFields('/v1/text-to-video', VALID['/v1/text-to-video'])).toEqual([]);
		expect(fileFields('/v1/files/upload-urls', VALID['/v1/files/upload-urls'])).toEqual([]);
	});

	it('finds at least one file in every tool that takes assets', () => {
		for (const path of ALL_PATHS) {
			const hasAssets = spec.endpoints[path].schema.properties?.assets !== undefined;
			expect(fileFields(path, VALID[path]).length > 0).toBe(hasAssets);
		}
	});
});

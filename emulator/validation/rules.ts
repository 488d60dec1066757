/**
 * Rules that the spec states only in prose (operation and field descriptions of
 * openapi-2026-10.json). They run after the body passed its JSON schema, so types are known
 * to be right; each rule returns the first problem it finds.
 *
 * Plan restrictions ("only available on Creator, Pro, Business") answer 402
 * `plan_upgrade_required`, like the API's documented 402 codes; everything else is 422.
 */
import {
	CHARACTER_REPLACE_MODELS,
	DEFAULT_CHARACTER_REPLACE_MODEL,
	defaultVideoEditorModel,
	editorMaxImageCount,
	IMAGE_EDITOR_LEGACY_STYLE_MODELS,
	IMAGE_EDITOR_MODELS,
	IMAGE_GENERATOR_ALIASES,
	IMAGE_GENERATOR_MODELS,
	isPaid,
	resolveVideoGenModel,
	TALKING_PHOTO_MAX_SECONDS,
	UPLOAD_EXTENSIONS,
	VIDEO_EDITOR_MODELS,
	type ImageModel,
} from './models';
import { listValues } from './schema-to-zod';

export interface RuleFailure {
	field: string;
	message: string;
	status?: 402 | 422;
	code?: string;
}

export interface RuleContext {
	tier: string;
}

type Body = Record<string, unknown>;
type Rule = (body: Body, ctx: RuleContext) => RuleFailure | undefined;

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

export function get(body: unknown, path: string): unknown {
	let node: unknown = body;
	for (const part of path.split('.')) {
		if (typeof node !== 'object' || node === null) return undefined;
		node = (node as Record<string, unknown>)[part];
	}
	return node;
}

const fail = (field: string, message: string): RuleFailure => ({ field, message });
const planFail = (field: string, message: string): RuleFailure => ({
	field,
	message,
	status: 402,
	code: 'plan_upgrade_required',
});

function isBlank(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** First failure among several checks. */
function first(...checks: Array<() => RuleFailure | undefined>): RuleFailure | undefined {
	for (const check of checks) {
		const r = check();
		if (r) return r;
	}
	return undefined;
}

/** A `resolution` the image model does not make (`auto` leaves the choice to the server). */
function resolutionCheck(
	body: Record<string, unknown>,
	model: string,
	resolutions: readonly string[],
): RuleFailure | undefined {
	const { resolution } = body;
	if (typeof resolution !== 'string' || resolution === 'auto' || resolutions.includes(resolution)) {
		return undefined;
	}
	return fail(
		'resolution',
		`"${resolution}" is not supported by model "${model}"; allowed: ${resolutions.join(', ')}`,
	);
}

/** `end_seconds` must be greater than `start_seconds` (start defaults to 0 where optional). */
function endAfterStart(body: Body): RuleFailure | undefined {
	const start = typeof body.start_seconds === 'number' ? body.start_seconds : 0;
	const end = body.end_seconds;
	if (typeof end === 'number' && end <= start) {
		return fail('end_seconds', `must be greater than start_seconds (${start}), got ${end}`);
	}
	return undefined;
}

function clipLength(body: Body): number {
	const start = typeof body.start_seconds === 'number' ? body.start_seconds : 0;
	return (body.end_seconds as number) - start;
}

/** `video_source` file → video_file_path, youtube → youtube_url (face-swap, lip-sync, video-to-video). */
function videoSource(body: Body): RuleFailure | undefined {
	const source = get(body, 'assets.video_source');
	if (source === 'file' && isBlank(get(body, 'assets.video_file_path'))) {
		return fail('assets.video_file_path', 'is required when assets.video_source is "file"');
	}
	if (source === 'youtube' && isBlank(get(body, 'assets.youtube_url'))) {
		return fail('assets.youtube_url', 'is required when assets.video_source is "youtube"');
	}
	return undefined;
}

/** face_swap_mode all-faces → a source face file; individual-faces → 1–5 face_mappings. */
function faceSwapMode(sourceField: 'image_file_path' | 'source_file_path'): Rule {
	return (body) => {
		const mode = get(body, 'assets.face_swap_mode') ?? 'all-faces';
		if (mode === 'all-faces' && isBlank(get(body, `assets.${sourceField}`))) {
			return fail(
				`assets.${sourceField}`,
				'is required when assets.face_swap_mode is "all-faces" (the default)',
			);
		}
		if (mode === 'individual-faces') {
			const mappings = get(body, 'assets.face_mappings');
			if (!Array.isArray(mappings) || mappings.length === 0) {
				return fail(
					'assets.face_mappings',
					'is required (1 to 5 mappings) when assets.face_swap_mode is "individual-faces"',
				);
			}
			for (let i = 0; i < mappings.length; i++) {
				for (const key of ['original_face', 'new_face']) {
					if (isBlank((mappings[i] as Record<string, unknown>)[key])) {
						return fail(`assets.face_mappings.${i}.${key}`, 'must not be empty');
					}
				}
			}
		}
		return undefined;
	};
}

function tierCheck(
	field: string,
	label: string,
	model: ImageModel,
	tier: string,
): RuleFailure | undefined {
	const available = isPaid(tier)
		? model.tiers.some((t) => t !== 'free')
		: model.tiers.includes('free');
	if (!available) {
		return planFail(
			field,
			`${label} is not available on the ${tier} plan (available on: ${model.tiers.join(', ')})`,
		);
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// image-to-video / text-to-video
// ---------------------------------------------------------------------------------------------

function videoGeneration(kind: 'image' | 'text'): Rule {
	return (body, ctx) => {
		const { name, rule, impliesAudio } = resolveVideoGenModel(body.model, ctx.tier);
		if (!rule) return undefined; // legacy model value without documented limits
		const modelLabel =
			body.model === undefined || body.model === 'default'
				? `model "${name}" (the default on the ${ctx.tier} plan)`
				: `model "${name}"`;
		const end = body.end_seconds as number;
		return first(
			() =>
				rule.durations.includes(end)
					? undefined
					: fail(
							'end_seconds',
							`${end} is not supported by ${modelLabel}; allowed: ${rule.durations.join(', ')}`,
						),
			() =>
				typeof body.resolution === 'string' && !rule.resolutions.includes(body.resolution)
					? fail(
							'resolution',
							`"${body.resolution}" is not supported by ${modelLabel}; allowed: ${rule.resolutions.join(', ')}`,
						)
					: undefined,
			() =>
				(body.audio === true || impliesAudio) && !rule.audio
					? fail('audio', `audio is not supported by ${modelLabel}`)
					: undefined,
			() => {
				if (kind !== 'text') return undefined;
				const ORIENTATION_RATIO: Record<string, string> = {
					landscape: '16:9',
					portrait: '9:16',
					square: '1:1',
				};
				const field = body.aspect_ratio !== undefined ? 'aspect_ratio' : 'orientation';
				const ratio =
					typeof body.aspect_ratio === 'string'
						? body.aspect_ratio
						: typeof body.orientation === 'string'
							? ORIENTATION_RATIO[body.orientation]
							: undefined;
				if (ratio !== undefined && !rule.aspectRatios.includes(ratio)) {
					return fail(
						field,
						`aspect ratio ${ratio} is not supported by ${modelLabel}; allowed: ${rule.aspectRatios.join(', ')}`,
					);
				}
				return undefined;
			},
			() =>
				kind === 'text' && Array.isArray(body.references) && !rule.references
					? fail('references', `references are not supported by ${modelLabel}`)
					: undefined,
			() => {
				if (kind !== 'image' || isBlank(get(body, 'assets.end_image_file_path'))) return undefined;
				const field = 'assets.end_image_file_path';
				if (!rule.endImageResolutions)
					return fail(field, `an end image is not supported by ${modelLabel}`);
				if (rule.endImageMaxSeconds !== undefined && end > rule.endImageMaxSeconds) {
					return fail(
						field,
						`an end image with ${modelLabel} requires end_seconds <= ${rule.endImageMaxSeconds}, got ${end}`,
					);
				}
				if (
					typeof body.resolution === 'string' &&
					!rule.endImageResolutions.includes(body.resolution)
				) {
					return fail(
						field,
						`an end image with ${modelLabel} supports resolution ${rule.endImageResolutions.join(', ')} only, got "${body.resolution}"`,
					);
				}
				return undefined;
			},
		);
	};
}

// ---------------------------------------------------------------------------------------------
// per-endpoint rules
// ---------------------------------------------------------------------------------------------

const RULES: Readonly<Record<string, ReadonlyArray<Rule>>> = {
	'/v1/ai-talking-photo': [
		endAfterStart,
		(body) => {
			const mode = (get(body, 'style.generation_mode') as string | undefined) ?? 'realistic';
			const max = TALKING_PHOTO_MAX_SECONDS[mode];
			const length = clipLength(body);
			if (max !== undefined && length > max) {
				return fail(
					'end_seconds',
					`clip length ${length}s exceeds the ${max}s maximum of generation_mode "${mode}"`,
				);
			}
			return undefined;
		},
	],

	'/v1/ai-video-editor': [
		endAfterStart,
		(body, ctx) => {
			const name = typeof body.model === 'string' ? body.model : defaultVideoEditorModel(ctx.tier);
			const rule = VIDEO_EDITOR_MODELS[name];
			if (!rule) return undefined;
			const label =
				body.model === undefined
					? `model "${name}" (the default on the ${ctx.tier} plan)`
					: `model "${name}"`;
			const length = clipLength(body);
			if (length < rule.minSeconds || length > rule.maxSeconds) {
				return fail(
					'end_seconds',
					`clip length ${length}s is outside ${rule.minSeconds}–${rule.maxSeconds}s allowed by ${label}`,
				);
			}
			if (typeof body.resolution === 'string' && !rule.resolutions.includes(body.resolution)) {
				return fail(
					'resolution',
					`"${body.resolution}" is not supported by ${label}; allowed: ${rule.resolutions.join(', ')}`,
				);
			}
			return undefined;
		},
	],

	'/v1/ai-video-translator': [
		endAfterStart,
		(body, ctx) => {
			const length = clipLength(body);
			if (length < 1 || length > 30)
				return fail('end_seconds', `the clip must be 1-30 seconds long, got ${length}s`);
			if ((body.resolution === '720p' || body.resolution === '1080p') && !isPaid(ctx.tier)) {
				return planFail('resolution', `"${body.resolution}" requires a paid plan`);
			}
			return undefined;
		},
	],

	'/v1/animation': [
		(body) => {
			const style = body.style as Body;
			const assets = body.assets as Body;
			return first(
				() =>
					style.art_style === 'Custom' && isBlank(style.art_style_custom)
						? fail('style.art_style_custom', 'is required when style.art_style is "Custom"')
						: undefined,
				() =>
					style.prompt_type === 'custom' && isBlank(style.prompt)
						? fail('style.prompt', 'is required when style.prompt_type is "custom"')
						: undefined,
				() =>
					(style.prompt_type === 'use_lyrics' || style.prompt_type === 'ai_choose') &&
					assets.audio_source === 'none'
						? fail(
								'assets.audio_source',
								`must be "file" or "youtube" when style.prompt_type is "${style.prompt_type}"`,
							)
						: undefined,
				() =>
					assets.audio_source === 'file' && isBlank(assets.audio_file_path)
						? fail('assets.audio_file_path', 'is required when assets.audio_source is "file"')
						: undefined,
				() =>
					assets.audio_source === 'youtube' && isBlank(assets.youtube_url)
						? fail('assets.youtube_url', 'is required when assets.audio_source is "youtube"')
						: undefined,
			);
		},
	],

	'/v1/audio-to-video': [endAfterStart],

	'/v1/auto-subtitle-generator': [
		endAfterStart,
		(body) => {
			const style = body.style as Body;
			const config = style.custom_config as Body | undefined;
			if (style.template === undefined && config === undefined) {
				return fail('style', 'needs style.template or style.custom_config (at least one)');
			}
			if (style.template === undefined && config) {
				for (const key of ['font', 'text_color', 'vertical_position', 'horizontal_position']) {
					if (isBlank(config[key])) {
						return fail(
							`style.custom_config.${key}`,
							'is required when style.custom_config is used without style.template',
						);
					}
				}
			}
			if (
				config &&
				typeof config.text_color === 'string' &&
				!/^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(config.text_color)
			) {
				return fail(
					'style.custom_config.text_color',
					`must be a hex color such as #FFFFFF, got "${config.text_color}"`,
				);
			}
			return undefined;
		},
	],

	'/v1/character-replace': [
		endAfterStart,
		(body) => {
			if (get(body, 'style.selection_mode') === 'point') {
				const points = get(body, 'style.points');
				if (!Array.isArray(points) || points.length === 0) {
					return fail(
						'style.points',
						'is required (at least one point) when style.selection_mode is "point"',
					);
				}
			}
			return undefined;
		},
		(body) => {
			const name = typeof body.model === 'string' ? body.model : DEFAULT_CHARACTER_REPLACE_MODEL;
			const model = CHARACTER_REPLACE_MODELS[name];
			if (!model) return undefined;
			const mode = get(body, 'style.mode');
			const limits = typeof mode === 'string' ? model.clipSeconds?.[mode] : undefined;
			const length = clipLength(body);
			return first(
				() =>
					typeof body.resolution === 'string' && !model.resolutions.includes(body.resolution)
						? fail(
								'resolution',
								`"${body.resolution}" is not supported by model "${name}"; allowed: ${model.resolutions.join(', ')}`,
							)
						: undefined,
				() =>
					!model.points && get(body, 'style.points') !== undefined
						? fail(
								'style.points',
								`points are not supported by model "${name}" (it picks the main person itself)`,
							)
						: undefined,
				() =>
					limits && (length < limits.min || length > limits.max)
						? fail(
								'end_seconds',
								`clip length ${length}s is outside ${limits.min}–${limits.max}s allowed by model "${name}" in ${String(mode)} mode`,
							)
						: undefined,
			);
		},
	],

	'/v1/face-swap': [endAfterStart, videoSource, faceSwapMode('image_file_path')],

	'/v1/image-to-video': [videoGeneration('image')],

	'/v1/lip-sync': [
		endAfterStart,
		videoSource,
		(body, ctx) => {
			const mode = get(body, 'style.generation_mode');
			if ((mode === 'standard' || mode === 'pro') && !isPaid(ctx.tier)) {
				return planFail(
					'style.generation_mode',
					`"${mode}" is only available on the creator, pro and business plans`,
				);
			}
			return undefined;
		},
	],

	'/v1/text-to-video': [videoGeneration('text')],

	'/v1/video-to-video': [
		endAfterStart,
		videoSource,
		(body) => {
			const type = get(body, 'style.prompt_type');
			if ((type === 'custom' || type === 'append_default') && isBlank(get(body, 'style.prompt'))) {
				return fail('style.prompt', `is required when style.prompt_type is "${type}"`);
			}
			return undefined;
		},
	],

	'/v1/ai-image-editor': [
		(body, ctx) => {
			const legacy = get(body, 'style.model');
			const modelField = body.model !== undefined ? 'model' : 'style.model';
			const name =
				typeof body.model === 'string'
					? body.model
					: typeof legacy === 'string'
						? IMAGE_EDITOR_LEGACY_STYLE_MODELS[legacy]
						: 'default';
			const paths = get(body, 'assets.image_file_paths');
			const single = get(body, 'assets.image_file_path');
			const inputCount = (Array.isArray(paths) ? paths.length : 0) + (isBlank(single) ? 0 : 1);
			if (inputCount === 0) {
				return fail('assets.image_file_paths', 'needs at least one input image');
			}
			const model = IMAGE_EDITOR_MODELS[name];
			if (!model) return undefined; // default: the server picks a model
			const count = typeof body.image_count === 'number' ? body.image_count : 1;
			const maxCount = editorMaxImageCount(name);
			return first(
				() => tierCheck(modelField, `model "${name}"`, model, ctx.tier),
				() => resolutionCheck(body, name, model.resolutions),
				() =>
					inputCount > model.maxAdditionalImages + 1
						? fail(
								'assets.image_file_paths',
								`model "${name}" accepts at most ${model.maxAdditionalImages + 1} input images (1 + ${model.maxAdditionalImages} additional), got ${inputCount}`,
							)
						: undefined,
				() =>
					maxCount !== undefined && count > maxCount
						? fail(
								'image_count',
								`model "${name}" generates at most ${maxCount} image${maxCount === 1 ? '' : 's'} per request, got ${count}`,
							)
						: undefined,
			);
		},
	],

	'/v1/ai-image-generator': [
		(body, ctx) => {
			const requested = typeof body.model === 'string' ? body.model : 'default';
			const name = IMAGE_GENERATOR_ALIASES[requested] ?? requested;
			const model = IMAGE_GENERATOR_MODELS[name];
			if (!model) return undefined; // default: the server picks a model
			const count = body.image_count as number;
			return first(
				() => tierCheck('model', `model "${name}"`, model, ctx.tier),
				() => resolutionCheck(body, name, model.resolutions),
				() =>
					model.imageCounts.includes(count)
						? undefined
						: fail(
								'image_count',
								`${count} is not allowed for model "${name}"; allowed: ${model.imageCounts.join(', ')}`,
							),
			);
		},
	],

	'/v1/ai-image-upscaler': [
		(body, ctx) => {
			const scale = body.scale_factor;
			if (scale !== 2 && scale !== 4)
				return fail('scale_factor', `must be 2 or 4, got ${String(scale)}`);
			if (scale === 4 && !isPaid(ctx.tier)) {
				return planFail(
					'scale_factor',
					'4x upscaling is only available on the creator, pro and business plans',
				);
			}
			return undefined;
		},
	],

	'/v1/face-swap-photo': [faceSwapMode('source_file_path')],

	'/v1/ai-voice-generator': [
		(body) => {
			const prompt = get(body, 'style.prompt') as string;
			const length = [...prompt].length;
			return length > 1000
				? fail('style.prompt', `must be at most 1000 characters long, got ${length}`)
				: undefined;
		},
	],

	'/v1/files/upload-urls': [
		(body) => {
			const items = body.items as Body[];
			for (let i = 0; i < items.length; i++) {
				const type = items[i].type as string;
				const ext = items[i].extension as string;
				const allowed = UPLOAD_EXTENSIONS[type] ?? [];
				if (!allowed.includes(ext)) {
					return fail(
						`items.${i}.extension`,
						`'${ext}' is an invalid ${type} extension; possible extensions: ${listValues(allowed)}`,
					);
				}
			}
			return undefined;
		},
	],
};

export function runRules(path: string, body: Body, ctx: RuleContext): RuleFailure | undefined {
	for (const rule of RULES[path] ?? []) {
		const r = rule(body, ctx);
		if (r) return r;
	}
	return undefined;
}

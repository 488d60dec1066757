/**
 * Per-model tables that the spec states only in prose (field and operation descriptions of
 * openapi-2026-10.json). Kept as data so the rules in rules.ts and the prices in credits.ts stay
 * short. When the spec changes, update these tables together with spec.json.
 */

export type Tier = 'free' | 'creator' | 'pro' | 'business';
export const PAID_TIERS: ReadonlyArray<Tier> = ['creator', 'pro', 'business'];
export const ALL_TIERS: ReadonlyArray<Tier> = ['free', 'creator', 'pro', 'business'];

export function isPaid(tier: string): boolean {
	return tier !== 'free';
}

const range = (from: number, to: number, step = 1): number[] => {
	const out: number[] = [];
	for (let v = from; v <= to; v += step) out.push(v);
	return out;
};

// ---------------------------------------------------------------------------------------------
// image-to-video and text-to-video (identical model prose on both operations)
// ---------------------------------------------------------------------------------------------

export interface VideoGenModel {
	/** allowed `end_seconds` values (the output duration) */
	durations: number[];
	resolutions: string[];
	/** false: `audio: true` is rejected */
	audio: boolean;
	/** true: audio adds credits (kling-3.0, seedance-1.5, veo3.1, veo3.1-lite) */
	audioCostsExtra: boolean;
	/** text-to-video `aspect_ratio` support */
	aspectRatios: string[];
	/** image-to-video `assets.end_image_file_path`: resolutions allowed with an end image, or null = unsupported */
	endImageResolutions: string[] | null;
	/** end image only with end_seconds ≤ this (veo3.1, veo3.1-lite: 8 s) */
	endImageMaxSeconds?: number;
	/** text-to-video `references[]`: supported or not */
	references: boolean;
}

const ALL_RATIOS = ['16:9', '9:16', '1:1'];
const WIDE_TALL = ['16:9', '9:16'];
const R_480_1080 = ['480p', '720p', '1080p'];
const R_480_720 = ['480p', '720p'];
const R_720_1080 = ['720p', '1080p'];
const R_480_4K = ['480p', '720p', '1080p', '4k'];
const VEO_DURATIONS = [4, 6, 8, 16, 24, 32, 40, 48, 56];

const VIDEO_GEN_TABLE: Readonly<Record<string, Omit<VideoGenModel, 'references'>>> = {
	'gemini-omni-1.1': {
		durations: range(3, 10),
		resolutions: ['360p', '720p', '1080p', '4k'],
		audio: false,
		audioCostsExtra: false,
		aspectRatios: WIDE_TALL,
		endImageResolutions: ['360p', '720p', '1080p', '4k'],
	},
	'kling-2.6': {
		durations: [5, 10],
		resolutions: R_720_1080,
		audio: false,
		audioCostsExtra: false,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: ['1080p'],
	},
	'kling-3.0': {
		durations: range(3, 15),
		resolutions: ['720p', '1080p', '4k'],
		audio: true,
		audioCostsExtra: true,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: ['720p', '1080p', '4k'],
	},

	'ltx-2.5': {
		durations: range(1, 60),
		resolutions: R_480_1080,
		audio: true,
		audioCostsExtra: false,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R_480_1080,
	},
	'minimax-h3': {
		durations: range(1, 30),
		resolutions: R_480_1080,
		audio: true,
		audioCostsExtra: false,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: null,
	},
	'seedance-1.5': {
		durations: range(4, 12),
		resolutions: R_480_1080,
		audio: true,
		audioCostsExtra: true,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R_480_1080,
	},
	'seedance-2.0': {
		durations: range(4, 15),
		resolutions: R_480_4K,
		audio: true,
		audioCostsExtra: false,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R_480_4K,
	},
	'seedance-2.0-mini': {
		durations: range(4, 15),
		resolutions: R_480_720,
		audio: true,
		audioCostsExtra: false,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R_480_720,
	},
	'seedance-2.5': {
		durations: range(4, 30),
		resolutions: R_480_1080,
		audio: true,
		audioCostsExtra: false,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R_480_1080,
	},

	'veo3.1': {
		durations: VEO_DURATIONS,
		resolutions: R_720_1080,
		audio: true,
		audioCostsExtra: true,
		aspectRatios: WIDE_TALL,
		endImageResolutions: R_720_1080,
		endImageMaxSeconds: 8,
	},
	'veo3.1-lite': {
		durations: VEO_DURATIONS,
		resolutions: R_720_1080,
		audio: true,
		audioCostsExtra: true,
		aspectRatios: WIDE_TALL,
		endImageResolutions: R_720_1080,
		endImageMaxSeconds: 8,
	},
	'wan-2.2': {
		durations: [...range(3, 10), 15],
		resolutions: R_480_1080,
		audio: false,
		audioCostsExtra: false,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: null,
	},
	'wan-3.0': {
		durations: [...range(2, 10), 15, 20, 25, 30],
		resolutions: R_480_1080,
		audio: true,
		audioCostsExtra: false,
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R_480_1080,
	},
};

/** Models the `references` description lists (kling-3.0: images and videos; the others also audio). */
const REFERENCE_MODELS = [
	'kling-3.0',
	'minimax-h3',
	'seedance-2.0',
	'seedance-2.0-mini',
	'seedance-2.5',
	'wan-3.0',
];

export const VIDEO_GEN_MODELS: Readonly<Record<string, VideoGenModel>> = Object.fromEntries(
	Object.entries(VIDEO_GEN_TABLE).map(([name, rule]) => [
		name,
		{ ...rule, references: REFERENCE_MODELS.includes(name) },
	]),
);

/** Deprecated `-audio` model values: "the same as `audio: true`" on the base model. */
export const VIDEO_GEN_AUDIO_ALIASES: Readonly<Record<string, string>> = {
	'veo3.1-audio': 'veo3.1',
	'kling-2.5-audio': 'kling-2.5',
};

/** `model: default` (or omitted): paid tiers get kling-3.0, free tiers ltx-2.5. */
export function defaultVideoGenModel(tier: string): string {
	return isPaid(tier) ? 'kling-3.0' : 'ltx-2.5';
}

/**
 * The documented model a request runs on, or undefined for legacy enum values the spec no longer
 * documents (ltx-2, ltx-2.3, kling-2.5, kling-1.6, seedance, sora-2): those get the schema bounds only.
 */
export function resolveVideoGenModel(
	model: unknown,
	tier: string,
): { name: string; rule?: VideoGenModel; impliesAudio: boolean } {
	const raw = typeof model === 'string' && model !== 'default' ? model : defaultVideoGenModel(tier);
	const alias = VIDEO_GEN_AUDIO_ALIASES[raw];
	const name = alias ?? raw;
	return { name, rule: VIDEO_GEN_MODELS[name], impliesAudio: alias !== undefined };
}

// ---------------------------------------------------------------------------------------------
// ai-video-editor
// ---------------------------------------------------------------------------------------------

export interface VideoEditorModel {
	minSeconds: number;
	maxSeconds: number;
	resolutions: string[];
}

export const VIDEO_EDITOR_MODELS: Readonly<Record<string, VideoEditorModel>> = {
	'gemini-omni-1.1': { minSeconds: 3, maxSeconds: 10, resolutions: R_720_1080 },
	'gemini-omni': { minSeconds: 3, maxSeconds: 10, resolutions: R_720_1080 }, // deprecated alias of gemini-omni-1.1
	'ltx-2.5': { minSeconds: 0.5, maxSeconds: 20, resolutions: R_480_1080 },
	// ltx-2.3: still in the enum, no longer described: schema bounds only
};

export function defaultVideoEditorModel(tier: string): string {
	return isPaid(tier) ? 'gemini-omni-1.1' : 'ltx-2.5';
}

// ---------------------------------------------------------------------------------------------
// character-replace
// ---------------------------------------------------------------------------------------------

export interface CharacterReplaceModel {
	resolutions: string[];
	/** false: `style.points` (point selection) is rejected */
	points: boolean;
	/** clip length limits by `style.mode`, when stated */
	clipSeconds?: Readonly<Record<string, { min: number; max: number }>>;
}

export const CHARACTER_REPLACE_MODELS: Readonly<Record<string, CharacterReplaceModel>> = {
	'wan-animate': { resolutions: R_480_720, points: true },
	'kling-3.0': {
		resolutions: R_720_1080,
		points: false,
		clipSeconds: { replace: { min: 3, max: 10 }, animate: { min: 3, max: 30 } },
	},
};
export const DEFAULT_CHARACTER_REPLACE_MODEL = 'wan-animate';

// ---------------------------------------------------------------------------------------------
// ai-image-generator and ai-image-editor
// ---------------------------------------------------------------------------------------------

export interface ImageModel {
	/** "from N credits/image" */
	creditsPerImage: number;
	resolutions: string[];
	tiers: ReadonlyArray<Tier>;
}

export interface GeneratorModel extends ImageModel {
	imageCounts: number[];
}

export interface EditorModel extends ImageModel {
	/** "Max additional input images": total inputs may be this + 1 */
	maxAdditionalImages: number;
}

const IMG_ALL = ['640px', '1k', '2k', '4k'];
const IMG_TO_2K = ['640px', '1k', '2k'];
const IMG_TO_1K = ['640px', '1k'];
const IMG_FROM_1K = ['1k', '2k', '4k'];
const COUNT_4 = [1, 2, 3, 4];
const COUNT_SQUARES = [1, 4, 9, 16];

export const IMAGE_GENERATOR_MODELS: Readonly<Record<string, GeneratorModel>> = {
	'flux-2-klein': {
		creditsPerImage: 5,
		resolutions: IMG_TO_2K,
		tiers: ALL_TIERS,
		imageCounts: [1],
	},
	'flux-schnell': {
		creditsPerImage: 5,
		resolutions: IMG_TO_2K,
		tiers: ALL_TIERS,
		imageCounts: COUNT_4,
	},
	'gpt-image-2': {
		creditsPerImage: 50,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		imageCounts: COUNT_4,
	},
	'gpt-image-2.5-flare': {
		creditsPerImage: 100,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		imageCounts: COUNT_4,
	},
	'krea-2': { creditsPerImage: 10, resolutions: IMG_TO_1K, tiers: ALL_TIERS, imageCounts: [1] },
	'nano-banana': {
		creditsPerImage: 50,
		resolutions: IMG_TO_1K,
		tiers: PAID_TIERS,
		imageCounts: COUNT_4,
	},
	'nano-banana-2': {
		creditsPerImage: 100,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		imageCounts: COUNT_SQUARES,
	},
	'nano-banana-2-lite': {
		creditsPerImage: 50,
		resolutions: IMG_TO_1K,
		tiers: PAID_TIERS,
		imageCounts: COUNT_4,
	},
	'nano-banana-2.1': {
		creditsPerImage: 50,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		imageCounts: COUNT_SQUARES,
	},
	'nano-banana-pro': {
		creditsPerImage: 150,
		resolutions: IMG_FROM_1K,
		tiers: PAID_TIERS,
		imageCounts: COUNT_SQUARES,
	},
	'qwen-image-2.1': {
		creditsPerImage: 10,
		resolutions: IMG_TO_2K,
		tiers: ALL_TIERS,
		imageCounts: COUNT_4,
	},
	'seedream-v4': {
		creditsPerImage: 40,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		imageCounts: COUNT_4,
	},
	'seedream-v5-pro': {
		creditsPerImage: 75,
		resolutions: IMG_TO_2K,
		tiers: PAID_TIERS,
		imageCounts: COUNT_4,
	},
	'z-image-turbo': {
		creditsPerImage: 5,
		resolutions: IMG_TO_2K,
		tiers: ALL_TIERS,
		imageCounts: COUNT_4,
	},
};

/** Deprecated generator model values. */
export const IMAGE_GENERATOR_ALIASES: Readonly<Record<string, string>> = {
	seedream: 'seedream-v4',
};

export const IMAGE_EDITOR_MODELS: Readonly<Record<string, EditorModel>> = {
	'flux-2-klein': {
		creditsPerImage: 5,
		resolutions: IMG_TO_2K,
		tiers: ALL_TIERS,
		maxAdditionalImages: 5,
	},
	'gpt-image-2': {
		creditsPerImage: 50,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'gpt-image-2.5-flare': {
		creditsPerImage: 100,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'krea-2': {
		creditsPerImage: 10,
		resolutions: IMG_TO_1K,
		tiers: ALL_TIERS,
		maxAdditionalImages: 1,
	},
	'nano-banana': {
		creditsPerImage: 50,
		resolutions: IMG_TO_1K,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'nano-banana-2': {
		creditsPerImage: 100,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'nano-banana-2-lite': {
		creditsPerImage: 50,
		resolutions: IMG_TO_1K,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'nano-banana-2.1': {
		creditsPerImage: 50,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'nano-banana-pro': {
		creditsPerImage: 150,
		resolutions: IMG_FROM_1K,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'qwen-edit': {
		creditsPerImage: 10,
		resolutions: IMG_TO_2K,
		tiers: ALL_TIERS,
		maxAdditionalImages: 2,
	},
	'qwen-image-2.1': {
		creditsPerImage: 10,
		resolutions: IMG_TO_2K,
		tiers: ALL_TIERS,
		maxAdditionalImages: 2,
	},
	'seedream-v4': {
		creditsPerImage: 40,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'seedream-v4.5': {
		creditsPerImage: 50,
		resolutions: IMG_ALL,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
	'seedream-v5-pro': {
		creditsPerImage: 75,
		resolutions: IMG_TO_2K,
		tiers: PAID_TIERS,
		maxAdditionalImages: 9,
	},
};

/** ai-image-editor's deprecated `style.model` values (SDK 0.43.1) → current model names. */
export const IMAGE_EDITOR_LEGACY_STYLE_MODELS: Readonly<Record<string, string>> = {
	'Nano Banana': 'nano-banana',
	Seedream: 'seedream-v4',
	default: 'default',
};

/**
 * ai-image-editor: the spec says only "maximum varies by model" for image_count (enum 1|4|9|16).
 * Inferred from the generator's per-model counts for the same models (an assumption, not stated
 * for the editor): flux-2-klein 1; nano-banana-2 / nano-banana-pro up to 16; the others up to 4.
 * Editor-only models (qwen-edit, seedream-v4.5) are not restricted beyond the enum; krea-2 makes 1.
 */
export function editorMaxImageCount(model: string): number | undefined {
	const gen = IMAGE_GENERATOR_MODELS[model];
	return gen ? Math.max(...gen.imageCounts) : undefined;
}

// ---------------------------------------------------------------------------------------------
// other tools
// ---------------------------------------------------------------------------------------------

/** ai-talking-photo: maximum clip length (end − start) per generation mode (deprecated aliases mapped). */
export const TALKING_PHOTO_MAX_SECONDS: Readonly<Record<string, number>> = {
	realistic: 300,
	pro: 300,
	stable: 300,
	prompted: 45,
	standard: 45,
	expressive: 45,
};

/** POST /v1/files/upload-urls: valid extensions per asset type (operation description). */
export const UPLOAD_EXTENSIONS: Readonly<Record<string, string[]>> = {
	video: ['mp4', 'm4v', 'mov', 'webm', 'gif'], // gif: "only supported for face swap video_file_path"; the type enum has no `gif`, so it rides on `video`
	audio: ['mp3', 'wav', 'aac', 'flac', 'webm', 'weba', 'm4a', 'opus', 'ogg', 'oga', 'aiff', 'amr'],
	image: [
		'png',
		'jpg',
		'jpeg',
		'jfif',
		'heic',
		'heif',
		'webp',
		'avif',
		'jp2',
		'tiff',
		'tif',
		'bmp',
	],
};

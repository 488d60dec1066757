/**
 * Models of text-to-video and image-to-video, with the per-model limits the API reference states
 * in prose (identical on both endpoints): durations, resolutions, audio, aspect ratios (text) and
 * end image (image). Shared by textToVideo.ts and imageToVideo.ts.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { isOneOf } from '../schemaHelpers';
import { VIDEO_GENERATION_MODELS } from '../generated/specLists';
import type { ToolField } from '../types';

/** Every `model` value of the spec, in its order (generated). */
export const VIDEO_MODELS = VIDEO_GENERATION_MODELS;
export type VideoModel = (typeof VIDEO_MODELS)[number];

export const VIDEO_RESOLUTIONS = ['360p', '480p', '720p', '1080p', '4k'] as const;
export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;

/**
 * The spec marks the `-audio` model values deprecated ("the same as `audio: true`" on the base
 * model): accepted by the schema, left out of the model list.
 */
const AUDIO_ALIASES: Partial<Record<VideoModel, VideoModel>> = {
	'kling-2.5-audio': 'kling-2.5',
	'veo3.1-audio': 'veo3.1',
};

/** Still in the enum but no longer described by the spec (not marked deprecated): no limits known. */
const UNDOCUMENTED: readonly VideoModel[] = [
	'kling-1.6',
	'kling-2.5',
	'ltx-2',
	'ltx-2.3',
	'seedance',
	'sora-2',
];

export interface VideoModelRule {
	label: string;
	durations: number[];
	resolutions: string[];
	/** none: no audio; included: audio at no extra cost; extra: audio costs extra credits */
	audio: 'none' | 'included' | 'extra';
	aspectRatios: string[];
	/** Resolutions allowed with an end image (image-to-video), or null when the model takes none. */
	endImageResolutions: string[] | null;
	/** An end image needs a duration of at most this many seconds. */
	endImageMaxSeconds?: number;
	/** Text-to-video takes named reference files (`references[]`). */
	references: boolean;
}

const range = (from: number, to: number, step = 1): number[] => {
	const values: number[] = [];
	for (let value = from; value <= to; value += step) values.push(value);
	return values;
};

const ALL_RATIOS = ['16:9', '9:16', '1:1'];
const WIDE_OR_TALL = ['16:9', '9:16'];
const R480_1080 = ['480p', '720p', '1080p'];
const R480_720 = ['480p', '720p'];
const R720_1080 = ['720p', '1080p'];
const R480_4K = ['480p', '720p', '1080p', '4k'];

/** Veo 3.1 and Veo 3.1 Lite share their limits. */
const VEO_LIMITS: Omit<VideoModelRule, 'label'> = {
	durations: [4, 6, 8, 16, 24, 32, 40, 48, 56],
	resolutions: R720_1080,
	audio: 'extra',
	aspectRatios: WIDE_OR_TALL,
	endImageResolutions: R720_1080,
	endImageMaxSeconds: 8,
	references: false,
};

/** Seedance 2.0 and Seedance 2.0 Mini share their limits. */
const SEEDANCE_2_LIMITS: Omit<VideoModelRule, 'label'> = {
	durations: range(4, 15),
	resolutions: R480_720,
	audio: 'included',
	aspectRatios: ALL_RATIOS,
	endImageResolutions: R480_720,
	references: true,
};

/** Limits stated in the API reference for each documented model. */
export const VIDEO_MODEL_RULES: Partial<Record<VideoModel, VideoModelRule>> = {
	'gemini-omni-1.1': {
		label: 'Gemini Omni 1.1',
		durations: range(3, 10),
		resolutions: ['360p', '720p', '1080p', '4k'],
		audio: 'none',
		aspectRatios: WIDE_OR_TALL,
		endImageResolutions: ['360p', '720p', '1080p', '4k'],
		references: false,
	},
	'kling-2.6': {
		label: 'Kling 2.6',
		durations: [5, 10],
		resolutions: R720_1080,
		audio: 'none',
		aspectRatios: ALL_RATIOS,
		endImageResolutions: ['1080p'],
		references: false,
	},
	'kling-3.0': {
		label: 'Kling 3.0',
		durations: range(3, 15),
		resolutions: ['720p', '1080p', '4k'],
		audio: 'extra',
		aspectRatios: ALL_RATIOS,
		endImageResolutions: ['720p', '1080p', '4k'],
		references: true,
	},

	'ltx-2.5': {
		label: 'LTX 2.5',
		durations: range(1, 60),
		resolutions: R480_1080,
		audio: 'included',
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R480_1080,
		references: false,
	},
	'minimax-h3': {
		label: 'MiniMax H3',
		durations: range(1, 30),
		resolutions: R480_1080,
		audio: 'included',
		aspectRatios: ALL_RATIOS,
		endImageResolutions: null,
		references: true,
	},
	'seedance-1.5': {
		label: 'Seedance 1.5',
		durations: range(4, 12),
		resolutions: R480_1080,
		audio: 'extra',
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R480_1080,
		references: false,
	},
	'seedance-2.0': {
		label: 'Seedance 2.0',
		...SEEDANCE_2_LIMITS,
		resolutions: R480_4K,
		endImageResolutions: R480_4K,
	},
	'seedance-2.0-mini': { label: 'Seedance 2.0 Mini', ...SEEDANCE_2_LIMITS },
	'seedance-2.5': {
		label: 'Seedance 2.5',
		durations: range(4, 30),
		resolutions: R480_1080,
		audio: 'included',
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R480_1080,
		references: true,
	},

	'veo3.1': { label: 'Veo 3.1', ...VEO_LIMITS },
	'veo3.1-lite': { label: 'Veo 3.1 Lite', ...VEO_LIMITS },
	'wan-2.2': {
		label: 'Wan 2.2',
		durations: [...range(3, 10), 15],
		resolutions: R480_1080,
		audio: 'none',
		aspectRatios: ALL_RATIOS,
		endImageResolutions: null,
		references: false,
	},
	'wan-3.0': {
		label: 'Wan 3.0',
		durations: [...range(2, 10), 15, 20, 25, 30],
		resolutions: R480_1080,
		audio: 'included',
		aspectRatios: ALL_RATIOS,
		endImageResolutions: R480_1080,
		references: true,
	},
};

/** `default` runs Kling 3.0 on paid plans and LTX 2.5 on the free plan. */
const PAID_DEFAULT = VIDEO_MODEL_RULES['kling-3.0']!;
const FREE_DEFAULT = VIDEO_MODEL_RULES['ltx-2.5']!;

const union = (a: readonly string[] | null, b: readonly string[] | null): string[] | null =>
	a && b ? [...new Set([...a, ...b])] : a || b ? [...(a ?? b)!] : null;

/** The plan is unknown here: a value passes when it is valid for the default of some plan. */
const DEFAULT_RULE: VideoModelRule = {
	label: 'the default model (Kling 3.0 on paid plans, LTX 2.5 on the free plan)',
	durations: [...new Set([...PAID_DEFAULT.durations, ...FREE_DEFAULT.durations])].sort(
		(a, b) => a - b,
	),
	resolutions: VIDEO_RESOLUTIONS.filter(
		(r) => PAID_DEFAULT.resolutions.includes(r) || FREE_DEFAULT.resolutions.includes(r),
	),
	audio: 'extra',
	aspectRatios: union(PAID_DEFAULT.aspectRatios, FREE_DEFAULT.aspectRatios)!,
	endImageResolutions: union(PAID_DEFAULT.endImageResolutions, FREE_DEFAULT.endImageResolutions),
	references: PAID_DEFAULT.references || FREE_DEFAULT.references,
};

/** The rule a request runs under, or undefined for models whose limits are not documented. */
export function videoModelRule(model: string | undefined): {
	rule?: VideoModelRule;
	impliesAudio: boolean;
} {
	if (model === undefined || model === 'default')
		return { rule: DEFAULT_RULE, impliesAudio: false };
	if (!isOneOf(VIDEO_MODELS, model)) return { impliesAudio: false };
	const alias = AUDIO_ALIASES[model];
	return { rule: VIDEO_MODEL_RULES[alias ?? model], impliesAudio: alias !== undefined };
}

/** "A, B and C": names of the documented models whose rule matches. */
export function modelLabelsWhere(predicate: (rule: VideoModelRule) => boolean): string {
	const labels = Object.values(VIDEO_MODEL_RULES)
		.filter((rule): rule is VideoModelRule => rule !== undefined && predicate(rule))
		.map((rule) => rule.label)
		.sort((a, b) => a.localeCompare(b));
	return labels.length > 1
		? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`
		: labels.join('');
}

/** "1–10, 15, 20": consecutive integers collapsed into ranges. */
export function formatValues(values: readonly number[]): string {
	const parts: string[] = [];
	let i = 0;
	while (i < values.length) {
		let j = i;
		while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
		parts.push(j - i >= 2 ? `${values[i]}–${values[j]}` : values.slice(i, j + 1).join(', '));
		i = j + 1;
	}
	return parts.join(', ');
}

const resolutionName = (value: string) => (value === '4k' ? '4K' : value);

function modelDescription(rule: VideoModelRule, kind: 'text' | 'image'): string {
	const audio = { none: 'no audio', included: 'audio included', extra: 'audio costs extra' }[
		rule.audio
	];
	const parts = [
		`${formatValues(rule.durations)} s`,
		rule.resolutions.map(resolutionName).join(', '),
		audio,
	];
	if (kind === 'text' && rule.aspectRatios.length < ASPECT_RATIOS.length) {
		parts.push(`${rule.aspectRatios.join(' or ')} only`);
	}
	if (kind === 'text' && rule.references) parts.push('references');
	if (kind === 'image') {
		const end = rule.endImageResolutions;
		if (!end) parts.push('no end image');
		else if (rule.endImageMaxSeconds !== undefined)
			parts.push(`end image up to ${rule.endImageMaxSeconds} s`);
		else if (end.length < rule.resolutions.length)
			parts.push(`end image at ${end.map(resolutionName).join(', ')} only`);
	}
	return parts.join('; ');
}

const UNDOCUMENTED_LABELS: Partial<Record<VideoModel, string>> = {
	'kling-1.6': 'Kling 1.6',
	'kling-2.5': 'Kling 2.5',
	'ltx-2': 'LTX 2',
	'ltx-2.3': 'LTX 2.3',
	seedance: 'Seedance',
	'sora-2': 'Sora 2',
};

/** The Model options: every model of the spec except the deprecated `-audio` aliases, sorted by name. */
export function videoModelOptions(kind: 'text' | 'image'): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [
		{
			name: 'Default (Recommended)',
			value: 'default',
			description: 'Kling 3.0 on paid plans, LTX 2.5 on the free plan',
		},
	];
	for (const model of VIDEO_MODELS) {
		const rule = VIDEO_MODEL_RULES[model];
		if (rule) {
			options.push({ name: rule.label, value: model, description: modelDescription(rule, kind) });
		} else if (UNDOCUMENTED.includes(model)) {
			options.push({
				name: UNDOCUMENTED_LABELS[model]!,
				value: model,
				description: 'Older model; its limits are no longer documented',
			});
		}
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

function currentModel(context: ILoadOptionsFunctions): string {
	const model = context.getCurrentNodeParameter('options.model');
	return typeof model === 'string' && model !== '' ? model : 'default';
}

function planNote(inPaid: boolean, inFree: boolean): string | undefined {
	if (inPaid && inFree) return undefined;
	return inPaid
		? 'Paid plans only (default model Kling 3.0)'
		: 'Free plan only (default model LTX 2.5)';
}

/** Durations of the chosen model (all 1–60 s for models with undocumented limits). */
export async function durationOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const model = currentModel(this);
	const { rule } = videoModelRule(model);
	const values = rule ? rule.durations : range(1, 60);
	return values.map((seconds) => {
		const option: INodePropertyOptions = {
			name: `${seconds} Second${seconds === 1 ? '' : 's'}`,
			value: seconds,
		};
		const note =
			model === 'default'
				? planNote(
						PAID_DEFAULT.durations.includes(seconds),
						FREE_DEFAULT.durations.includes(seconds),
					)
				: undefined;
		if (note) option.description = note;
		return option;
	});
}

/** Resolutions of the chosen model (all of them for models with undocumented limits). */
export async function resolutionOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const model = currentModel(this);
	const { rule } = videoModelRule(model);
	const values = rule ? rule.resolutions : [...VIDEO_RESOLUTIONS];
	return values.map((resolution) => {
		const option: INodePropertyOptions = { name: resolutionName(resolution), value: resolution };
		const note =
			model === 'default'
				? planNote(
						PAID_DEFAULT.resolutions.includes(resolution),
						FREE_DEFAULT.resolutions.includes(resolution),
					)
				: undefined;
		if (note) option.description = note;
		return option;
	});
}

/** Body fields every video generation request shares. */
export interface VideoGenerationBody {
	end_seconds: number;
	model?: string;
	resolution?: string;
	audio?: boolean;
	aspect_ratio?: string;
	assets?: { end_image_file_path?: string };
	references?: unknown[];
}

/**
 * Adds an issue for each per-model limit the body breaks. A model or resolution we do not know
 * (set by expression, newer than this package) is not checked: Magic Hour judges it.
 */
export function checkVideoModelLimits(body: VideoGenerationBody, ctx: z.RefinementCtx): void {
	const { rule, impliesAudio } = videoModelRule(body.model);
	if (!rule) return;
	const knownResolution =
		body.resolution === undefined || isOneOf(VIDEO_RESOLUTIONS, body.resolution);
	const issue = (path: (string | number)[], message: string) =>
		ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });

	if (!rule.durations.includes(body.end_seconds)) {
		issue(['end_seconds'], `${rule.label} supports ${formatValues(rule.durations)} seconds`);
	}
	if (
		body.resolution !== undefined &&
		knownResolution &&
		!rule.resolutions.includes(body.resolution)
	) {
		issue(['resolution'], `${rule.label} supports ${rule.resolutions.join(', ')}`);
	}
	if (body.references?.length && !rule.references) {
		issue(
			['references'],
			`${rule.label} takes no references; ${modelLabelsWhere((r) => r.references)} do`,
		);
	}
	if ((body.audio === true || impliesAudio) && rule.audio === 'none') {
		issue(['audio'], `${rule.label} makes videos without audio`);
	}
	if (body.aspect_ratio !== undefined && !rule.aspectRatios.includes(body.aspect_ratio)) {
		issue(['aspect_ratio'], `${rule.label} supports ${rule.aspectRatios.join(', ')}`);
	}
	if (body.assets?.end_image_file_path) {
		const allowed = rule.endImageResolutions;
		if (!allowed) {
			issue(['assets', 'end_image_file_path'], `${rule.label} takes no end image`);
		} else {
			if (rule.endImageMaxSeconds !== undefined && body.end_seconds > rule.endImageMaxSeconds) {
				issue(
					['assets', 'end_image_file_path'],
					`with ${rule.label} an end image needs a duration of at most ${rule.endImageMaxSeconds} seconds`,
				);
			}
			// Without a resolution the API picks 720p (paid) or 480p (free).
			if (
				knownResolution &&
				(body.resolution !== undefined
					? !allowed.includes(body.resolution)
					: !allowed.includes('720p'))
			) {
				issue(['resolution'], `with an end image ${rule.label} supports ${allowed.join(', ')}`);
			}
		}
	}
}

// Parameters text-to-video and image-to-video share. Duration and Resolution stay in each tool:
// n8n lint reads their loadOptionsMethod names only as string literals.

/** "Model" (`model`): every model with its limits for `kind`. */
export function videoModelField(kind: 'text' | 'image', description: string): ToolField {
	return {
		displayName: 'Model',
		name: 'model',
		type: 'options',
		options: videoModelOptions(kind),
		default: 'default',
		description,
		body: 'model',
	};
}

/** "Audio" (`audio`), naming the models that make videos without sound. */
export function audioField(): ToolField {
	return {
		displayName: 'Audio',
		name: 'audio',
		type: 'boolean',
		default: false,
		description: `Whether to generate sound with the video. Not available with ${modelLabelsWhere((rule) => rule.audio === 'none')}.`,
		body: 'audio',
	};
}

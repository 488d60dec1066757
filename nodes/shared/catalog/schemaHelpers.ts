import { z } from 'zod';

/** A file input value: a public http(s) URL or a path returned by the upload endpoint. */
export const fileValue = z
	.string({ required_error: 'is required' })
	.trim()
	.min(1, 'is required')
	.refine((value) => /^https?:\/\/\S+$/i.test(value) || /^[\w.-]+\/\S+$/.test(value), {
		message: 'must be a public http(s) URL or a Magic Hour file path (api-assets/...)',
	});

export const jobName = z.string().min(1).max(255).optional();

export const seconds = (label = 'seconds') =>
	z.number({ invalid_type_error: `${label} must be a number` }).min(0);

/** `start_seconds` of a clip. */
export const startSeconds = z.number().min(0);

/** `end_seconds` of a clip. */
export const endSeconds = z.number().min(0.1, 'set the second where the clip ends');

/** Required text such as a prompt: trimmed, not blank. */
export const requiredText = z.string().trim().min(1, 'is required');

/** Required text of at most `max` characters, counted as the user sees them (an emoji counts once). */
export const requiredTextWithin = (max: number) =>
	requiredText.refine((text) => [...text].length <= max, `must be at most ${max} characters`);

/** Optional text that must not be blank when it is given. */
export const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/** `style` of the tools whose only style setting is an optional prompt. */
export const optionalPromptStyle = z.object({ prompt: z.string().optional() }).strict().optional();

const YOUTUBE_URL = /^https?:\/\/([\w-]+\.)*(youtube\.com|youtu\.be)([/?#]|$)/i;

/** A link to a YouTube video (youtube.com or youtu.be). */
export const youtubeUrl = z
	.string({ required_error: 'is required' })
	.url('must be a valid URL')
	.regex(YOUTUBE_URL, 'must be a YouTube link (youtube.com or youtu.be)');

/** `assets` keys of the endpoints that take a video file or a YouTube link; see `checkMediaSource`. */
export const videoSourceAssets = {
	video_source: z.enum(['file', 'youtube']),
	video_file_path: fileValue.optional(),
	youtube_url: youtubeUrl.optional(),
};

/**
 * Adds an issue when the chosen `<media>_source` (file or YouTube) has no value: `<media>_file_path`
 * or `youtube_url`. `at` is the path of the assets object as seen from `ctx`.
 */
export function checkMediaSource(
	media: 'video' | 'audio',
	assets: Readonly<Record<string, unknown>>,
	ctx: z.RefinementCtx,
	at: string[] = [],
): void {
	const source = assets[`${media}_source`];
	const filePath = `${media}_file_path`;
	if (source === 'file' && !assets[filePath]) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [...at, filePath],
			message: `is required when the ${media} source is a file`,
		});
	}
	if (source === 'youtube' && !assets.youtube_url) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [...at, 'youtube_url'],
			message: `is required when the ${media} source is YouTube`,
		});
	}
}

/** Length of a clip in seconds, rounded to milliseconds (start defaults to 0). */
export function clipSeconds(body: { start_seconds?: number; end_seconds: number }): number {
	return Math.round((body.end_seconds - (body.start_seconds ?? 0)) * 1000) / 1000;
}

/** Adds an issue when end <= start. */
export function endAfterStart(
	body: { start_seconds?: number; end_seconds?: number },
	ctx: z.RefinementCtx,
): void {
	if (
		body.start_seconds !== undefined &&
		body.end_seconds !== undefined &&
		body.end_seconds <= body.start_seconds
	) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['end_seconds'],
			message: 'must be greater than the start time',
		});
	}
}

const KNOWN_VALUES = new WeakMap<z.ZodTypeAny, readonly string[]>();

/**
 * A value the spec lists as an enum that Magic Hour extends often (models, resolutions, voices,
 * languages). Any non-blank text passes: a value set by expression that we do not know yet is
 * sent and Magic Hour judges it. The known values stay readable (`knownValuesOf`) for per-model
 * checks and the drift report.
 */
export function openEnum(values: readonly string[]): z.ZodString {
	const schema = z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'must not be empty');
	KNOWN_VALUES.set(schema, values);
	return schema;
}

/** The values an `openEnum` knows, or undefined for other schemas. */
export function knownValuesOf(schema: z.ZodTypeAny): readonly string[] | undefined {
	return KNOWN_VALUES.get(schema);
}

/** Whether `value` is one of `values` (narrows it for lookups in per-value tables). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/**
 * What a finished job delivers (`outputsFor`) and which input files a body refers to (`fileFields`).
 */
import { get } from './rules';

export interface OutputFile {
	ext: string;
	mime: string;
	kind: 'image' | 'video' | 'audio';
}

const PNG: OutputFile = { ext: 'png', mime: 'image/png', kind: 'image' };
const MP4: OutputFile = { ext: 'mp4', mime: 'video/mp4', kind: 'video' };
const MP3: OutputFile = { ext: 'mp3', mime: 'audio/mpeg', kind: 'audio' };

/** ai-gif-generator `output_format` (default gif). mp4/webm are real video files, so kind 'video'. */
const GIF_FORMATS: Readonly<Record<string, OutputFile>> = {
	gif: { ext: 'gif', mime: 'image/gif', kind: 'image' },
	mp4: MP4,
	webm: { ext: 'webm', mime: 'video/webm', kind: 'video' },
};

const VIDEO_TOOLS = new Set([
	'/v1/ai-talking-photo',
	'/v1/ai-video-editor',
	'/v1/ai-video-translator',
	'/v1/animation',
	'/v1/audio-to-video',
	'/v1/auto-subtitle-generator',
	'/v1/character-replace',
	'/v1/face-swap',
	'/v1/image-to-video',
	'/v1/lip-sync',
	'/v1/text-to-video',
	'/v1/video-to-video',
]);

const SINGLE_IMAGE_TOOLS = new Set([
	'/v1/ai-clothes-changer',
	'/v1/ai-face-editor',
	'/v1/ai-headshot-generator',
	'/v1/ai-image-upscaler',
	'/v1/ai-meme-generator',
	'/v1/ai-qr-code-generator',
	'/v1/body-swap',
	'/v1/face-swap-photo',
	'/v1/head-swap',
	'/v1/image-background-remover',
	'/v1/photo-colorizer',
]);

function repeat(file: OutputFile, n: number): OutputFile[] {
	const count = Number.isInteger(n) && n > 0 ? n : 1;
	return Array.from({ length: count }, () => ({ ...file }));
}

/**
 * One entry per file in the finished project's `downloads`. Image projects with an image count
 * (ai-image-generator `image_count`, ai-image-editor `image_count`, default 1) give that many PNGs;
 * other image tools one PNG (the GIF generator one file in its `output_format`); video tools one
 * MP4; audio tools one MP3. Non-project endpoints (face detection, upload URLs) give none.
 */
export function outputsFor(path: string, body: Record<string, unknown>): OutputFile[] {
	if (VIDEO_TOOLS.has(path)) return [{ ...MP4 }];
	if (SINGLE_IMAGE_TOOLS.has(path)) return [{ ...PNG }];
	switch (path) {
		case '/v1/ai-image-generator':
		case '/v1/ai-image-editor':
			return repeat(PNG, typeof body.image_count === 'number' ? body.image_count : 1);
		case '/v1/ai-gif-generator':
			return [{ ...(GIF_FORMATS[body.output_format as string] ?? GIF_FORMATS.gif) }];
		case '/v1/ai-voice-generator':
		case '/v1/ai-voice-cloner':
			return [{ ...MP3 }];
		default:
			return [];
	}
}

/**
 * Every input-file value in a body, with its dotted field: `assets.*_file_path` (including the
 * deprecated singular `assets.image_file_path` of ai-image-editor), each element of
 * `assets.*_file_paths[]`, each `assets.face_mappings[].new_face` and each text-to-video
 * `references[].file_path`. `original_face` is not listed: it is a face-detection result path, not
 * a file the caller supplies. Empty strings are skipped.
 */
export function fileFields(
	_path: string,
	body: Record<string, unknown>,
): Array<{ field: string; value: string }> {
	const out: Array<{ field: string; value: string }> = [];
	const push = (field: string, value: unknown): void => {
		if (typeof value === 'string' && value.trim() !== '') out.push({ field, value });
	};
	if (Array.isArray(body.references)) {
		body.references.forEach((reference, i) => {
			if (typeof reference === 'object' && reference !== null)
				push(`references.${i}.file_path`, (reference as Record<string, unknown>).file_path);
		});
	}
	const assets = get(body, 'assets');
	if (typeof assets !== 'object' || assets === null || Array.isArray(assets)) return out;
	for (const [key, value] of Object.entries(assets as Record<string, unknown>)) {
		if (key.endsWith('_file_path')) {
			push(`assets.${key}`, value);
		} else if (key.endsWith('_file_paths') && Array.isArray(value)) {
			value.forEach((v, i) => push(`assets.${key}.${i}`, v));
		} else if (key === 'face_mappings' && Array.isArray(value)) {
			value.forEach((m, i) => {
				if (typeof m === 'object' && m !== null)
					push(`assets.${key}.${i}.new_face`, (m as Record<string, unknown>).new_face);
			});
		}
	}
	return out;
}

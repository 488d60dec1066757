/**
 * The 28 create endpoints (12 video, 14 image, 2 audio), the project `type` each one produces
 * (values from the project-detail `type` descriptions) and a median render time.
 *
 * Medians follow Magic Hour's documented ranges: fast images 2–15 s (→ 8 s), medium images
 * 15–30 s (→ 20 s), simple video 30 s–2 min (→ 60 s), standard video 2–4 min (→ 180 s),
 * complex video 8–11 min (→ 570 s), audio 3–12 s (→ 6 s). Assignment:
 *   - fast image: single-pass edits of one input (background remover, colorizer, face editor,
 *     face swap photo, QR code);
 *   - medium image: generative models and multi-input composition (image generator/editor,
 *     headshot, clothes changer, upscaler, meme with optional web search, GIF, head/body swap);
 *   - simple video: per-frame processing of an existing clip (auto subtitles, face swap,
 *     lip sync, talking photo);
 *   - standard video: generative video (image/text-to-video, audio-to-video, AI video editor,
 *     AI video translator, animation);
 *   - complex video: full restyling / subject replacement of a clip (video-to-video,
 *     character replace).
 * The emulator divides these by its `speed` option.
 */

export type ProjectKind = 'image' | 'video' | 'audio';

export interface CreateEndpoint {
	path: string;
	kind: ProjectKind;
	medianSeconds: number;
	projectType: string;
}

const FAST_IMAGE = 8;
const MEDIUM_IMAGE = 20;
const SIMPLE_VIDEO = 60;
const STANDARD_VIDEO = 180;
const COMPLEX_VIDEO = 570;
const AUDIO = 6;

export const createEndpoints: ReadonlyArray<CreateEndpoint> = Object.freeze(
	[
		// video → /v1/video-projects/{id}
		{
			path: '/v1/ai-talking-photo',
			kind: 'video',
			medianSeconds: SIMPLE_VIDEO,
			projectType: 'TALKING_PHOTO',
		},
		{
			path: '/v1/ai-video-editor',
			kind: 'video',
			medianSeconds: STANDARD_VIDEO,
			projectType: 'VIDEO_EDITOR',
		},
		{
			path: '/v1/ai-video-translator',
			kind: 'video',
			medianSeconds: STANDARD_VIDEO,
			projectType: 'VIDEO_TRANSLATOR',
		},
		{
			path: '/v1/animation',
			kind: 'video',
			medianSeconds: STANDARD_VIDEO,
			projectType: 'ANIMATION',
		},
		{
			path: '/v1/audio-to-video',
			kind: 'video',
			medianSeconds: STANDARD_VIDEO,
			projectType: 'AUDIO_TO_VIDEO',
		},
		{
			path: '/v1/auto-subtitle-generator',
			kind: 'video',
			medianSeconds: SIMPLE_VIDEO,
			projectType: 'AUTO_SUBTITLE',
		},
		{
			path: '/v1/character-replace',
			kind: 'video',
			medianSeconds: COMPLEX_VIDEO,
			projectType: 'CHARACTER_REPLACE',
		},
		{ path: '/v1/face-swap', kind: 'video', medianSeconds: SIMPLE_VIDEO, projectType: 'FACE_SWAP' },
		{
			path: '/v1/image-to-video',
			kind: 'video',
			medianSeconds: STANDARD_VIDEO,
			projectType: 'IMAGE_TO_VIDEO',
		},
		{ path: '/v1/lip-sync', kind: 'video', medianSeconds: SIMPLE_VIDEO, projectType: 'LIP_SYNC' },
		{
			path: '/v1/text-to-video',
			kind: 'video',
			medianSeconds: STANDARD_VIDEO,
			projectType: 'TEXT_TO_VIDEO',
		},
		{
			path: '/v1/video-to-video',
			kind: 'video',
			medianSeconds: COMPLEX_VIDEO,
			projectType: 'VIDEO_TO_VIDEO',
		},
		// image → /v1/image-projects/{id}
		{
			path: '/v1/ai-clothes-changer',
			kind: 'image',
			medianSeconds: MEDIUM_IMAGE,
			projectType: 'CLOTHES_CHANGER',
		},
		{
			path: '/v1/ai-face-editor',
			kind: 'image',
			medianSeconds: FAST_IMAGE,
			projectType: 'FACE_EDITOR',
		},
		{
			path: '/v1/ai-gif-generator',
			kind: 'image',
			medianSeconds: MEDIUM_IMAGE,
			projectType: 'AI_GIF',
		},
		{
			path: '/v1/ai-image-editor',
			kind: 'image',
			medianSeconds: MEDIUM_IMAGE,
			projectType: 'AI_IMAGE_EDITOR',
		},
		{
			path: '/v1/ai-headshot-generator',
			kind: 'image',
			medianSeconds: MEDIUM_IMAGE,
			projectType: 'AI_HEADSHOT',
		},
		{
			path: '/v1/ai-image-generator',
			kind: 'image',
			medianSeconds: MEDIUM_IMAGE,
			projectType: 'AI_IMAGE',
		},
		{
			path: '/v1/ai-image-upscaler',
			kind: 'image',
			medianSeconds: MEDIUM_IMAGE,
			projectType: 'IMAGE_UPSCALER',
		},
		{
			path: '/v1/ai-meme-generator',
			kind: 'image',
			medianSeconds: MEDIUM_IMAGE,
			projectType: 'AI_MEME',
		},
		{
			path: '/v1/ai-qr-code-generator',
			kind: 'image',
			medianSeconds: FAST_IMAGE,
			projectType: 'QR_CODE',
		},
		{ path: '/v1/body-swap', kind: 'image', medianSeconds: MEDIUM_IMAGE, projectType: 'BODY_SWAP' },
		{
			path: '/v1/face-swap-photo',
			kind: 'image',
			medianSeconds: FAST_IMAGE,
			projectType: 'FACE_SWAP',
		},
		{ path: '/v1/head-swap', kind: 'image', medianSeconds: MEDIUM_IMAGE, projectType: 'HEAD_SWAP' },
		{
			path: '/v1/image-background-remover',
			kind: 'image',
			medianSeconds: FAST_IMAGE,
			projectType: 'BACKGROUND_REMOVER',
		},
		{
			path: '/v1/photo-colorizer',
			kind: 'image',
			medianSeconds: FAST_IMAGE,
			projectType: 'PHOTO_COLORIZER',
		},
		// audio → /v1/audio-projects/{id}
		{
			path: '/v1/ai-voice-generator',
			kind: 'audio',
			medianSeconds: AUDIO,
			projectType: 'VOICE_GENERATOR',
		},
		{
			path: '/v1/ai-voice-cloner',
			kind: 'audio',
			medianSeconds: AUDIO,
			projectType: 'VOICE_CLONER',
		},
	].map((e) => Object.freeze(e as CreateEndpoint)),
);

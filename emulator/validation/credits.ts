/**
 * Credits a create request costs, from the prices the spec states in prose. The result is what
 * the emulator answers as `credits_charged` (for video an estimate, as in the real API).
 *
 * Stated in the spec (exact):
 *   clothes changer 25, GIF 50, headshot 50, meme 10, QR code 0, face swap photo 10, head swap 10,
 *   background remover 5, colorizer 10, face editor 1 ("each edit costs 1 frame"),
 *   upscaler 2x 50 (balanced/creative) or 25 (preserve), 4x 200 or 100,
 *   voice generator / cloner 0.1 credit per character rounded up, lip sync 1 credit per frame
 *   (lite, standard) or 2 (pro), face detection free, image models "from N credits/image".
 *   The video translator states no rate, only that rendered frames are charged: priced per frame
 *   like the other clip tools.
 *
 * Approximations (the spec is vague or silent; chosen to be plausible and deterministic):
 *   - image models: the "from" price (the cheapest resolution) × image count; `model: default`
 *     (unknown server choice) is priced at 50 credits/image.
 *   - body swap: "from 50 credits at 640px upward": 640px 50, 1k 50 (same Nano Banana 2 Lite),
 *     2k 100, 4k 150 (Nano Banana 2).
 *   - video: the estimate counts frames at 30 FPS over the clip (end − start), 1 credit per frame
 *     (animation: its own `fps` × `end_seconds`, as the spec says; video-to-video HALF FPS: 15;
 *     lip sync: min(30, max_fps_limit)). Image/text-to-video with audio on a model whose audio
 *     "adds extra credits" costs 1.5× (the spec gives no figure).
 *   - upscaler with only the deprecated `style.enhancement`: Balanced → balanced,
 *     Creative → creative, Resemblance → preserve.
 */
import { get } from './rules';
import {
	IMAGE_EDITOR_LEGACY_STYLE_MODELS,
	IMAGE_EDITOR_MODELS,
	IMAGE_GENERATOR_ALIASES,
	IMAGE_GENERATOR_MODELS,
	resolveVideoGenModel,
} from './models';

type Body = Record<string, unknown>;

const FPS = 30;
const DEFAULT_IMAGE_MODEL_PRICE = 50;
const AUDIO_SURCHARGE = 1.5;

const FIXED: Readonly<Record<string, number>> = {
	'/v1/ai-clothes-changer': 25,
	'/v1/ai-face-editor': 1,
	'/v1/ai-gif-generator': 50,
	'/v1/ai-headshot-generator': 50,
	'/v1/ai-meme-generator': 10,
	'/v1/ai-qr-code-generator': 0,
	'/v1/face-swap-photo': 10,
	'/v1/head-swap': 10,
	'/v1/image-background-remover': 5,
	'/v1/photo-colorizer': 10,
	'/v1/face-detection': 0,
	'/v1/files/upload-urls': 0,
};

const UPSCALER: Readonly<Record<number, Readonly<Record<string, number>>>> = {
	2: { preserve: 25, balanced: 50, creative: 50 },
	4: { preserve: 100, balanced: 200, creative: 200 },
};
const UPSCALER_MODE_ALIASES: Readonly<Record<string, string>> = {
	pro: 'preserve',
	Balanced: 'balanced',
	Creative: 'creative',
	Resemblance: 'preserve',
};

const BODY_SWAP: Readonly<Record<string, number>> = { '640px': 50, '1k': 50, '2k': 100, '4k': 150 };

function num(v: unknown, fallback: number): number {
	return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function clipSeconds(body: Body): number {
	return Math.max(0, num(body.end_seconds, 0) - num(body.start_seconds, 0));
}

function frames(seconds: number, fps = FPS): number {
	return Math.ceil(seconds * fps - 1e-9);
}

function perCharacter(body: Body): number {
	const prompt = get(body, 'style.prompt');
	return typeof prompt === 'string' ? Math.ceil([...prompt].length / 10) : 0;
}

export function estimateCredits(path: string, body: Record<string, unknown>): number {
	if (path in FIXED) return FIXED[path];
	switch (path) {
		case '/v1/ai-image-upscaler': {
			const scale = num(body.scale_factor, 2) >= 4 ? 4 : 2;
			const raw = (get(body, 'style.mode') ??
				get(body, 'style.enhancement') ??
				'balanced') as string;
			const mode = UPSCALER_MODE_ALIASES[raw] ?? raw;
			return UPSCALER[scale][mode] ?? UPSCALER[scale].balanced;
		}
		case '/v1/body-swap':
			return BODY_SWAP[body.resolution as string] ?? 50;
		case '/v1/ai-image-generator': {
			const requested = typeof body.model === 'string' ? body.model : 'default';
			const model = IMAGE_GENERATOR_MODELS[IMAGE_GENERATOR_ALIASES[requested] ?? requested];
			return (model?.creditsPerImage ?? DEFAULT_IMAGE_MODEL_PRICE) * num(body.image_count, 1);
		}
		case '/v1/ai-image-editor': {
			const legacy = get(body, 'style.model');
			const name =
				typeof body.model === 'string'
					? body.model
					: typeof legacy === 'string'
						? (IMAGE_EDITOR_LEGACY_STYLE_MODELS[legacy] ?? 'default')
						: 'default';
			const model = IMAGE_EDITOR_MODELS[name];
			return (model?.creditsPerImage ?? DEFAULT_IMAGE_MODEL_PRICE) * num(body.image_count, 1);
		}
		case '/v1/ai-voice-generator':
		case '/v1/ai-voice-cloner':
			return perCharacter(body);
		case '/v1/animation':
			return frames(num(body.end_seconds, 0), num(body.fps, FPS));
		case '/v1/lip-sync': {
			const fps = Math.min(FPS, num(body.max_fps_limit, FPS));
			const perFrame = get(body, 'style.generation_mode') === 'pro' ? 2 : 1;
			return frames(clipSeconds(body), fps) * perFrame;
		}
		case '/v1/video-to-video':
			return frames(clipSeconds(body), body.fps_resolution === 'FULL' ? FPS : FPS / 2);
		case '/v1/image-to-video':
		case '/v1/text-to-video': {
			// no tier here: price as the paid-plan default model
			const { rule, impliesAudio } = resolveVideoGenModel(body.model, 'creator');
			const audio = body.audio === true || impliesAudio;
			const surcharge = audio && rule?.audioCostsExtra ? AUDIO_SURCHARGE : 1;
			return Math.ceil(frames(num(body.end_seconds, 0)) * surcharge);
		}
		case '/v1/ai-talking-photo':
		case '/v1/ai-video-editor':
		case '/v1/ai-video-translator':
		case '/v1/audio-to-video':
		case '/v1/auto-subtitle-generator':
		case '/v1/character-replace':
		case '/v1/face-swap':
			return frames(clipSeconds(body));
		default:
			return 0;
	}
}

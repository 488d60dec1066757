/**
 * What a create costs before it is sent, from the prices Magic Hour documents for the chosen
 * options. Read from the request body (the API's own field names), so it holds whatever
 * parameters produced the body.
 *
 * A price is `known` when the documentation gives it for these options, or an upper bound of it
 * (`upTo`, see below). Otherwise it is not known before the job: the result says why and the least
 * the job can cost (0 when nothing is documented). How we read the documentation:
 *   - image models are documented "from N credits/image": N is taken as the price at the model's
 *     smallest resolution; any other resolution (or none chosen, or the `default` model) is
 *     "at least N" (at least the cheapest model for `default`);
 *   - body swap: "from 50 credits at 640px upward": 640px is 50, larger is at least 50;
 *   - credits were first named "frames": per-frame tools charge 1 credit per rendered frame
 *     (lip sync pro: 2). Animation sets its frame rate (`fps` × `end_seconds`, documented). The
 *     other per-frame tools render at the frame rate of their input, which the node does not know:
 *     their price is bounded by assuming at most 60 frames per second (or lip sync's Max FPS),
 *     so it is `upTo` that bound. Text- and image-to-video models document no price at all.
 */
import type { IDataObject } from 'n8n-workflow';

import { editorModel } from './tools/aiImageEditor';
import { generatorModel } from './tools/aiImageGenerator';

export type PriceEstimate =
	/** `upTo`: `credits` is an upper bound (a per-frame tool at the highest frame rate assumed). */
	{ known: true; credits: number; upTo?: true } | { known: false; atLeast: number; why: string };

/** The highest frame rate assumed for an input video whose own frame rate is not known. */
export const ASSUMED_MAX_FPS = 60;

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
};

const UPSCALER: Readonly<Record<2 | 4, Readonly<Record<string, number>>>> = {
	2: { preserve: 25, balanced: 50, creative: 50 },
	4: { preserve: 100, balanced: 200, creative: 200 },
};

/** The cheapest "from" price of any image model: the least a `default` model can cost. */
const CHEAPEST_IMAGE_MODEL = 5;

const known = (credits: number): PriceEstimate => ({ known: true, credits: Math.ceil(credits) });
const upTo = (credits: number): PriceEstimate => ({
	known: true,
	credits: Math.ceil(credits),
	upTo: true,
});
const unknown = (atLeast: number, why: string): PriceEstimate => ({
	known: false,
	atLeast: Math.ceil(atLeast),
	why,
});

const num = (value: unknown, fallback: number): number =>
	typeof value === 'number' && Number.isFinite(value) ? value : fallback;

const clipSeconds = (body: IDataObject): number =>
	Math.max(0, num(body.end_seconds, 0) - num(body.start_seconds, 0));

const styleOf = (body: IDataObject): IDataObject =>
	body.style && typeof body.style === 'object' ? (body.style as IDataObject) : {};

function imageModelPrice(
	body: IDataObject,
	model: { credits: number; resolutions: string[] } | undefined,
): PriceEstimate {
	const count = num(body.image_count, 1);
	if (!model) {
		return unknown(
			CHEAPEST_IMAGE_MODEL * count,
			'the price of the Default model is not documented (Magic Hour picks the model)',
		);
	}
	if (body.resolution === model.resolutions[0]) return known(model.credits * count);
	return unknown(
		model.credits * count,
		`the model is documented "from ${model.credits} credits per image" (its ${model.resolutions[0]} price); other resolutions may cost more`,
	);
}

function perCharacter(body: IDataObject): PriceEstimate {
	const prompt = styleOf(body).prompt;
	return known(typeof prompt === 'string' ? [...prompt].length / 10 : 0);
}

/** Frames of the clip at `fps`, as the API counts them (whole frames). */
const frames = (seconds: number, fps: number): number => Math.ceil(seconds * fps - 1e-9);

/** A per-frame tool over the body's clip, at most at `fps` (the input's own frame rate is not known). */
const perFrameUpTo = (body: IDataObject, fps = ASSUMED_MAX_FPS, perFrame = 1): PriceEstimate =>
	upTo(frames(clipSeconds(body), fps) * perFrame);

function lipSync(body: IDataObject): PriceEstimate {
	const perFrame = styleOf(body).generation_mode === 'pro' ? 2 : 1;
	const fps = Math.min(num(body.max_fps_limit, ASSUMED_MAX_FPS), ASSUMED_MAX_FPS);
	return perFrameUpTo(body, fps, perFrame);
}

const VIDEO_MODEL_NOT_PRICED =
	'Magic Hour documents no price for its video generation models; the first job of the run tells it';

/** The documented price of one create with this body, or the least it can cost. */
export function estimateCredits(endpoint: string, body: IDataObject): PriceEstimate {
	if (endpoint in FIXED) return known(FIXED[endpoint]);
	switch (endpoint) {
		case '/v1/ai-image-upscaler': {
			const scale = num(body.scale_factor, 2) >= 4 ? 4 : 2;
			const raw = String(styleOf(body).mode ?? 'balanced');
			const mode = raw === 'pro' ? 'preserve' : raw;
			return known(UPSCALER[scale][mode] ?? UPSCALER[scale].balanced);
		}
		case '/v1/body-swap':
			return body.resolution === '640px'
				? known(50)
				: unknown(50, 'only the 640px price of body swap (50 credits) is documented');
		case '/v1/ai-image-generator':
			return imageModelPrice(body, generatorModel(body.model));
		case '/v1/ai-image-editor':
			return imageModelPrice(body, editorModel(body.model));
		case '/v1/ai-voice-generator':
		case '/v1/ai-voice-cloner':
			return perCharacter(body);
		case '/v1/animation':
			return known(frames(num(body.end_seconds, 0), num(body.fps, 0)));
		case '/v1/lip-sync':
			return lipSync(body);
		case '/v1/video-to-video':
			return perFrameUpTo(
				body,
				body.fps_resolution === 'FULL' ? ASSUMED_MAX_FPS : ASSUMED_MAX_FPS / 2,
			);
		case '/v1/ai-talking-photo':
		case '/v1/ai-video-editor':
		case '/v1/ai-video-translator':
		case '/v1/audio-to-video':
		case '/v1/auto-subtitle-generator':
		case '/v1/character-replace':
		case '/v1/face-swap':
			return perFrameUpTo(body);
		default:
			return unknown(0, VIDEO_MODEL_NOT_PRICED);
	}
}

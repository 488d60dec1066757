import type { IDataObject } from 'n8n-workflow';

import { estimateCredits as emulatorCharge } from '../../emulator/validation';
import { estimateCredits } from '../../nodes/shared/catalog/prices';
import { TOOLS } from '../../nodes/shared/catalog/tools';

describe('documented prices of the tools (estimateCredits)', () => {
	it('knows the price of every image and audio tool with its cheapest documented options', () => {
		const cheapest: Record<string, IDataObject> = {
			'/v1/ai-image-generator': { model: 'flux-schnell', resolution: '640px', image_count: 2 },
			'/v1/ai-image-editor': { model: 'qwen-edit', resolution: '640px' },
			'/v1/body-swap': { resolution: '640px' },
			'/v1/ai-voice-generator': { style: { prompt: 'Hello there' } },
			'/v1/ai-voice-cloner': { style: { prompt: 'Hello there' } },
		};
		for (const tool of TOOLS.filter((candidate) => candidate.kind !== 'video')) {
			expect([
				tool.endpoint,
				estimateCredits(tool.endpoint, cheapest[tool.endpoint] ?? {}),
			]).toEqual([tool.endpoint, { known: true, credits: expect.any(Number) }]);
		}
	});

	it.each([
		['/v1/face-swap-photo', {}, 10],
		['/v1/ai-clothes-changer', {}, 25],
		['/v1/ai-qr-code-generator', {}, 0],
		['/v1/ai-image-upscaler', { scale_factor: 4, style: { mode: 'preserve' } }, 100],
		['/v1/ai-image-upscaler', { scale_factor: 2 }, 50],
		['/v1/ai-image-generator', { model: 'nano-banana-pro', resolution: '1k', image_count: 4 }, 600],
		['/v1/ai-voice-generator', { style: { prompt: 'x'.repeat(101) } }, 11],
		['/v1/animation', { fps: 12, end_seconds: 5 }, 60],
	])('%s %j costs %d credits', (endpoint, body, credits) => {
		expect(estimateCredits(endpoint, body)).toEqual({ known: true, credits });
		// The emulator prices from the same documentation, in its own code.
		expect(emulatorCharge(endpoint, body)).toBe(credits);
	});

	it.each([
		[
			'/v1/lip-sync',
			{ start_seconds: 0, end_seconds: 10, max_fps_limit: 24, style: { generation_mode: 'pro' } },
			480,
		],
		['/v1/lip-sync', { start_seconds: 2, end_seconds: 7 }, 300],
		['/v1/face-swap', { start_seconds: 0, end_seconds: 5 }, 300],
		['/v1/video-to-video', { start_seconds: 0, end_seconds: 4 }, 120],
		['/v1/video-to-video', { start_seconds: 0, end_seconds: 4, fps_resolution: 'FULL' }, 240],
	])(
		'per-frame %s %j costs up to %d credits (at most 60 frames per second)',
		(endpoint, body, credits) => {
			expect(estimateCredits(endpoint, body)).toEqual({ known: true, credits, upTo: true });
		},
	);

	it.each([
		['/v1/ai-image-generator', { image_count: 2 }, 10, /Default model/],
		[
			'/v1/ai-image-generator',
			{ model: 'gpt-image-2', resolution: '2k', image_count: 1 },
			50,
			/from 50 credits/,
		],
		['/v1/body-swap', { resolution: '4k' }, 50, /640px/],
		['/v1/text-to-video', { end_seconds: 5 }, 0, /video generation models/],
		['/v1/image-to-video', { end_seconds: 5 }, 0, /video generation models/],
	])('%s %j has no documented price (at least %d)', (endpoint, body, atLeast, why) => {
		expect(estimateCredits(endpoint, body)).toEqual({
			known: false,
			atLeast,
			why: expect.stringMatching(why),
		});
	});
});

/**
 * Seeded stress test of "Max Credits per Run": Max Concurrent Jobs 10, creates that are slow or
 * answered 429 first, random budgets and documented prices. In every run the account loses no
 * more than the budget, and exactly as many jobs start as the budget pays for: none refused that
 * fitted. A failing seed is printed in the test name, so it can be run again alone.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { executeNode } from '../harness/executeNode';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();

/** mulberry32: a small seeded generator, the same sequence for the same seed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Setup {
	node: 'image' | 'video';
	endpoint: string;
	price: number;
	parameters: IDataObject;
}

const IMAGE_MODELS: Array<[model: string, resolution: string, price: number]> = [
	['flux-schnell', '640px', 5],
	['nano-banana', '640px', 50],
	['seedream-v4', '640px', 40],
	['nano-banana-pro', '1k', 150],
];

function setupFor(next: () => number): Setup {
	if (next() < 0.75) {
		const [model, resolution, price] = IMAGE_MODELS[Math.floor(next() * IMAGE_MODELS.length)];
		return {
			node: 'image',
			endpoint: '/v1/ai-image-generator',
			price,
			parameters: {
				operation: 'aiImageGenerator',
				prompt: '={{ $json.prompt }}',
				imageCount: 1,
				options: { model, resolution },
			},
		};
	}
	// A 4 s animation at 10 fps: 40 credits estimated; its final charge is never higher here.
	return {
		node: 'video',
		endpoint: '/v1/animation',
		price: 40,
		parameters: {
			operation: 'animation',
			audioSourceType: 'none',
			promptType: 'custom',
			prompt: '={{ $json.prompt }}',
			artStyle: 'Cyberpunk',
			cameraEffect: 'Simple Zoom In',
			transitionSpeed: 5,
			endSeconds: 4,
			fps: 10,
			width: 512,
			height: 512,
			options: {},
		},
	};
}

const SEEDS = Array.from({ length: 12 }, (_, i) => 27_000 + i);

describe('Max Credits per Run under load (seeded)', () => {
	it.each(SEEDS)(
		'seed %i: spent ≤ budget, and every job the budget pays for started',
		async (seed) => {
			const next = random(seed);
			const setup = setupFor(next);
			const count = 12 + Math.floor(next() * 12);
			const budget = 1 + Math.floor(next() * count * setup.price * 1.2);
			const create = `POST ${setup.endpoint}`;
			emu.jobs.setDurationMs(setup.endpoint, Math.floor(next() * 40));
			for (let i = Math.floor(next() * 8); i > 0; i--) {
				emu.faults.add({
					match: create,
					fault: { type: 'rate-limit', retryAfterSeconds: Math.floor(next() * 60) / 1000 },
				});
			}
			// Every create is slow (ten in flight at once); the first few are answered 429 first.
			emu.faults.add({
				match: create,
				times: count,
				fault: { type: 'slow-headers', delayMs: 20 + Math.floor(next() * 60) },
			});
			if (setup.node === 'video') {
				for (let i = Math.floor(next() * 4); i > 0; i--)
					emu.jobs.finalCreditsNext({
						endpoint: setup.endpoint,
						credits: Math.floor(next() * setup.price),
					});
			}
			const items: INodeExecutionData[] = Array.from({ length: count }, (_, i) => ({
				json: { prompt: `stress ${seed} item ${i}` },
			}));

			const { output } = await executeNode({
				nodeType: setup.node === 'image' ? new MagicHourImage() : new MagicHourVideo(),
				parameters: {
					...setup.parameters,
					downloadOutputs: false,
					executionSettings: { ...FAST_POLLING, maxConcurrency: 10, maxCreditsPerRun: budget },
				} as never,
				items,
				continueOnFail: true,
				credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
			});

			const counters = emu.counters();
			const spent = counters.creditsCharged - counters.creditsRefunded;
			expect(spent).toBeLessThanOrEqual(budget);
			// At the documented price, exactly what the budget pays for starts. A video's final charge
			// (never higher here) can free credits for more, depending on when it ends.
			const affordable = Math.min(count, Math.floor(budget / setup.price));
			if (setup.node === 'image') expect(counters.jobsCreated).toBe(affordable);
			else expect(counters.jobsCreated).toBeGreaterThanOrEqual(affordable);
			const refused = output[0].filter((item) =>
				String(item.json.error ?? '').startsWith(
					`Not started: budget of ${budget} credits reached`,
				),
			);
			expect(refused).toHaveLength(count - counters.jobsCreated);
			expect(output[0]).toHaveLength(count);
		},
	);
});

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeExecutionHint,
} from 'n8n-workflow';

import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { executeNode, failureOf } from '../harness/executeNode';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();

const IMAGE_CREATE = '/v1/ai-image-generator';
const ANIMATION_CREATE = '/v1/animation';

const items = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: { prompt: `picture ${i}` } }));

/** Nano Banana at its smallest resolution: a documented 50 credits per image. */
const images = (settings: IDataObject = {}, options: IDataObject = {}) => ({
	operation: 'aiImageGenerator',
	prompt: '={{ $json.prompt }}',
	imageCount: 1,
	options: { model: 'nano-banana', resolution: '640px', ...options },
	downloadOutputs: false,
	executionSettings: { ...FAST_POLLING, ...settings },
});

/** A silent 5 s animation at 10 frames per second: a documented 50 credits (an estimate until it ends). */
const animations = (settings: IDataObject = {}) => ({
	operation: 'animation',
	audioSourceType: 'none',
	promptType: 'custom',
	prompt: 'A neon city at night, rain on the streets',
	artStyle: 'Cyberpunk',
	cameraEffect: 'Simple Zoom In',
	transitionSpeed: 5,
	endSeconds: 5,
	fps: 10,
	width: 512,
	height: 512,
	options: {},
	downloadOutputs: false,
	executionSettings: { ...FAST_POLLING, ...settings },
});

async function run(
	node: 'image' | 'video',
	parameters: IDataObject,
	input: INodeExecutionData[],
	continueOnFail = false,
) {
	let hints: NodeExecutionHint[] = [];
	const result = await executeNode({
		nodeType: node === 'image' ? new MagicHourImage() : new MagicHourVideo(),
		parameters: parameters as never,
		items: input,
		continueOnFail,
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
		onContext: (context: IExecuteFunctions) => {
			hints = (context as unknown as { hints: NodeExecutionHint[] }).hints;
		},
	});
	return { ...result, hints };
}

const apiRequests = () => emu.log.filter((entry) => entry.path.startsWith('/v1/'));
const createRequests = (path: string) =>
	emu.log.filter((entry) => entry.method === 'POST' && entry.path === path);
const accountRequests = () => emu.log.filter((entry) => entry.path === '/v1/account');
/** Credits the emulator's account lost in this test (charges minus refunds). */
const spent = () => emu.counters().creditsCharged - emu.counters().creditsRefunded;

describe('Max Credits per Run (spend guard)', () => {
	it('off (the default) sends no extra request and still says what the run cost', async () => {
		const { output, hints } = await run(
			'image',
			{ ...images(), waitForCompletion: false },
			items(3),
		);
		// Exactly one request per item: the creates, nothing else (no balance check, no price lookup).
		expect(apiRequests().map((entry) => `${entry.method} ${entry.path}`)).toEqual(
			Array(3).fill(`POST ${IMAGE_CREATE}`),
		);
		expect(output[0].map((item) => item.json.run_credits_charged)).toEqual([150, 150, 150]);
		expect(hints).toEqual([
			expect.objectContaining({
				message: expect.stringMatching(
					/^Magic Hour: this run charged 150 credits \(3 jobs\) · 3 started \(not waited for\) · took \d+ s\.$/,
				),
			}),
		]);
	});

	it('stops a batch mid-way under concurrency: the items past the budget end as error items that cost nothing', async () => {
		// Slow creates: the ten items all reach the guard while the first creates are in flight.
		emu.faults.add({
			match: `POST ${IMAGE_CREATE}`,
			times: 10,
			fault: { type: 'slow-headers', delayMs: 100 },
		});
		const { output, hints } = await run(
			'image',
			images({ maxConcurrency: 10, maxCreditsPerRun: 230 }),
			items(10),
			true,
		);
		expect(createRequests(IMAGE_CREATE)).toHaveLength(4);
		expect(spent()).toBe(200);
		const results = output[0].map((item) => item.json.status ?? item.json.error);
		expect(results.filter((result) => result === 'complete')).toHaveLength(4);
		expect(results.filter((result) => result !== 'complete')).toEqual(
			Array(6).fill('Not started: budget of 230 credits reached (200 spent by this run)'),
		);
		expect(output[0].every((item) => item.json.run_credits_charged === 200)).toBe(true);
		expect(output[0].map((item) => item.pairedItem)).toEqual(
			items(10).map((_, i) => ({ item: i })),
		);
		expect(hints[0].message).toMatch(
			/^Magic Hour: this run charged 200 credits of its budget of 230 \(4 jobs\) · 4 complete, 6 failed · took \d+ s\.$/,
		);
	});

	it('without Continue On Fail, the error names the budget, the jobs created and the items not started', async () => {
		const error = await failureOf(
			run('image', images({ maxConcurrency: 3, maxCreditsPerRun: 100 }), items(5)),
		);
		expect(error.message).toBe(
			'Not started: budget of 100 credits reached (100 spent by this run)',
		);
		expect(error.description).toMatch(/It would cost 50 credits/);
		expect(error.description).toMatch(
			/Jobs this run created at Magic Hour[^]*- project \w+ .*: status \w+, 50 credits charged\n- project \w+ .*, 50 credits charged/,
		);
		expect(error.description).toMatch(
			/Items not started \(nothing was charged for them\): item index 2, 3, 4\./,
		);
		expect(error.description).toMatch(/This run charged 100 credits\./);
		expect(emu.counters().jobsCreated).toBe(2);
	});

	it('never sends a create past the budget after 429 waits', async () => {
		emu.faults.add({
			match: `POST ${IMAGE_CREATE}`,
			times: 3,
			fault: { type: 'rate-limit', retryAfterSeconds: 0.05 },
		});
		const { output } = await run(
			'image',
			images({ maxConcurrency: 5, maxCreditsPerRun: 150 }),
			items(5),
			true,
		);
		// Three 429s and three creates that went through; no attempt for the items past the budget.
		expect(
			createRequests(IMAGE_CREATE)
				.map((entry) => entry.status)
				.sort(),
		).toEqual([200, 200, 200, 429, 429, 429]);
		expect(spent()).toBe(150);
		expect(output[0].filter((item) => item.json.status === 'complete')).toHaveLength(3);
	});

	it('a retry after a 429 does not start when a video final charge has grown past the budget meanwhile', async () => {
		emu.jobs.setDurationMs(ANIMATION_CREATE, 20);
		// Whichever create comes first is held by a 1 s Retry-After; the other's job ends meanwhile
		// and charges 60 instead of its 50 estimate.
		emu.faults.add({
			match: `POST ${ANIMATION_CREATE}`,
			fault: { type: 'rate-limit', retryAfterSeconds: 1 },
		});
		emu.jobs.finalCreditsNext({ endpoint: ANIMATION_CREATE, credits: 60 });
		const { output } = await run(
			'video',
			animations({ maxConcurrency: 2, maxCreditsPerRun: 100 }),
			items(2),
			true,
		);
		expect(createRequests(ANIMATION_CREATE).map((entry) => entry.status)).toEqual([429, 200]);
		expect(emu.counters().jobsCreated).toBe(1);
		expect(spent()).toBe(60);
		expect(output[0].map((item) => item.json.status ?? item.json.error).sort()).toEqual([
			'Not started: budget of 100 credits reached (60 spent by this run)',
			'complete',
		]);
	});

	it.each([
		['lower', 30, 3, 110],
		['higher', 80, 1, 80],
	])(
		'counts a video at its final charge once it ends (%s than the estimate)',
		async (_, final, jobs, runCredits) => {
			emu.jobs.setDurationMs(ANIMATION_CREATE, 20);
			emu.jobs.finalCreditsNext({ endpoint: ANIMATION_CREATE, credits: final });
			emu.jobs.finalCreditsNext({ endpoint: ANIMATION_CREATE, credits: final });
			const { output } = await run(
				'video',
				animations({ maxConcurrency: 1, maxCreditsPerRun: 120 }),
				items(3),
				true,
			);
			expect(emu.counters().jobsCreated).toBe(jobs);
			expect(spent()).toBe(runCredits);
			expect(output[0].every((item) => item.json.run_credits_charged === runCredits)).toBe(true);
			if (jobs === 1) {
				expect(output[0][1].json.error).toBe(
					'Not started: budget of 120 credits reached (80 spent by this run)',
				);
			}
		},
	);

	it('a video model with no documented price: its jobs start one at a time, and the next only when what the first charged is left', async () => {
		const { output } = await run(
			'video',
			{
				operation: 'textToVideo',
				prompt: 'A drone flight over a coastline',
				duration: 5,
				waitForCompletion: false,
				executionSettings: { ...FAST_POLLING, maxConcurrency: 3, maxCreditsPerRun: 250 },
			},
			items(3),
			true,
		);
		// The emulator charges 150 for 5 s; 100 are left after the first, less than it charged.
		expect(emu.counters().jobsCreated).toBe(1);
		expect(spent()).toBe(150);
		expect(output[0].map((item) => item.json.error ?? item.json.status)).toEqual([
			'queued',
			'Not started: budget of 250 credits reached (150 spent by this run)',
			'Not started: budget of 250 credits reached (150 spent by this run)',
		]);
		expect(output[0][1].json.description).toMatch(/Its price is not known before the job/);
	});

	describe('balance check before a batch', () => {
		it('fails before the first create when the account cannot pay the batch, with one request', async () => {
			emu.setCredits(120);
			const error = await failureOf(run('image', images({ maxCreditsPerRun: 1000 }), items(3)));
			expect(error.message).toBe(
				'Not enough Magic Hour credits for this batch: it needs 150 credits and the account has 120',
			);
			expect(error.description).toMatch(/Nothing was sent to Magic Hour/);
			expect(error.description).toMatch(/set "Max Credits per Run".* to at most 120/);
			expect(apiRequests().map((entry) => `${entry.method} ${entry.path}`)).toEqual([
				'GET /v1/account',
			]);
		});

		it('with Continue On Fail gives every item that error, and creates nothing', async () => {
			emu.setCredits(120);
			const { output } = await run('image', images({ maxCreditsPerRun: 1000 }), items(3), true);
			expect(output[0].map((item) => item.json.error)).toEqual(
				Array(3).fill(
					'Not enough Magic Hour credits for this batch: it needs 150 credits and the account has 120',
				),
			);
			expect(emu.counters().creates).toBe(0);
		});

		it('counts only what the budget lets the run spend', async () => {
			emu.setCredits(120);
			const { output } = await run('image', images({ maxCreditsPerRun: 100 }), items(3), true);
			expect(accountRequests()).toHaveLength(1);
			expect(output[0].map((item) => item.json.status ?? item.json.error)).toEqual([
				'complete',
				'complete',
				'Not started: budget of 100 credits reached (100 spent by this run)',
			]);
		});

		it('is not made for a single item (Magic Hour answers 402 itself)', async () => {
			await run('image', images({ maxCreditsPerRun: 100 }), items(1));
			expect(accountRequests()).toHaveLength(0);
			expect(emu.counters().jobsCreated).toBe(1);
		});
	});
});

/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Phase 7: what "Max Credits per Run" costs (issue 27). The same batch of image jobs through the
 * Magic Hour Image node with the guard off (the default, the baseline) and on (a budget every job
 * fits, so nothing is refused), alternating in rounds so that drift of the machine hits both
 * alike; plus the guard's own bookkeeping per item, timed alone.
 */
import type { IDataObject } from 'n8n-workflow';

import { start } from '../../emulator';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { SpendGuard } from '../../nodes/shared/engine/spendGuard';
import { executeNode } from '../../test/harness/executeNode';
import { log } from '../lib/child';
import { median, round } from '../lib/stats';

export interface SpendGuardConfig {
	items: number;
	concurrency: number;
	rounds: number;
	/** Items the bookkeeping micro-benchmark runs through the guard. */
	bookkeepingItems: number;
}

export interface GuardRuns {
	/** Wall time of one execution, ms: median and each round. */
	wallMs: { median: number; runs: number[] };
	/** CPU time of the process (node and in-process emulator) per execution, ms, median. */
	cpuMs: number;
	/** From the start of the execution to the emulator receiving the first create, ms, median: what the balance check delays. */
	firstCreateMs: number;
	/** Requests to /v1/ per execution (creates, status checks, the balance check). */
	apiRequests: number;
	accountRequests: number;
	/** Time the emulator took to answer GET /v1/account, ms, median (0 without it). */
	accountRequestMs: number;
}

export interface SpendGuardResult {
	config: SpendGuardConfig;
	off: GuardRuns;
	on: GuardRuns;
	/** Single item with the guard on: no balance check. */
	singleItemAccountRequests: number;
	/** Bookkeeping per item, ns: guard off (charges added up) and on (admission + settlement). */
	bookkeepingNsPerItem: { off: number; on: number };
}

const PARAMETERS: IDataObject = {
	operation: 'aiImageGenerator',
	prompt: '={{ "bench " + $json.row }}',
	imageCount: 1,
	options: { model: 'nano-banana', resolution: '640px' },
	downloadOutputs: false,
};

function bookkeepingNs(budget: number | undefined, items: number): number {
	const price = { known: true as const, credits: 50 };
	const started = process.hrtime.bigint();
	const guard = new SpendGuard(budget);
	for (let item = 0; item < items; item++) {
		// Without a budget the run never calls admit (no price is worked out): only settle.
		if (budget !== undefined) void guard.admit(item, price);
		guard.settle(item, 50);
	}
	if (guard.total !== items * 50) throw new Error('bookkeeping benchmark: wrong total');
	return Number(process.hrtime.bigint() - started) / items;
}

export async function runSpendGuard(config: SpendGuardConfig): Promise<SpendGuardResult> {
	const emu = await start({ quiet: true, speed: 1000, credits: 1_000_000_000 });
	const credentials = { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl };
	const items = Array.from({ length: config.items }, (_, row) => ({ json: { row } }));
	const settings = { pollingMode: 'fixed', pollIntervalSeconds: 0.05 };

	const once = async (budget: number | undefined, input = items) => {
		emu.reset();
		const cpu = process.cpuUsage();
		const started = process.hrtime.bigint();
		const startedAt = Date.now();
		const { output } = await executeNode({
			nodeType: new MagicHourImage(),
			parameters: {
				...PARAMETERS,
				executionSettings: {
					...settings,
					maxConcurrency: config.concurrency,
					...(budget === undefined ? {} : { maxCreditsPerRun: budget }),
				},
			} as never,
			items: input,
			credentials,
		});
		const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
		const used = process.cpuUsage(cpu);
		const complete = output[0].filter((item) => item.json.status === 'complete').length;
		if (complete !== input.length)
			throw new Error(`spend guard bench: ${complete} of ${input.length} jobs completed`);
		const api = emu.log.filter((entry) => entry.path.startsWith('/v1/'));
		const account = api.filter((entry) => entry.path === '/v1/account');
		const firstCreate = api.find((entry) => entry.method === 'POST');
		return {
			wallMs,
			firstCreateMs: (firstCreate?.start ?? startedAt) - startedAt,
			cpuMs: (used.user + used.system) / 1000,
			apiRequests: api.length,
			accountRequests: account.length,
			accountMs: account.map((entry) => entry.end - entry.start),
		};
	};

	try {
		// Warm-up: module loading and JIT, not measured.
		await once(undefined);
		await once(1_000_000);
		type Run = Awaited<ReturnType<typeof once>>;
		const runs: Record<'off' | 'on', Run[]> = { off: [], on: [] };
		for (let index = 0; index < config.rounds; index++) {
			const order: Array<'off' | 'on'> = index % 2 ? ['on', 'off'] : ['off', 'on'];
			for (const mode of order) {
				runs[mode].push(await once(mode === 'off' ? undefined : 1_000_000));
			}
			log(
				`spend guard: round ${index + 1}/${config.rounds}: off ${round(runs.off.at(-1)!.wallMs, 0)} ms, on ${round(runs.on.at(-1)!.wallMs, 0)} ms`,
			);
		}
		const summary = (list: Run[]): GuardRuns => ({
			wallMs: {
				median: round(median(list.map((r) => r.wallMs)), 1),
				runs: list.map((r) => round(r.wallMs, 0)),
			},
			cpuMs: round(median(list.map((r) => r.cpuMs)), 1),
			firstCreateMs: round(median(list.map((r) => r.firstCreateMs)), 1),
			apiRequests: round(median(list.map((r) => r.apiRequests)), 1),
			accountRequests: Math.max(...list.map((r) => r.accountRequests)),
			accountRequestMs: round(median(list.flatMap((r) => r.accountMs)) || 0, 2),
		});
		const single = await once(1_000_000, items.slice(0, 1));
		bookkeepingNs(undefined, config.bookkeepingItems);
		bookkeepingNs(1e12, config.bookkeepingItems);
		return {
			config,
			off: summary(runs.off),
			on: summary(runs.on),
			singleItemAccountRequests: single.accountRequests,
			bookkeepingNsPerItem: {
				off: round(bookkeepingNs(undefined, config.bookkeepingItems), 1),
				on: round(bookkeepingNs(1e12, config.bookkeepingItems), 1),
			},
		};
	} finally {
		await emu.stop();
	}
}

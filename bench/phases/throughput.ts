/**
 * Phase 3: 100 image jobs through one node execution (time-scaled, see ../lib/scaledClock.ts).
 *
 * Ours: the Magic Hour Image node, Automatic polling, Max Concurrent Jobs 5 and 10.
 * Baseline: the guides' loop (../lib/guideLoopNode.ts): create → poll every 3 s → download, one
 * item after the other. Every run gets the same 100 job durations in creation order.
 */
import type { IDataObject } from 'n8n-workflow';

import { start } from '../../emulator';
import { toolRequestBody } from '../../nodes/shared/catalog/requestBody';
import { executeNode } from '../../test/harness/executeNode';
import { log } from '../lib/child';
import { GuideLoopNode } from '../lib/guideLoopNode';
import {
	clearDurations,
	drawDurationsMs,
	queueDurations,
	type DurationRange,
} from '../lib/jobDurations';
import { withScaledPollers } from '../lib/scaledClock';
import { median, round } from '../lib/stats';
import { fixtureOf, toolOf, TOOL_NODES } from '../lib/tools';

export interface ThroughputConfig {
	timeScale: number;
	operation: string;
	fixtureIndex: number;
	range: DurationRange;
	items: number;
	concurrencies: number[];
	seed: number;
	guidePollSeconds: number;
}

export interface ThroughputRun {
	label: string;
	concurrency: number;
	/** Equivalent (time-scaled) seconds from the start of the execution to its output. */
	seconds: number;
	realSeconds: number;
	jobsPerMinute: number;
	completed: number;
	statusChecks: number;
	creates: number;
}

export interface ThroughputResult {
	timeScale: number;
	operation: string;
	items: number;
	durationSeconds: { min: number; median: number; max: number; sum: number };
	baseline: ThroughputRun;
	ours: ThroughputRun[];
}

export async function runThroughput(config: ThroughputConfig): Promise<ThroughputResult> {
	return await withScaledPollers(config.timeScale, async () => await measureThroughput(config));
}

async function measureThroughput(config: ThroughputConfig): Promise<ThroughputResult> {
	const scale = config.timeScale;
	const tool = toolOf(config.operation);
	const fixture = fixtureOf(config.operation, config.fixtureIndex);
	const parameters = fixture.parameters as IDataObject;
	const fixtureOptions = (parameters.options as IDataObject) ?? {};
	const fields: IDataObject = {};
	for (const field of tool.fields) fields[field.name] = parameters[field.name] ?? field.default;
	const body = toolRequestBody(tool, { fields, options: fixtureOptions, files: {} }, '');

	const emu = await start({ quiet: true, tier: 'business', credits: 1_000_000_000, speed: scale });
	const credentials = { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl };
	const durations = drawDurationsMs(config.range, config.items, config.seed);
	const items = Array.from({ length: config.items }, (_, row) => ({ json: { row } }));

	const measure = async (
		label: string,
		concurrency: number,
		run: () => Promise<unknown>,
	): Promise<ThroughputRun> => {
		emu.reset();
		clearDurations();
		queueDurations(durations.map((ms) => ms / scale));
		log(`throughput: ${label} …`);
		const startedReal = Date.now();
		const output = (await run()) as Array<Array<{ json: IDataObject }>>;
		const realSeconds = (Date.now() - startedReal) / 1000;
		const seconds = realSeconds * scale;
		const completed = output[0].filter((item) => item.json.status === 'complete').length;
		const counters = emu.counters();
		const statusChecks = Object.entries(counters.byRoute)
			.filter(([route]) => route.startsWith(`GET /v1/${tool.kind}-projects/`))
			.reduce((sum, [, count]) => sum + count, 0);
		const result: ThroughputRun = {
			label,
			concurrency,
			seconds: round(seconds),
			realSeconds: round(realSeconds, 1),
			jobsPerMinute: round((completed / seconds) * 60, 2),
			completed,
			statusChecks,
			creates: counters.byRoute[`POST ${tool.endpoint}`] ?? 0,
		};
		log(
			`throughput: ${label}: ${completed} jobs in ${result.seconds} s (equivalent), ${result.jobsPerMinute} jobs/min, ${statusChecks} status checks`,
		);
		return result;
	};

	const baseline = await measure('guide loop, one by one, 3 s poll', 1, async () => {
		const { output } = await executeNode({
			nodeType: new GuideLoopNode(),
			typeName: 'bench.guideLoop',
			parameters: {
				baseUrl: emu.baseUrl,
				endpoint: tool.endpoint,
				kind: tool.kind,
				body: JSON.stringify(body),
				pollSeconds: config.guidePollSeconds / scale,
			},
			items,
			credentials,
		});
		return output;
	});
	const ours: ThroughputRun[] = [];
	for (const concurrency of config.concurrencies) {
		ours.push(
			await measure(
				`our node, Max Concurrent Jobs ${concurrency}, Automatic polling`,
				concurrency,
				async () => {
					const { output } = await executeNode({
						nodeType: TOOL_NODES[tool.kind],
						parameters: {
							...fixture.parameters,
							executionSettings: { maxConcurrency: concurrency },
						},
						items,
						credentials,
					});
					return output;
				},
			),
		);
	}
	await emu.stop();
	return {
		timeScale: config.timeScale,
		operation: config.operation,
		items: config.items,
		durationSeconds: {
			min: round(Math.min(...durations) / 1000),
			median: round(median(durations) / 1000),
			max: round(Math.max(...durations) / 1000),
			sum: round(durations.reduce((a, b) => a + b, 0) / 1000),
		},
		baseline,
		ours,
	};
}

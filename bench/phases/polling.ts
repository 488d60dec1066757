/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Phases 1 and 2, one job kind at a time (time-scaled, see ../lib/scaledClock.ts).
 *
 * N single-item executions of a real tool node with Automatic polling, and N with Fixed 3 s
 * polling (the integration guides' loop), all against one emulator. Job i of both strategies gets
 * the same duration, drawn from the kind's documented range. Per job we read from the emulator
 * how many status requests it answered and when the job turned `complete`, and note when the
 * item left the node (execute() returned, output downloaded).
 */
import type { INodeParameters } from 'n8n-workflow';

import { start } from '../../emulator';
import type { ProjectKind } from '../../nodes/shared/catalog/types';
import { executeNode } from '../../test/harness/executeNode';
import { log } from '../lib/child';
import { drawDurationsMs, queueDurations, type DurationRange } from '../lib/jobDurations';
import { withScaledPollers } from '../lib/scaledClock';
import { mean, median, p95, round } from '../lib/stats';
import { fixtureOf, toolOf, TOOL_NODES } from '../lib/tools';

export interface PollingConfig {
	label: string;
	/** Clock scale of this kind (see ../lib/scaledClock.ts). */
	timeScale: number;
	operation: string;
	fixtureIndex: number;
	range: DurationRange;
	jobsPerStrategy: number;
	seed: number;
	fixedIntervalSeconds: number;
}

export interface StrategyResult {
	jobs: number;
	failed: number;
	statusChecks: {
		mean: number;
		median: number;
		p95: number;
		min: number;
		max: number;
		total: number;
	};
	/** create + status checks + downloads, per job. */
	apiCallsPerJob: number;
	/** Equivalent (time-scaled) seconds between `complete` in the emulator and the item leaving the node. */
	lagSeconds: { median: number; p95: number; mean: number; max: number };
	/** The same lag on the benchmark's wall clock (ms). */
	lagRealMs: { median: number; p95: number };
}

export interface PollingResult {
	label: string;
	operation: string;
	kind: ProjectKind;
	endpoint: string;
	timeScale: number;
	nodeExpectedSeconds: number;
	durationSeconds: { min: number; median: number; max: number };
	wallSeconds: number;
	automatic: StrategyResult;
	fixed: StrategyResult;
}

type Strategy = 'automatic' | 'fixed';

interface JobRun {
	strategy: Strategy;
	index: number;
	leaveAt: number;
	id?: string;
	error?: string;
	downloads: number;
}

async function until(condition: () => boolean, realTimeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + realTimeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setImmediate(resolve));
	}
}

export async function runPolling(config: PollingConfig): Promise<PollingResult> {
	return await withScaledPollers(config.timeScale, async () => await measurePolling(config));
}

async function measurePolling(config: PollingConfig): Promise<PollingResult> {
	const scale = config.timeScale;
	const tool = toolOf(config.operation);
	const fixture = fixtureOf(config.operation, config.fixtureIndex);

	const emu = await start({ quiet: true, tier: 'business', credits: 1_000_000_000, speed: scale });
	const credentials = { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl };
	const durations = drawDurationsMs(config.range, config.jobsPerStrategy, config.seed);
	const settingsFor = (strategy: Strategy): INodeParameters =>
		strategy === 'fixed'
			? { pollingMode: 'fixed', pollIntervalSeconds: config.fixedIntervalSeconds }
			: {};

	log(
		`${config.label}: ${config.jobsPerStrategy} jobs x 2 strategies, durations ${round(Math.min(...durations) / 1000)}–${round(Math.max(...durations) / 1000)} s, clock x${scale}`,
	);
	const startedReal = Date.now();
	const runs: Array<Promise<JobRun>> = [];
	for (let index = 0; index < config.jobsPerStrategy; index++) {
		for (const strategy of ['automatic', 'fixed'] as const) {
			const before = emu.counters().jobsCreated;
			queueDurations([durations[index] / scale]);
			const run = executeNode({
				nodeType: TOOL_NODES[tool.kind],
				parameters: { ...fixture.parameters, executionSettings: settingsFor(strategy) },
				items: [{ json: { row: index } }],
				credentials,
			}).then(
				({ output }): JobRun => {
					const leaveAt = Date.now();
					const item = output[0][0];
					return {
						strategy,
						index,
						leaveAt,
						id: String(item.json.id),
						downloads: Object.keys(item.binary ?? {}).length,
					};
				},
				(error: Error): JobRun => ({
					strategy,
					index,
					leaveAt: Date.now(),
					error: error.message,
					downloads: 0,
				}),
			);
			runs.push(run);
			// One create at a time, so job i of both strategies gets duration i.
			await until(() => emu.counters().jobsCreated > before, 30_000, `the create of job ${index}`);
		}
	}
	const results = await Promise.all(runs);
	const wallSeconds = (Date.now() - startedReal) / 1000;

	const statusPath = (id: string) => `/v1/${tool.kind}-projects/${encodeURIComponent(id)}`;
	const checksById = new Map<string, number>();
	for (const entry of emu.log) {
		if (entry.method === 'GET' && entry.path.startsWith(`/v1/${tool.kind}-projects/`)) {
			checksById.set(entry.path, (checksById.get(entry.path) ?? 0) + 1);
		}
	}

	const summarize = (strategy: Strategy): StrategyResult => {
		const mine = results.filter((r) => r.strategy === strategy);
		const ok = mine.filter((r) => !r.error && r.id);
		for (const failed of mine.filter((r) => r.error))
			log(`  ${strategy} job ${failed.index} failed: ${failed.error}`);
		const checks = ok.map((r) => checksById.get(statusPath(r.id!)) ?? 0);
		// Equivalent ms: the emulator's and the leave times are wall-clock.
		const lags = ok.map((r) => {
			const project = emu.getProject(r.id!)!;
			return (r.leaveAt - (project.createdAt + project.finishAtMs)) * scale;
		});
		const downloads = ok.reduce((sum, r) => sum + r.downloads, 0);
		return {
			jobs: ok.length,
			failed: mine.length - ok.length,
			statusChecks: {
				mean: round(mean(checks), 2),
				median: median(checks),
				p95: round(p95(checks), 1),
				min: Math.min(...checks),
				max: Math.max(...checks),
				total: checks.reduce((a, b) => a + b, 0),
			},
			apiCallsPerJob: round(1 + mean(checks) + downloads / Math.max(1, ok.length), 2),
			lagSeconds: {
				median: round(median(lags) / 1000, 2),
				p95: round(p95(lags) / 1000, 2),
				mean: round(mean(lags) / 1000, 2),
				max: round(Math.max(...lags) / 1000, 2),
			},
			lagRealMs: { median: round(median(lags) / scale, 1), p95: round(p95(lags) / scale, 1) },
		};
	};

	const result: PollingResult = {
		label: config.label,
		operation: config.operation,
		kind: tool.kind,
		endpoint: tool.endpoint,
		timeScale: scale,
		nodeExpectedSeconds: tool.expectedSeconds,
		durationSeconds: {
			min: round(Math.min(...durations) / 1000),
			median: round(median(durations) / 1000),
			max: round(Math.max(...durations) / 1000),
		},
		wallSeconds: round(wallSeconds),
		automatic: summarize('automatic'),
		fixed: summarize('fixed'),
	};
	await emu.stop();
	log(
		`${config.label}: status checks/job automatic ${result.automatic.statusChecks.mean} vs fixed ${result.fixed.statusChecks.mean}; lag median ${result.automatic.lagSeconds.median} s vs ${result.fixed.lagSeconds.median} s (${round(wallSeconds)} s wall)`,
	);
	return result;
}

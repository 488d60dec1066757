/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * `npm run bench`: every benchmark of issue 8 against the local emulator, each figure beside its
 * baseline measured in the same run, written to bench/RESULTS.md. Benchmarks print numbers and
 * never fail on timing; they fail only when something does not work (a job not completing, a
 * download of the wrong size).
 *
 *   npm run bench                       # everything (a few minutes on 2 cores)
 *   npm run bench -- --only=trigger     # some phases: polling,throughput,memory,trigger,n8n,guard
 *                                       # (a partial run writes bench/tmp/RESULTS.partial.md)
 *   npm run bench -- --report-only      # rewrite RESULTS.md from the last full run's numbers
 *                                       # (bench/tmp/results.json), measuring nothing
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';

import { BENCH_DIR, log, runChild, TMP_DIR } from './lib/child';
import { DURATION_RANGES } from './lib/jobDurations';
import { writeReport, type BenchReport } from './lib/report';
import type { MemoryMode } from './memoryChild';
import { runMemory } from './phases/memory';
import { runN8nWebhooks, type N8nWebhooksConfig } from './phases/n8nWebhooks';
import type { PollingConfig } from './phases/polling';
import type { SpendGuardConfig, SpendGuardResult } from './phases/spendGuard';
import type { ThroughputConfig } from './phases/throughput';
import type { TimedConfig, TimedResult } from './timed';
import type { TriggerConfig, TriggerResult } from './triggerChild';

const ROOT = resolve(BENCH_DIR, '..');
const PHASES = ['polling', 'throughput', 'memory', 'trigger', 'n8n', 'guard'] as const;
type Phase = (typeof PHASES)[number];

/**
 * One tool per kind, with URL inputs (no uploads). `timeScale` makes the longest job last about
 * 10–15 s of wall time; lower scales keep the unscaled request latency small in equivalent time.
 */
const POLLING: PollingConfig[] = [
	{
		label: 'image',
		operation: 'aiImageGenerator',
		fixtureIndex: 0,
		range: DURATION_RANGES.mediumImage,
		timeScale: 4,
		jobsPerStrategy: 30,
		seed: 11,
		fixedIntervalSeconds: 3,
	},
	{
		label: 'image, fast',
		operation: 'imageBackgroundRemover',
		fixtureIndex: 1,
		range: DURATION_RANGES.fastImage,
		timeScale: 2,
		jobsPerStrategy: 30,
		seed: 12,
		fixedIntervalSeconds: 3,
	},
	{
		label: 'short video',
		operation: 'lipSync',
		fixtureIndex: 1,
		range: DURATION_RANGES.simpleVideo,
		timeScale: 10,
		jobsPerStrategy: 24,
		seed: 13,
		fixedIntervalSeconds: 3,
	},
	{
		label: 'standard video',
		operation: 'textToVideo',
		fixtureIndex: 0,
		range: DURATION_RANGES.standardVideo,
		timeScale: 20,
		jobsPerStrategy: 16,
		seed: 14,
		fixedIntervalSeconds: 3,
	},
	{
		label: 'long video',
		operation: 'videoToVideo',
		fixtureIndex: 1,
		range: DURATION_RANGES.complexVideo,
		timeScale: 40,
		jobsPerStrategy: 12,
		seed: 15,
		fixedIntervalSeconds: 3,
	},
	{
		label: 'audio',
		operation: 'aiVoiceGenerator',
		fixtureIndex: 0,
		range: DURATION_RANGES.audio,
		timeScale: 2,
		jobsPerStrategy: 30,
		seed: 16,
		fixedIntervalSeconds: 3,
	},
];

const THROUGHPUT: ThroughputConfig = {
	timeScale: 80,
	operation: 'aiImageGenerator',
	fixtureIndex: 0,
	range: DURATION_RANGES.mediumImage,
	items: 100,
	concurrencies: [5, 10],
	seed: 21,
	guidePollSeconds: 3,
};

const MEMORY_BYTES = 1024 ** 3;
const MEMORY_MODES: MemoryMode[] = ['stream', 'sdk', 'n8nBuffer'];

const TRIGGER: TriggerConfig = {
	verifyIterations: 200_000,
	events: 1_000,
	warmupEvents: 100,
	concurrency: 16,
	rounds: 2,
	ledgerEntries: 1_000,
};

/** Phase 7: the spend guard (issue 27), off against on, 40 image jobs per execution. */
const SPEND_GUARD: SpendGuardConfig = {
	items: 40,
	concurrency: 10,
	rounds: 8,
	bookkeepingItems: 200_000,
};

/** Phase 6, in a real `n8n start` (.cache/n8n): the load issue 16 specifies. */
const N8N_WEBHOOKS: N8nWebhooksConfig = {
	events: 300,
	warmupEvents: 30,
	concurrency: 8,
	rounds: 2,
};

function packageVersion(name: string, from = ROOT): string {
	try {
		const path = require.resolve(`${name}/package.json`, { paths: [from] });
		return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
	} catch {
		return 'not installed';
	}
}

function realN8nVersion(): string | undefined {
	const path = join(ROOT, '.cache', 'n8n', 'app', 'node_modules', 'n8n', 'package.json');
	if (!existsSync(path)) return undefined;
	return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

function gitCommit(): string {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd: ROOT,
			encoding: 'utf8',
		}).trim();
		const dirty = execFileSync(
			'git',
			['status', '--porcelain', '--', 'nodes', 'credentials', 'emulator'],
			{ cwd: ROOT, encoding: 'utf8' },
		).trim();
		return dirty ? `${head} + uncommitted changes` : head;
	} catch {
		return 'unknown';
	}
}

function selectedPhases(): Phase[] {
	const only = process.argv.find((arg) => arg.startsWith('--only='));
	if (!only) return [...PHASES];
	const wanted = only
		.slice('--only='.length)
		.split(',')
		.map((p) => p.trim());
	const unknown = wanted.filter((p) => !PHASES.includes(p as Phase));
	if (unknown.length)
		throw new Error(`unknown phase(s) ${unknown.join(', ')}; choose from ${PHASES.join(', ')}`);
	return wanted as Phase[];
}

async function main(): Promise<void> {
	if (process.argv.includes('--report-only')) {
		const report = JSON.parse(readFileSync(join(TMP_DIR, 'results.json'), 'utf8')) as BenchReport;
		writeFileSync(join(BENCH_DIR, 'RESULTS.md'), writeReport(report));
		log(
			`Rewrote ${join(BENCH_DIR, 'RESULTS.md')} from bench/tmp/results.json (run of ${report.date}).`,
		);
		return;
	}
	const phases = selectedPhases();
	const started = Date.now();
	const cpus = os.cpus();
	const report: BenchReport = {
		machine: {
			cpu: cpus[0]?.model.trim() ?? 'unknown',
			cores: cpus.length,
			ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
			os: `${os.type()} ${os.release()} ${os.arch()}`,
			loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
		},
		versions: {
			node: process.version,
			n8nCore: packageVersion('n8n-core'),
			n8nWorkflow: packageVersion('n8n-workflow'),
			realN8n: realN8nVersion(),
			commit: gitCommit(),
		},
		date: new Date().toISOString(),
	};
	log(
		`Benchmarks (${phases.join(', ')}) on ${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.versions.node}`,
	);

	if (phases.includes('polling') || phases.includes('throughput')) {
		log('\n== 1–3: polling, completion lag, batch throughput (time-scaled clock) ==');
		const timed = await runChild<TimedResult>(
			'timed.ts',
			{
				polling: phases.includes('polling') ? POLLING : [],
				throughput: phases.includes('throughput') ? THROUGHPUT : undefined,
			} satisfies TimedConfig,
			{ label: 'timed' },
		);
		if (timed.polling.length) report.polling = timed.polling;
		report.throughput = timed.throughput;
	}
	if (phases.includes('memory')) {
		log('\n== 4: memory while downloading a 1 GiB video ==');
		report.memory = await runMemory(MEMORY_BYTES, MEMORY_MODES);
	}
	if (phases.includes('trigger')) {
		log('\n== 5: Trigger ==');
		report.trigger = await runChild<TriggerResult>('triggerChild.ts', TRIGGER, {
			label: 'trigger',
		});
	}
	if (phases.includes('n8n')) {
		log('\n== 6: Trigger vs Webhook node in a real n8n ==');
		report.n8nWebhooks = await runN8nWebhooks(N8N_WEBHOOKS);
	}
	if (phases.includes('guard')) {
		log('\n== 7: spend guard (Max Credits per Run), off and on ==');
		report.spendGuard = await runChild<SpendGuardResult>('guardChild.ts', SPEND_GUARD, {
			label: 'guard',
		});
	}
	report.totalSeconds = Math.round((Date.now() - started) / 1000);
	report.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);

	const markdown = writeReport(report);
	mkdirSync(TMP_DIR, { recursive: true });
	const partial = phases.length !== PHASES.length;
	const target = partial ? join(TMP_DIR, 'RESULTS.partial.md') : join(BENCH_DIR, 'RESULTS.md');
	writeFileSync(target, markdown);
	writeFileSync(
		join(TMP_DIR, partial ? 'results.partial.json' : 'results.json'),
		JSON.stringify(report, null, 2),
	);
	log(`\n${markdown}`);
	log(`Wrote ${target} (${report.totalSeconds} s).`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
	process.exit(1);
});

/** Turns the numbers of one `npm run bench` run into bench/RESULTS.md. */
import type { MemoryBenchResult } from '../phases/memory';
import type { N8nWebhooksResult } from '../phases/n8nWebhooks';
import type { PollingResult } from '../phases/polling';
import type { SpendGuardResult } from '../phases/spendGuard';
import type { ThroughputResult } from '../phases/throughput';
import type { TriggerResult } from '../triggerChild';

export interface BenchReport {
	machine: { cpu: string; cores: number; ramGiB: number; os: string; loadAverageAtStart: number[] };
	versions: {
		node: string;
		n8nCore: string;
		n8nWorkflow: string;
		realN8n?: string;
		commit: string;
	};
	date: string;
	polling?: PollingResult[];
	throughput?: ThroughputResult;
	memory?: MemoryBenchResult;
	trigger?: TriggerResult;
	n8nWebhooks?: N8nWebhooksResult;
	spendGuard?: SpendGuardResult;
	totalSeconds?: number;
	loadAverageAtEnd?: number[];
}

const fmt = (value: number, digits = 1) =>
	Number.isFinite(value)
		? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
		: 'n/a';
const times = (ours: number, theirs: number, digits = 1) =>
	ours > 0 ? `${fmt(theirs / ours, digits)}×` : 'n/a';
const percentLess = (ours: number, theirs: number) =>
	theirs > 0 ? `${fmt((1 - ours / theirs) * 100, 0)} %` : 'n/a';

function table(header: string[], rows: string[][]): string {
	return [
		`| ${header.join(' | ')} |`,
		`|${header.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
	].join('\n');
}

function pollingSection(results: PollingResult[]): string {
	const rows = results.map((r) => [
		r.label,
		`${r.operation}`,
		`${fmt(r.durationSeconds.min)}–${fmt(r.durationSeconds.median)}–${fmt(r.durationSeconds.max)}`,
		`${fmt(r.nodeExpectedSeconds)}`,
		`${r.automatic.jobs}+${r.fixed.jobs}`,
		`**${fmt(r.automatic.statusChecks.mean)}** (p95 ${fmt(r.automatic.statusChecks.p95)})`,
		`${fmt(r.fixed.statusChecks.mean)} (p95 ${fmt(r.fixed.statusChecks.p95)})`,
		`**${percentLess(r.automatic.statusChecks.mean, r.fixed.statusChecks.mean)}**`,
		`${fmt(r.automatic.apiCallsPerJob)} vs ${fmt(r.fixed.apiCallsPerJob)}`,
		`×${r.timeScale}`,
	]);
	const failures = results.flatMap((r) =>
		r.automatic.failed || r.fixed.failed
			? [`${r.label}: ${r.automatic.failed} Automatic and ${r.fixed.failed} fixed jobs failed`]
			: [],
	);
	return [
		'## 1. API calls per finished job: Automatic polling vs a fixed 3 s poll',
		'',
		'Each job is one single-item execution of the real tool node (n8n-core ExecuteContext, n8n’s HTTP client) against the emulator. ' +
			'Job *i* of both strategies gets the same duration, drawn from the kind’s documented range (triangular, peak at the median). ' +
			'"Status checks" are the `GET /v1/{kind}-projects/{id}` requests the emulator answered for that job; "API calls" add the create and the output download(s).',
		'',
		table(
			[
				'Kind',
				'Tool',
				'Job duration, s (min–median–max)',
				'Node’s Expected Duration, s',
				'Jobs (auto+fixed)',
				'Status checks/job, **Automatic**',
				'Status checks/job, fixed 3 s (baseline)',
				'Fewer checks',
				'API calls/job, Automatic vs baseline',
				'Clock scale',
			],
			rows,
		),
		...(failures.length ? ['', `Failed jobs: ${failures.join('; ')}.`] : []),
		...results
			.filter(
				(r) =>
					r.nodeExpectedSeconds < r.durationSeconds.min ||
					r.nodeExpectedSeconds > r.durationSeconds.max,
			)
			.map(
				(r) =>
					`\nNote (${r.label}): the node’s Expected Duration for ${r.operation} (${fmt(r.nodeExpectedSeconds)} s) lies outside the durations the emulator models for it (${fmt(r.durationSeconds.min)}–${fmt(r.durationSeconds.max)} s), so Automatic polling starts checking early and saves less.`,
			),
	].join('\n');
}

function lagSection(results: PollingResult[]): string {
	const rows = results.map((r) => [
		r.label,
		`**${fmt(r.automatic.lagSeconds.median, 2)} / ${fmt(r.automatic.lagSeconds.p95, 2)}**`,
		`${fmt(r.fixed.lagSeconds.median, 2)} / ${fmt(r.fixed.lagSeconds.p95, 2)}`,
		`${fmt(r.automatic.lagRealMs.median, 0)} / ${fmt(r.automatic.lagRealMs.p95, 0)}`,
		`${fmt(r.fixed.lagRealMs.median, 0)} / ${fmt(r.fixed.lagRealMs.p95, 0)}`,
		`×${r.timeScale}`,
	]);
	return [
		'## 2. Completion lag: job `complete` in the emulator → item leaves our node',
		'',
		'From the emulator’s project record (`createdAt + finishAtMs`, the instant the job turns `complete`) to `execute()` returning the item with its output downloaded, same jobs as section 1. ' +
			'Real-time-equivalent seconds are wall time × clock scale; they include the unscaled request and download time multiplied by the scale (see Method). ' +
			'Automatic polling checks first at 80–90 % of the Expected Duration for images and audio and at 50–60 % for video, then at intervals growing ×1.5 up to a cap (3 s for images and audio; for video 10 s or 5 % of the Expected Duration, whichever is longer).',
		'',
		table(
			[
				'Kind',
				'**Automatic**: median / p95, s (real-time equivalent)',
				'Fixed 3 s (baseline): median / p95, s',
				'Automatic: median / p95, ms of bench wall clock',
				'Fixed 3 s: median / p95, ms of bench wall clock',
				'Clock scale',
			],
			rows,
		),
	].join('\n');
}

function throughputSection(t: ThroughputResult): string {
	const base = t.baseline;
	const row = (run: typeof base, ours: boolean) => [
		ours ? `**${run.label}**` : `${run.label} (baseline)`,
		ours ? `**${fmt(run.seconds / 60, 1)} min**` : `${fmt(run.seconds / 60, 1)} min`,
		ours ? `**${fmt(run.jobsPerMinute, 1)}**` : fmt(run.jobsPerMinute, 1),
		ours ? `**${times(run.seconds, base.seconds)}**` : '1×',
		`${run.completed}/${t.items}`,
		`${run.statusChecks} (${fmt(run.statusChecks / Math.max(1, run.completed), 1)}/job)`,
		`${fmt(run.realSeconds, 1)} s`,
	];
	return [
		`## 3. Batch throughput: ${t.items} image jobs through one node`,
		'',
		`${t.items} items, ${t.operation}, job durations ${fmt(t.durationSeconds.min)}–${fmt(t.durationSeconds.median)}–${fmt(t.durationSeconds.max)} s (sum ${fmt(t.durationSeconds.sum / 60, 1)} min), the same durations in creation order for every run. ` +
			'Baseline: the integration guides’ loop as an n8n node (create → wait 3 s → status … → download, one item after the other) using the same n8n HTTP client and binary-data service. ' +
			`Clock scale ×${t.timeScale}.`,
		'',
		table(
			[
				'Run',
				`Time for ${t.items} jobs (real-time equivalent)`,
				'Jobs/min',
				'Speed-up',
				'Completed',
				'Status checks',
				'Bench wall time',
			],
			[row(base, false), ...t.ours.map((run) => row(run, true))],
		),
	].join('\n');
}

const MODE_LABEL: Record<string, string> = {
	stream: '**Our node: Project → Download (downloadOutputs streams into n8n binary data)**',
	sdk: 'Official Node SDK’s way: `fetch` → `arrayBuffer()` → write (baseline)',
	n8nBuffer:
		'Usual n8n-node way: `httpRequest({ encoding: "arraybuffer" })` → `prepareBinaryData` (second baseline)',
};

function memorySection(m: MemoryBenchResult): string {
	const stream = m.runs.find((r) => r.mode === 'stream');
	const rows = m.runs.map((r) => [
		MODE_LABEL[r.mode] ?? r.mode,
		r.mode === 'stream' ? `**${fmt(r.peakRssMiB, 0)} MiB**` : `${fmt(r.peakRssMiB, 0)} MiB`,
		`${fmt(r.rssBeforeMiB, 0)} MiB`,
		r.mode === 'stream'
			? `**+${fmt(r.peakRssMiB - r.rssBeforeMiB, 0)} MiB**`
			: `+${fmt(r.peakRssMiB - r.rssBeforeMiB, 0)} MiB`,
		`${fmt(r.vmHwmMiB, 0)} MiB`,
		`${fmt(r.seconds, 1)} s (${fmt(r.bytes / 1024 ** 2 / r.seconds, 0)} MiB/s)`,
		stream && r.mode !== 'stream'
			? `${times(stream.peakRssMiB - stream.rssBeforeMiB, r.peakRssMiB - r.rssBeforeMiB, 0)} more growth`
			: '',
	]);
	return [
		`## 4. Memory while downloading a ${fmt(m.outputBytes / 1024 ** 3, 2)} GiB video into n8n binary data`,
		'',
		'Each strategy runs in its own child process, inside n8n-core’s real ExecuteContext, writing through n8n’s real BinaryDataService in filesystem mode; the emulator serves the file from the parent process. ' +
			'Peak RSS is sampled every 5 ms during the download; VmHWM is the kernel’s high-water mark for the whole child (start-up included). Every run stored exactly the served byte count.',
		'',
		table(
			['Strategy', 'Peak RSS during download', 'RSS before', 'Growth', 'VmHWM', 'Time', 'vs ours'],
			rows,
		),
	].join('\n');
}

function triggerSection(t: TriggerResult): string {
	const w = t.webhook;
	const range = (values: number[]) =>
		values.length ? Math.max(...values) - Math.min(...values) : 0;
	const spread = Math.max(range(w.on.eventsPerSecond), range(w.off.eventsPerSecond));
	return [
		'## 5. Trigger: signature verification cost and webhook throughput',
		'',
		`Event bodies are the emulator’s real project payloads (${t.bodyBytes.min}–${t.bodyBytes.max} bytes), signed with the emulator’s \`sign\`.`,
		'',
		table(
			['Measure', 'Value'],
			[
				[
					`verifySignature, valid event (${fmt(t.verify.iterations, 0)} iterations)`,
					`**${fmt(t.verify.microsPerValid, 2)} µs** (${fmt(t.verify.verificationsPerSecond, 0)}/s on one core)`,
				],
				[
					'verifySignature, rejected event (wrong signature)',
					`${fmt(t.verify.microsPerMismatch, 2)} µs`,
				],
				...Object.entries(t.dedupeMicros).map(([entries, micros]) => [
					`Duplicate ledger (claimDelivery) per event, ${entries} remembered deliveries`,
					`${fmt(micros, 1)} µs`,
				]),
			],
		),
		'',
		`Events per second through the Trigger’s \`webhook()\`, hosted by the test webhook runner (test/harness/webhookRunner.ts: real node:http port, n8n’s raw-body reading and JSON parsing, n8n-core’s real WebhookContext, workflow static data copied and saved per request like n8n’s live webhooks) — ` +
			`${fmt(w.events, 0)} events after a warm-up, ${w.concurrency} in flight, the duplicate ledger starting full (${fmt(w.ledgerEntries, 0)} deliveries, its steady state on a busy trigger); the load generator runs in the same process. ` +
			'A real n8n adds an execution and a database write per event on top of this (section 6 measures one).',
		'',
		table(
			['Signature verification', 'Events/s (median of rounds)', 'Rounds'],
			[
				[
					'**on** (default)',
					`**${fmt(w.on.median, 0)}**`,
					w.on.eventsPerSecond.map((v) => fmt(v, 0)).join(', '),
				],
				[
					'off (baseline)',
					fmt(w.off.median, 0),
					w.off.eventsPerSecond.map((v) => fmt(v, 0)).join(', '),
				],
				['difference per event (1/on − 1/off)', `${fmt(w.overheadMicrosPerEvent, 0)} µs`, ''],
			],
		),
		'',
		`Rounds run on → off, then off → on, so order effects cancel. With verification on, one event takes ${fmt(1e6 / w.on.median, 0)} µs here; ` +
			`the check itself is ${fmt(t.verify.microsPerValid, 1)} µs of it (${fmt((t.verify.microsPerValid / (1e6 / w.on.median)) * 100, 2)} %), ` +
			(Math.abs(w.on.median - w.off.median) <= spread
				? `and the on/off difference is within the spread between rounds of the same setting (up to ${fmt(spread, 0)} events/s here). `
				: `yet the on/off difference is larger than the spread between rounds of the same setting (up to ${fmt(spread, 0)} events/s here): the rest of the verified path (reading the credentials) or the machine’s load accounts for it. `) +
			`The duplicate ledger (claimDelivery on a plain object, full: ${fmt(t.dedupeMicros[String(w.ledgerEntries)] ?? NaN, 0)} µs) is ${fmt(((t.dedupeMicros[String(w.ledgerEntries)] ?? NaN) / (1e6 / w.on.median)) * 100, 0)} % of it.`,
	].join('\n');
}

function n8nWebhooksSection(w: N8nWebhooksResult): string {
	const base = w.headerAuthWebhook.median;
	const row = (run: N8nWebhooksResult['headerAuthWebhook'], bold = false) => [
		bold ? `**${run.label}**` : run.label,
		bold ? `**${fmt(run.median)}**` : fmt(run.median),
		run.requestsPerSecond.map((v) => fmt(v)).join(', '),
		base > 0 ? `${fmt((run.median / base) * 100, 0)} %` : 'n/a',
		Object.entries(run.statuses)
			.map(([status, count]) => `${count}× ${status}`)
			.join(', '),
	];
	return [
		'## 6. Trigger vs n8n’s Webhook node in a real n8n',
		'',
		`One real \`n8n start\` (n8n ${w.n8nVersion}, SQLite, regular mode, the packed package installed as a community node), the same run and the same load for each: ` +
			`${fmt(w.events, 0)} POSTs per round with ${w.concurrency} in flight after a warm-up, ${w.rounds} rounds in alternating order. ` +
			'The bodies are the same `image.completed` events of distinct completed projects at the emulator. The baseline is n8n’s own Webhook node with Header Auth credentials (answer on receipt); ' +
			'the Trigger verifies the signature (and does whatever else it does for an authentic event in this commit). Every accepted request started one execution ' +
			`(${fmt(w.executions.webhook, 0)}, ${fmt(w.executions.webhookIsolate, 0)} and ${fmt(w.executions.trigger, 0)} executions, warm-up included); every forged one was answered 401. ` +
			'The second baseline is the same Webhook node at type version 1, for which n8n takes the per-request expression isolate it takes for every other trigger (see below): the cost the platform puts on any community trigger.',
		'',
		table(
			['Endpoint', 'Requests/s (median of rounds)', 'Rounds', 'vs Webhook node', 'Answers'],
			[
				row(w.headerAuthWebhook),
				row(w.headerAuthWebhookIsolate),
				row(w.triggerAuthentic, true),
				row(w.triggerForged, true),
			],
		),
		'',
		w.headerAuthWebhookIsolate.median > 0
			? `Against the Webhook node paying the same isolate, the Trigger with authentic events runs at ${fmt((w.triggerAuthentic.median / w.headerAuthWebhookIsolate.median) * 100, 0)} % and rejects forged events at ${fmt((w.triggerForged.median / w.headerAuthWebhookIsolate.median) * 100, 0)} %.`
			: '',
		'',
		'Before any node code runs, n8n 2.x (default expression engine `vm`) takes an expression isolate for every webhook request whose start node is not its own Webhook node, and creates a new isolate after each such request ' +
			'(`webhookPhaseNeedsIsolate` in `webhooks/live-webhooks.js`); its Webhook node with fixed parameters skips that step. Every Trigger request pays it, forged ones included (they do nothing else but an HMAC), see “Throughput in n8n” in the README’s Trigger section.',
	].join('\n');
}

function spendGuardSection(g: SpendGuardResult): string {
	const row = (label: string, runs: SpendGuardResult['off']) => [
		label,
		`${fmt(runs.wallMs.median, 0)} (${runs.wallMs.runs.join(', ')})`,
		fmt(runs.cpuMs, 0),
		fmt(runs.firstCreateMs, 1),
		fmt(runs.apiRequests, 1),
		String(runs.accountRequests),
		runs.accountRequests
			? runs.accountRequestMs < 1
				? '< 1'
				: fmt(runs.accountRequestMs, 0)
			: '–',
	];
	return [
		'## 7. Spend guard (Max Credits per Run): off (the default) against on',
		'',
		`One execution of the Magic Hour Image node over ${g.config.items} items (Nano Banana 640px, 50 credits each, Max Concurrent Jobs ${g.config.concurrency}, fixed 0.05 s polling, emulator at speed 1000, no downloads), ${g.config.rounds} rounds, off and on alternating. ` +
			'"On" has a budget every job fits, so it measures the guard’s cost, not a stopped batch. CPU time is the whole process (node and in-process emulator).',
		'',
		table(
			[
				'Guard',
				'Wall time, ms: median (each round)',
				'CPU, ms (median)',
				'Start → first create, ms (median)',
				'API requests',
				'GET /v1/account',
				'Its answer, ms (median)',
			],
			[row('off (baseline)', g.off), row('**on**', g.on)],
		),
		'',
		`Bookkeeping per item, timed alone over ${fmt(g.config.bookkeepingItems, 0)} items: **${fmt(g.bookkeepingNsPerItem.off, 0)} ns** off (the run only adds up the charges), ${fmt(g.bookkeepingNsPerItem.on, 0)} ns on (admission and settlement). ` +
			`A single item with the guard on sends ${g.singleItemAccountRequests} balance checks (the check is for batches).`,
	].join('\n');
}

function methodSection(r: BenchReport): string {
	return [
		'## Method',
		'',
		'- **Emulator**: the local Magic Hour emulator (emulator/), in-process, real HTTP on 127.0.0.1. Its jobs take a fixed median per tool; the benchmark hands each job a duration drawn from the documented range of its tool class instead (bench/lib/jobDurations.ts, seeded, so every run and every strategy sees the same durations).',
		'- **Time scaling** (sections 1–3): the project poller runs on a clock *k* times faster than the wall clock, handed in through its clock injection point (bench/lib/scaledClock.ts; *k* is the "clock scale"); the emulator runs at `speed = k` with every job’s duration divided by *k*, and the guides’ loop polls every 3 s / *k*. ' +
			'This equals dividing the node’s Expected Duration and fixed interval by *k* — and also the poller’s own constants (0.5 s smallest Automatic interval, 3 s / 10 s caps, 50 ms request gap), which options cannot reach, so every ratio is the real one. ' +
			'Node options stay as a user leaves them (Expected Duration = the tool’s default, fixed interval 3 s). What is not scaled is real CPU and loopback time per request: in equivalent time it counts *k* times, so lag figures at high scales are pessimistic.',
		'- **Baselines**: fixed 3 s polling is our node’s "Fixed" mode with 3 s (first check at 3 s, as the guides’ examples); the batch baseline is the guides’ sequential loop as an n8n node; the memory baselines read the whole body before storing it.',
		'- **Noise**: the machine is shared; timings (sections 2, 3 wall time, 4 time, 5) vary run to run, call counts and memory peaks barely do. Nothing here fails on timing.',
		`- Run time ${r.totalSeconds ?? '?'} s; load average (1/5/15 min) at start ${r.machine.loadAverageAtStart.join(' / ')}, at end ${(r.loadAverageAtEnd ?? []).join(' / ')}.`,
	].join('\n');
}

export function writeReport(r: BenchReport): string {
	const sections = [
		'# Benchmarks',
		'',
		'Generated by `npm run bench` (bench/run.ts). Every figure sits beside its baseline, measured in the same run.',
		'',
		table(
			['', ''],
			[
				['Date', r.date],
				[
					'Machine',
					`${r.machine.cpu}, ${r.machine.cores} cores, ${fmt(r.machine.ramGiB)} GiB RAM, ${r.machine.os}`,
				],
				['Node.js', r.versions.node],
				['n8n-core / n8n-workflow', `${r.versions.n8nCore} / ${r.versions.n8nWorkflow}`],
				[
					'Real n8n (e2e, .cache/n8n)',
					r.versions.realN8n
						? `${r.versions.realN8n} (installed; ${r.n8nWebhooks ? 'used by section 6' : 'not used by this run'})`
						: 'not installed',
				],
				['Commit', r.versions.commit],
			],
		),
	];
	if (r.polling?.length) sections.push('', pollingSection(r.polling), '', lagSection(r.polling));
	if (r.throughput) sections.push('', throughputSection(r.throughput));
	if (r.memory) sections.push('', memorySection(r.memory));
	if (r.trigger) sections.push('', triggerSection(r.trigger));
	if (r.n8nWebhooks) sections.push('', n8nWebhooksSection(r.n8nWebhooks));
	if (r.spendGuard) sections.push('', spendGuardSection(r.spendGuard));
	sections.push('', methodSection(r), '');
	return sections.join('\n');
}

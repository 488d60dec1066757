import type { IDataObject } from 'n8n-workflow';

import { start, type Emulator, type EmulatorExtras, type RequestLogEntry } from '../../emulator';
import { systemClock, type PollerClock } from '../../nodes/shared/engine/projectPoller';
import { executeNode } from '../harness/executeNode';
import {
	createJob,
	credentialsFor,
	polls,
	PollerProbe,
	WaitNode,
	type PollerProbeResult,
} from './engineHarness';

let emu: Emulator & EmulatorExtras;

beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
});
afterAll(async () => emu.stop());
beforeEach(() => {
	emu.reset();
	PollerProbe.settings = {};
	PollerProbe.download = false;
});

/** A clock starting at 0 that runs `scale`× as fast as the wall clock. */
function fastClock(scale: number): PollerClock {
	const origin = Date.now();
	return {
		now: () => (Date.now() - origin) * scale,
		sleep: async (ms, signal) => await systemClock.sleep(ms / scale, signal),
	};
}

/** Most log entries whose [start, end] intervals overlap at one moment. */
function maxOverlap(entries: RequestLogEntry[]): number {
	let best = 0;
	for (const entry of entries) {
		const at = entry.start;
		best = Math.max(best, entries.filter((other) => other.start <= at && other.end > at).length);
	}
	return best;
}

async function probe(jobs: IDataObject[]): Promise<PollerProbeResult> {
	const { output } = await executeNode({
		nodeType: new PollerProbe(),
		parameters: { jobs: JSON.stringify(jobs) },
		credentials: credentialsFor(emu),
	});
	return output[0][0].json as unknown as PollerProbeResult;
}

describe('ProjectPoller', () => {
	it('waits for 20 items in one loop: overlapping, bounded, interleaved polls', async () => {
		const durations = Array.from({ length: 20 }, (_, index) => 100 + index * 100); // 100 ms … 2 s
		const jobs: Array<{ id: string; kind: string }> = [];
		for (const durationMs of durations) jobs.push(await createJob(emu, 'image', { durationMs }));
		const createdAt = Date.now();
		// Every first status check answers slowly, so requests overlap in time.
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 20,
			fault: { type: 'slow-headers', delayMs: 150 },
		});

		const { output } = await executeNode({
			nodeType: new WaitNode(),
			parameters: {
				downloadOutputs: false,
				executionSettings: { pollingMode: 'fixed', pollIntervalSeconds: 0.2 },
			} as never,
			items: jobs.map((job) => ({ json: job })),
			credentials: credentialsFor(emu),
		});
		const elapsed = Date.now() - createdAt;
		expect(output[0].map((item) => item.json.status)).toEqual(durations.map(() => 'complete'));

		const log = polls(emu);
		const overlap = maxOverlap(log);
		expect(overlap).toBeGreaterThan(1);
		expect(overlap).toBeLessThanOrEqual(4); // bounded in flight
		// Status requests are sent ~50 ms apart (measured at the server, so network jitter blurs single gaps).
		const starts = log.map((entry) => entry.start).sort((a, b) => a - b);
		const spans = starts.slice(5).map((at, index) => at - starts[index]);
		expect(Math.min(...spans)).toBeGreaterThanOrEqual(200);
		// Polls of different projects interleave (not one project after the other).
		const first = log.findIndex((entry) => entry.path.endsWith(jobs[19].id));
		expect(first).toBeLessThan(20);

		const slowest = Math.max(...durations);
		const callsPerJob = jobs.map((job) => polls(emu, job.id).length);
		// eslint-disable-next-line no-console
		console.log(
			`20 items: slowest ${slowest} ms, all done after ${elapsed} ms, ${log.length} status calls ` +
				`(${Math.min(...callsPerJob)}–${Math.max(...callsPerJob)} per job), max ${overlap} in flight`,
		);
	});

	it("Automatic mode: first check near the expected duration, then backs off up to the kind's cap", async () => {
		const jobs = [];
		for (let index = 0; index < 10; index++) {
			const job = await createJob(emu, 'image', { durationMs: 1000 + index * 150 });
			jobs.push({ ...job, itemIndex: index, expectedMs: 1000 });
		}
		const started = Date.now();
		const result = await probe(jobs);
		const elapsed = Date.now() - started;
		expect(result.results.every((entry) => entry.ok)).toBe(true);

		const log = polls(emu);
		for (const job of jobs) {
			const mine = log.filter((entry) => entry.path.endsWith(job.id));
			// Nothing before half the expected duration.
			expect(mine[0].start - started).toBeGreaterThanOrEqual(450);
			const gaps = mine.slice(1).map((entry, index) => entry.start - mine[index].start);
			gaps.forEach((gap) => expect(gap).toBeLessThanOrEqual(3_000 + 300));
			expect(mine.length).toBeLessThanOrEqual(5);
		}
		const lags = jobs.map((job, index) => result.results[index].doneAt - (1000 + index * 150));
		// eslint-disable-next-line no-console
		console.log(
			`Automatic, 10 images of 1.0–2.35 s: ${log.length} status calls (${(log.length / jobs.length).toFixed(1)} per job), ` +
				`all done after ${elapsed} ms, lag after completion ${Math.min(...lags)}–${Math.max(...lags)} ms`,
		);
		expect(log.length / jobs.length).toBeLessThanOrEqual(3);
		expect(Math.max(...lags)).toBeLessThan(1_600);
	});

	it('picks up projects added while the loop is running', async () => {
		const first = await createJob(emu, 'video', { durationMs: 600 });
		const second = await createJob(emu, 'audio', { durationMs: 700 });
		PollerProbe.settings = { mode: 'fixed', fixedIntervalMs: 50 };
		const result = await probe([
			{ ...first, itemIndex: 0, expectedMs: 0 },
			{ ...second, itemIndex: 1, expectedMs: 0, addAfterMs: 300 },
		]);
		expect(result.results.map((entry) => entry.ok)).toEqual([true, true]);
		const secondPolls = polls(emu, second.id);
		expect(secondPolls[0].start).toBeGreaterThanOrEqual(polls(emu, first.id)[0].start + 280);
		expect(result.results[1].doneAt).toBeLessThan(1000);
	});

	it('on 429 holds every status request for Retry-After, then carries on', async () => {
		const jobs = [];
		for (let index = 0; index < 6; index++)
			jobs.push(await createJob(emu, 'image', { durationMs: 1500 }));
		PollerProbe.settings = { mode: 'fixed', fixedIntervalMs: 100 };
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 1,
			fault: { type: 'rate-limit', retryAfterSeconds: 1 },
		});
		const result = await probe(
			jobs.map((job, itemIndex) => ({ ...job, itemIndex, expectedMs: 0 })),
		);
		expect(result.results.every((entry) => entry.ok)).toBe(true);
		expect(result.stats.rateLimitPauses).toBe(1);

		const log = polls(emu);
		const limited = log.find((entry) => entry.status === 429)!;
		const startedDuringPause = log.filter(
			(entry) => entry.start > limited.end && entry.start < limited.end + 950,
		);
		expect(startedDuringPause).toEqual([]);
		expect(log.some((entry) => entry.start >= limited.end + 950)).toBe(true);
	});

	it('keeps waiting through a short run of server errors, fails on a lasting one', async () => {
		const job = await createJob(emu, 'image', { durationMs: 300 });
		PollerProbe.settings = {
			mode: 'fixed',
			fixedIntervalMs: 50,
			retry: { maxAttempts: 2, baseDelayMs: 10 },
		};
		emu.faults.add({
			match: `GET /v1/image-projects/${job.id}`,
			times: 3,
			fault: { type: 'status', status: 503 },
		});
		const ok = await probe([{ ...job, itemIndex: 0, expectedMs: 0 }]);
		expect(ok.results[0]).toMatchObject({ ok: true, status: 'complete' });

		const broken = await createJob(emu, 'image', { durationMs: 300 });
		emu.faults.add({
			match: `GET /v1/image-projects/${broken.id}`,
			times: 100,
			fault: { type: 'status', status: 500 },
		});
		const failed = await probe([{ ...broken, itemIndex: 0, expectedMs: 0 }]);
		expect(failed.results[0].ok).toBe(false);
		expect(failed.results[0].error).toMatch(/server problem/);
		expect(failed.results[0].description).toContain(broken.id);
		// 3 checks in a row (each with the transport's 2 attempts), then it gives up.
		expect(polls(emu, broken.id)).toHaveLength(6);
	});

	it('runs on the clock it is given: schedule and deadline in its time, status requests answered', async () => {
		const job = await createJob(emu, 'image', { durationMs: 3_600_000 });
		PollerProbe.settings = { clock: fastClock(100) };
		const result = await probe([{ ...job, itemIndex: 0, expectedMs: 0, timeoutMinutes: 1 }]);
		// One minute on the given clock, which starts at 0: the status requests still get their remaining time.
		expect(result.results[0].error).toMatch(
			/did not finish within 1m( \d+s)? \(still (queued|rendering)\)/,
		);
		expect(polls(emu, job.id).filter((entry) => entry.status === 200).length).toBeGreaterThan(0);
	});
});

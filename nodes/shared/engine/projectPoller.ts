import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ProjectKind } from '../catalog/types';
import { cancelSignalOf, magicHourRequest } from '../transport/apiRequest';
import {
	cancellableSleep,
	DeadlineReachedError,
	ExecutionCancelledError,
	remainingMs,
	type Deadline,
} from '../transport/cancellation';
import { isTransientError, type RetryPolicy } from '../transport/retryPolicy';
import { DEFAULT_FIXED_INTERVAL_MS } from './executionSettings';
import { jitterFor, nextCheckAt, type PollingMode, type PollSchedule } from './pollSchedule';
import { projectPath, TERMINAL_STATUSES, type ProjectDetail } from './projectTypes';
import {
	aboutProject,
	canceledError,
	renderFailedError,
	timedOutError,
	type WaitedProject,
} from './errors';

/** The project poller's source of time, injected so that the benchmark can run it faster than the wall clock. */
export interface PollerClock {
	now(): number;
	/** Resolves after `ms`, or as soon as `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** `Date.now` and the transport's cancellable sleep (an abort ends the sleep early, it is not an error here). */
export const systemClock: PollerClock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => await cancellableSleep(ms, signal).catch(() => undefined),
};

let defaultClock: PollerClock = systemClock;

/** For the benchmark: every poller created from now on without a clock of its own runs on `clock`. */
export function setPollerClock(clock: PollerClock): void {
	defaultClock = clock;
}

export interface PollerSettings {
	/** Default 'automatic'. */
	mode?: PollingMode;
	/** Interval of the 'fixed' mode. Default 3 s. */
	fixedIntervalMs?: number;
	/** Retry policy of each status request (the transport's default when unset). */
	retry?: Partial<RetryPolicy>;
	/** Default: the system clock, unless setPollerClock installed another. */
	clock?: PollerClock;
}

export interface WaitRequest {
	id: string;
	kind: ProjectKind;
	itemIndex: number;
	/** Usual duration of the job from now. Automatic mode checks first at 80–90 % of it (video 50–60 %); 0 checks at once. */
	expectedMs?: number;
	/** The item's time limit: the wait gives up then, and every status request ends by then. */
	deadline: Deadline;
	/** Called with each status the project is seen in (to report it if the run stops). */
	onStatus?: (status: string) => void;
	/** Called with the credits each status check reports (a video's estimate, then its final charge). */
	onCredits?: (credits: number) => void;
	/** A detail already fetched (e.g. while detecting the kind): settles at once when terminal. */
	known?: ProjectDetail;
}

export interface PollerStats {
	/** Status requests started (each retry inside the transport is not counted again). */
	requests: number;
	/** Times the whole loop paused for a 429. */
	rateLimitPauses: number;
}

interface Job {
	request: WaitRequest;
	schedule: PollSchedule;
	addedAt: number;
	deadline: number;
	nextAt: number;
	/** Statuses and transient failures seen: the schedule's progress. */
	seen: number;
	checks: number;
	failuresInRow: number;
	lastStatus: string;
	inFlight: boolean;
	resolve: (detail: ProjectDetail) => void;
	reject: (error: Error) => void;
}

/** Smallest gap between the starts of two status requests. */
const MIN_GAP_MS = 50;
/** Most status requests in flight at once. */
const MAX_IN_FLIGHT = 4;
/** Failed status checks (after the transport's own retries) tolerated in a row per job. */
const MAX_FAILURES_IN_ROW = 3;
/** The loop never sleeps longer than this, so cancellation and new jobs are seen quickly. */
const MAX_IDLE_STEP_MS = 250;
/** Pause of the whole loop on a 429 without Retry-After. */
const RATE_LIMIT_PAUSE_MS = 2_000;

function waitedProject(job: Job): WaitedProject {
	const { id, kind, itemIndex } = job.request;
	return { id, kind, itemIndex, status: job.lastStatus };
}

/**
 * Waits for many Magic Hour projects in one loop: every project gets its own schedule
 * (pollSchedule.ts), status requests are spaced and bounded, a 429 holds all of them, and an
 * execution cancel stops at once. Projects may be added while the loop runs. No status request
 * outlives its job's deadline or stop().
 */
export class ProjectPoller {
	readonly stats: PollerStats = { requests: 0, rateLimitPauses: 0 };

	private readonly jobs = new Set<Job>();
	private readonly mode: PollingMode;
	private readonly fixedIntervalMs: number;
	private readonly clock: PollerClock;
	private readonly signal: AbortSignal | undefined;
	private running = false;
	private inFlight = 0;
	private lastStartAt = -Infinity;
	private pauseUntil = 0;
	private wakeUp: (() => void) | undefined;
	private stopped: Error | undefined;
	/** Aborts the status requests in flight when the poller stops. */
	private readonly stopController = new AbortController();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly settings: PollerSettings = {},
	) {
		this.mode = settings.mode ?? 'automatic';
		this.fixedIntervalMs = Math.max(1, settings.fixedIntervalMs ?? DEFAULT_FIXED_INTERVAL_MS);
		this.clock = settings.clock ?? defaultClock;
		this.signal = cancelSignalOf(ctx);
	}

	/** Resolves with the project when it is complete; rejects on error, canceled, timeout, API failure or cancel. */
	async waitFor(request: WaitRequest): Promise<ProjectDetail> {
		if (this.stopped) throw this.stopped;
		if (this.signal?.aborted) throw new ExecutionCancelledError();
		return await new Promise<ProjectDetail>((resolve, reject) => {
			const now = this.clock.now();
			const job: Job = {
				request,
				schedule: {
					mode: this.mode,
					kind: request.kind,
					expectedMs: Math.max(0, request.expectedMs ?? 0),
					fixedIntervalMs: this.fixedIntervalMs,
				},
				addedAt: now,
				// The deadline on the poller's clock (which the benchmark runs faster than the wall clock).
				deadline: now + remainingMs(request.deadline),
				nextAt: 0,
				seen: 0,
				checks: 0,
				failuresInRow: 0,
				lastStatus: request.known?.status ?? 'unknown',
				inFlight: false,
				resolve,
				reject,
			};
			this.planNextCheck(job, now);
			this.jobs.add(job);
			if (request.known) this.onDetail(job, request.known, now);
			this.ensureLoop();
		});
	}

	/** Rejects every pending project with `reason` (default: stopped) and ends the loop. */
	stop(reason?: Error): void {
		this.stopped ??= reason ?? new ExecutionCancelledError();
		if (!this.stopController.signal.aborted) this.stopController.abort(this.stopped);
		for (const job of [...this.jobs]) this.settle(job, () => job.reject(this.stopped as Error));
		this.wake();
	}

	private planNextCheck(job: Job, now: number): void {
		const jitter = jitterFor(job.request.id, job.seen);
		job.nextAt = nextCheckAt(job.schedule, { seen: job.seen, now, deadline: job.deadline, jitter });
	}

	private ensureLoop(): void {
		if (this.running) {
			this.wake();
			return;
		}
		this.running = true;
		void this.loop().finally(() => {
			this.running = false;
			// A job added while the loop was finishing.
			if (this.jobs.size > 0 && !this.stopped) this.ensureLoop();
		});
	}

	private wake(): void {
		const wake = this.wakeUp;
		this.wakeUp = undefined;
		wake?.();
	}

	private async loop(): Promise<void> {
		// Listens to the execution's signal only while the loop runs: a node run in a loop must not pile up listeners.
		const onCancel = () => this.stop(new ExecutionCancelledError());
		this.signal?.addEventListener('abort', onCancel, { once: true });
		try {
			while (this.jobs.size > 0 && !this.stopped) {
				if (this.signal?.aborted) {
					this.stop(new ExecutionCancelledError());
					break;
				}
				const now = this.clock.now();
				this.expireJobs(now);
				this.dispatch(now);
				if (this.jobs.size === 0 || this.stopped) break;
				await this.idle(this.nextEventIn(this.clock.now()));
			}
		} catch (error) {
			this.stop(error instanceof Error ? error : new Error(String(error)));
		} finally {
			this.signal?.removeEventListener('abort', onCancel);
		}
	}

	/** Jobs past their deadline time out (a status request in flight ends at the deadline by itself). */
	private expireJobs(now: number): void {
		for (const job of [...this.jobs]) {
			if (!job.inFlight && now >= job.deadline) this.timeOut(job, now);
		}
	}

	private dispatch(now: number): void {
		if (now < this.pauseUntil) return;
		while (this.inFlight < MAX_IN_FLIGHT && now - this.lastStartAt >= MIN_GAP_MS) {
			const job = this.nextDueJob(now);
			if (!job) return;
			this.launch(job, now);
		}
	}

	private nextDueJob(now: number): Job | undefined {
		let best: Job | undefined;
		for (const job of this.jobs) {
			if (job.inFlight || job.nextAt > now) continue;
			if (!best || job.nextAt < best.nextAt) best = job;
		}
		return best;
	}

	/** Milliseconds until something may need doing (bounded by the idle step; completions wake the loop). */
	private nextEventIn(now: number): number {
		const canLaunch = this.inFlight < MAX_IN_FLIGHT;
		const earliestStart = Math.max(this.lastStartAt + MIN_GAP_MS, this.pauseUntil);
		let next = Infinity;
		for (const job of this.jobs) {
			if (job.inFlight) continue;
			if (job.deadline > now) next = Math.min(next, job.deadline);
			if (canLaunch) next = Math.min(next, Math.max(job.nextAt, earliestStart));
		}
		return Math.min(MAX_IDLE_STEP_MS, Math.max(0, next - now));
	}

	/** Sleeps `ms` on the clock, or until wake() (a request ended, a job was added, stop()). */
	private async idle(ms: number): Promise<void> {
		const woken = new AbortController();
		const wakeUp = () => woken.abort();
		this.wakeUp = wakeUp;
		await this.clock.sleep(ms, woken.signal);
		if (this.wakeUp === wakeUp) this.wakeUp = undefined;
	}

	private launch(job: Job, now: number): void {
		job.inFlight = true;
		job.checks += 1;
		this.lastStartAt = now;
		this.inFlight += 1;
		this.stats.requests += 1;
		const { id, kind, itemIndex } = job.request;
		magicHourRequest<ProjectDetail>(this.ctx, {
			method: 'GET',
			path: projectPath(kind, id),
			itemIndex,
			retry: this.settings.retry,
			onRateLimited: (waitMs) => this.pauseFor(waitMs),
			signal: this.stopController.signal,
			deadline: job.request.deadline,
		})
			.then(
				(detail) => this.onDetail(job, detail, this.clock.now()),
				(error: unknown) => this.onRequestFailed(job, error, this.clock.now()),
			)
			.finally(() => {
				job.inFlight = false;
				this.inFlight -= 1;
				this.wake();
			});
	}

	private pauseFor(ms: number): void {
		const until = this.clock.now() + Math.max(0, ms);
		if (until > this.pauseUntil) {
			this.pauseUntil = until;
			this.stats.rateLimitPauses += 1;
		}
	}

	private onDetail(job: Job, detail: ProjectDetail, now: number): void {
		if (!this.jobs.has(job)) return;
		job.failuresInRow = 0;
		job.lastStatus = String(detail?.status ?? 'unknown');
		job.request.onStatus?.(job.lastStatus);
		if (typeof detail?.credits_charged === 'number')
			job.request.onCredits?.(detail.credits_charged);
		if (TERMINAL_STATUSES.has(job.lastStatus)) {
			this.finish(job, detail, now);
			return;
		}
		if (now >= job.deadline) {
			this.timeOut(job, now);
			return;
		}
		job.seen += 1;
		this.planNextCheck(job, now);
	}

	private finish(job: Job, detail: ProjectDetail, now: number): void {
		if (detail.status === 'complete') {
			this.settle(job, () => job.resolve(detail));
			return;
		}
		const node = this.ctx.getNode();
		const error =
			detail.status === 'error'
				? renderFailedError(node, waitedProject(job), detail, now - job.addedAt)
				: canceledError(node, waitedProject(job));
		this.settle(job, () => job.reject(error));
	}

	private timeOut(job: Job, now: number): void {
		const error = timedOutError(
			this.ctx.getNode(),
			waitedProject(job),
			now - job.addedAt,
			job.checks,
		);
		this.settle(job, () => job.reject(error));
	}

	private onRequestFailed(job: Job, error: unknown, now: number): void {
		if (!this.jobs.has(job)) return;
		if (error instanceof ExecutionCancelledError || this.signal?.aborted) {
			this.stop(new ExecutionCancelledError());
			return;
		}
		if (error instanceof DeadlineReachedError) {
			this.timeOut(job, now);
			return;
		}
		// The transport already retried; a transient failure may still pass on a later check.
		if (error instanceof NodeApiError && error.httpCode === '429')
			this.pauseFor(RATE_LIMIT_PAUSE_MS);
		const transient = isTransientError(error);
		job.failuresInRow += 1;
		if (transient && now >= job.deadline) {
			this.timeOut(job, now);
			return;
		}
		if (transient && job.failuresInRow < MAX_FAILURES_IN_ROW) {
			job.seen += 1;
			this.planNextCheck(job, now);
			return;
		}
		const failure = error instanceof Error ? error : new Error(String(error));
		this.settle(job, () => job.reject(aboutProject(failure, waitedProject(job))));
	}

	private settle(job: Job, action: () => void): void {
		if (this.jobs.delete(job)) action();
	}
}

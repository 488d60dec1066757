import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { ProjectKind } from '../catalog/types';
import { cancelSignalOf, magicHourRequest } from '../transport/apiRequest';
import { DeadlineReachedError, ExecutionCancelledError } from '../transport/cancellableSleep';
import type { RetryPolicy } from '../transport/retryPolicy';
import { aboutProject, projectNote, recordProject } from './projectFailure';
import {
	DEFAULT_TIMEOUT_MINUTES,
	formatDuration,
	MAX_POLL_INTERVAL_MS,
	projectPath,
	TERMINAL_STATUSES,
	type ProjectDetail,
} from './projectTypes';

export type PollingMode = 'automatic' | 'fixed';

export interface PollerSettings {
	/** Default for jobs that do not choose: 'automatic'. */
	mode?: PollingMode;
	/** Interval of the 'fixed' mode. Default 3 s. */
	fixedIntervalMs?: number;
	/** Smallest gap between the starts of two status requests. Default 50 ms. */
	minGapMs?: number;
	/** Most status requests in flight at once. Default 4. */
	maxInFlight?: number;
	/** Retry policy of each status request (the transport's default when unset). */
	retry?: Partial<RetryPolicy>;
	/** Failed status checks (after the transport's own retries) tolerated in a row per job. Default 3. */
	maxConsecutiveFailures?: number;
	/** For tests: source of randomness for jitter. */
	random?: () => number;
}

export interface WaitRequest {
	id: string;
	kind: ProjectKind;
	itemIndex: number;
	/** Usual duration of the job from now. Automatic mode checks first at 80–100 % of it; 0 checks at once. */
	expectedMs?: number;
	/** Give up after this long (default: DEFAULT_TIMEOUT_MINUTES of the kind). Every status request ends by then. */
	timeoutMs?: number;
	/** Called with each status the project is seen in (to report it if the run stops). */
	onStatus?: (status: string) => void;
	/** Per-job override of the poller's mode and fixed interval. */
	mode?: PollingMode;
	fixedIntervalMs?: number;
	/** A detail already fetched (e.g. while detecting the kind): settles at once when terminal. */
	known?: ProjectDetail;
}

export interface PollerStats {
	/** Status requests started (each retry inside the transport is not counted again). */
	requests: number;
	/** Highest number of status requests in flight at once. */
	maxInFlightSeen: number;
	/** Times the whole loop paused for a 429. */
	rateLimitPauses: number;
	/** Projects settled, by outcome. */
	completed: number;
	failed: number;
}

interface Job {
	request: WaitRequest;
	mode: PollingMode;
	fixedIntervalMs: number;
	addedAt: number;
	deadline: number;
	nextAt: number;
	/** Current Automatic back-off interval. */
	intervalMs: number;
	polls: number;
	failuresInRow: number;
	lastStatus: string;
	lastPollAt: number;
	inFlight: boolean;
	resolve: (detail: ProjectDetail) => void;
	reject: (error: Error) => void;
}

const DEFAULTS = {
	fixedIntervalMs: 3_000,
	minGapMs: 50,
	maxInFlight: 4,
	maxConsecutiveFailures: 3,
};

/** The loop never sleeps longer than this, so cancellation and new jobs are seen quickly. */
const MAX_IDLE_STEP_MS = 250;
/** Automatic mode: smallest interval, growth factor and the share of the cap it starts with. */
const MIN_AUTO_INTERVAL_MS = 500;
const BACKOFF_FACTOR = 1.5;
/**
 * Automatic polling checks first at this share of the expected duration (plus up to 10 % jitter).
 * Video ranges start at about half their median (simple video 30 s–2 min), so video starts early
 * and an early job is seen within one capped interval; images and audio are short and their cap
 * small, so checking early would only add calls.
 */
const FIRST_CHECK_SHARE: Record<ProjectKind, number> = { image: 0.8, audio: 0.8, video: 0.5 };
/** Long videos are checked less often: the cap grows to this share of the expected duration. */
const VIDEO_CAP_SHARE_OF_EXPECTED = 1 / 20;
const START_SHARE_OF_CAP = 1 / 3;
const START_SHARE_OF_EXPECTED = 1 / 4;
/** Pause of the whole loop on a 429 without Retry-After. */
const RATE_LIMIT_PAUSE_MS = 2_000;

/** Actionable advice per documented render error code. */
export function hintForErrorCode(code: string | undefined, projectId: string): string {
	switch (code) {
		case 'no_source_face':
			return 'Magic Hour found no usable face. Use a clear, front-facing photo of the face: well lit, not too small, no sunglasses or heavy shadows.';
		case 'invalid_file_format':
			return 'An input file is in a format Magic Hour does not accept or is damaged. Use PNG, JPG, JPEG, WEBP or AVIF images, MP4, MOV or WEBM videos, MP3, WAV, AAC or FLAC audio.';
		case 'file_too_large':
			return "An input file is over Magic Hour's size or length limit for your plan. Compress or shorten it (or upgrade the plan), then run again.";
		case 'insufficient_credits':
			return 'The Magic Hour account ran out of credits for this job. Add credits or upgrade the plan at magichour.ai, then run again. Failed jobs are refunded.';
		case 'invalid_parameters':
			return "Magic Hour rejected a parameter value while rendering. Check the values against the tool's limits (duration, resolution, model…) and run again.";
		case 'unknown_error':
			return `Magic Hour hit an unexpected error. Run again; if it keeps failing, contact support@magichour.ai with the project ID ${projectId}.`;
		default:
			return `Check the input files and parameters and run again. If it keeps failing, contact support@magichour.ai with the project ID ${projectId}.`;
	}
}

function projectOf(job: Job) {
	return { id: job.request.id, kind: job.request.kind, status: job.lastStatus };
}

/** An error about the job's project: the description ends with the project note (and `detail`). */
function projectError(node: INode, job: Job, message: string, description: string, detail?: string): NodeOperationError {
	const project = projectOf(job);
	const error = new NodeOperationError(node, message, {
		description: `${description} ${projectNote(project, detail)}`,
		itemIndex: job.request.itemIndex,
	});
	return recordProject(error, project);
}

/**
 * Waits for many Magic Hour projects in one loop: every project gets its own schedule, status
 * requests are spaced and bounded, a 429 holds all of them, and an execution cancel stops at once.
 * Projects may be added while the loop runs. No status request outlives its job's deadline or stop().
 */
export class ProjectPoller {
	readonly stats: PollerStats = { requests: 0, maxInFlightSeen: 0, rateLimitPauses: 0, completed: 0, failed: 0 };

	private readonly jobs = new Set<Job>();
	private readonly settings: Required<Omit<PollerSettings, 'retry' | 'random' | 'mode'>> & { mode: PollingMode };
	private readonly random: () => number;
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
		private readonly pollerSettings: PollerSettings = {},
	) {
		this.settings = {
			mode: pollerSettings.mode ?? 'automatic',
			fixedIntervalMs: Math.max(1, pollerSettings.fixedIntervalMs ?? DEFAULTS.fixedIntervalMs),
			minGapMs: Math.max(0, pollerSettings.minGapMs ?? DEFAULTS.minGapMs),
			maxInFlight: Math.max(1, Math.floor(pollerSettings.maxInFlight ?? DEFAULTS.maxInFlight)),
			maxConsecutiveFailures: Math.max(1, pollerSettings.maxConsecutiveFailures ?? DEFAULTS.maxConsecutiveFailures),
		};
		this.random = pollerSettings.random ?? Math.random;
		this.signal = cancelSignalOf(ctx);
	}

	/** Projects still being waited for. */
	get pending(): number {
		return this.jobs.size;
	}

	/** Resolves with the project when it is complete; rejects on error, canceled, timeout, API failure or cancel. */
	async waitFor(request: WaitRequest): Promise<ProjectDetail> {
		if (this.stopped) throw this.stopped;
		if (this.signal?.aborted) throw new ExecutionCancelledError();
		return await new Promise<ProjectDetail>((resolve, reject) => {
			const now = Date.now();
			const mode = request.mode ?? this.settings.mode;
			const fixedIntervalMs = Math.max(1, request.fixedIntervalMs ?? this.settings.fixedIntervalMs);
			const expectedMs = Math.max(0, request.expectedMs ?? 0);
			const timeoutMs =
				request.timeoutMs && request.timeoutMs > 0 ? request.timeoutMs : DEFAULT_TIMEOUT_MINUTES[request.kind] * 60_000;
			const firstDelay =
				mode === 'fixed'
					? Math.min(fixedIntervalMs, expectedMs)
					: expectedMs * (FIRST_CHECK_SHARE[request.kind] + 0.1 * this.random());
			const job: Job = {
				request,
				mode,
				fixedIntervalMs,
				addedAt: now,
				deadline: now + timeoutMs,
				nextAt: Math.min(now + firstDelay, now + timeoutMs),
				intervalMs: this.startIntervalMs(request.kind, expectedMs),
				polls: 0,
				failuresInRow: 0,
				lastStatus: request.known?.status ?? 'unknown',
				lastPollAt: -Infinity,
				inFlight: false,
				resolve,
				reject,
			};
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

	/** The documented interval of the kind; for video "longer for longer jobs". */
	private capMs(kind: ProjectKind, expectedMs: number): number {
		const cap = MAX_POLL_INTERVAL_MS[kind];
		return kind === 'video' ? Math.max(cap, expectedMs * VIDEO_CAP_SHARE_OF_EXPECTED) : cap;
	}

	/**
	 * First Automatic back-off step: a quarter of the expected duration, at least a third of the
	 * kind's cap (so unknown durations start briskly) and at most the cap.
	 */
	private startIntervalMs(kind: ProjectKind, expectedMs: number): number {
		const cap = this.capMs(kind, expectedMs);
		const floor = Math.max(MIN_AUTO_INTERVAL_MS, cap * START_SHARE_OF_CAP);
		return Math.min(cap, Math.max(floor, expectedMs * START_SHARE_OF_EXPECTED));
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
				const now = Date.now();
				this.expireJobs(now);
				this.dispatch(now);
				if (this.jobs.size === 0 || this.stopped) break;
				await this.idle(this.nextEventIn(Date.now()));
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
		while (this.inFlight < this.settings.maxInFlight && now - this.lastStartAt >= this.settings.minGapMs) {
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
		const canLaunch = this.inFlight < this.settings.maxInFlight;
		const earliestStart = Math.max(this.lastStartAt + this.settings.minGapMs, this.pauseUntil);
		let next = Infinity;
		for (const job of this.jobs) {
			if (job.inFlight) continue;
			if (job.deadline > now) next = Math.min(next, job.deadline);
			if (canLaunch) next = Math.min(next, Math.max(job.nextAt, earliestStart));
		}
		return Math.min(MAX_IDLE_STEP_MS, Math.max(0, next - now));
	}

	private async idle(ms: number): Promise<void> {
		await new Promise<void>((resolve) => {
			this.wakeUp = resolve;
			void sleep(ms).then(() => {
				if (this.wakeUp === resolve) this.wakeUp = undefined;
				resolve();
			});
		});
	}

	private launch(job: Job, now: number): void {
		job.inFlight = true;
		job.polls += 1;
		job.lastPollAt = now;
		this.lastStartAt = now;
		this.inFlight += 1;
		this.stats.requests += 1;
		this.stats.maxInFlightSeen = Math.max(this.stats.maxInFlightSeen, this.inFlight);
		const { id, kind, itemIndex } = job.request;
		magicHourRequest<ProjectDetail>(this.ctx, {
			method: 'GET',
			path: projectPath(kind, id),
			itemIndex,
			retry: this.pollerSettings.retry,
			onRateLimited: (waitMs) => this.pauseFor(waitMs),
			signal: this.stopController.signal,
			deadline: job.deadline,
		})
			.then(
				(detail) => this.onDetail(job, detail, Date.now()),
				(error: unknown) => this.onRequestFailed(job, error, Date.now()),
			)
			.finally(() => {
				job.inFlight = false;
				this.inFlight -= 1;
				this.wake();
			});
	}

	private pauseFor(ms: number): void {
		const until = Date.now() + Math.max(0, ms);
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
		if (TERMINAL_STATUSES.has(job.lastStatus)) {
			this.finish(job, detail, now);
			return;
		}
		if (now >= job.deadline) {
			this.timeOut(job, now);
			return;
		}
		job.nextAt = Math.min(now + this.nextIntervalMs(job), job.deadline);
	}

	private nextIntervalMs(job: Job): number {
		if (job.mode === 'fixed') return job.fixedIntervalMs;
		const cap = this.capMs(job.request.kind, job.request.expectedMs ?? 0);
		const interval = Math.min(cap, job.intervalMs);
		job.intervalMs = Math.min(cap, job.intervalMs * BACKOFF_FACTOR);
		// Jitter spreads the checks of jobs started together; it never goes above the cap.
		return Math.round(interval * (0.85 + 0.15 * this.random()));
	}

	private finish(job: Job, detail: ProjectDetail, now: number): void {
		const node = this.ctx.getNode();
		const { id } = job.request;
		const elapsed = formatDuration(now - job.addedAt);
		if (detail.status === 'complete') {
			this.settle(job, () => job.resolve(detail), true);
			return;
		}
		if (detail.status === 'error') {
			const code = detail.error?.code;
			const said = detail.error?.message;
			const message = `Magic Hour project ${id} failed${code ? ` [${code}]` : ''}${said ? `: ${said}` : ''}`;
			const error = projectError(
				node,
				job,
				message,
				hintForErrorCode(code, id),
				`after ${elapsed}`,
			);
			error.context.errorCode = code ?? null;
			error.context.errorMessage = said ?? null;
			this.settle(job, () => job.reject(error));
			return;
		}
		const error = projectError(
			node,
			job,
			`Magic Hour project ${id} was canceled`,
			`The job was canceled at Magic Hour (for example in the web app), so there is nothing to download. Run the item again to start a new job.`,
		);
		this.settle(job, () => job.reject(error));
	}

	private timeOut(job: Job, now: number): void {
		const { id } = job.request;
		const elapsed = formatDuration(now - job.addedAt);
		const error = projectError(
			this.ctx.getNode(),
			job,
			`Magic Hour project ${id} did not finish in time (last status: ${job.lastStatus}, waited ${elapsed})`,
			`The job may still finish at Magic Hour and charge credits. Raise "Timeout (Minutes)" in Execution Settings, or turn off waiting and use "Wait for Project" with this project ID later.`,
			`${job.polls} status checks`,
		);
		error.context.elapsedMs = now - job.addedAt;
		error.context.timedOut = true;
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
		// The transport already retried; network failures (no HTTP code), 429 and 5xx may still pass.
		const apiError = error instanceof NodeApiError;
		const httpCode = apiError ? Number(error.httpCode ?? NaN) : NaN;
		if (httpCode === 429) this.pauseFor(RATE_LIMIT_PAUSE_MS);
		const transient = apiError && (!Number.isFinite(httpCode) || httpCode === 429 || httpCode >= 500);
		job.failuresInRow += 1;
		if (transient && now >= job.deadline) {
			this.timeOut(job, now);
			return;
		}
		if (transient && job.failuresInRow < this.settings.maxConsecutiveFailures) {
			job.nextAt = Math.min(now + this.nextIntervalMs(job), job.deadline);
			return;
		}
		const failure = error instanceof Error ? error : new Error(String(error));
		this.settle(job, () => job.reject(aboutProject(failure, projectOf(job))));
	}

	private settle(job: Job, action: () => void, success = false): void {
		if (!this.jobs.delete(job)) return;
		if (success) this.stats.completed += 1;
		else this.stats.failed += 1;
		action();
	}
}

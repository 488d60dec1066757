import type { ProjectKind } from '../catalog/types';
import type { Deadline } from '../transport/cancellation';

/** How long a job may take and when it is checked: pure arithmetic, no clock and no I/O (callers supply `now`). */

/** Default time limits per kind when the user sets none ("Timeout (Minutes)" 0). */
export const DEFAULT_TIMEOUT_MINUTES: Record<ProjectKind, number> = {
	image: 10,
	audio: 10,
	video: 60,
};

/**
 * The one time limit of an item, from its "Timeout (Minutes)" (0: the kind's default), starting
 * now. Before the kind is known (Wait for Project detecting it) the longest default applies.
 */
export function itemDeadline(
	kind: ProjectKind | undefined,
	timeoutMinutes: number,
	startedAt: number,
): Deadline {
	const minutes =
		timeoutMinutes > 0
			? timeoutMinutes
			: kind
				? DEFAULT_TIMEOUT_MINUTES[kind]
				: Math.max(...Object.values(DEFAULT_TIMEOUT_MINUTES));
	return { startedAt, at: startedAt + minutes * 60_000 };
}

/** Upper bound of the Automatic polling interval per kind (documented poll intervals). */
export const MAX_POLL_INTERVAL_MS: Record<ProjectKind, number> = {
	image: 3_000,
	audio: 3_000,
	video: 10_000,
};

export type PollingMode = 'automatic' | 'fixed';

export interface PollSchedule {
	mode: PollingMode;
	kind: ProjectKind;
	/** Usual duration of the job from when it was added; 0 when unknown (checks at once). */
	expectedMs: number;
	/** Interval of the Fixed mode. */
	fixedIntervalMs: number;
}

export interface ScheduleProgress {
	/** Statuses (and transient failures) seen so far: 0 plans the first check. */
	seen: number;
	now: number;
	/** No check is planned after this. */
	deadline: number;
	/** In [0, 1): spreads the Automatic checks of jobs started together (see jitterFor). */
	jitter: number;
}

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
const FIRST_CHECK_JITTER_SHARE = 0.1;
/** Later intervals are shortened by up to this share, so they never go above the cap. */
const INTERVAL_JITTER_SHARE = 0.15;
/** Long videos are checked less often: the cap grows to this share of the expected duration. */
const VIDEO_CAP_SHARE_OF_EXPECTED = 1 / 20;
const START_SHARE_OF_CAP = 1 / 3;
const START_SHARE_OF_EXPECTED = 1 / 4;

/** The time of the job's next check, never after its deadline. */
export function nextCheckAt(schedule: PollSchedule, progress: ScheduleProgress): number {
	const delay =
		progress.seen === 0
			? firstCheckDelayMs(schedule, progress.jitter)
			: intervalMs(schedule, progress.seen - 1, progress.jitter);
	return Math.min(progress.now + delay, progress.deadline);
}

function firstCheckDelayMs(
	{ mode, kind, expectedMs, fixedIntervalMs }: PollSchedule,
	jitter: number,
): number {
	if (mode === 'fixed') return Math.min(fixedIntervalMs, expectedMs);
	return expectedMs * (FIRST_CHECK_SHARE[kind] + FIRST_CHECK_JITTER_SHARE * jitter);
}

/** The interval after the `step`-th status (0-based): Automatic grows ×1.5 from its start up to the cap. */
function intervalMs(schedule: PollSchedule, step: number, jitter: number): number {
	if (schedule.mode === 'fixed') return schedule.fixedIntervalMs;
	const cap = capMs(schedule);
	let interval = startIntervalMs(schedule);
	for (let i = 0; i < step && interval < cap; i++)
		interval = Math.min(cap, interval * BACKOFF_FACTOR);
	return Math.round(interval * (1 - INTERVAL_JITTER_SHARE + INTERVAL_JITTER_SHARE * jitter));
}

/** The documented interval of the kind; for video "longer for longer jobs". */
function capMs({ kind, expectedMs }: PollSchedule): number {
	const cap = MAX_POLL_INTERVAL_MS[kind];
	return kind === 'video' ? Math.max(cap, expectedMs * VIDEO_CAP_SHARE_OF_EXPECTED) : cap;
}

/**
 * First Automatic back-off step: a quarter of the expected duration, at least a third of the
 * kind's cap (so unknown durations start briskly) and at most the cap.
 */
function startIntervalMs(schedule: PollSchedule): number {
	const cap = capMs(schedule);
	const floor = Math.max(MIN_AUTO_INTERVAL_MS, cap * START_SHARE_OF_CAP);
	return Math.min(cap, Math.max(floor, schedule.expectedMs * START_SHARE_OF_EXPECTED));
}

/**
 * The jitter of a job's check: a fraction in [0, 1) fixed by the project ID and the check number.
 * IDs differ, so jobs started together still spread out, and a schedule replays exactly (no
 * random source to stub in tests).
 */
export function jitterFor(projectId: string, seen: number): number {
	// FNV-1a over the ID and the check number, then murmur3's finalizer so every bit counts.
	let hash = 0x811c9dc5;
	for (let i = 0; i < projectId.length; i++)
		hash = Math.imul(hash ^ projectId.charCodeAt(i), 0x01000193);
	hash = Math.imul(hash ^ seen, 0x01000193);
	hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
	hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
	hash ^= hash >>> 16;
	return (hash >>> 0) / 2 ** 32;
}

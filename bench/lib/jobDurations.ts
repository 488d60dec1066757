/**
 * Realistic job durations for the emulator. The emulator gives every job of an endpoint the
 * same duration (its median); real jobs vary. This hook (benchmark only) hands each new project
 * the next duration from a queue, in creation order, so every strategy measured in a run
 * meets exactly the same durations.
 */
import { ProjectStore, type NewProject } from '../../emulator/projects';
import type { ProjectRecord } from '../../emulator/types';
import { seededRandom, triangular } from './stats';

const queue: number[] = [];
let hooked = false;

/** Durations (ms of the emulator's clock) the next created jobs take, in creation order. */
export function queueDurations(durationsMs: number[]): void {
	hookEmulator();
	queue.push(...durationsMs);
}

export function clearDurations(): void {
	queue.length = 0;
}

function hookEmulator(): void {
	if (hooked) return;
	hooked = true;
	const proto = ProjectStore.prototype as unknown as {
		create(input: NewProject): ProjectRecord;
	};
	const original = proto.create;
	proto.create = function create(this: ProjectStore, input: NewProject): ProjectRecord {
		const next = queue.shift();
		if (next === undefined) return original.call(this, input);
		const overrides = (this as unknown as { durationOverrides: Map<string, number> })
			.durationOverrides;
		const previous = overrides.get(input.endpoint);
		overrides.set(input.endpoint, next);
		try {
			return original.call(this, input);
		} finally {
			if (previous === undefined) overrides.delete(input.endpoint);
			else overrides.set(input.endpoint, previous);
		}
	};
}

/** Documented render-time ranges (seconds) behind the emulator's medians (emulator/validation/endpoints.ts). */
export const DURATION_RANGES = {
	fastImage: { min: 2, median: 8, max: 15 },
	mediumImage: { min: 15, median: 20, max: 30 },
	simpleVideo: { min: 30, median: 60, max: 120 },
	standardVideo: { min: 120, median: 180, max: 240 },
	complexVideo: { min: 480, median: 570, max: 660 },
	audio: { min: 3, median: 6, max: 12 },
} as const;

export type DurationRange = (typeof DURATION_RANGES)[keyof typeof DURATION_RANGES];

/** `count` durations in ms, triangular over the documented range with the peak at the median. */
export function drawDurationsMs(range: DurationRange, count: number, seed: number): number[] {
	const random = seededRandom(seed);
	return Array.from({ length: count }, () =>
		Math.round(triangular(random, range.min, range.median, range.max) * 1000),
	);
}

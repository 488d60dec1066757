import {
	itemDeadline,
	jitterFor,
	nextCheckAt,
	type PollSchedule,
} from '../../nodes/shared/engine/pollSchedule';

const automatic = (kind: PollSchedule['kind'], expectedMs: number): PollSchedule => ({
	mode: 'automatic',
	kind,
	expectedMs,
	fixedIntervalMs: 3_000,
});
const NOW = 1_000_000;
const FAR = Number.MAX_SAFE_INTEGER;

/** Delays of the checks after the first `count` statuses (jitter 1 is the top of the range: no shortening). */
function intervals(schedule: PollSchedule, count: number, jitter = 1): number[] {
	return Array.from(
		{ length: count },
		(_, index) => nextCheckAt(schedule, { seen: index + 1, now: NOW, deadline: FAR, jitter }) - NOW,
	);
}

const firstCheck = (schedule: PollSchedule, jitter: number) =>
	nextCheckAt(schedule, { seen: 0, now: NOW, deadline: FAR, jitter }) - NOW;

describe('pollSchedule: Automatic mode', () => {
	it('checks images and audio first at 80–90 % of the expected duration', () => {
		for (const kind of ['image', 'audio'] as const) {
			expect(firstCheck(automatic(kind, 20_000), 0)).toBe(16_000);
			expect(firstCheck(automatic(kind, 20_000), 0.5)).toBe(17_000);
			expect(firstCheck(automatic(kind, 20_000), 0.999)).toBeCloseTo(17_998, 0);
		}
	});

	it('checks video first at 50–60 % of the expected duration', () => {
		expect(firstCheck(automatic('video', 60_000), 0)).toBe(30_000);
		expect(firstCheck(automatic('video', 60_000), 0.5)).toBe(33_000);
		expect(firstCheck(automatic('video', 60_000), 0.999)).toBeCloseTo(35_994, 0);
	});

	it('checks at once when the duration is unknown', () => {
		expect(firstCheck(automatic('image', 0), 0.7)).toBe(0);
		expect(firstCheck(automatic('video', 0), 0.7)).toBe(0);
	});

	it("then grows the interval ×1.5 from a quarter of the expected duration up to the kind's cap", () => {
		expect(intervals(automatic('image', 2_000), 6)).toEqual([
			1_000, 1_500, 2_250, 3_000, 3_000, 3_000,
		]);
		expect(intervals(automatic('audio', 8_000), 3)).toEqual([2_000, 3_000, 3_000]);
		// Long expected durations start at the cap.
		expect(intervals(automatic('image', 20_000), 2)).toEqual([3_000, 3_000]);
	});

	it('starts an unknown duration at a third of the cap, at least 0.5 s', () => {
		expect(intervals(automatic('image', 0), 5)).toEqual([1_000, 1_500, 2_250, 3_000, 3_000]);
		expect(intervals(automatic('video', 0), 5)).toEqual([3_333, 5_000, 7_500, 10_000, 10_000]);
	});

	it('caps video at 10 s or 5 % of the expected duration, whichever is longer', () => {
		expect(intervals(automatic('video', 60_000), 2)).toEqual([10_000, 10_000]);
		expect(intervals(automatic('video', 600_000), 2)).toEqual([30_000, 30_000]);
	});

	it('jitter shortens an interval by up to 15 %, never lengthens it', () => {
		expect(intervals(automatic('image', 2_000), 4, 0)).toEqual([850, 1_275, 1_913, 2_550]);
		expect(intervals(automatic('image', 2_000), 4, 0.5)).toEqual([925, 1_388, 2_081, 2_775]);
	});
});

describe('pollSchedule: Fixed mode', () => {
	const fixed = (expectedMs: number): PollSchedule => ({
		mode: 'fixed',
		kind: 'video',
		expectedMs,
		fixedIntervalMs: 3_000,
	});

	it('checks first after the interval, or at once when the duration is unknown, then every interval', () => {
		expect(firstCheck(fixed(60_000), 0.5)).toBe(3_000);
		expect(firstCheck(fixed(1_000), 0.5)).toBe(1_000);
		expect(firstCheck(fixed(0), 0.5)).toBe(0);
		expect(intervals(fixed(60_000), 3, 0)).toEqual([3_000, 3_000, 3_000]);
		expect(intervals(fixed(60_000), 3, 0.9)).toEqual([3_000, 3_000, 3_000]);
	});
});

describe('pollSchedule: deadline', () => {
	it('never plans a check after the deadline', () => {
		const deadline = NOW + 1_500;
		expect(
			nextCheckAt(automatic('image', 20_000), { seen: 0, now: NOW, deadline, jitter: 0 }),
		).toBe(deadline);
		expect(
			nextCheckAt(automatic('image', 20_000), { seen: 3, now: NOW, deadline, jitter: 0 }),
		).toBe(deadline);
		expect(nextCheckAt(automatic('image', 1_000), { seen: 0, now: NOW, deadline, jitter: 0 })).toBe(
			NOW + 800,
		);
	});
});

describe('jitterFor', () => {
	it('is a fraction fixed by the project ID and the check number', () => {
		expect(jitterFor('cabc', 2)).toBe(jitterFor('cabc', 2));
		expect(jitterFor('cabc', 2)).not.toBe(jitterFor('cabc', 3));
		expect(jitterFor('cabc', 2)).not.toBe(jitterFor('cabd', 2));
	});

	it('spreads jobs started together over the whole range', () => {
		const values = Array.from({ length: 1_000 }, (_, index) =>
			jitterFor(`c${index.toString(36).padStart(24, '0')}`, 0),
		);
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		for (let tenth = 0; tenth < 10; tenth++) {
			const inTenth = values.filter((value) => Math.floor(value * 10) === tenth).length;
			expect(inTenth).toBeGreaterThan(60);
			expect(inTenth).toBeLessThan(140);
		}
	});
});

describe('itemDeadline', () => {
	it("starts at the given time and uses the kind's default for 0 (the longest before the kind is known)", () => {
		expect(itemDeadline('image', 0, NOW)).toEqual({ startedAt: NOW, at: NOW + 10 * 60_000 });
		expect(itemDeadline('video', 0, NOW)).toEqual({ startedAt: NOW, at: NOW + 60 * 60_000 });
		expect(itemDeadline(undefined, 0, NOW).at).toBe(NOW + 60 * 60_000);
		expect(itemDeadline('video', 1.5, NOW).at).toBe(NOW + 90_000);
	});
});

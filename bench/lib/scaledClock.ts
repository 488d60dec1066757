/**
 * Time scaling for the benchmarks (phases 1–3): the project poller runs on a clock `scale` times
 * faster than the wall clock, given through its injection point (setPollerClock). The emulator
 * runs at `speed = scale` and gets every job's duration divided by `scale`, the guides' baseline
 * loop polls every 3 s / `scale`. So the poller's own constants (0.5 s smallest Automatic
 * interval, 3 s / 10 s caps, 50 ms gap between requests, 250 ms idle step) scale with everything
 * else and every ratio is the real one. Only the real CPU and network time of a request is not
 * scaled: expressed in equivalent time it is multiplied by `scale`.
 */
import {
	setPollerClock,
	systemClock,
	type PollerClock,
} from '../../nodes/shared/engine/projectPoller';

/** A clock whose now() runs `scale`× as fast as Date.now() and whose sleep(ms) waits ms / scale real ms. */
export function scaledClock(scale: number): PollerClock {
	if (!(scale > 0)) throw new RangeError(`clock scale must be > 0, got ${scale}`);
	const origin = Date.now();
	return {
		now: () => Math.floor(origin + (Date.now() - origin) * scale),
		sleep: async (ms, signal) => await systemClock.sleep(ms / scale, signal),
	};
}

/** Runs `body` with every project poller on a clock `scale`× as fast; the system clock again afterwards. */
export async function withScaledPollers<T>(scale: number, body: () => Promise<T>): Promise<T> {
	setPollerClock(scaledClock(scale));
	try {
		return await body();
	} finally {
		setPollerClock(systemClock);
	}
}

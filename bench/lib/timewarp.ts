/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Time scaling for the benchmarks: the process runs on a clock that goes `factor` times faster
 * than the wall clock. `Date.now()` advances `factor` ms per real ms and every `setTimeout` /
 * `setInterval` delay is divided by `factor`.
 *
 * Why the whole clock and not only the emulator's `speed`: the poller has real-millisecond
 * constants of its own (0.5 s smallest Automatic interval, 3 s / 10 s caps, 50 ms gap between
 * requests, 250 ms idle step). Scaling only the emulator and the node's Expected Duration would
 * leave those unscaled and distort the very ratios we measure. Scaling the clock is the same as
 * running the emulator at `speed = factor` with the node's Expected Duration, the fixed interval
 * and every internal constant divided by `factor`. Only the real CPU and network time of a
 * request is not scaled: expressed in equivalent time it is multiplied by `factor`.
 *
 * Installed with `-r ./bench/lib/timewarpRegister.ts` before anything else loads, so modules
 * that keep a reference to `timers.setTimeout` get the scaled one too.
 */
import timers from 'node:timers';

export interface TimeWarp {
	readonly factor: number;
	/** Real (wall-clock) milliseconds since the warp was installed. */
	realNow(): number;
	/**
	 * Changes the factor from now on; `Date.now()` stays continuous. Call it only while no
	 * scaled timer is pending (between phases): pending timers keep the old factor.
	 */
	setFactor(factor: number): void;
}

let installed: TimeWarp | undefined;

export function installTimeWarp(initialFactor = 1): TimeWarp {
	if (installed) return installed;
	const originalNow = Date.now.bind(Date);
	const origin = originalNow();
	let factor = 1;
	let base = origin;
	let realBase = origin;
	const warpedNow = () => Math.floor(base + (originalNow() - realBase) * factor);
	const check = (value: number) => {
		if (!(value > 0)) throw new RangeError(`time warp factor must be > 0, got ${value}`);
		return value;
	};

	Date.now = warpedNow;
	const scale = (ms: unknown) => (typeof ms === 'number' && ms > 0 ? ms / factor : ms);
	const originalSetTimeout = globalThis.setTimeout;
	const originalSetInterval = globalThis.setInterval;
	const warpedSetTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
		originalSetTimeout(fn, scale(ms) as number, ...args)) as unknown as typeof setTimeout;
	const warpedSetInterval = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
		originalSetInterval(fn, scale(ms) as number, ...args)) as unknown as typeof setInterval;
	globalThis.setTimeout = Object.assign(warpedSetTimeout, { __promisify__: originalSetTimeout.__promisify__ });
	globalThis.setInterval = warpedSetInterval;
	(timers as { setTimeout: typeof setTimeout }).setTimeout = globalThis.setTimeout;
	(timers as { setInterval: typeof setInterval }).setInterval = warpedSetInterval;

	installed = {
		get factor() {
			return factor;
		},
		realNow: () => originalNow() - origin,
		setFactor(next: number) {
			base = warpedNow();
			realBase = originalNow();
			factor = check(next);
		},
	};
	installed.setFactor(initialFactor);
	return installed;
}

/** The installed warp (factor 1 when none was preloaded: then only realNow() is meaningful). */
export function timeWarp(): TimeWarp {
	if (installed) return installed;
	const origin = Date.now();
	return {
		factor: 1,
		realNow: () => Date.now() - origin,
		setFactor() {
			throw new Error('preload bench/lib/timewarpRegister.ts to scale the clock');
		},
	};
}

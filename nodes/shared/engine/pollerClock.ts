import { sleep } from 'n8n-workflow';

/** The project poller's source of time, injected so that the benchmark can run it faster than the wall clock. */
export interface PollerClock {
	now(): number;
	/** Resolves after `ms`, or as soon as `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Bounds the n8n timer left running after an abort. */
const SLEEP_STEP_MS = 250;

/** `Date.now` and n8n-workflow's `sleep`, in steps of at most 250 ms that end at once on abort. */
export const systemClock: PollerClock = {
	now: () => Date.now(),
	async sleep(ms, signal) {
		let remaining = Math.max(0, ms);
		// Even 0 ms waits for a timer, so that a loop sleeping 0 ms still lets I/O run.
		do {
			const step = Math.min(SLEEP_STEP_MS, remaining);
			await stepUnlessAborted(step, signal);
			remaining -= step;
		} while (remaining > 0 && !signal?.aborted);
	},
};

async function stepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (signal?.aborted) return;
	await new Promise<void>((resolve) => {
		const done = () => {
			signal?.removeEventListener('abort', done);
			resolve();
		};
		signal?.addEventListener('abort', done, { once: true });
		void sleep(ms).then(done);
	});
}

let current: PollerClock = systemClock;

/** The clock of pollers created without one: the system clock unless setPollerClock installed another. */
export function pollerClock(): PollerClock {
	return current;
}

/** For the benchmark: every poller created from now on runs on `clock`. */
export function setPollerClock(clock: PollerClock): void {
	current = clock;
}

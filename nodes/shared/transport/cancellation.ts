import { sleep } from 'n8n-workflow';

/** Longest step of a sleep: bounds the n8n timer left running after an abort. */
const SLEEP_STEP_MS = 250;
/** Longest delay a timer can take; later deadlines are as good as none. */
const MAX_TIMER_MS = 2_147_483_647;

export class ExecutionCancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
		this.name = 'ExecutionCancelledError';
	}
}

/** The time a wait may take ("Timeout (Minutes)") is used up. */
export class DeadlineReachedError extends Error {
	constructor() {
		super('The time limit was reached');
		this.name = 'DeadlineReachedError';
	}
}

/**
 * One item's time limit, built once (engine/pollSchedule.ts#itemDeadline) and handed unchanged to
 * the poller, the downloads and every request: epoch ms, on the wall clock.
 */
export interface Deadline {
	/** When the limited work began (an error tells the time waited since then). */
	startedAt: number;
	/** No attempt, retry or wait passes this moment. */
	at: number;
}

/** Milliseconds left until the deadline (Infinity without one). */
export function remainingMs(deadline: Deadline | undefined, now = Date.now()): number {
	return deadline === undefined ? Infinity : deadline.at - now;
}

/**
 * Why a signal aborted, as an error to throw: the reason the code gave, or ExecutionCancelledError
 * for a plain abort() (that is how n8n cancels an execution).
 */
export function abortReason(signal: AbortSignal): Error {
	const reason: unknown = signal.reason;
	return reason instanceof Error && reason.name !== 'AbortError'
		? reason
		: new ExecutionCancelledError();
}

/** Throws the signal's abort reason (see abortReason) when it has aborted. */
export function throwIfCancelled(signal?: AbortSignal): void {
	if (signal?.aborted) throw abortReason(signal);
}

/**
 * Waits `ms`, ending at once when `signal` aborts, and then throws its reason (see abortReason).
 * Even 0 ms waits for a timer, so a loop sleeping 0 ms still lets I/O run. Steps of at most
 * 250 ms bound the n8n timer left behind by an abort (`sleepWithAbort` is not exported by
 * n8n-workflow 2.x and bare timers are not allowed in nodes).
 */
export async function cancellableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	throwIfCancelled(signal);
	let remaining = Math.max(0, ms);
	do {
		const step = Math.min(SLEEP_STEP_MS, remaining);
		await stepUnlessAborted(step, signal);
		remaining -= step;
	} while (remaining > 0 && !signal?.aborted);
	throwIfCancelled(signal);
}

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

export interface SignalSources {
	/** The execution's cancel signal: aborts with ExecutionCancelledError. */
	cancel?: AbortSignal;
	/** Another reason to stop (e.g. another item failed): aborts with this signal's reason. */
	stop?: AbortSignal;
	/** Aborts with DeadlineReachedError at `deadline.at`. */
	deadline?: Deadline;
}

export interface LinkedSignal {
	readonly signal: AbortSignal;
	/** Aborts the linked signal itself (e.g. one of several parallel transfers failed). */
	abort(reason: Error): void;
	/** Removes the listeners this link added to its sources. Call it when the work is over. */
	dispose(): void;
}

/**
 * One signal for one piece of work, aborted by whichever source comes first. Its listeners on the
 * long-lived execution signal are removed by dispose(), so none outlives the work (a node run in a
 * loop would otherwise pile them up).
 */
export function linkSignals(sources: SignalSources): LinkedSignal {
	const controller = new AbortController();
	const cleanups: Array<() => void> = [];
	const dispose = () => {
		for (const cleanup of cleanups.splice(0)) cleanup();
	};
	const follow = (source: AbortSignal | undefined, reason: (source: AbortSignal) => Error) => {
		if (!source || controller.signal.aborted) return;
		if (source.aborted) {
			controller.abort(reason(source));
			return;
		}
		const onAbort = () => {
			controller.abort(reason(source));
			dispose();
		};
		source.addEventListener('abort', onAbort, { once: true });
		cleanups.push(() => source.removeEventListener('abort', onAbort));
	};
	follow(sources.cancel, () => new ExecutionCancelledError());
	follow(sources.stop, abortReason);
	if (sources.deadline !== undefined) {
		const remaining = remainingMs(sources.deadline);
		if (remaining <= 0) {
			if (!controller.signal.aborted) controller.abort(new DeadlineReachedError());
		} else if (remaining <= MAX_TIMER_MS)
			follow(AbortSignal.timeout(remaining), () => new DeadlineReachedError());
	}
	const abort = (reason: Error) => {
		if (!controller.signal.aborted) controller.abort(reason);
		dispose();
	};
	return { signal: controller.signal, abort, dispose };
}

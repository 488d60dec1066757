import { DeadlineReachedError, ExecutionCancelledError, abortReason } from './cancellableSleep';

/** Longest delay a timer can take; later deadlines are as good as none. */
const MAX_TIMER_MS = 2_147_483_647;

export interface SignalSources {
	/** The execution's cancel signal: aborts with ExecutionCancelledError. */
	cancel?: AbortSignal;
	/** Another reason to stop (e.g. another item failed): aborts with this signal's reason. */
	stop?: AbortSignal;
	/** Epoch ms: aborts with DeadlineReachedError at this moment. */
	deadline?: number;
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
		const remaining = sources.deadline - Date.now();
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

/** Milliseconds left until `deadline` (Infinity without one). */
export function remainingMs(deadline: number | undefined, now = Date.now()): number {
	return deadline === undefined ? Infinity : deadline - now;
}

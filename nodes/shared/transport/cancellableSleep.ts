import { sleep } from 'n8n-workflow';

const SLEEP_STEP_MS = 250;

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
 * Why a signal aborted, as an error to throw: the reason the code gave, or ExecutionCancelledError
 * for a plain abort() (that is how n8n cancels an execution).
 */
export function abortReason(signal: AbortSignal): Error {
	const reason: unknown = signal.reason;
	return reason instanceof Error && reason.name !== 'AbortError'
		? reason
		: new ExecutionCancelledError();
}

/**
 * Waits `ms`, in short steps so an aborted signal (cancel, deadline, run stopped) ends it within a step.
 * (`sleepWithAbort` is not exported by n8n-workflow 2.x and bare timers are not allowed in nodes.)
 */
export async function cancellableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	let remaining = Math.max(0, ms);
	throwIfCancelled(signal);
	while (remaining > 0) {
		const step = Math.min(SLEEP_STEP_MS, remaining);
		await sleep(step);
		remaining -= step;
		throwIfCancelled(signal);
	}
}

/** Throws the signal's abort reason (see abortReason) when it has aborted. */
export function throwIfCancelled(signal?: AbortSignal): void {
	if (signal?.aborted) throw abortReason(signal);
}

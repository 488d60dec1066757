import { sleep } from 'n8n-workflow';

const SLEEP_STEP_MS = 250;

export class ExecutionCancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
		this.name = 'ExecutionCancelledError';
	}
}

/**
 * Waits `ms`, in short steps so a cancelled execution stops within a step.
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

export function throwIfCancelled(signal?: AbortSignal): void {
	if (signal?.aborted) throw new ExecutionCancelledError();
}

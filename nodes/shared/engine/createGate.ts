import { throwIfCancelled } from '../transport/cancellation';

/**
 * The one place a tool run decides whether a create (a request that starts a paid job) may be
 * sent now. The transport asks before every attempt: the first one and each retry after a 429
 * wait or a backoff. An attempt already sent is never aborted (its answer carries the job's ID).
 */
export class CreateGate {
	private readonly stopped = new AbortController();

	constructor(private readonly cancel: AbortSignal | undefined) {}

	/** Set once the run has decided to stop (a failure without "Continue On Fail"): ends uploads, waits and downloads too. */
	get signal(): AbortSignal {
		return this.stopped.signal;
	}

	/** The run stops: no create attempt starts from now on. */
	stop(reason: unknown): void {
		if (!this.stopped.signal.aborted) this.stopped.abort(reason);
	}

	/** Throws (the stop's reason, or the cancel) when no create may start now. */
	assertMayStart(): void {
		throwIfCancelled(this.cancel);
		throwIfCancelled(this.stopped.signal);
	}
}

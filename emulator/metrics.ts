/** Request log and counters. */
import type { Counters, Fault, RequestLogEntry } from './types';

/** Oldest entries are dropped past this many, so a long-running emulator stays small. */
const MAX_LOG_ENTRIES = 50_000;

function emptyCounters(): Counters {
	return {
		byRoute: {},
		creates: 0,
		jobsCreated: 0,
		creditsCharged: 0,
		creditsRefunded: 0,
		bytesServed: 0,
		bytesUploaded: 0,
	};
}

export class Metrics {
	log: RequestLogEntry[] = [];
	private counts: Counters = emptyCounters();
	private seq = 0;

	/** Records the start of a request; the returned entry is completed by the caller. */
	begin(method: string, path: string, route: string, fault: Fault | undefined): RequestLogEntry {
		this.counts.byRoute[route] = (this.counts.byRoute[route] ?? 0) + 1;
		const entry: RequestLogEntry = {
			seq: ++this.seq,
			method,
			path,
			route,
			status: 0,
			start: Date.now(),
			end: 0,
		};
		if (fault) entry.fault = fault.type;
		this.log.push(entry);
		if (this.log.length > MAX_LOG_ENTRIES) this.log.splice(0, this.log.length - MAX_LOG_ENTRIES);
		return entry;
	}

	count(
		key:
			| 'creates'
			| 'jobsCreated'
			| 'creditsCharged'
			| 'creditsRefunded'
			| 'bytesServed'
			| 'bytesUploaded',
		by = 1,
	): void {
		this.counts[key] += by;
	}

	snapshot(): Counters {
		return { ...this.counts, byRoute: { ...this.counts.byRoute } };
	}

	reset(): void {
		this.log = [];
		this.counts = emptyCounters();
	}
}

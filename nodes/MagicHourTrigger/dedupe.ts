import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/**
 * Magic Hour retries a delivery on any non-2xx answer for up to 24 h and sends no event id,
 * so the same `type` + `payload.id` can arrive several times. The keys of the deliveries that
 * started an execution are kept in the node's workflow static data (saved by n8n with the
 * workflow), pruned after the window and capped in number.
 */
export const DEDUPE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEDUPE_MAX_ENTRIES = 1000;

/** Static-data keys of the production and the Test URL ledgers. */
const STORE_KEY = 'magicHourDeliveries';
const TEST_STORE_KEY = 'magicHourTestDeliveries';

export interface LedgerOptions {
	windowMs?: number;
	maxEntries?: number;
	storeKey?: string;
}

export function deliveryKey(eventType: string, projectId: string): string {
	return `${eventType}:${projectId}`;
}

function readStore(staticData: IDataObject, storeKey = STORE_KEY): Record<string, number> {
	const stored = staticData[storeKey];
	const entries: Record<string, number> = {};
	if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
		for (const [key, value] of Object.entries(stored as IDataObject)) {
			if (typeof value === 'number' && Number.isFinite(value)) entries[key] = value;
		}
	}
	return entries;
}

const isLive = (at: number, now: number, windowMs: number) => now - at < windowMs && at <= now + windowMs;

/** Drops expired entries, then (only when over the cap) the oldest ones. */
function prune(entries: Record<string, number>, now: number, windowMs: number, maxEntries: number) {
	let live = Object.entries(entries).filter(([, at]) => isLive(at, now, windowMs));
	if (live.length > maxEntries) live = live.sort((a, b) => a[1] - b[1]).slice(live.length - maxEntries);
	return Object.fromEntries(live);
}

/**
 * Records `key` unless it was already seen inside the window. Returns false for a duplicate.
 * The whole map is assigned back at the top level of the static data, so n8n notices the
 * change and saves it.
 */
export function claimDelivery(
	staticData: IDataObject,
	key: string,
	now: number,
	options: LedgerOptions = {},
): boolean {
	const windowMs = options.windowMs ?? DEDUPE_WINDOW_MS;
	const maxEntries = Math.max(1, options.maxEntries ?? DEDUPE_MAX_ENTRIES);
	const storeKey = options.storeKey ?? STORE_KEY;
	const entries = readStore(staticData, storeKey);
	const seenAt = entries[key];
	if (seenAt !== undefined && isLive(seenAt, now, windowMs)) return false;
	entries[key] = now;
	staticData[storeKey] = prune(entries, now, windowMs, maxEntries);
	return true;
}

/** Forgets a claimed key, e.g. when emitting the event failed and Magic Hour will retry. */
export function releaseDelivery(staticData: IDataObject, key: string, storeKey = STORE_KEY): void {
	const entries = readStore(staticData, storeKey);
	if (!Object.prototype.hasOwnProperty.call(entries, key)) return;
	delete entries[key];
	staticData[storeKey] = entries;
}

/** Number of remembered deliveries (for tests and diagnostics). */
export function rememberedDeliveries(staticData: IDataObject, storeKey = STORE_KEY): number {
	return Object.keys(readStore(staticData, storeKey)).length;
}

/**
 * Deliveries this n8n process is handling right now, or has just handled. n8n saves a
 * webhook's static data only once the node has returned (after any download), so a copy that
 * arrives meanwhile would not see the claim there and start a second execution.
 */
const IN_PROCESS_GRACE_MS = 60_000;
type InProcessState = 'claimed' | 'accepted' | 'finished';
const inProcess = new Map<string, { state: InProcessState; at: number }>();

function pruneInProcess(now: number): void {
	for (const [id, entry] of inProcess) {
		if (entry.state === 'finished' && now - entry.at > IN_PROCESS_GRACE_MS) inProcess.delete(id);
	}
}

export type ClaimResult = 'new' | 'duplicate' | 'in-progress';

/**
 * What the Trigger asks about a delivery, whatever remembers it. Claim it first; then either
 * accept it (it is answered with success and starts an execution: later copies are duplicates)
 * or release it (it failed before being answered: Magic Hour's retry must get through); finish
 * it when the node returns (a claim still open then is released).
 */
export interface DeliveryLedger {
	/** 'in-progress' while another request of this process holds the claim. */
	claim(key: string): ClaimResult;
	accept(key: string): void;
	release(key: string): void;
	finish(key: string): void;
}

/**
 * The ledger of one Trigger node: the workflow static data (survives restarts, shared through
 * n8n's database) plus this process's memory. Deliveries to the Test URL (mode 'manual') and
 * to the production URL have separate ledgers, so neither suppresses the other.
 */
export function deliveryLedger(ctx: IWebhookFunctions, clock: () => number = Date.now): DeliveryLedger {
	const isTest = ctx.getMode() === 'manual';
	const storeKey = isTest ? TEST_STORE_KEY : STORE_KEY;
	const scope = `${isTest ? 'test' : 'production'}:${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
	const staticData = ctx.getWorkflowStaticData('node');
	const id = (key: string) => `${scope}\n${key}`;
	const mark = (key: string, state: InProcessState) => inProcess.set(id(key), { state, at: clock() });
	return {
		claim(key) {
			const now = clock();
			pruneInProcess(now);
			const entry = inProcess.get(id(key));
			if (entry?.state === 'claimed') return 'in-progress';
			if (entry || !claimDelivery(staticData, key, now, { storeKey })) return 'duplicate';
			mark(key, 'claimed');
			return 'new';
		},
		accept: (key) => mark(key, 'accepted'),
		release(key) {
			releaseDelivery(staticData, key, storeKey);
			inProcess.delete(id(key));
		},
		finish(key) {
			const state = inProcess.get(id(key))?.state;
			if (state === 'accepted') mark(key, 'finished');
			// Neither accepted nor released (the node failed in between): let the retry through.
			else if (state === 'claimed') this.release(key);
		},
	};
}

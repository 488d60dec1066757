import type { IDataObject } from 'n8n-workflow';

/**
 * Magic Hour retries a delivery on any non-2xx answer for up to 24 h and sends no event id,
 * so the same `type` + `payload.id` can arrive several times. The keys of the deliveries that
 * started an execution are kept in the node's workflow static data (saved by n8n with the
 * workflow), pruned after the window and capped in number.
 */
export const DEDUPE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEDUPE_MAX_ENTRIES = 1000;

const STORE_KEY = 'magicHourDeliveries';

export interface LedgerOptions {
	windowMs?: number;
	maxEntries?: number;
}

export function deliveryKey(eventType: string, projectId: string): string {
	return `${eventType}:${projectId}`;
}

function readStore(staticData: IDataObject): Record<string, number> {
	const stored = staticData[STORE_KEY];
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
	const entries = readStore(staticData);
	const seenAt = entries[key];
	if (seenAt !== undefined && isLive(seenAt, now, windowMs)) return false;
	entries[key] = now;
	staticData[STORE_KEY] = prune(entries, now, windowMs, maxEntries);
	return true;
}

/** Forgets a claimed key, e.g. when emitting the event failed and Magic Hour will retry. */
export function releaseDelivery(staticData: IDataObject, key: string): void {
	const entries = readStore(staticData);
	if (!Object.prototype.hasOwnProperty.call(entries, key)) return;
	delete entries[key];
	staticData[STORE_KEY] = entries;
}

/** Number of remembered deliveries (for tests and diagnostics). */
export function rememberedDeliveries(staticData: IDataObject): number {
	return Object.keys(readStore(staticData)).length;
}

/**
 * Deliveries this n8n process is handling right now, or has just handled. n8n saves a
 * webhook's static data only after the answer, so a retry that arrives while the first
 * delivery is still running (Magic Hour gave up waiting during a slow download) would not see
 * its claim there and start a second execution.
 */
const IN_PROCESS_GRACE_MS = 60_000;
const inProcess = new Map<string, { running: boolean; at: number }>();

/** 'running' while another request handles this delivery, 'done' just after it started an execution. */
export function deliveryInProcess(scope: string, key: string, now: number): 'running' | 'done' | undefined {
	for (const [id, entry] of inProcess) {
		if (!entry.running && now - entry.at > IN_PROCESS_GRACE_MS) inProcess.delete(id);
	}
	const entry = inProcess.get(`${scope}\n${key}`);
	if (!entry) return undefined;
	return entry.running ? 'running' : 'done';
}

/** Marks a delivery as being handled (`running`) or as having started its execution. */
export function markDeliveryInProcess(scope: string, key: string, running: boolean, now: number): void {
	inProcess.set(`${scope}\n${key}`, { running, at: now });
}

/** Forgets a delivery that failed, so its retry is handled. */
export function forgetDeliveryInProcess(scope: string, key: string): void {
	inProcess.delete(`${scope}\n${key}`);
}

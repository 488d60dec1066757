import { createHash } from 'node:crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/**
 * Magic Hour retries a delivery on any non-2xx answer for up to 24 h and sends no event id,
 * so the same `type` + `payload.id` can arrive several times. The deliveries that started an
 * execution are kept in the node's workflow static data (saved by n8n with the workflow, read
 * by every n8n process), for the window and up to a number of entries.
 */
export const DEDUPE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEDUPE_MAX_ENTRIES = 1000;

/** Static-data keys of the production and the Test URL ledgers. */
const STORE_KEY = 'magicHourLedger';
const TEST_STORE_KEY = 'magicHourTestLedger';

export interface LedgerOptions {
	windowMs?: number;
	maxEntries?: number;
	storeKey?: string;
}

/**
 * The stored ledger. `seen` maps a compact delivery id to the second it was claimed, oldest
 * first (insertion order), so pruning looks at the oldest end only; `count` and `oldest` let a
 * claim skip pruning without listing the entries.
 */
interface StoredLedger {
	count: number;
	oldest: number;
	seen: Record<string, number>;
}

export function deliveryKey(eventType: string, projectId: string): string {
	return `${eventType}:${projectId}`;
}

/** 16 characters (96 bits of SHA-256) instead of the ~40 of `type:project id`. */
function compactId(key: string): string {
	return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const toSeconds = (ms: number) => Math.floor(ms / 1000);

/** Rebuilds a ledger from entries in claim order (malformed stored data). */
function rebuilt(entries: Array<[string, number]>): StoredLedger {
	const seen: Record<string, number> = {};
	for (const [id, at] of entries.sort((a, b) => a[1] - b[1])) seen[id] = at;
	return { count: entries.length, oldest: entries.length ? entries[0][1] : 0, seen };
}

function isWellFormed(value: unknown): value is StoredLedger {
	return (
		isRecord(value) &&
		Number.isInteger(value.count) &&
		typeof value.oldest === 'number' &&
		Number.isFinite(value.oldest) &&
		isRecord(value.seen)
	);
}

/**
 * The stored ledger, or (when there is none or it is malformed) a detached one that `attach` stores. Reading never changes the static data, so n8n saves
 * nothing for a duplicate or an ignored delivery.
 */
function openLedger(
	staticData: IDataObject,
	storeKey: string,
): { ledger: StoredLedger; attached: boolean } {
	const stored = staticData[storeKey];
	if (isWellFormed(stored)) return { ledger: stored, attached: true };
	const entries: Array<[string, number]> = [];
	const seen = isRecord(stored) ? stored.seen : undefined;
	if (isRecord(seen)) {
		for (const [id, at] of Object.entries(seen)) {
			if (typeof at === 'number' && Number.isFinite(at)) entries.push([id, at]);
		}
	}
	return { ledger: rebuilt(entries), attached: false };
}

function attach(staticData: IDataObject, storeKey: string, ledger: StoredLedger): void {
	staticData[storeKey] = ledger as unknown as IDataObject;
}

const isLive = (at: number, now: number, windowS: number) =>
	now - at < windowS && at <= now + windowS;

/**
 * Drops entries from the oldest end, in batches so that listing the entries (which the engine
 * does in full) is paid once per many claims: over the cap, down to 90 % of it; expired ones
 * once the oldest is a tenth of the window past it (lookups treat them as absent meanwhile).
 * Each entry is dropped once, so a claim costs O(1) amortised.
 */
function pruneOldest(ledger: StoredLedger, now: number, windowS: number, maxEntries: number): void {
	const overCap = ledger.count > maxEntries;
	if (!overCap && now - ledger.oldest < windowS + Math.ceil(windowS / 10)) return;
	const keep = overCap ? maxEntries - Math.floor(maxEntries / 10) : maxEntries;
	for (const id in ledger.seen) {
		const at = ledger.seen[id];
		if (ledger.count <= keep && isLive(at, now, windowS)) {
			ledger.oldest = at;
			return;
		}
		delete ledger.seen[id];
		ledger.count--;
	}
	ledger.oldest = now;
}

/**
 * Records `key` unless it was already seen inside the window. Returns false for a duplicate,
 * and then leaves the static data untouched.
 */
export function claimDelivery(
	staticData: IDataObject,
	key: string,
	now: number,
	options: LedgerOptions = {},
): boolean {
	const windowS = toSeconds(options.windowMs ?? DEDUPE_WINDOW_MS);
	const maxEntries = Math.max(1, options.maxEntries ?? DEDUPE_MAX_ENTRIES);
	const storeKey = options.storeKey ?? STORE_KEY;
	const nowS = toSeconds(now);
	const id = compactId(key);
	const { ledger, attached } = openLedger(staticData, storeKey);
	const seenAt = Object.prototype.hasOwnProperty.call(ledger.seen, id)
		? ledger.seen[id]
		: undefined;
	if (seenAt !== undefined && isLive(seenAt, nowS, windowS)) return false;

	if (!attached) attach(staticData, storeKey, ledger);
	if (seenAt !== undefined) {
		// Expired: claimed again at the newest end.
		delete ledger.seen[id];
		ledger.count--;
	}
	if (ledger.count === 0) ledger.oldest = nowS;
	ledger.seen[id] = nowS;
	ledger.count++;
	pruneOldest(ledger, nowS, windowS, maxEntries);
	return true;
}

/** Forgets a claimed key, e.g. when emitting the event failed and Magic Hour will retry. */
export function releaseDelivery(staticData: IDataObject, key: string, storeKey = STORE_KEY): void {
	const { ledger, attached } = openLedger(staticData, storeKey);
	const id = compactId(key);
	if (!Object.prototype.hasOwnProperty.call(ledger.seen, id)) return;
	if (!attached) attach(staticData, storeKey, ledger);
	delete ledger.seen[id];
	ledger.count--;
}

/** Number of remembered deliveries (for tests and diagnostics). */
export function rememberedDeliveries(staticData: IDataObject, storeKey = STORE_KEY): number {
	return Object.keys(openLedger(staticData, storeKey).ledger.seen).length;
}

/** Most deliveries one n8n process remembers, all Magic Hour Triggers together (about 200 bytes each). */
export const IN_PROCESS_MAX_ENTRIES = 10_000;

type InProcessState = 'claimed' | 'accepted' | 'finished';

/**
 * Deliveries this n8n process is handling or has handled, for the dedupe window, up to a count.
 * The static data alone is not enough: n8n hands each request its own copy and saves it only
 * once the node has returned, so a copy that arrives meanwhile would not see the claim, and of
 * two deliveries handled at the same time the one saved last overwrites the other's entry.
 * Entries are re-inserted on every change, so the map is ordered by last change and pruned from
 * its oldest end: expired entries, and over the cap the oldest finished ones.
 */
export class InProcessClaims {
	private readonly entries = new Map<
		string,
		{ state: InProcessState; at: number; windowMs: number }
	>();

	constructor(private readonly maxEntries = IN_PROCESS_MAX_ENTRIES) {}

	/** The entry's state, unless it has expired. */
	get(id: string, now: number): InProcessState | undefined {
		const entry = this.entries.get(id);
		return entry && now - entry.at < entry.windowMs ? entry.state : undefined;
	}

	/** Records `state` for `windowMs` from `now`. */
	mark(id: string, state: InProcessState, now: number, windowMs: number): void {
		this.entries.delete(id);
		this.entries.set(id, { state, at: now, windowMs });
	}

	forget(id: string): void {
		this.entries.delete(id);
	}

	get size(): number {
		return this.entries.size;
	}

	prune(now: number): void {
		for (const [id, entry] of this.entries) {
			const expired = now - entry.at >= entry.windowMs;
			if (!expired && this.entries.size <= this.maxEntries) return;
			// A claim still being handled stays (over the cap only): its request decides its fate.
			if (expired || entry.state === 'finished') this.entries.delete(id);
		}
	}
}

const inProcess = new InProcessClaims();

/**
 * n8n never saves the static data of a Test URL request, so this process's memory is its only
 * record: kept a minute, so that testing can send the same event again.
 */
const TEST_URL_WINDOW_MS = 60_000;

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
export function deliveryLedger(
	ctx: IWebhookFunctions,
	clock: () => number = Date.now,
): DeliveryLedger {
	const isTest = ctx.getMode() === 'manual';
	const storeKey = isTest ? TEST_STORE_KEY : STORE_KEY;
	const scope = `${isTest ? 'test' : 'production'}:${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
	const staticData = ctx.getWorkflowStaticData('node');
	const id = (key: string) => `${scope}\n${key}`;
	const windowMs = isTest ? TEST_URL_WINDOW_MS : DEDUPE_WINDOW_MS;
	const mark = (key: string, state: InProcessState) =>
		inProcess.mark(id(key), state, clock(), windowMs);
	return {
		claim(key) {
			const now = clock();
			inProcess.prune(now);
			const state = inProcess.get(id(key), now);
			if (state === 'claimed') return 'in-progress';
			if (state || !claimDelivery(staticData, key, now, { storeKey })) return 'duplicate';
			mark(key, 'claimed');
			return 'new';
		},
		accept: (key) => mark(key, 'accepted'),
		release(key) {
			releaseDelivery(staticData, key, storeKey);
			inProcess.forget(id(key));
		},
		finish(key) {
			const state = inProcess.get(id(key), clock());
			if (state === 'accepted') mark(key, 'finished');
			// Neither accepted nor released (the node failed in between): let the retry through.
			else if (state === 'claimed') this.release(key);
		},
	};
}

/** Unit checks of the trigger's small modules; signatures come from the emulator's signer. */
import { signWebhook } from '../../emulator';
import {
	claimDelivery,
	deliveryKey,
	InProcessClaims,
	releaseDelivery,
	rememberedDeliveries,
	DEDUPE_WINDOW_MS,
} from '../../nodes/MagicHourTrigger/dedupe';
import { ALL_EVENTS, DEFAULT_EVENTS, parseEventBody } from '../../nodes/MagicHourTrigger/events';
import { verifySignature } from '../../nodes/MagicHourTrigger/signature';
import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import type { IDataObject } from 'n8n-workflow';

describe('delivery ledger', () => {
	it('claims a key once per window', () => {
		const data: IDataObject = {};
		const key = deliveryKey('video.completed', 'cm1');
		expect(claimDelivery(data, key, 1_000)).toBe(true);
		expect(claimDelivery(data, key, 2_000)).toBe(false);
		expect(claimDelivery(data, key, 1_000 + DEDUPE_WINDOW_MS - 1)).toBe(false);
		expect(claimDelivery(data, key, 1_000 + DEDUPE_WINDOW_MS)).toBe(true);
	});

	it('is bounded: over the cap the oldest tenth is evicted; expired entries are pruned', () => {
		const data: IDataObject = {};
		for (let i = 0; i < 1005; i++)
			expect(claimDelivery(data, `image.completed:p${i}`, 10_000_000 + i * 1000)).toBe(true);
		// The 1001st claim evicted the 101 oldest (down to 900), then 4 more were added.
		expect(rememberedDeliveries(data)).toBe(904);
		expect(claimDelivery(data, 'image.completed:p100', 20_000_000)).toBe(true);
		expect(claimDelivery(data, 'image.completed:p101', 20_000_000)).toBe(false);
		// Long after the window, the next claim prunes everything else.
		claimDelivery(data, 'image.completed:fresh', 10_000_000 + 2 * DEDUPE_WINDOW_MS);
		expect(rememberedDeliveries(data)).toBe(1);
	});

	it("keeps this process's claims for their window, bounded by count (claims in flight stay)", () => {
		const claims = new InProcessClaims(3);
		claims.mark('in-flight', 'claimed', 0, DEDUPE_WINDOW_MS);
		for (const id of ['a', 'b', 'c']) claims.mark(id, 'finished', 1, DEDUPE_WINDOW_MS);
		expect(claims.get('a', DEDUPE_WINDOW_MS)).toBe('finished');
		claims.prune(2);
		// Over the cap: the oldest finished entry goes, the claim in flight stays.
		expect(claims.size).toBe(3);
		expect(claims.get('a', 2)).toBeUndefined();
		expect(claims.get('in-flight', 2)).toBe('claimed');
		// Past the window every entry has expired.
		expect(claims.get('b', 1 + DEDUPE_WINDOW_MS)).toBeUndefined();
		claims.prune(1 + DEDUPE_WINDOW_MS);
		expect(claims.size).toBe(0);
	});

	it('releases a claim so a retry can start the workflow', () => {
		const data: IDataObject = {};
		expect(claimDelivery(data, 'audio.completed:a', 5)).toBe(true);
		releaseDelivery(data, 'audio.completed:a');
		expect(claimDelivery(data, 'audio.completed:a', 6)).toBe(true);
	});

	it('survives unexpected stored data', () => {
		const data: IDataObject = { magicHourLedger: 'garbage' };
		expect(claimDelivery(data, 'x:y', 1)).toBe(true);
		expect(claimDelivery(data, 'x:y', 2)).toBe(false);
		expect(rememberedDeliveries(data)).toBe(1);
		const malformed: IDataObject = { magicHourLedger: { count: 'x', seen: { abc: 5, bad: 'y' } } };
		expect(claimDelivery(malformed, 'x:y', 10_000)).toBe(true);
		expect(rememberedDeliveries(malformed)).toBe(2);
	});

	it('stores 16-character ids and whole seconds, not the delivery keys', () => {
		const data: IDataObject = {};
		claimDelivery(
			data,
			deliveryKey('video.completed', 'cm_a_rather_long_project_identifier_0001'),
			1_700_000_000_123,
		);
		const stored = JSON.stringify(data);
		expect(stored).not.toContain('cm_a_rather_long');
		expect(stored).toMatch(
			/^\{"magicHourLedger":\{"count":1,"oldest":1700000000,"seen":\{"[\w-]{16}":1700000000\}\}\}$/,
		);
	});

	it('claims in O(1) amortised: the entries read or written per claim do not grow with the ledger', () => {
		const workPerClaim = (entries: number) => {
			const data: IDataObject = {};
			const options = { maxEntries: entries };
			for (let i = 0; i < entries; i++)
				claimDelivery(data, `image.completed:seed${i}`, i * 1000, options);
			const counter = { operations: 0 };
			const observed = countingMembrane(data, counter);
			const claims = 2 * entries;
			for (let i = 0; i < claims; i++) {
				claimDelivery(observed, `image.completed:new${i}`, (entries + i) * 1000, options);
				// A duplicate and a release of an unknown key are O(1) too.
				claimDelivery(observed, `image.completed:new${i}`, (entries + i) * 1000, options);
			}
			expect(rememberedDeliveries(data, undefined)).toBeLessThanOrEqual(entries);
			return counter.operations / claims;
		};
		const small = workPerClaim(500);
		const large = workPerClaim(8_000);
		// Counted as n8n's static data sees them: every property read, write, delete and listed key.
		// Listing the entries for a batch eviction costs ~2 per entry, once per tenth of the cap:
		// about 41 per claim at either size (the ledger of before this change: thousands).
		expect(small).toBeLessThan(60);
		expect(large).toBeLessThan(60);
	});
});

/**
 * Wraps `target` and every object read through it in proxies that count each property
 * operation, as n8n wraps workflow static data (ObservableObject) for change tracking.
 */
function countingMembrane<T extends object>(target: T, counter: { operations: number }): T {
	const wrap = <V>(value: V): V =>
		typeof value === 'object' && value !== null
			? (countingMembrane(value as object, counter) as V)
			: value;
	return new Proxy(target, {
		get(object, property, receiver) {
			counter.operations++;
			return wrap(Reflect.get(object, property, receiver) as unknown);
		},
		set(object, property, value) {
			counter.operations++;
			return Reflect.set(object, property, value);
		},
		deleteProperty(object, property) {
			counter.operations++;
			return Reflect.deleteProperty(object, property);
		},
		has(object, property) {
			counter.operations++;
			return Reflect.has(object, property);
		},
		ownKeys(object) {
			const keys = Reflect.ownKeys(object);
			counter.operations += keys.length;
			return keys;
		},
		getOwnPropertyDescriptor(object, property) {
			counter.operations++;
			return Reflect.getOwnPropertyDescriptor(object, property);
		},
	});
}

describe('signature check', () => {
	const secret = 'whsec_unit';
	const body = '{"type":"image.completed","payload":{"id":"cm1"}}';
	const now = 1_700_000_000;
	const check = (
		signature: string | undefined,
		timestamp: string | undefined,
		raw = body,
		tolerance = 300,
	) =>
		verifySignature({
			secret,
			rawBody: Buffer.from(raw),
			signatureHeader: signature,
			timestampHeader: timestamp,
			nowSeconds: now,
			toleranceSeconds: tolerance,
		});

	it('accepts what the emulator signs, with surrounding whitespace and upper-case hex', () => {
		const signature = signWebhook(secret, now, body);
		expect(check(signature, String(now))).toEqual({ valid: true });
		expect(check(` ${signature.toUpperCase()} `, ` ${now}`)).toEqual({ valid: true });
	});

	it('accepts signatures over non-ASCII bodies (bytes, not characters)', () => {
		const raw = '{"type":"image.completed","payload":{"id":"cm1","name":"Café ☕ 日本"}}';
		expect(check(signWebhook(secret, now, raw), String(now), raw)).toEqual({ valid: true });
	});

	it('names the reason of each failure', () => {
		const signature = signWebhook(secret, now, body);
		expect(check(undefined, String(now))).toMatchObject({ reason: 'missing_signature' });
		expect(check(signature, undefined)).toMatchObject({ reason: 'missing_timestamp' });
		expect(check(signature, '17e8')).toMatchObject({ reason: 'malformed_timestamp' });
		expect(check(signWebhook(secret, now - 301, body), String(now - 301))).toMatchObject({
			reason: 'timestamp_too_old',
		});
		expect(check(signWebhook(secret, now + 301, body), String(now + 301))).toMatchObject({
			reason: 'timestamp_in_future',
		});
		expect(check(signWebhook(secret, now - 300, body), String(now - 300))).toEqual({ valid: true });
		expect(check(signature.slice(2), String(now))).toMatchObject({ reason: 'malformed_signature' });
		expect(check(`sha256=${signature}`, String(now))).toMatchObject({
			reason: 'malformed_signature',
		});
		expect(check(signWebhook('other', now, body), String(now))).toMatchObject({
			reason: 'signature_mismatch',
		});
		expect(check([signature, signature] as unknown as string, String(now))).toMatchObject({
			reason: 'missing_signature',
		});
	});
});

describe('event parsing and description', () => {
	it('knows the nine events and defaults to completed + errored', () => {
		expect(ALL_EVENTS).toHaveLength(9);
		expect([...DEFAULT_EVENTS].sort()).toEqual(
			ALL_EVENTS.filter((e) => !e.endsWith('.started')).sort(),
		);
		const events = new MagicHourTrigger().description.properties.find((p) => p.name === 'events');
		expect([...(events?.default as string[])].sort()).toEqual([...DEFAULT_EVENTS].sort());
		expect(events?.options?.map((o) => (o as { value: string }).value)).toEqual(ALL_EVENTS);
	});

	it('parses kind and action of known events only', () => {
		const parsed = parseEventBody(Buffer.from('{"type":"audio.started","payload":{"id":"a1"}}'));
		expect(parsed).toMatchObject({ ok: true, event: { kind: 'audio', action: 'started' } });
		const unknown = parseEventBody(
			Buffer.from('{"type":"audio.started.v2","payload":{"id":"a1"}}'),
		);
		expect(unknown).toMatchObject({ ok: true, event: { kind: undefined, action: undefined } });
	});

	it('follows the trigger conventions of n8n Cloud', () => {
		const { description, webhookMethods } = new MagicHourTrigger();
		expect(description.name).toMatch(/Trigger$/);
		expect(description.displayName).toMatch(/Trigger/);
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['main']);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
		expect(Object.keys(webhookMethods.default).sort()).toEqual(['checkExists', 'create', 'delete']);
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/Production URL/);
		expect(notice?.displayName).toMatch(/Developer Hub/);
		expect(notice?.displayName).toMatch(/Webhook Signing Secret/);
	});
});

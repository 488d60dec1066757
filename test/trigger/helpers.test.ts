/** Unit checks of the trigger's small modules; signatures come from the emulator's signer. */
import { signWebhook } from '../../emulator';
import {
	claimDelivery,
	deliveryKey,
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

	it('is bounded: the oldest entries are evicted, expired ones pruned', () => {
		const data: IDataObject = {};
		for (let i = 0; i < 1005; i++) expect(claimDelivery(data, `image.completed:p${i}`, 10_000 + i)).toBe(true);
		expect(rememberedDeliveries(data)).toBe(1000);
		// p0..p4 were evicted, so they count as new; p5 is still known.
		expect(claimDelivery(data, 'image.completed:p0', 20_000)).toBe(true);
		expect(claimDelivery(data, 'image.completed:p10', 20_000)).toBe(false);
		// A day later everything but the new key has expired.
		claimDelivery(data, 'image.completed:fresh', 10_000 + DEDUPE_WINDOW_MS + 5_000);
		expect(rememberedDeliveries(data)).toBe(2);
	});

	it('releases a claim so a retry can start the workflow', () => {
		const data: IDataObject = {};
		expect(claimDelivery(data, 'audio.completed:a', 5)).toBe(true);
		releaseDelivery(data, 'audio.completed:a');
		expect(claimDelivery(data, 'audio.completed:a', 6)).toBe(true);
	});

	it('survives unexpected stored data', () => {
		const data: IDataObject = { magicHourDeliveries: 'garbage' };
		expect(claimDelivery(data, 'x:y', 1)).toBe(true);
		expect(JSON.parse(JSON.stringify(data))).toEqual({ magicHourDeliveries: { 'x:y': 1 } });
	});
});

describe('signature check', () => {
	const secret = 'whsec_unit';
	const body = '{"type":"image.completed","payload":{"id":"cm1"}}';
	const now = 1_700_000_000;
	const check = (signature: string | undefined, timestamp: string | undefined, raw = body, tolerance = 300) =>
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
		expect(check(signWebhook(secret, now - 301, body), String(now - 301))).toMatchObject({ reason: 'timestamp_too_old' });
		expect(check(signWebhook(secret, now + 301, body), String(now + 301))).toMatchObject({ reason: 'timestamp_in_future' });
		expect(check(signWebhook(secret, now - 300, body), String(now - 300))).toEqual({ valid: true });
		expect(check(signature.slice(2), String(now))).toMatchObject({ reason: 'malformed_signature' });
		expect(check(`sha256=${signature}`, String(now))).toMatchObject({ reason: 'malformed_signature' });
		expect(check(signWebhook('other', now, body), String(now))).toMatchObject({ reason: 'signature_mismatch' });
		expect(check([signature, signature] as unknown as string, String(now))).toMatchObject({ reason: 'missing_signature' });
	});
});

describe('event parsing and description', () => {
	it('knows the nine events and defaults to completed + errored', () => {
		expect(ALL_EVENTS).toHaveLength(9);
		expect([...DEFAULT_EVENTS].sort()).toEqual(ALL_EVENTS.filter((e) => !e.endsWith('.started')).sort());
		const events = new MagicHourTrigger().description.properties.find((p) => p.name === 'events');
		expect([...(events?.default as string[])].sort()).toEqual([...DEFAULT_EVENTS].sort());
		expect(events?.options?.map((o) => (o as { value: string }).value)).toEqual(ALL_EVENTS);
	});

	it('parses kind and action of known events only', () => {
		const parsed = parseEventBody(Buffer.from('{"type":"audio.started","payload":{"id":"a1"}}'));
		expect(parsed).toMatchObject({ ok: true, event: { kind: 'audio', action: 'started' } });
		const unknown = parseEventBody(Buffer.from('{"type":"audio.started.v2","payload":{"id":"a1"}}'));
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

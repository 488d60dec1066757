/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Webhook deliveries: signed POSTs of `{type, payload}` to subscribed URLs, retried
 * with exponential backoff (scaled by the speed factor) on non-2xx or network errors.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { TimerSet } from './timers';
import type { WebhookDelivery, WebhookSubscription } from './types';

export const SIGNATURE_HEADER = 'magic-hour-event-signature';
export const TIMESTAMP_HEADER = 'magic-hour-event-timestamp';

/** Attempts per delivery (first try included). */
export const MAX_ATTEMPTS = 6;
/** Real-time delay before the first retry at speed 1; doubles on each further retry. */
const FIRST_RETRY_MS = 2000;
const ATTEMPT_TIMEOUT_MS = 10_000;

/** Hex HMAC-SHA256 over `${timestamp}.${rawBody}`, as Magic Hour signs its events. */
export function sign(secret: string, timestamp: number, rawBody: string): string {
	return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

function subscribedTo(sub: WebhookSubscription, type: string): boolean {
	const kind = type.split('.')[0];
	return sub.events.some((e) => e === type || e === '*' || e === `${kind}.*`);
}

export class WebhookDispatcher {
	deliveries: WebhookDelivery[] = [];
	private subscriptions = new Map<number, WebhookSubscription>();
	private nextSubscriptionId = 1;
	private extraCopiesForNextEvent = 0;
	private inFlight = new Set<http.ClientRequest>();
	private stopped = false;
	/** Bumped by reset(): deliveries (and retries) started before it are dropped. */
	private generation = 0;
	/** Per subscription: settles once the latest event's first attempt is done. */
	private firstAttemptQueue = new Map<number, Promise<void>>();

	constructor(
		private readonly timers: TimerSet,
		private readonly speed: () => number,
	) {}

	subscribe(sub: WebhookSubscription): { id: number; unsubscribe: () => void } {
		const id = this.nextSubscriptionId++;
		this.subscriptions.set(id, { url: sub.url, events: [...sub.events], secret: sub.secret });
		return { id, unsubscribe: () => void this.subscriptions.delete(id) };
	}

	unsubscribe(id: number): boolean {
		return this.subscriptions.delete(id);
	}

	listSubscriptions(): Array<{ id: number; url: string; events: string[] }> {
		return [...this.subscriptions].map(([id, s]) => ({ id, url: s.url, events: s.events }));
	}

	duplicateNext(n: number): void {
		this.extraCopiesForNextEvent = Math.max(0, Math.floor(n));
	}

	/**
	 * Sends an event to every matching subscription (fire and forget). Per subscription, first
	 * attempts go out in emit order (started before completed); retries may then overtake.
	 */
	emit(type: string, payload: unknown): void {
		if (this.stopped) return;
		const targets = [...this.subscriptions].filter(([, s]) => subscribedTo(s, type));
		if (targets.length === 0) return;
		const copies = 1 + this.extraCopiesForNextEvent;
		this.extraCopiesForNextEvent = 0;
		const rawBody = JSON.stringify({ type, payload });
		for (const [id, sub] of targets) {
			const previous = this.firstAttemptQueue.get(id) ?? Promise.resolve();
			let release!: () => void;
			this.firstAttemptQueue.set(id, new Promise<void>((resolve) => (release = resolve)));
			void previous.then(() => this.deliverCopies(sub, type, rawBody, copies, release));
		}
	}

	/** Forgets subscriptions, recorded and pending deliveries. */
	reset(): void {
		this.generation++;
		this.subscriptions.clear();
		this.firstAttemptQueue.clear();
		this.deliveries = [];
		this.extraCopiesForNextEvent = 0;
		for (const req of this.inFlight) req.destroy();
		this.inFlight.clear();
	}

	stop(): void {
		this.stopped = true;
		this.reset();
	}

	private async deliverCopies(
		sub: WebhookSubscription,
		type: string,
		rawBody: string,
		copies: number,
		firstAttemptDone: () => void,
	): Promise<void> {
		const generation = this.generation;
		try {
			for (let copy = 0; copy < copies && this.current(generation); copy++) {
				await this.deliverWithRetries(sub, type, rawBody, generation, firstAttemptDone);
			}
		} finally {
			firstAttemptDone();
		}
	}

	private current(generation: number): boolean {
		return !this.stopped && generation === this.generation;
	}

	private async deliverWithRetries(
		sub: WebhookSubscription,
		type: string,
		rawBody: string,
		generation: number,
		afterFirstAttempt: () => void,
	): Promise<void> {
		for (let attempt = 1; attempt <= MAX_ATTEMPTS && this.current(generation); attempt++) {
			const { status, error } = await this.post(sub, rawBody);
			if (!this.current(generation)) return;
			const delivery: WebhookDelivery = { url: sub.url, type, status, attempt, at: Date.now() };
			if (error) delivery.error = error;
			this.deliveries.push(delivery);
			afterFirstAttempt();
			if (status >= 200 && status < 300) return;
			if (attempt < MAX_ATTEMPTS) {
				await this.timers.delay(
					(FIRST_RETRY_MS * 2 ** (attempt - 1)) / Math.max(this.speed(), 1e-9),
				);
			}
		}
	}

	private post(
		sub: WebhookSubscription,
		rawBody: string,
	): Promise<{ status: number; error?: string }> {
		return new Promise((resolve) => {
			let settled = false;
			const done = (result: { status: number; error?: string }) => {
				if (settled) return;
				settled = true;
				this.inFlight.delete(req);
				resolve(result);
			};
			const timestamp = Math.floor(Date.now() / 1000);
			const url = new URL(sub.url);
			const transport = url.protocol === 'https:' ? https : http;
			let responseStatus: number | undefined;
			const req = transport.request(url, {
				method: 'POST',
				agent: false,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(rawBody),
					'user-agent': 'magic-hour-emulator-webhooks',
					[SIGNATURE_HEADER]: sign(sub.secret, timestamp, rawBody),
					[TIMESTAMP_HEADER]: String(timestamp),
				},
				timeout: ATTEMPT_TIMEOUT_MS,
			});
			this.inFlight.add(req);
			req.on('response', (res) => {
				responseStatus = res.statusCode ?? 0;
				res.resume();
				res.on('end', () => done({ status: res.statusCode ?? 0 }));
				res.on('error', (e) => done({ status: res.statusCode ?? 0, error: e.message }));
			});
			req.on('timeout', () => req.destroy(new Error('timeout')));
			req.on('error', (e) => done({ status: 0, error: e.message }));
			req.on('close', () =>
				done(
					responseStatus === undefined
						? { status: 0, error: 'connection closed' }
						: { status: responseStatus },
				),
			);
			req.end(rawBody);
		});
	}
}

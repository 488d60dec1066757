/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Phase 5 (real time, own child process):
 *
 * - the cost of our signature check (verifySignature) per event, over many iterations;
 * - events per second the Magic Hour Trigger's webhook() takes when hosted the way n8n's webhook
 *   server hosts it (test/harness/webhookRunner.ts: real node:http port, n8n's body reading and
 *   parsing, n8n-core's real WebhookContext, static data saved per request), with signature
 *   verification on and off.
 *
 * Event bodies are the emulator's real project details, signed by the emulator's `sign`.
 */
import http from 'node:http';

import { signWebhook, start } from '../emulator';
import { claimDelivery, DEDUPE_MAX_ENTRIES, deliveryKey } from '../nodes/MagicHourTrigger/dedupe';
import { ALL_EVENTS } from '../nodes/MagicHourTrigger/events';
import { MagicHourTrigger } from '../nodes/MagicHourTrigger/MagicHourTrigger.node';
import {
	DEFAULT_TOLERANCE_SECONDS,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	verifySignature,
} from '../nodes/MagicHourTrigger/signature';
import { TriggerHost } from '../test/harness/webhookRunner';
import { childMain, log } from './lib/child';
import { median, round } from './lib/stats';

export interface TriggerConfig {
	verifyIterations: number;
	events: number;
	warmupEvents: number;
	concurrency: number;
	rounds: number;
	/** Deliveries already in the Trigger's duplicate ledger when a run starts (its steady state when busy is the cap, 1000). */
	ledgerEntries: number;
}

export interface TriggerResult {
	bodyBytes: { min: number; max: number };
	verify: {
		iterations: number;
		microsPerValid: number;
		microsPerMismatch: number;
		verificationsPerSecond: number;
	};
	/** claimDelivery (duplicate ledger) per event on a plain object, by ledger size. */
	dedupeMicros: Record<string, number>;
	webhook: {
		events: number;
		concurrency: number;
		rounds: number;
		ledgerEntries: number;
		on: { eventsPerSecond: number[]; median: number };
		off: { eventsPerSecond: number[]; median: number };
		/** 1/on − 1/off, per event. */
		overheadMicrosPerEvent: number;
	};
}

const SECRET = 'whsec_bench_5f3c1a9e7b2d4c6e8a0f1b3d5c7e9a1b';

interface Delivery {
	body: Buffer;
	headers: Record<string, string>;
}

/** Real project details (image, video, audio) from the emulator, to build event bodies from. */
async function realProjectDetails(): Promise<
	Array<{ kind: string; detail: Record<string, unknown> }>
> {
	const emu = await start({ quiet: true, tier: 'business', credits: 1_000_000 });
	const bodies: Record<string, object> = {
		image: {
			path: '/v1/ai-image-generator',
			body: { image_count: 1, style: { prompt: 'a red bicycle' } },
		},
		video: {
			path: '/v1/text-to-video',
			body: { end_seconds: 5, style: { prompt: 'a dog running on a beach' } },
		},
		audio: {
			path: '/v1/ai-voice-generator',
			body: { style: { prompt: 'Hello there.', voice_name: 'Morgan Freeman' } },
		},
	};
	const headers = { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' };
	const details: Array<{ kind: string; detail: Record<string, unknown> }> = [];
	for (const [kind, spec] of Object.entries(bodies) as Array<
		[string, { path: string; body: object }]
	>) {
		emu.jobs.setDurationMs(spec.path, 0);
		const created = (await (
			await fetch(`${emu.baseUrl}${spec.path}`, {
				method: 'POST',
				headers,
				body: JSON.stringify(spec.body),
			})
		).json()) as { id: string };
		await new Promise((resolve) => setTimeout(resolve, 20));
		const detail = (await (
			await fetch(`${emu.baseUrl}/v1/${kind}-projects/${created.id}`, { headers })
		).json()) as Record<string, unknown>;
		if (detail.status !== 'complete') throw new Error(`${kind} job did not complete`);
		details.push({ kind, detail });
	}
	await emu.stop();
	return details;
}

/** `count` signed `*.completed` deliveries, each for a project id never sent before (`run` keeps runs apart). */
function deliveriesFor(
	details: Array<{ kind: string; detail: Record<string, unknown> }>,
	count: number,
	run: string,
): Delivery[] {
	const timestamp = Math.floor(Date.now() / 1000);
	return Array.from({ length: count }, (_, i) => {
		const { kind, detail } = details[i % details.length];
		const body = JSON.stringify({
			type: `${kind}.completed`,
			payload: { ...detail, id: `${String(detail.id)}-${run}-${i}` },
		});
		return signed(body, timestamp);
	});
}

function signed(rawBody: string, timestamp: number): Delivery {
	return {
		body: Buffer.from(rawBody),
		headers: {
			'content-type': 'application/json',
			[SIGNATURE_HEADER]: signWebhook(SECRET, timestamp, rawBody),
			[TIMESTAMP_HEADER]: String(timestamp),
		},
	};
}

function measureVerify(deliveries: Delivery[], iterations: number, tamper: boolean): number {
	const now = Math.floor(Date.now() / 1000);
	const inputs = deliveries.map((d) => ({
		secret: SECRET,
		rawBody: d.body,
		signatureHeader: tamper
			? `${d.headers[SIGNATURE_HEADER].slice(0, -1)}0`
			: d.headers[SIGNATURE_HEADER],
		timestampHeader: d.headers[TIMESTAMP_HEADER],
		nowSeconds: now,
		toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
	}));
	let valid = 0;
	const started = process.hrtime.bigint();
	for (let i = 0; i < iterations; i++)
		if (verifySignature(inputs[i % inputs.length]).valid) valid++;
	const elapsedNs = Number(process.hrtime.bigint() - started);
	if (!tamper && valid !== iterations) throw new Error('a valid delivery failed verification');
	return elapsedNs / iterations / 1000;
}

/** A ledger of `count` deliveries claimed within the last hour, as the Trigger stores it. */
function seededLedger(count: number): Record<string, number> {
	const staticData: Record<string, never> = {};
	const now = Date.now();
	for (let i = 0; i < count; i++)
		claimDelivery(staticData, deliveryKey('image.completed', `seed-${i}`), now - 3_600_000 + i);
	return JSON.parse(JSON.stringify(staticData)) as Record<string, number>;
}

/** claimDelivery per new event with the ledger held at `entries` (its cap set to that size). */
function measureDedupe(entries: number, iterations: number): number {
	const staticData: Record<string, never> = {};
	const now = Date.now();
	for (let i = 0; i < entries; i++) {
		claimDelivery(staticData, deliveryKey('image.completed', `seed-${i}`), now - 3_600_000 + i, {
			maxEntries: entries,
		});
	}
	const started = process.hrtime.bigint();
	for (let i = 0; i < iterations; i++) {
		claimDelivery(staticData, deliveryKey('image.completed', `bench-${i}`), now + i, {
			maxEntries: entries,
		});
	}
	return Number(process.hrtime.bigint() - started) / iterations / 1000;
}

async function fire(
	url: string,
	deliveries: Delivery[],
	concurrency: number,
	agent: http.Agent,
): Promise<number> {
	let next = 0;
	let bad = 0;
	const send = (delivery: Delivery) =>
		new Promise<void>((resolve, reject) => {
			const request = http.request(
				url,
				{
					method: 'POST',
					agent,
					headers: { ...delivery.headers, 'content-length': String(delivery.body.length) },
				},
				(response) => {
					if (response.statusCode !== 200) bad++;
					response.resume();
					response.on('end', resolve);
				},
			);
			request.on('error', reject);
			request.end(delivery.body);
		});
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < deliveries.length) await send(deliveries[next++]);
		}),
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (bad) throw new Error(`${bad} deliveries were not answered 200`);
	return deliveries.length / seconds;
}

childMain(async (config: TriggerConfig): Promise<TriggerResult> => {
	const total = config.warmupEvents + config.events;
	const details = await realProjectDetails();
	const deliveries = deliveriesFor(details, 1000, 'verify');
	const sizes = deliveries.map((d) => d.body.length);

	// Warm up the JIT, then measure.
	measureVerify(deliveries, 20_000, false);
	const microsPerValid = measureVerify(deliveries, config.verifyIterations, false);
	const microsPerMismatch = measureVerify(
		deliveries,
		Math.floor(config.verifyIterations / 2),
		true,
	);
	log(
		`trigger: verifySignature ${round(microsPerValid, 2)} µs per valid event, ${round(microsPerMismatch, 2)} µs per rejected one`,
	);
	const dedupeMicros: Record<string, number> = {};
	for (const entries of [10, 100, DEDUPE_MAX_ENTRIES]) {
		dedupeMicros[String(entries)] = round(
			measureDedupe(entries, Math.max(200, 200_000 / entries)),
			1,
		);
	}
	log(
		`trigger: duplicate ledger (claimDelivery) µs per event by ledger size: ${JSON.stringify(dedupeMicros)}`,
	);
	const ledger = seededLedger(config.ledgerEntries);

	const host = await TriggerHost.start({
		nodeType: new MagicHourTrigger(),
		parameters: { events: [...ALL_EVENTS], options: {} },
		credentials: {
			apiKey: 'mhk_test_emulator',
			environment: 'custom',
			baseUrl: 'http://127.0.0.1:1',
			webhookSecret: SECRET,
		},
	});
	const agent = new http.Agent({ keepAlive: true, maxSockets: config.concurrency });
	const rates = { on: [] as number[], off: [] as number[] };
	try {
		for (let roundIndex = 0; roundIndex < config.rounds; roundIndex++) {
			// on, off, then off, on: an order effect (warm-up, GC, the machine's other load) cancels out.
			for (const mode of roundIndex % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
				const run = deliveriesFor(details, total, `${mode}${roundIndex}`);
				host.clear();
				host.savedStaticData = {
					'node:Magic Hour Trigger': JSON.parse(JSON.stringify(ledger)) as Record<string, number>,
				};
				host.parameters = {
					events: [...ALL_EVENTS],
					options: mode === 'off' ? { verifySignature: false } : {},
				};
				await fire(host.url, run.slice(0, config.warmupEvents), config.concurrency, agent);
				const rate = await fire(
					host.url,
					run.slice(config.warmupEvents),
					config.concurrency,
					agent,
				);
				if (host.executions.length !== total) {
					const outcomes: Record<string, number> = {};
					for (const request of host.requests)
						outcomes[`${request.status} ${request.outcome} ${request.body.slice(0, 80)}`] =
							(outcomes[`${request.status} ${request.outcome} ${request.body.slice(0, 80)}`] ?? 0) +
							1;
					throw new Error(
						`${mode}: ${host.executions.length} of ${total} deliveries started an execution: ${JSON.stringify(outcomes)}`,
					);
				}
				rates[mode].push(round(rate, 1));
				log(`trigger: verification ${mode}, round ${roundIndex + 1}: ${round(rate)} events/s`);
			}
		}
	} finally {
		agent.destroy();
		await host.stop();
	}
	const on = median(rates.on);
	const off = median(rates.off);
	return {
		bodyBytes: { min: Math.min(...sizes), max: Math.max(...sizes) },
		verify: {
			iterations: config.verifyIterations,
			microsPerValid: round(microsPerValid, 2),
			microsPerMismatch: round(microsPerMismatch, 2),
			verificationsPerSecond: Math.round(1e6 / microsPerValid),
		},
		dedupeMicros,
		webhook: {
			events: config.events,
			concurrency: config.concurrency,
			rounds: config.rounds,
			ledgerEntries: config.ledgerEntries,
			on: { eventsPerSecond: rates.on, median: round(on, 1) },
			off: { eventsPerSecond: rates.off, median: round(off, 1) },
			overheadMicrosPerEvent: round(1e6 / on - 1e6 / off, 1),
		},
	};
});

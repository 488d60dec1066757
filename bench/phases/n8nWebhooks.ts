/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-hardcoded-secrets -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Phase 6: webhook throughput in one real `n8n start` (scripts/e2e/n8n.ts), same run, same load:
 * n8n's own Webhook node with Header Auth credentials (baseline) vs the Magic Hour Trigger with
 * authentic signed events vs forged events (wrong signature). Each authentic event is a distinct
 * completed project at the emulator (the Trigger drops repeats), so every accepted request starts
 * one execution; the phase fails if the executions do not add up.
 */
import { randomUUID } from 'node:crypto';

import { signWebhook, start, type Emulator } from '../../emulator';
import { emulatorCredential, N8nInstance, type Json, type N8nServer } from '../../scripts/e2e/n8n';
import { log } from '../lib/child';
import { median, round } from '../lib/stats';

export interface N8nWebhooksConfig {
	events: number;
	warmupEvents: number;
	concurrency: number;
	rounds: number;
}

export interface N8nWebhooksRun {
	label: string;
	requestsPerSecond: number[];
	median: number;
	statuses: Record<string, number>;
}

export interface N8nWebhooksResult {
	n8nVersion: string;
	events: number;
	concurrency: number;
	rounds: number;
	headerAuthWebhook: N8nWebhooksRun;
	/** n8n's own Webhook node v1: n8n takes an expression isolate per request, as for every start node but its Webhook node v2. */
	headerAuthWebhookIsolate: N8nWebhooksRun;
	triggerAuthentic: N8nWebhooksRun;
	triggerForged: N8nWebhooksRun;
	executions: { webhook: number; webhookIsolate: number; trigger: number };
}

const SECRET = 'whsec_bench_n8n_7a1c3e5f9b2d4f6a8c0e1a3b5d7f9c1e';
const HEADER = { name: 'X-Bench-Key', value: 'bench-header-auth-value-0123456789' };
const HEADER_CREDENTIAL = {
	id: 'mhBenchHeaderAu1',
	name: 'Bench Header Auth',
	type: 'httpHeaderAuth',
	data: HEADER,
};
const WEBHOOK_WF = 'mhBenchWebhook01';
const WEBHOOK_V1_WF = 'mhBenchWebhookV1';
const TRIGGER_WF = 'mhBenchTrigger01';
const TRIGGER_WEBHOOK_ID = randomUUID();

function oneNodeWorkflow(id: string, node: Json): Json {
	return {
		id,
		name: id,
		nodes: [{ id: randomUUID(), position: [0, 0], ...node }],
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

/** Completed image projects at the emulator, as the bodies of their `image.completed` events. */
async function completedEvents(emu: Emulator, count: number): Promise<string[]> {
	const headers = { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' };
	emu.jobs.setDurationMs('/v1/ai-image-generator', 0);
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const res = await fetch(`${emu.baseUrl}/v1/ai-image-generator`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ image_count: 1, style: { prompt: `bench event ${i}` } }),
		});
		ids.push(((await res.json()) as { id: string }).id);
	}
	const bodies: string[] = [];
	for (const id of ids) {
		for (;;) {
			const project = (await (
				await fetch(`${emu.baseUrl}/v1/image-projects/${id}`, { headers })
			).json()) as Json;
			if (project.status === 'complete') {
				bodies.push(JSON.stringify({ type: 'image.completed', payload: project }));
				break;
			}
			await new Promise((resolveWait) => setTimeout(resolveWait, 10));
		}
	}
	return bodies;
}

/** Sends every request with `concurrency` in flight; returns requests per second and the answers' statuses. */
async function load(
	requests: Array<() => Promise<Response>>,
	concurrency: number,
): Promise<{ perSecond: number; statuses: Record<string, number> }> {
	const statuses: Record<string, number> = {};
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < requests.length) {
				const res = await requests[next++]();
				await res.arrayBuffer();
				statuses[res.status] = (statuses[res.status] ?? 0) + 1;
			}
		}),
	);
	return { perSecond: requests.length / ((performance.now() - started) / 1000), statuses };
}

export async function runN8nWebhooks(config: N8nWebhooksConfig): Promise<N8nWebhooksResult> {
	const emu = await start({ quiet: true, speed: 1000, tier: 'business', credits: 1_000_000_000 });
	const n8n = await N8nInstance.create();
	try {
		await n8n.importCredentials([emulatorCredential(emu, SECRET), HEADER_CREDENTIAL]);
		const headerAuthWebhook = (id: string, typeVersion: number, path: string) =>
			oneNodeWorkflow(id, {
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion,
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path,
					authentication: 'headerAuth',
					responseMode: 'onReceived',
					options: {},
				},
				credentials: { httpHeaderAuth: { id: HEADER_CREDENTIAL.id, name: HEADER_CREDENTIAL.name } },
			});
		await n8n.importWorkflows([
			headerAuthWebhook(WEBHOOK_WF, 2, 'bench-header-auth'),
			headerAuthWebhook(WEBHOOK_V1_WF, 1, 'bench-header-auth-v1'),
			oneNodeWorkflow(TRIGGER_WF, {
				name: 'Magic Hour Trigger',
				type: 'n8n-nodes-magic-hour.magicHourTrigger',
				typeVersion: 1,
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: { events: ['image.completed'], options: {} },
				credentials: {
					magicHourCommunityApi: { id: 'mhCredEmulator01', name: 'Magic Hour account' },
				},
			}),
		]);
		await n8n.publish(WEBHOOK_WF);
		await n8n.publish(WEBHOOK_V1_WF);
		await n8n.publish(TRIGGER_WF);
		const server: N8nServer = await n8n.start();
		const webhookUrl = `${server.baseUrl}/webhook/bench-header-auth`;
		const webhookV1Url = `${server.baseUrl}/webhook/bench-header-auth-v1`;
		const triggerUrl = server.webhookUrl(TRIGGER_WEBHOOK_ID, 'webhook');
		await server.waitForWebhook(webhookUrl);
		await server.waitForWebhook(webhookV1Url);
		await server.waitForWebhook(triggerUrl);

		const perRun = config.events + config.warmupEvents;
		log(`n8n webhooks: creating ${perRun * config.rounds} completed projects at the emulator …`);
		const bodies = await completedEvents(emu, perRun * config.rounds);
		const post = (url: string, body: string, headers: Record<string, string>) => async () =>
			await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});
		const signed = (body: string, secret: string) => {
			const timestamp = Math.floor(Date.now() / 1000);
			return {
				'magic-hour-event-timestamp': String(timestamp),
				'magic-hour-event-signature': signWebhook(secret, timestamp, body),
			};
		};
		const kinds = {
			headerAuthWebhook: (body: string) => post(webhookUrl, body, { [HEADER.name]: HEADER.value }),
			headerAuthWebhookIsolate: (body: string) =>
				post(webhookV1Url, body, { [HEADER.name]: HEADER.value }),
			triggerAuthentic: (body: string) => post(triggerUrl, body, signed(body, SECRET)),
			triggerForged: (body: string) =>
				post(triggerUrl, body, signed(body, 'whsec_forged_not_the_secret')),
		};
		type Kind = keyof typeof kinds;
		const runs: Record<Kind, N8nWebhooksRun> = {
			headerAuthWebhook: {
				label: 'n8n Webhook node, Header Auth (baseline)',
				requestsPerSecond: [],
				median: 0,
				statuses: {},
			},
			headerAuthWebhookIsolate: {
				label:
					'n8n Webhook node v1, Header Auth (n8n takes an expression isolate per request, as for every trigger but its Webhook node v2)',
				requestsPerSecond: [],
				median: 0,
				statuses: {},
			},
			triggerAuthentic: {
				label: 'Magic Hour Trigger, authentic signed events',
				requestsPerSecond: [],
				median: 0,
				statuses: {},
			},
			triggerForged: {
				label: 'Magic Hour Trigger, forged events (wrong signature)',
				requestsPerSecond: [],
				median: 0,
				statuses: {},
			},
		};
		const order: Kind[] = [
			'headerAuthWebhook',
			'headerAuthWebhookIsolate',
			'triggerAuthentic',
			'triggerForged',
		];
		for (let pass = 0; pass < config.rounds; pass++) {
			const events = bodies.slice(pass * perRun, (pass + 1) * perRun);
			// Alternate the order so that neither side always runs on a warmer (or busier) n8n.
			for (const kind of pass % 2 ? [...order].reverse() : order) {
				await load(events.slice(0, config.warmupEvents).map(kinds[kind]), config.concurrency);
				const measured = await load(
					events.slice(config.warmupEvents).map(kinds[kind]),
					config.concurrency,
				);
				runs[kind].requestsPerSecond.push(round(measured.perSecond, 1));
				for (const [status, count] of Object.entries(measured.statuses))
					runs[kind].statuses[status] = (runs[kind].statuses[status] ?? 0) + count;
				log(
					`n8n webhooks: round ${pass + 1}, ${runs[kind].label}: ${round(measured.perSecond, 1)} req/s ${JSON.stringify(measured.statuses)}`,
				);
			}
		}
		for (const run of Object.values(runs)) run.median = round(median(run.requestsPerSecond), 1);

		// Every accepted request started one execution (n8n writes them after answering: wait for it).
		const expected = perRun * config.rounds;
		const count = async (id: string) => (await n8n.executions(id)).length;
		let executions = { webhook: 0, webhookIsolate: 0, trigger: 0 };
		for (let attempt = 0; attempt < 240; attempt++) {
			executions = {
				webhook: await count(WEBHOOK_WF),
				webhookIsolate: await count(WEBHOOK_V1_WF),
				trigger: await count(TRIGGER_WF),
			};
			if (Object.values(executions).every((n) => n >= expected)) break;
			await new Promise((resolveWait) => setTimeout(resolveWait, 500));
		}
		if (Object.values(executions).some((n) => n !== expected)) {
			throw new Error(
				`expected ${expected} executions of each workflow, got ${JSON.stringify(executions)}`,
			);
		}
		if (runs.triggerForged.statuses['401'] !== config.events * config.rounds) {
			throw new Error(
				`forged events were not all refused with 401: ${JSON.stringify(runs.triggerForged.statuses)}`,
			);
		}
		return {
			n8nVersion: n8n.install.versions.n8n,
			events: config.events,
			concurrency: config.concurrency,
			rounds: config.rounds,
			...runs,
			executions,
		};
	} finally {
		await n8n.dispose();
		await emu.stop();
	}
}

/**
 * Fuzzing of the Magic Hour Trigger behind a real HTTP port (test/harness/webhookRunner.ts):
 * never an execution unless the delivery is an authentic event (signed with the credentials'
 * secret over exactly these bytes, within the 5-minute tolerance, at most 1 MiB), and every
 * authentic event starts exactly one execution, whatever its content type, header spelling or
 * characters. Signatures come from the emulator's signer, never from the code under test.
 */
import { randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import { ALL_EVENTS } from '../../nodes/MagicHourTrigger/events';
import { TriggerHost, waitFor } from '../harness/webhookRunner';
import {
	addRow,
	api,
	corruptBinaries,
	credentials,
	record,
	scenario,
	SECRETS,
	type Emu,
} from './chaosKit';

const SIG = 'magic-hour-event-signature';
const TS = 'magic-hour-event-timestamp';

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
function prng(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (max: number) => Math.floor(next() * max),
		pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
		bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256))),
	};
}

interface Delivery {
	body: string | Buffer;
	headers: Record<string, string>;
	/** The (type, project id) of an authentic event: it must start exactly one execution. */
	authentic?: { type: string; id: string };
	what: string;
}

interface Sent extends Delivery {
	status: number;
	response: string;
}

const now = () => Math.floor(Date.now() / 1000);

export function triggerFuzz(getEmu: () => Emu): void {
	let host: TriggerHost;
	let emu: Emu;
	let serial = 0;

	beforeAll(async () => {
		emu = getEmu();
		host = await TriggerHost.start({
			nodeType: new MagicHourTrigger(),
			parameters: { events: [...ALL_EVENTS], options: {} },
			credentials: credentials(emu),
		});
	});
	afterAll(async () => host?.stop());

	const sign = (body: string, timestamp = now(), secret: string = SECRETS.webhookSecret) =>
		emu.webhooks.sign(secret, timestamp, body);
	const headers = (
		body: string,
		timestamp = now(),
		secret: string = SECRETS.webhookSecret,
	): Record<string, string> => ({
		'content-type': 'application/json',
		[SIG]: sign(body, timestamp, secret),
		[TS]: String(timestamp),
	});

	/** A well-formed event body like Magic Hour's (`payload` = the project as the API returns it). */
	function event(
		type = 'image.completed',
		payload: IDataObject = {},
	): { body: string; type: string; id: string } {
		serial += 1;
		const id = `cm_fuzz_${serial}_${randomBytes(4).toString('hex')}`;
		const [kind, action] = type.split('.');
		const status =
			action === 'completed' ? 'complete' : action === 'errored' ? 'error' : 'rendering';
		const body = JSON.stringify({
			type,
			payload: {
				id,
				name: `fuzz ${serial}`,
				status,
				type:
					kind === 'video' ? 'TEXT_TO_VIDEO' : kind === 'audio' ? 'VOICE_GENERATOR' : 'AI_IMAGE',
				created_at: new Date().toISOString(),
				enabled: true,
				credits_charged: 5,
				downloads: [],
				error: status === 'error' ? { code: 'unknown_error', message: 'emulated' } : null,
				...payload,
			},
		});
		return { body, type, id };
	}

	function authentic(type?: string, payload?: IDataObject, what = 'authentic'): Delivery {
		const e = event(type, payload);
		return { body: e.body, headers: headers(e.body), authentic: { type: e.type, id: e.id }, what };
	}

	async function send(deliveries: Delivery[]): Promise<Sent[]> {
		const sent: Sent[] = [];
		for (const delivery of deliveries) {
			let status = 0;
			let response = '';
			try {
				const answer = await host.post(delivery.body, delivery.headers);
				status = answer.status;
				response = answer.body;
			} catch (error) {
				// n8n cuts the connection of an oversized upload: the sender sees a network error.
				response = `network error: ${(error as Error).message}`;
			}
			sent.push({ ...delivery, status, response });
		}
		return sent;
	}

	/**
	 * Sends the deliveries, then checks the rule: the executions are exactly the authentic events
	 * (each once, with its own payload), everything else was answered without an execution.
	 */
	async function fuzz(
		name: string,
		deliveries: Delivery[],
		{ alreadySeen = new Set<string>() } = {},
	) {
		scenario(name);
		const before = host.executions.length;
		const requestsBefore = host.requests.length;
		const sent = await send(deliveries);
		const executions = host.executions.slice(before);
		record(
			'trigger responses',
			sent.map((s) => ({ what: s.what, status: s.status, response: s.response })),
		);
		record(
			'trigger requests',
			host.requests
				.slice(requestsBefore)
				.map((r) => ({ status: r.status, outcome: r.outcome, body: r.body, error: r.error })),
		);
		record('trigger logs', host.logs.splice(0));
		record(
			'trigger executions',
			executions.map((e) => e.items),
		);

		const expected = new Map<string, Delivery>();
		for (const delivery of sent) {
			if (!delivery.authentic) continue;
			const key = `${delivery.authentic.type}:${delivery.authentic.id}`;
			if (!alreadySeen.has(key) && !expected.has(key)) expected.set(key, delivery);
		}
		const started = executions.map((e) => {
			const json = e.items[0]?.json as { event: string; project: IDataObject };
			return { key: `${json.event}:${String(json.project.id)}`, project: json.project };
		});
		const keys = started.map((s) => s.key);
		const duplicates = keys.length - new Set(keys).size;
		const unexpected = keys.filter((key) => !expected.has(key));
		const missing = [...expected.keys()].filter((key) => !keys.includes(key));
		expect({
			unexpected,
			missing: missing.map((key) => `${key} (${expected.get(key)?.what})`),
			duplicates,
		}).toEqual({
			unexpected: [],
			missing: [],
			duplicates: 0,
		});
		// Each execution carries its own event's payload, byte for byte as sent.
		for (const { key, project } of started) {
			const body = expected.get(key)!.body;
			expect(project).toEqual((JSON.parse(body.toString()) as { payload: IDataObject }).payload);
		}
		for (const delivery of sent) {
			if (delivery.authentic) expect(delivery.status).toBe(200);
			else
				expect(
					delivery.status === 0 ||
						delivery.status >= 400 ||
						/ignored|not selected|not ticked/.test(delivery.response),
				).toBe(true);
		}
		const row = addRow({
			scenario: name,
			itemsIn: deliveries.length,
			itemsOut: executions.length,
			errors: sent.filter((s) => s.status === 0 || s.status >= 400).length,
			duplicates,
			jobs: executions.length,
			corrupt: 'n/a',
		});
		expect(row.leaks).toBe(0);
		for (const key of keys) alreadySeen.add(key);
		return { sent, executions, row };
	}

	const UNICODE = [
		'🎬 Ünïcödé — 日本語のタイトル',
		'עברית ومرحبا بالعالم (RTL)',
		'e\u0301 vs é, Å vs Å (combining marks)',
		'zero\u200bwidth\u200d joiners and \u2028 line separators',
		'\u0000 NUL, \u0007 bell, \t tab, \\ backslash, " quote',
		'\ud83d\ude00 pair, lone \ud800 surrogate',
		'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 '.repeat(200),
	];

	const seen = new Set<string>();

	it('authentic events of all nine types, unicode payloads and a body near the 1 MiB limit: each starts one execution', async () => {
		const deliveries = [
			...ALL_EVENTS.map((type) => authentic(type, {}, `authentic ${type}`)),
			...UNICODE.map((name, i) =>
				authentic(i % 2 ? 'video.errored' : 'audio.completed', { name }, `unicode ${i}`),
			),
			authentic(
				'image.completed',
				{ name: 'big', notes: 'ü'.repeat(500_000) },
				'authentic ~1,000,000 bytes',
			),
		];
		const { row } = await fuzz('trigger: authentic events (9 types, unicode, ~1 MB)', deliveries, {
			alreadySeen: seen,
		});
		expect(row.itemsOut).toBe(deliveries.length);
		// Names survive byte for byte.
		const names = host.executions.map(
			(e) => (e.items[0].json as { project: IDataObject }).project.name as string,
		);
		for (const name of UNICODE) expect(names).toContain(name);
	});

	it('header name case variants, upper-case hex and padded values still pass', async () => {
		const variants: Array<(h: Record<string, string>) => Record<string, string>> = [
			(h) => ({
				'Content-Type': h['content-type'],
				'Magic-Hour-Event-Signature': h[SIG],
				'Magic-Hour-Event-Timestamp': h[TS],
			}),
			(h) => ({
				'CONTENT-TYPE': h['content-type'],
				'MAGIC-HOUR-EVENT-SIGNATURE': h[SIG],
				'MAGIC-HOUR-EVENT-TIMESTAMP': h[TS],
			}),
			(h) => ({
				'content-type': h['content-type'],
				'mAgIc-HoUr-EvEnT-sIgNaTuRe': h[SIG],
				'MaGiC-hOuR-eVeNt-TiMeStAmP': h[TS],
			}),
			(h) => ({ ...h, [SIG]: h[SIG].toUpperCase() }),
			(h) => ({ ...h, [SIG]: ` ${h[SIG]}  `, [TS]: ` ${h[TS]} ` }),
			(h) => ({ ...h, 'content-type': 'application/json; charset=utf-8' }),
		];
		const deliveries = variants.map((variant, i) => {
			const delivery = authentic('image.completed', {}, `header variant ${i}`);
			return { ...delivery, headers: variant(delivery.headers) };
		});
		const { row } = await fuzz('trigger: header case variants (authentic)', deliveries, {
			alreadySeen: seen,
		});
		expect(row.itemsOut).toBe(variants.length);
	});

	it('the content type does not matter: authentic bodies pass, forged ones never do', async () => {
		const types = [
			'text/plain',
			'application/octet-stream',
			'application/x-www-form-urlencoded',
			'text/html',
			'application/xml',
			undefined,
		];
		const deliveries: Delivery[] = [];
		for (const type of types) {
			const good = authentic('video.completed', {}, `authentic as ${type ?? 'no content type'}`);
			const forged = event('video.completed');
			for (const [delivery, isGood] of [
				[good, true],
				[
					{
						body: forged.body,
						headers: { ...headers(forged.body), [SIG]: randomBytes(32).toString('hex') },
						what: `forged as ${type}`,
					},
					false,
				],
			] as Array<[Delivery, boolean]>) {
				const h = { ...delivery.headers };
				delete h['content-type'];
				if (type) h['content-type'] = type;
				deliveries.push({
					...delivery,
					// Without a content type, send raw bytes (fetch would add text/plain to a string).
					body: type ? delivery.body : Buffer.from(delivery.body),
					headers: h,
					authentic: isGood ? delivery.authentic : undefined,
				});
			}
		}
		const { row } = await fuzz('trigger: wrong content types (authentic and forged)', deliveries, {
			alreadySeen: seen,
		});
		expect(row.itemsOut).toBe(types.length);
	});

	it('replayed events (verbatim, or re-signed later) start nothing new', async () => {
		const originals = [
			authentic('image.completed'),
			authentic('audio.errored'),
			authentic('video.started'),
		];
		const replays: Delivery[] = [];
		for (const original of originals) {
			replays.push(
				{ ...original, what: 'verbatim replay' },
				{ ...original, what: 'second verbatim replay' },
			);
			replays.push({
				...original,
				headers: headers(original.body.toString(), now() - 30),
				what: 're-signed replay',
			});
		}
		const { row, sent } = await fuzz(
			'trigger: replayed events (3 events, 9 replays)',
			[...originals, ...replays],
			{ alreadySeen: seen },
		);
		expect(row.itemsOut).toBe(originals.length);
		for (const s of sent.slice(originals.length)) expect(s.response).toMatch(/Duplicate delivery/);
	});

	it('signatures made with another secret never start anything', async () => {
		const others = [
			`whsec_${randomBytes(32).toString('base64url')}`,
			SECRETS.apiKey,
			`${SECRETS.webhookSecret}\n`,
			`${SECRETS.webhookSecret}x`,
			SECRETS.webhookSecret.slice(0, -1),
			SECRETS.webhookSecret.toUpperCase(),
			'',
			' ',
		];
		const deliveries = others.map((secret, i) => {
			const e = event('image.completed');
			return {
				body: e.body,
				headers: headers(e.body, now(), secret || 'x'),
				what: `other secret ${i}`,
			};
		});
		const { row } = await fuzz('trigger: signatures for another secret', deliveries, {
			alreadySeen: seen,
		});
		expect(row.itemsOut).toBe(0);
		expect(row.errors).toBe(others.length);
	});

	it('timestamps beyond ±5 minutes are refused even when correctly signed; within, they pass', async () => {
		const at = (offset: number, expectOk: boolean): Delivery => {
			const e = event('image.completed');
			return {
				body: e.body,
				headers: headers(e.body, now() + offset),
				authentic: expectOk ? { type: e.type, id: e.id } : undefined,
				what: `timestamp ${offset > 0 ? '+' : ''}${offset}s`,
			};
		};
		const deliveries = [
			at(-360, false),
			at(360, false),
			at(-301 - 5, false),
			at(305, false),
			at(-3600 * 24, false),
			at(-240, true),
			at(240, true),
			at(0, true),
		];
		const { row } = await fuzz('trigger: timestamps ±6 min (and ±4 min)', deliveries, {
			alreadySeen: seen,
		});
		expect(row.itemsOut).toBe(3);
	});

	it('random bytes, with and without plausible headers, never start anything', async () => {
		const rand = prng(0x5eed);
		const types = [
			'application/json',
			'text/plain',
			'application/octet-stream',
			'multipart/form-data; boundary=x',
		];
		const deliveries: Delivery[] = [];
		for (let i = 0; i < 60; i++) {
			const mode = i % 4;
			// Mode 3: printable noise signed with the right secret: an authentic sender, but no event.
			const body: string | Buffer =
				mode === 3
					? Array.from({ length: 1 + rand.int(2000) }, () =>
							String.fromCharCode(32 + rand.int(95)),
						).join('')
					: rand.bytes(rand.int(i < 5 ? 4 : 4096));
			const h: Record<string, string> = { 'content-type': rand.pick(types) };
			if (mode >= 1) {
				h[SIG] = mode === 3 ? sign(body as string) : rand.bytes(32).toString('hex');
				h[TS] = String(now());
			}
			deliveries.push({ body, headers: h, what: `random ${i} (mode ${mode})` });
		}
		const { row } = await fuzz('trigger: random bytes (seeded, 60)', deliveries, {
			alreadySeen: seen,
		});
		expect(row.itemsOut).toBe(0);
	});

	it('truncated JSON (original or fresh signature) never starts anything', async () => {
		const deliveries: Delivery[] = [];
		for (let i = 0; i < 12; i++) {
			const e = event(ALL_EVENTS[i % ALL_EVENTS.length]);
			const cut = e.body.slice(0, Math.floor((e.body.length * (i + 1)) / 13));
			deliveries.push({
				body: cut,
				headers: headers(e.body),
				what: `truncated at ${cut.length}, original signature`,
			});
			deliveries.push({
				body: cut,
				headers: headers(cut),
				what: `truncated at ${cut.length}, signed as cut`,
			});
		}
		const { row } = await fuzz('trigger: truncated JSON', deliveries, { alreadySeen: seen });
		expect(row.itemsOut).toBe(0);
		expect(row.errors).toBe(deliveries.length);
	});

	it('huge bodies are refused (1 MiB + 1 signed, 5 MB unsigned, 17 MB past n8n’s limit)', async () => {
		const bigEvent = (bytes: number) => {
			const e = event('image.completed', { notes: '' });
			const pad = bytes - Buffer.byteLength(e.body);
			return e.body.replace('"notes":""', `"notes":"${'a'.repeat(pad)}"`);
		};
		const overLimit = bigEvent(1024 * 1024 + 1);
		const deliveries: Delivery[] = [
			{ body: overLimit, headers: headers(overLimit), what: 'signed event of 1 MiB + 1 byte' },
			{
				body: Buffer.alloc(5_000_000, 0x7b),
				headers: {
					'content-type': 'application/octet-stream',
					[SIG]: 'a'.repeat(64),
					[TS]: String(now()),
				},
				what: '5 MB of {',
			},
			{
				body: Buffer.alloc(17 * 1024 * 1024, 0x20),
				headers: { 'content-type': 'application/json' },
				what: '17 MiB of spaces',
			},
		];
		const { row } = await fuzz('trigger: huge bodies', deliveries, { alreadySeen: seen });
		expect(row.itemsOut).toBe(0);
		expect(Buffer.byteLength(overLimit)).toBe(1024 * 1024 + 1);
	});

	it('seeded tampering of authentic deliveries (bytes, signature, timestamp, headers, re-encoding) never starts anything', async () => {
		const rand = prng(0xc4a05);
		const deliveries: Delivery[] = [];
		const tamper = [
			'flip a body byte',
			'change a signature digit',
			'shift the timestamp',
			'drop the signature',
			'drop the timestamp',
			'two signatures',
			'pretty-print the JSON',
			'NFD-normalise the text',
			'sign the body without the timestamp',
			'sign with SHA-1 length',
			'timestamp in milliseconds',
			'empty body, valid headers of another body',
		] as const;
		for (let i = 0; i < 120; i++) {
			const how = tamper[i % tamper.length];
			const e = event(rand.pick(ALL_EVENTS), { name: 'Crème brûlée à l’Ωmega' });
			const h = headers(e.body);
			let body: string | Buffer = e.body;
			switch (how) {
				case 'flip a body byte': {
					const bytes = Buffer.from(e.body);
					const at = rand.int(bytes.length);
					bytes[at] ^= 1 + rand.int(255);
					body = bytes;
					break;
				}
				case 'change a signature digit': {
					const at = rand.int(64);
					const digit = parseInt(h[SIG][at], 16);
					h[SIG] =
						h[SIG].slice(0, at) +
						((digit + 1 + rand.int(15)) % 16).toString(16) +
						h[SIG].slice(at + 1);
					break;
				}
				case 'shift the timestamp':
					h[TS] = String(Number(h[TS]) + (rand.int(2) ? 1 : -1) * (1 + rand.int(200)));
					break;
				case 'drop the signature':
					delete h[SIG];
					break;
				case 'drop the timestamp':
					delete h[TS];
					break;
				case 'two signatures':
					h[SIG] = `${h[SIG]}, ${h[SIG]}`;
					break;
				case 'pretty-print the JSON':
					body = JSON.stringify(JSON.parse(e.body), null, 2);
					break;
				case 'NFD-normalise the text':
					body = e.body.normalize('NFD');
					break;
				case 'sign the body without the timestamp':
					h[SIG] = emu.webhooks.sign(SECRETS.webhookSecret, 0, e.body).slice(0, 64);
					break;
				case 'sign with SHA-1 length':
					h[SIG] = h[SIG].slice(0, 40);
					break;
				case 'timestamp in milliseconds':
					h[TS] = String(Date.now());
					h[SIG] = emu.webhooks.sign(SECRETS.webhookSecret, Number(h[TS]), e.body);
					break;
				case 'empty body, valid headers of another body':
					body = '';
					break;
			}
			deliveries.push({ body, headers: h, what: `${how} (#${i})` });
		}
		const { row } = await fuzz('trigger: tampered authentic deliveries (seeded, 120)', deliveries, {
			alreadySeen: seen,
		});
		expect(row.itemsOut).toBe(0);
		expect(row.errors).toBe(deliveries.length);
	});

	it('retries that overlap a slow or failing download (outputs downloaded) start exactly one execution per event', async () => {
		const name = 'trigger: retries overlapping a slow or failing download';
		scenario(name);
		host.parameters = { events: [...ALL_EVENTS], options: { downloadOutputs: true } };
		try {
			const statuses: number[] = [];
			const ids: string[] = [];
			for (const [i, fault] of [
				{ type: 'slow-headers', delayMs: 1200 },
				{ type: 'truncate', afterBytes: 10 },
				{ type: 'slow-headers', delayMs: 1200 },
				{ type: 'truncate', afterBytes: 10 },
			].entries()) {
				const created = await fetch(`${emu.baseUrl}/v1/ai-image-generator`, {
					method: 'POST',
					headers: {
						authorization: `Bearer ${SECRETS.apiKey}`,
						'content-type': 'application/json',
					},
					body: JSON.stringify({
						name: `overlap-${i}`,
						image_count: 1,
						style: { prompt: 'a red bicycle' },
					}),
				});
				const { id } = (await created.json()) as { id: string };
				ids.push(id);
				await sleep(400);
				const payload = (await api(emu, 'GET', `/v1/image-projects/${id}`)).body;
				const body = JSON.stringify({ type: 'image.completed', payload });
				// A slow first download, or one that fails on every attempt (the delivery then fails).
				emu.faults.add({
					match: `GET /downloads/*/${id}*`,
					times: fault.type === 'truncate' ? 3 : 1,
					fault: fault as never,
				});
				const first = host.post(body, headers(body));
				await sleep(150);
				// The sender gave up waiting and delivers again while the first is still running.
				const overlapping = await host.post(body, headers(body));
				const answered = await first;
				// A later retry, after the first one has finished.
				const later = await host.post(body, headers(body));
				statuses.push(answered.status, overlapping.status, later.status);
				record('trigger responses', [answered, overlapping, later]);
			}
			await waitFor(() => host.inFlight === 0, 20_000, 'the downloads to finish');
			record('trigger logs', host.logs.splice(0));
			const projectOf = (e: (typeof host.executions)[number]) =>
				e.items[0].json as { project: IDataObject; download_error?: IDataObject };
			const executions = host.executions.filter((e) =>
				ids.includes(String(projectOf(e).project.id)),
			);
			record(
				'trigger executions',
				executions.map((e) => e.items),
			);
			const executed = executions.map((e) => String(projectOf(e).project.id));
			const problems: string[] = [];
			const failedDownloads: string[] = [];
			for (const e of executions) {
				const id = String(projectOf(e).project.id);
				if (projectOf(e).download_error) failedDownloads.push(id);
				else problems.push(...(await corruptBinaries(emu, e.items[0], 'image', id)));
			}
			const row = addRow({
				scenario: name,
				itemsIn: statuses.length,
				itemsOut: executions.length,
				errors: statuses.filter((status) => status === 0 || status >= 400).length,
				duplicates: executed.length - new Set(executed).size,
				jobs: executions.length,
				corrupt: problems.length,
			});
			expect(problems).toEqual([]);
			// Magic Hour is answered before the download: the overlapping and the later copy are duplicates.
			// A download that fails on every attempt starts its execution with download_error and no file.
			expect(statuses).toEqual(Array.from({ length: 12 }, () => 200));
			expect(executed.sort()).toEqual([...ids].sort());
			expect(failedDownloads.sort()).toEqual([ids[1], ids[3]].sort());
			expect(
				executions
					.filter((e) => projectOf(e).download_error)
					.every((e) => e.items[0].binary === undefined),
			).toBe(true);
			expect(row.duplicates).toBe(0);
			expect(row.leaks).toBe(0);
		} finally {
			host.parameters = { events: [...ALL_EVENTS], options: {} };
		}
	});
}

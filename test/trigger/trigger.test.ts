/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The Magic Hour Trigger behind a real HTTP port (see test/harness/webhookRunner.ts), fed by
 * the emulator's webhook sender: every signature below comes from the emulator (its live
 * deliveries or `emu.webhooks.sign`), never from the code under test.
 */
import { start, type Emulator } from '../../emulator';
import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import { ALL_EVENTS } from '../../nodes/MagicHourTrigger/events';
import { readBinary } from '../harness/executeNode';
import { TriggerHost, waitFor, type HandledRequest } from '../harness/webhookRunner';
import type { IBinaryData, IDataObject, INodeParameters } from 'n8n-workflow';

const SECRET = 'whsec_test_5f3c1a9e7b2d4c6e8a0f1b3d5c7e9a1b';
const SIG = 'magic-hour-event-signature';
const TS = 'magic-hour-event-timestamp';

const BODIES = {
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
		body: { style: { prompt: 'Hello there, welcome to the show.', voice_name: 'Morgan Freeman' } },
	},
} as const;

let emu: Emulator;
let host: TriggerHost;
let unsubscribe: (() => void) | undefined;

const credentials = (extra: IDataObject = {}) => ({
	apiKey: 'mhk_test_emulator',
	environment: 'custom',
	baseUrl: emu.baseUrl,
	webhookSecret: SECRET,
	...extra,
});

beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
	host = await TriggerHost.start({
		nodeType: new MagicHourTrigger(),
		parameters: { events: [...ALL_EVENTS], options: {} },
		credentials: credentials(),
	});
	for (const { path } of Object.values(BODIES)) emu.jobs.setDurationMs(path, 40);
});

afterAll(async () => {
	await host?.stop();
	await emu?.stop();
});

beforeEach(() => {
	unsubscribe?.();
	emu.reset();
	for (const { path } of Object.values(BODIES)) emu.jobs.setDurationMs(path, 40);
	host.clear();
	host.parameters = { events: [...ALL_EVENTS], options: {} };
	host.credentials = credentials();
});

function configure(parameters: INodeParameters) {
	host.parameters = parameters;
}

/** The emulator's deliveries to the current test's URL. */
const deliveries = () => emu.webhooks.deliveries.filter((d) => d.url === host.url);

function subscribe(events: string[] = ['*'], secret = SECRET) {
	unsubscribe = emu.webhooks.subscribe({ url: host.url, events, secret });
}

async function createJob(
	kind: keyof typeof BODIES,
	body: object = BODIES[kind].body,
): Promise<string> {
	const response = await fetch(`${emu.baseUrl}${BODIES[kind].path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const json = (await response.json()) as { id: string; message?: string };
	if (response.status !== 200) throw new Error(`create failed: ${response.status} ${json.message}`);
	return json.id;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function signedHeaders(
	rawBody: string,
	timestamp = nowSeconds(),
	secret = SECRET,
): Record<string, string> {
	return {
		'content-type': 'application/json',
		[SIG]: emu.webhooks.sign(secret, timestamp, rawBody),
		[TS]: String(timestamp),
	};
}

let counter = 0;
function eventBody(type = 'image.completed', payload: IDataObject = {}): string {
	counter += 1;
	return JSON.stringify({
		type,
		payload: {
			id: `cm_handmade_${counter}_${Date.now()}`,
			name: null,
			status: 'complete',
			type: 'AI_IMAGE',
			created_at: new Date().toISOString(),
			enabled: true,
			credits_charged: 5,
			image_count: 1,
			downloads: [],
			error: null,
			...payload,
		},
	});
}

/** Waits for one live delivery from the emulator and returns it as the node received it. */
async function captureLiveDelivery(): Promise<HandledRequest> {
	configure({ events: ['image.completed'], options: {} });
	subscribe(['image.completed']);
	await createJob('image');
	await waitFor(() => host.executions.length === 1, 10_000, 'a live delivery');
	return host.requests.find((r) => r.outcome === 'started')!;
}

function headersOf(request: HandledRequest): Record<string, string> {
	return {
		'content-type': 'application/json',
		[SIG]: String(request.headers[SIG]),
		[TS]: String(request.headers[TS]),
	};
}

const message = (body: string) => (JSON.parse(body) as { message: string }).message;

describe('valid deliveries from the emulator', () => {
	it('starts one execution per event for each kind (video, image, audio)', async () => {
		subscribe(['*']);
		const ids = {
			image: await createJob('image'),
			video: await createJob('video'),
			audio: await createJob('audio'),
		};
		await waitFor(() => host.executions.length === 6, 15_000, 'six executions');
		await waitFor(() => deliveries().length === 6, 5_000, 'six deliveries');

		expect(deliveries().every((d) => d.status === 200 && d.attempt === 1)).toBe(true);
		const seen = host.executions.map((e) => {
			expect(e.items).toHaveLength(1);
			return e.items[0].json as IDataObject & { project: IDataObject };
		});
		for (const kind of ['image', 'video', 'audio'] as const) {
			const started = seen.find((j) => j.event === `${kind}.started`);
			const completed = seen.find((j) => j.event === `${kind}.completed`);
			expect(started).toMatchObject({
				kind,
				status: 'started',
				project: { id: ids[kind], status: 'rendering' },
			});
			expect(completed).toMatchObject({
				kind,
				status: 'completed',
				project: { id: ids[kind], status: 'complete' },
			});
			expect((completed!.project.downloads as unknown[]).length).toBeGreaterThan(0);
			expect(new Date(String(completed!.received_at)).toISOString()).toBe(completed!.received_at);
			expect(Object.keys(completed!).sort()).toEqual([
				'event',
				'kind',
				'project',
				'received_at',
				'status',
			]);
		}
		expect(host.executions.every((e) => e.items[0].binary === undefined)).toBe(true);
	});

	it('emits errored events with the error of the project (default events: completed + errored)', async () => {
		configure({}); // nothing set: the node's defaults apply
		subscribe(['*']);
		emu.jobs.failNext({
			endpoint: '/v1/ai-image-generator',
			code: 'no_source_face',
			message: 'No face found',
		});
		const id = await createJob('image');
		await waitFor(() => host.executions.length === 1, 10_000, 'the errored execution');
		await waitFor(() => deliveries().length === 2, 5_000, 'two deliveries');

		expect(host.executions[0].items[0].json).toMatchObject({
			event: 'image.errored',
			kind: 'image',
			status: 'errored',
			project: { id, status: 'error', error: { code: 'no_source_face' } },
		});
		// image.started is not among the defaults: acknowledged with 200, no execution.
		expect(deliveries().map((d) => [d.type, d.status])).toEqual([
			['image.started', 200],
			['image.errored', 200],
		]);
		expect(host.requests.find((r) => r.outcome === 'ignored')?.body).toMatch(
			/image\.started.*not ticked in Events/,
		);
	});

	it('acknowledges events that are not selected without starting an execution', async () => {
		configure({ events: ['image.completed'], options: {} });
		subscribe(['*']);
		await createJob('image');
		await createJob('audio');
		await waitFor(() => deliveries().length === 4, 10_000, 'four deliveries');

		expect(deliveries().every((d) => d.status === 200)).toBe(true);
		expect(host.executions.map((e) => e.items[0].json.event)).toEqual(['image.completed']);
		expect(host.requests.filter((r) => r.outcome === 'ignored')).toHaveLength(3);
	});
});

describe('duplicate deliveries', () => {
	it('starts one execution when the emulator delivers the same event three times', async () => {
		configure({ events: ['image.completed'], options: {} });
		subscribe(['image.completed']);
		emu.webhooks.duplicateNext(2);
		await createJob('image');
		await waitFor(() => deliveries().length === 3, 10_000, 'three deliveries');

		expect(deliveries().every((d) => d.status === 200)).toBe(true);
		expect(host.executions).toHaveLength(1);
		const ignored = host.requests.filter((r) => r.outcome === 'ignored');
		expect(ignored).toHaveLength(2);
		expect(message(ignored[0].body)).toMatch(/Duplicate/);
		// The three copies were byte-identical but separately signed deliveries.
		expect(new Set(host.requests.map((r) => r.rawBody.toString())).size).toBe(1);
	});

	it('remembers deliveries in the saved workflow static data, so a replay is ignored', async () => {
		const delivery = await captureLiveDelivery();
		expect(JSON.stringify(host.savedStaticData)).toMatch(/"magicHourLedger":\{"count":1,/);

		const replay = await host.post(delivery.rawBody, headersOf(delivery));
		expect(replay.status).toBe(200);
		expect(message(replay.body)).toMatch(/Duplicate/);
		expect(host.executions).toHaveLength(1);
	});

	it('changes the static data (which n8n then writes to its database) only for a delivery that starts an execution', async () => {
		const delivery = await captureLiveDelivery();
		expect(host.staticDataSaves).toBe(1);
		const saved = JSON.stringify(host.savedStaticData);

		const replay = await host.post(delivery.rawBody, headersOf(delivery));
		const notSelected = eventBody('audio.started', { id: 'cm_not_selected', status: 'rendering' });
		const ignored = await host.post(notSelected, signedHeaders(notSelected));
		const forged = await host.post(delivery.rawBody, {
			...headersOf(delivery),
			[SIG]: emu.webhooks.sign('wrong', nowSeconds(), delivery.rawBody.toString()),
		});
		expect([replay.status, ignored.status, forged.status]).toEqual([200, 200, 401]);
		expect(host.staticDataSaves).toBe(1);
		expect(JSON.stringify(host.savedStaticData)).toBe(saved);

		const another = eventBody('image.completed', { id: 'cm_another', status: 'complete' });
		expect((await host.post(another, signedHeaders(another))).status).toBe(200);
		expect(host.staticDataSaves).toBe(2);
		expect(host.executions).toHaveLength(2);
	});

	it('treats the same project with another event type as a new delivery', async () => {
		const rawStarted = eventBody('image.started', { id: 'cm_same_project', status: 'rendering' });
		const rawCompleted = rawStarted
			.replace('image.started', 'image.completed')
			.replace('rendering', 'complete');
		expect((await host.post(rawStarted, signedHeaders(rawStarted))).status).toBe(200);
		expect((await host.post(rawCompleted, signedHeaders(rawCompleted))).status).toBe(200);
		expect((await host.post(rawCompleted, signedHeaders(rawCompleted))).status).toBe(200);
		expect(host.executions.map((e) => e.items[0].json.event)).toEqual([
			'image.started',
			'image.completed',
		]);
	});
});

describe('signature verification', () => {
	it('rejects every delivery signed with another secret, so the emulator retries, and starts nothing', async () => {
		const otherSecret = 'whsec_someone_else_0000000000000000';
		subscribe(['*'], otherSecret);
		await createJob('image');
		await waitFor(() => deliveries().length >= 3, 10_000, 'retried deliveries');

		expect(deliveries().every((d) => d.status === 401)).toBe(true);
		expect(host.executions).toHaveLength(0);
		expect(message(host.requests[0].body)).toMatch(/signature of the delivery does not match/);
		const everything = JSON.stringify([host.logs, host.requests.map((r) => r.body)]);
		expect(everything).not.toContain(SECRET);
		expect(everything).not.toContain(otherSecret);
	});

	it('rejects a tampered body, a re-serialised body and a forged signature', async () => {
		const delivery = await captureLiveDelivery();
		const raw = delivery.rawBody.toString();
		const headers = headersOf(delivery);

		const tampered = raw.replace(/"credits_charged":\d+/, '"credits_charged":0');
		expect(tampered).not.toBe(raw);
		const reserialised = JSON.stringify(JSON.parse(raw), null, 2);
		const reordered = JSON.stringify(
			Object.fromEntries(Object.entries(JSON.parse(raw) as IDataObject).reverse()),
		);
		const flipped = headers[SIG].replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));

		const attempts = [
			await host.post(tampered, headers),
			await host.post(reserialised, headers),
			await host.post(reordered, headers),
			await host.post(raw, { ...headers, [SIG]: flipped }),
			await host.post(raw, { ...headers, [SIG]: headers[SIG].slice(0, 40) }),
			await host.post(raw, { ...headers, [SIG]: headers[SIG].toUpperCase().replace(/./, 'Z') }),
			await host.post(raw, {
				...headers,
				[SIG]: emu.webhooks.sign('wrong', Number(headers[TS]), raw),
			}),
			// The timestamp is part of what is signed.
			await host.post(raw, { ...headers, [TS]: String(Number(headers[TS]) - 1) }),
		];
		for (const attempt of attempts) {
			expect(attempt.status).toBe(401);
			expect(typeof message(attempt.body)).toBe('string');
		}
		expect(host.executions).toHaveLength(1);
	});

	it('verifies the raw bytes: a pretty-printed body signed as sent is accepted', async () => {
		const pretty = JSON.stringify(JSON.parse(eventBody('video.completed')), null, 2);
		const response = await host.post(pretty, signedHeaders(pretty));
		expect(response.status).toBe(200);
		expect(host.executions).toHaveLength(1);
		expect(host.executions[0].items[0].json).toMatchObject({
			event: 'video.completed',
			kind: 'video',
		});
	});

	it('rejects missing signature or timestamp headers', async () => {
		const raw = eventBody();
		const { [SIG]: signature, [TS]: timestamp } = signedHeaders(raw);
		const noSignature = await host.post(raw, {
			'content-type': 'application/json',
			[TS]: timestamp,
		});
		const noTimestamp = await host.post(raw, {
			'content-type': 'application/json',
			[SIG]: signature,
		});
		const none = await host.post(raw, { 'content-type': 'application/json' });
		const notANumber = await host.post(raw, {
			'content-type': 'application/json',
			[SIG]: signature,
			[TS]: 'yesterday',
		});

		expect([noSignature.status, noTimestamp.status, none.status, notANumber.status]).toEqual([
			401, 401, 401, 401,
		]);
		expect(message(noSignature.body)).toMatch(/magic-hour-event-signature/);
		expect(message(noTimestamp.body)).toMatch(/magic-hour-event-timestamp/);
		expect(host.executions).toHaveLength(0);
	});

	it('rejects stale and future timestamps beyond the tolerance (default 300 s)', async () => {
		const at = async (offset: number) => {
			const raw = eventBody();
			return (await host.post(raw, signedHeaders(raw, nowSeconds() + offset))).status;
		};
		expect(await at(-301 - 5)).toBe(401);
		expect(await at(301 + 5)).toBe(401);
		expect(host.executions).toHaveLength(0);
		expect(await at(-280)).toBe(200);
		expect(await at(280)).toBe(200);
		expect(host.executions).toHaveLength(2);
	});

	it('applies a custom tolerance', async () => {
		configure({ events: [...ALL_EVENTS], options: { toleranceSeconds: 60 } });
		const raw = eventBody();
		const stale = await host.post(raw, signedHeaders(raw, nowSeconds() - 120));
		expect(stale.status).toBe(401);
		expect(message(stale.body)).toMatch(/too old/);
		expect((await host.post(raw, signedHeaders(raw, nowSeconds() - 30))).status).toBe(200);
		expect(host.executions).toHaveLength(1);
	});

	it('fails closed when verification is on and the credentials have no signing secret', async () => {
		host.credentials = credentials({ webhookSecret: '' });
		subscribe(['image.completed']);
		await createJob('image');
		await waitFor(() => deliveries().length >= 1, 10_000, 'a delivery');

		expect(deliveries()[0].status).toBe(401);
		expect(message(host.requests[0].body)).toMatch(/no Webhook Signing Secret/);
		expect(host.logs.some((l) => l.startsWith('warn') && /Webhook Signing Secret/.test(l))).toBe(
			true,
		);
		expect(host.executions).toHaveLength(0);
	});

	it('fails closed when no credentials are selected at all', async () => {
		const bare = await TriggerHost.start({
			nodeType: new MagicHourTrigger(),
			parameters: { events: [...ALL_EVENTS], options: {} },
			credentials: credentials(),
			withoutCredentials: true,
		});
		try {
			const raw = eventBody();
			const response = await bare.post(raw, signedHeaders(raw));
			expect(response.status).toBe(401);
			expect(message(response.body)).toMatch(/Webhook Signing Secret/);
			expect(bare.executions).toHaveLength(0);
		} finally {
			await bare.stop();
		}
	});

	it('accepts unsigned deliveries only when verification is turned off', async () => {
		host.credentials = credentials({ webhookSecret: '' });
		const raw = eventBody('audio.completed');
		expect((await host.post(raw, { 'content-type': 'application/json' })).status).toBe(401);
		configure({ events: [...ALL_EVENTS], options: { verifySignature: false } });
		expect((await host.post(raw, { 'content-type': 'application/json' })).status).toBe(200);
		expect(host.executions.map((e) => e.items[0].json.event)).toEqual(['audio.completed']);
	});
});

describe('malformed bodies', () => {
	const post = async (raw: string | Buffer, contentType = 'application/json') => {
		const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : raw;
		const response = await host.post(raw, { ...signedHeaders(text), 'content-type': contentType });
		return { ...response, message: response.body ? message(response.body) : '' };
	};

	it('answers 400 for signed bodies that are not JSON or not an event', async () => {
		const notJson = await post('type=image.completed&id=1', 'text/plain');
		expect(notJson.status).toBe(400);
		expect(notJson.message).toMatch(/not valid JSON/);
		expect((await post('[1,2,3]')).status).toBe(400);
		expect((await post('"image.completed"')).status).toBe(400);
		expect((await post(JSON.stringify({ type: 'image.completed' }))).message).toMatch(/payload/);
		expect((await post(JSON.stringify({ type: 'image.completed', payload: [] }))).status).toBe(400);
		expect(
			(await post(JSON.stringify({ type: 'image.completed', payload: { status: 'complete' } })))
				.message,
		).toMatch(/id/);
		expect((await post(JSON.stringify({ type: 42, payload: { id: 'x' } }))).message).toMatch(
			/type/,
		);
		expect((await post(JSON.stringify({ payload: { id: 'x' } }))).status).toBe(400);
		expect(host.executions).toHaveLength(0);
		expect(host.requests.every((r) => r.outcome === 'answered-by-node')).toBe(true);
	});

	it('never reaches the node with unparsable JSON declared as application/json (n8n answers 422)', async () => {
		const response = await post('{"type": "image.completed", "payload": ');
		expect(response.status).toBe(422);
		expect(host.requests[0].outcome).toBe('refused-by-n8n');
		expect(host.executions).toHaveLength(0);
	});

	it('answers 413 for bodies over 1 MB, even when correctly signed', async () => {
		const raw = eventBody('image.completed', { padding: 'x'.repeat(1024 * 1024 + 10) });
		const response = await post(raw);
		expect(response.status).toBe(413);
		expect(host.executions).toHaveLength(0);
	});

	it('acknowledges well-formed events of unknown types without starting anything', async () => {
		const response = await post(eventBody('video.canceled'));
		expect(response.status).toBe(200);
		expect(host.requests[0].outcome).toBe('ignored');
		expect(host.executions).toHaveLength(0);
	});
});

describe('downloading outputs', () => {
	async function bytesOf(url: string): Promise<Buffer> {
		const response = await fetch(url);
		expect(response.status).toBe(200);
		return Buffer.from(await response.arrayBuffer());
	}

	it('attaches every output of a completed project as binary data, data_1, …', async () => {
		configure({ events: ['image.completed', 'image.started'], options: { downloadOutputs: true } });
		subscribe(['image.*']);
		await createJob('image', { image_count: 3, style: { prompt: 'three lighthouses' } });
		await waitFor(() => host.executions.length === 2, 10_000, 'two executions');

		const [started, completed] = host.executions.map((e) => e.items[0]);
		expect(started.json.event).toBe('image.started');
		expect(started.binary).toBeUndefined();
		expect(completed.json.event).toBe('image.completed');

		const downloads = (completed.json.project as IDataObject).downloads as Array<{ url: string }>;
		expect(downloads).toHaveLength(3);
		const binary = completed.binary as Record<string, IBinaryData>;
		expect(Object.keys(binary)).toEqual(['data', 'data_1', 'data_2']);
		for (const [index, key] of ['data', 'data_1', 'data_2'].entries()) {
			const file = binary[key];
			expect(file.mimeType).toMatch(/^image\//);
			expect(file.fileName).toMatch(/\.[a-z0-9]+$/);
			const stored = await readBinary(file);
			expect(stored.equals(await bytesOf(downloads[index].url))).toBe(true);
		}
	});

	it('does not download for errored events', async () => {
		configure({ events: [...ALL_EVENTS], options: { downloadOutputs: true } });
		subscribe(['audio.errored']);
		emu.jobs.failNext({ endpoint: '/v1/ai-voice-generator', code: 'unknown_error' });
		await createJob('audio');
		await waitFor(() => host.executions.length === 1, 10_000, 'the errored execution');
		expect(host.executions[0].items[0].binary).toBeUndefined();
	});

	it('refreshes an expired download link through the API within the same delivery', async () => {
		configure({ events: ['video.completed'], options: { downloadOutputs: true } });
		subscribe(['video.completed']);
		emu.faults.add({ match: 'GET /downloads/*', times: 1, fault: { type: 'expire' } });
		await createJob('video');
		await waitFor(() => host.executions.length === 1, 10_000, 'the execution');
		await waitFor(() => deliveries().length === 1, 5_000, 'the answer to the delivery');

		expect(deliveries().map((d) => d.status)).toEqual([200]);
		// One read of the project before the download, one for fresh links.
		expect(emu.counters().byRoute['GET /v1/video-projects/:id']).toBe(2);
		const binary = host.executions[0].items[0].binary as Record<string, IBinaryData>;
		expect(binary.data.mimeType).toMatch(/^video\//);
		expect((await readBinary(binary.data)).length).toBeGreaterThan(0);
	});

	it('retries a truncated download and never emits a partial file', async () => {
		configure({ events: ['audio.completed'], options: { downloadOutputs: true } });
		subscribe(['audio.completed']);
		emu.faults.add({
			match: 'GET /downloads/*',
			times: 1,
			fault: { type: 'truncate', afterBytes: 100 },
		});
		await createJob('audio');
		await waitFor(() => host.executions.length === 1, 10_000, 'the execution');

		expect(deliveries().map((d) => d.status)).toEqual([200]);
		const binary = host.executions[0].items[0].binary as Record<string, IBinaryData>;
		expect((await readBinary(binary.data)).length).toBeGreaterThan(100);
	});

	it('asks for the delivery again (503) while the API cannot confirm the project, and the retry starts one execution', async () => {
		configure({ events: ['image.completed'], options: { downloadOutputs: true } });
		subscribe(['image.completed']);
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 2,
			fault: { type: 'status', status: 503 },
		});
		await createJob('image');
		await waitFor(
			() => host.executions.length === 1 && host.inFlight === 0,
			10_000,
			'the execution after the retry',
		);
		await waitFor(() => deliveries().length === 2, 5_000, 'the answer to the retry');

		expect(deliveries().map((d) => d.status)).toEqual([503, 200]);
		expect(host.requests.map((r) => r.outcome)).toEqual(['answered-by-node', 'started']);
		expect(host.executions[0].items[0].binary?.data).toBeDefined();
		expect(host.logs.some((l) => l.startsWith('warn') && /deliver .* again/.test(l))).toBe(true);
	});

	it('tells a copy that arrives while the project is being read to come back later (409), then ignores later copies', async () => {
		configure({ events: ['image.completed'], options: { downloadOutputs: true } });
		const id = await createJob('image');
		await waitFor(() => emu.getProject(id)?.settled === 'complete', 10_000, 'the job');
		const payload = (await (
			await fetch(`${emu.baseUrl}/v1/image-projects/${id}`, {
				headers: { authorization: `Bearer ${emu.apiKey}` },
			})
		).json()) as IDataObject;

		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 1,
			fault: { type: 'slow-headers', delayMs: 800 },
		});
		const raw = JSON.stringify({ type: 'image.completed', payload });
		const first = host.post(raw, signedHeaders(raw));
		await waitFor(() => host.inFlight === 1, 5_000, 'the first delivery to be in the node');
		const overlapping = await host.post(raw, signedHeaders(raw));
		expect((await first).status).toBe(200);
		const later = await host.post(raw, signedHeaders(raw));
		await waitFor(() => host.inFlight === 0, 10_000, 'the download');

		expect(overlapping.status).toBe(409);
		expect(message(later.body)).toMatch(/Duplicate/);
		expect(host.executions.map((e) => (e.items[0].json.project as IDataObject).id)).toEqual([id]);
	});

	it('starts the workflow with download_error, once, when the files cannot be downloaded', async () => {
		configure({ events: ['image.completed'], options: { downloadOutputs: true } });
		subscribe(['image.completed']);
		// The link is refused, and so is the fresh one.
		emu.faults.add({ match: 'GET /downloads/*', times: 2, fault: { type: 'expire' } });
		const id = await createJob('image');
		await waitFor(
			() => host.executions.length === 1 && host.inFlight === 0,
			10_000,
			'the execution',
		);

		expect(deliveries().map((d) => d.status)).toEqual([200]);
		const { json, binary } = host.executions[0].items[0];
		expect(binary).toBeUndefined();
		expect(json).toMatchObject({ event: 'image.completed', project: { id, status: 'complete' } });
		expect(json.download_error).toEqual({
			message: expect.stringMatching(/Could not download output 1 of Magic Hour project/),
			description: expect.stringContaining(id),
		});
	});
});

/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Issue 12, security items 5, 6, 7, 9 and 10: each test reproduces what the review did, through
 * n8n-core's real contexts, real HTTP to the emulator and real listeners on other loopback
 * ports, and failed on the code before the fix (item 6's download check excepted: downloads
 * never carried the key, the test keeps it that way).
 */
import {
	Workflow,
	type IBinaryData,
	type IDataObject,
	type INodeParameters,
	type IWebhookData,
} from 'n8n-workflow';

import { MagicHourCommunityApi } from '../../credentials/MagicHourCommunityApi.credentials';
import { start, type Emulator } from '../../emulator';
import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import { baseUrlFromCredentials } from '../../nodes/shared/transport/baseUrl';
import { executeNode, readBinary } from '../harness/executeNode';
import { additionalDataFor, core, nodeOf, StaticNodeTypes } from '../harness/n8nRuntime';
import { TransportProbe } from '../harness/probeNode';
import { startRecordingServer, type RecordingServer } from '../harness/recordingServer';
import { TriggerHost, waitFor } from '../harness/webhookRunner';

const SECRET = 'whsec_issue12_0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const SIG = 'magic-hour-event-signature';
const TS = 'magic-hour-event-timestamp';
const TRIGGER_TYPE = 'n8n-nodes-magic-hour.magicHourTrigger';
const IMAGE_JOB = {
	path: '/v1/ai-image-generator',
	body: { image_count: 1, style: { prompt: 'a lighthouse' } },
};

let emu: Emulator;
let host: TriggerHost;
const listeners: RecordingServer[] = [];

async function listener(
	...args: Parameters<typeof startRecordingServer>
): Promise<RecordingServer> {
	const server = await startRecordingServer(...args);
	listeners.push(server);
	return server;
}

const credentials = (extra: IDataObject = {}) => ({
	apiKey: emu.apiKey,
	environment: 'custom',
	baseUrl: emu.baseUrl,
	webhookSecret: SECRET,
	...extra,
});

beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
	host = await TriggerHost.start({
		nodeType: new MagicHourTrigger(),
		parameters: { events: ['image.completed'], options: {} },
		credentials: credentials(),
	});
});

afterAll(async () => {
	await host?.stop();
	await emu?.stop();
});

beforeEach(() => {
	emu.reset();
	emu.jobs.setDurationMs(IMAGE_JOB.path, 20);
	host.clear();
	host.parameters = { events: ['image.completed'], options: {} };
	host.credentials = credentials();
});

afterEach(async () => {
	await Promise.all(listeners.splice(0).map(async (server) => await server.stop()));
});

function signed(rawBody: string, secret = SECRET): Record<string, string> {
	const timestamp = Math.floor(Date.now() / 1000);
	return {
		'content-type': 'application/json',
		[SIG]: emu.webhooks.sign(secret, timestamp, rawBody),
		[TS]: String(timestamp),
	};
}

/** A finished image job on the emulator, as GET /v1/image-projects/{id} returns it. */
async function completedImageProject(): Promise<
	IDataObject & { id: string; downloads: Array<{ url: string }> }
> {
	const created = await fetch(`${emu.baseUrl}${IMAGE_JOB.path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(IMAGE_JOB.body),
	});
	const { id } = (await created.json()) as { id: string };
	await waitFor(() => emu.getProject(id)?.settled === 'complete', 10_000, 'the job to complete');
	const project = await fetch(`${emu.baseUrl}/v1/image-projects/${id}`, {
		headers: { authorization: `Bearer ${emu.apiKey}` },
	});
	return (await project.json()) as IDataObject & { id: string; downloads: Array<{ url: string }> };
}

/** The Trigger as one node of an active workflow, for n8n-core's hook and webhook contexts. */
function triggerWorkflow(options: INodeParameters) {
	const nodeType = new MagicHourTrigger();
	const node = nodeOf(TRIGGER_TYPE, { events: ['image.completed'], options });
	const workflow = new Workflow({
		id: 'wf-issue12',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new StaticNodeTypes({ [TRIGGER_TYPE]: nodeType }),
	});
	const webhookData = {
		node: node.name,
		webhookDescription: nodeType.description.webhooks![0],
	} as IWebhookData;
	return { nodeType, node, workflow, webhookData };
}

const completedEvent = (payload: IDataObject) =>
	JSON.stringify({ type: 'image.completed', payload });
const message = (body: string) => (JSON.parse(body) as { message: string }).message;

describe('item 5: the Trigger never fetches a URL taken from the delivery', () => {
	it('with verification off and downloads on, a payload pointing at an internal service gets it no request', async () => {
		const internal = await listener();
		host.parameters = {
			events: ['image.completed'],
			options: { verifySignature: false, downloadOutputs: true },
		};
		const body = completedEvent({
			id: 'cm_forged',
			status: 'complete',
			downloads: [
				{
					url: `${internal.origin}/latest/meta-data/iam/credentials`,
					expires_at: '2099-01-01T00:00:00Z',
				},
			],
		});
		const answer = await host.post(body, { 'content-type': 'application/json' });

		expect(internal.requests).toEqual([]);
		expect(host.executions).toHaveLength(0);
		expect(answer.status).toBe(403);
		expect(message(answer.body)).toMatch(/Verify Signature/);
		expect(host.logs.some((line) => line.startsWith('warn') && /Verify Signature/.test(line))).toBe(
			true,
		);
	});

	it('with verification on, downloads what the API lists for the project, not what the body lists', async () => {
		const internal = await listener();
		host.parameters = { events: ['image.completed'], options: { downloadOutputs: true } };
		const project = await completedImageProject();
		const body = completedEvent({
			...project,
			downloads: [{ url: `${internal.origin}/private.png`, expires_at: '2099-01-01T00:00:00Z' }],
		});
		const answer = await host.post(body, signed(body));
		await waitFor(() => host.executions.length === 1, 10_000, 'the execution');

		expect(answer.status).toBe(200);
		expect(internal.requests).toEqual([]);
		expect(emu.counters().byRoute['GET /v1/image-projects/:id']).toBe(2); // ours above, the Trigger's
		const item = host.executions[0].items[0];
		// The API signs fresh links on every read: same files, same host.
		const listed = (item.json.project as { downloads: Array<{ url: string }> }).downloads;
		expect(listed.map((d) => d.url.replace(/downloads\/[^/]+\//, ''))).toEqual(
			project.downloads.map((d) => d.url.replace(/downloads\/[^/]+\//, '')),
		);
		const fromApi = Buffer.from(await (await fetch(project.downloads[0].url)).arrayBuffer());
		expect(
			(await readBinary((item.binary as Record<string, IBinaryData>).data)).equals(fromApi),
		).toBe(true);
	});

	it('refuses to activate (production and Test URL) while downloads are on and verification is off', async () => {
		const checkActivation = async (options: INodeParameters) => {
			const { nodeType, node, workflow, webhookData } = triggerWorkflow(options);
			const context = new core.HookContext(
				workflow,
				node,
				additionalDataFor(credentials()),
				'webhook',
				'activate',
				webhookData,
			);
			return await nodeType.webhookMethods.default.checkExists.call(context);
		};
		await expect(
			checkActivation({ verifySignature: false, downloadOutputs: true }),
		).rejects.toThrow(/Download Output Files.*Verify Signature/);
		await expect(checkActivation({ downloadOutputs: true })).resolves.toBe(true);
		await expect(checkActivation({ verifySignature: false })).resolves.toBe(true);
	});
});

describe('item 6: the API key never follows a redirect to another origin', () => {
	it('an API answer 302 to another port: that port receives nothing, the error says where it pointed', async () => {
		const elsewhere = await listener();
		const api = await listener((req, res) => {
			res.writeHead(302, { location: `${elsewhere.origin}/v1/account?from=api` }).end();
		});
		let thrown: (Error & { description?: string }) | undefined;
		try {
			await executeNode({
				nodeType: new TransportProbe(),
				parameters: { method: 'GET', path: '/v1/account' },
				credentials: {
					apiKey: 'mhk_live_must_stay_home_0123456789',
					environment: 'custom',
					baseUrl: api.origin,
				},
			});
		} catch (error) {
			thrown = error as Error & { description?: string };
		}

		expect(elsewhere.requests).toEqual([]);
		expect(api.requests[0].headers.authorization).toBe('Bearer mhk_live_must_stay_home_0123456789');
		expect(thrown?.message).toMatch(/redirect/i);
		expect(`${thrown?.message} ${thrown?.description}`).toContain(`${elsewhere.origin}/v1/account`);
		expect(JSON.stringify({ ...thrown, message: thrown?.message })).not.toContain(
			'mhk_live_must_stay_home',
		);
	});

	it('output files (on other hosts, also after a redirect) are downloaded without the Authorization header', async () => {
		const files = await listener((_req, res) => {
			const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
			res
				.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) })
				.end(png);
		});
		const cdn = await listener((req, res) =>
			res.writeHead(302, { location: `${files.origin}${req.url}` }).end(),
		);
		const project = {
			id: 'cm_cdn',
			status: 'complete',
			type: 'AI_IMAGE',
			downloads: [
				{
					url: `${cdn.origin}/outputs/cm_cdn.png?X-Amz-Signature=abc`,
					expires_at: '2099-01-01T00:00:00Z',
				},
			],
		};
		const api = await listener((req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(project));
		});
		host.credentials = credentials({ baseUrl: api.origin });
		host.parameters = { events: ['image.completed'], options: { downloadOutputs: true } };
		const body = completedEvent(project);
		expect((await host.post(body, signed(body))).status).toBe(200);
		await waitFor(() => host.executions.length === 1, 10_000, 'the execution');

		expect(host.executions[0].items[0].binary?.data).toBeDefined();
		expect(cdn.requests).toHaveLength(1);
		expect(files.requests).toHaveLength(1);
		for (const request of [...cdn.requests, ...files.requests])
			expect(request.headers.authorization).toBeUndefined();
	});
});

describe('item 7: the Test URL and the production URL never suppress each other', () => {
	it('a test delivery followed by the same event on the production URL starts the production workflow', async () => {
		const body = completedEvent({ id: 'cm_seen_by_both', status: 'complete', downloads: [] });
		expect((await host.postToTestUrl(body, signed(body))).status).toBe(200);
		const production = await host.post(body, signed(body));

		expect(production.status).toBe(200);
		expect(message(production.body)).not.toMatch(/Duplicate/);
		expect(host.executions.map((e) => e.mode)).toEqual(['manual', 'webhook']);
	});

	it('a production delivery followed by the same event on the Test URL starts the test run', async () => {
		const body = completedEvent({ id: 'cm_production_first', status: 'complete', downloads: [] });
		expect((await host.post(body, signed(body))).status).toBe(200);
		const test = await host.postToTestUrl(body, signed(body));

		expect(message(test.body)).not.toMatch(/Duplicate/);
		expect(host.executions.map((e) => e.mode)).toEqual(['webhook', 'manual']);
		// Each URL still drops its own duplicates.
		expect(message((await host.post(body, signed(body))).body)).toMatch(/Duplicate/);
	});
});

describe('item 9: the credentials never send the key in clear or to a rewritten target', () => {
	const custom = (baseUrl: string) => ({ environment: 'custom', baseUrl });

	it('refuses http:// to a host other than this machine, and says why', () => {
		expect(() => baseUrlFromCredentials(custom('http://api.magichour.ai'))).toThrow(
			/unencrypted|in clear/i,
		);
		expect(() => baseUrlFromCredentials(custom('http://10.0.0.7:4010'))).toThrow(/https:\/\//);
		expect(baseUrlFromCredentials(custom('http://127.0.0.1:4010/'))).toBe('http://127.0.0.1:4010');
		expect(baseUrlFromCredentials(custom('http://localhost:4010'))).toBe('http://localhost:4010');
		expect(baseUrlFromCredentials(custom('http://[::1]:4010'))).toBe('http://[::1]:4010');
		expect(baseUrlFromCredentials(custom('https://proxy.example.com/magic-hour/'))).toBe(
			'https://proxy.example.com/magic-hour',
		);
	});

	it('refuses a query, a fragment, a user:password@ or spaces in the base URL', () => {
		expect(() => baseUrlFromCredentials(custom('https://proxy.example.com/?x='))).toThrow(
			/"\?" or "#"/,
		);
		expect(() => baseUrlFromCredentials(custom('https://proxy.example.com#'))).toThrow(
			/"\?" or "#"/,
		);
		expect(() => baseUrlFromCredentials(custom('https://user:pass@proxy.example.com'))).toThrow(
			/user name or password/,
		);
		expect(() => baseUrlFromCredentials(custom('https://proxy.example.com/a b'))).toThrow(/space/);
	});

	it('the node stops before any request when the base URL is refused', async () => {
		const plain = await listener();
		// `localhost.` with a trailing dot is another host name for this listener, but not one of the allowed ones.
		const error = await executeNode({
			nodeType: new TransportProbe(),
			parameters: { method: 'GET', path: '/v1/account' },
			credentials: {
				apiKey: emu.apiKey,
				...custom(plain.origin.replace('127.0.0.1', 'localhost.')),
			},
		}).catch((e: Error) => e);
		expect((error as Error).message).toMatch(/unencrypted/);
		expect(plain.requests).toEqual([]);
	});

	it('says in the Mock Server option that the real key goes to a third-party host', () => {
		const environment = new MagicHourCommunityApi().properties.find(
			(p) => p.name === 'environment',
		);
		const mock = environment?.options?.find((o) => 'value' in o && o.value === 'mock') as {
			description?: string;
		};
		expect(mock.description).toMatch(/real API key/i);
		expect(mock.description).toMatch(/third.party/i);
		expect(mock.description).toMatch(/sideko/i);
	});
});

describe('item 10: Trigger failures do not fire the Error Workflow on every retry', () => {
	const deliveries = () => emu.webhooks.deliveries.filter((d) => d.url === host.url);

	it('a download that keeps failing answers the delivery once and starts one execution that says so', async () => {
		host.parameters = { events: ['image.completed'], options: { downloadOutputs: true } };
		const unsubscribe = emu.webhooks.subscribe({
			url: host.url,
			events: ['image.completed'],
			secret: SECRET,
		});
		try {
			// The link is refused, and so is the fresh one.
			emu.faults.add({ match: 'GET /downloads/*', times: 2, fault: { type: 'expire' } });
			await fetch(`${emu.baseUrl}${IMAGE_JOB.path}`, {
				method: 'POST',
				headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
				body: JSON.stringify(IMAGE_JOB.body),
			});
			await waitFor(
				() => host.executions.length === 1 && host.inFlight === 0,
				10_000,
				'the execution',
			);
			await waitFor(() => deliveries().length >= 1, 5_000, 'the answer to the delivery');
		} finally {
			unsubscribe();
		}

		expect(host.requests.map((r) => r.outcome)).toEqual(['started']);
		expect(deliveries().map((d) => d.status)).toEqual([200]);
		const item = host.executions[0].items[0];
		expect(item.binary).toBeUndefined();
		expect(String((item.json.download_error as IDataObject).message)).toMatch(/download/i);
	});

	it('the API unreachable while confirming the project: 503, no execution, and the retry starts one', async () => {
		host.parameters = { events: ['image.completed'], options: { downloadOutputs: true } };
		const project = await completedImageProject();
		emu.faults.add({
			match: 'GET /v1/image-projects/*',
			times: 10,
			fault: { type: 'status', status: 502 },
		});
		const body = completedEvent(project);
		const first = await host.post(body, signed(body));
		emu.faults.clear();
		const retry = await host.post(body, signed(body));
		await waitFor(
			() => host.executions.length === 1 && host.inFlight === 0,
			10_000,
			'the execution',
		);

		expect(first.status).toBe(503);
		expect(retry.status).toBe(200);
		expect(host.requests.map((r) => r.outcome)).toEqual(['answered-by-node', 'started']);
		expect(host.executions[0].items[0].binary?.data).toBeDefined();
	});

	it('refuses a body whose Content-Length is over the limit before reading it', async () => {
		const { nodeType, node, workflow, webhookData } = triggerWorkflow({});
		let bodyRead = false;
		const answer: { status?: number; body?: unknown } = {};
		const response = {
			status(code: number) {
				answer.status = code;
				return response;
			},
			json(body: unknown) {
				answer.body = body;
				return response;
			},
			end: () => response,
		};
		const request = {
			headers: { 'content-length': String(64 * 1024 * 1024), 'content-type': 'application/json' },
			readRawBody: async () => {
				bodyRead = true;
			},
		};
		const additionalData = additionalDataFor(credentials(), {
			httpRequest: request,
			httpResponse: response,
		});
		const context = new core.WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		const result = await nodeType.webhook.call(context);

		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer.status).toBe(413);
		expect(bodyRead).toBe(false);
	});
});

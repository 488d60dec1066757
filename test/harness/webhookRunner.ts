/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Hosts a webhook trigger node the way n8n's webhook server does, on a real node:http port:
 *
 * - reads the raw body like n8n's `rawBodyReader` (size limit → 413) and parses it like
 *   n8n's `parseBody` for a typeVersion-1 node (JSON → `req.body`; unparsable JSON is refused
 *   with 422 before the node runs; text/plain → string), keeping `req.rawBody`;
 * - gives the node n8n-core's real `WebhookContext` over the real request/response objects
 *   (the response gets express's `status()`/`json()`/`send()`);
 * - handles the result like n8n's `executeWebhook` for `responseMode: 'onReceived'`:
 *   `noWebhookResponse` → the node has answered; no `workflowData` → 200 with `webhookResponse`
 *   or "Webhook call received", no execution; `workflowData` → an execution starts, 200;
 *   a thrown error → 500 "Workflow could not be started!";
 *   `noWebhookResponse` together with `workflowData` → the node has answered and an
 *   execution starts anyway (how a node answers before it returns its data);
 * - keeps workflow static data like n8n's live webhooks: each request gets a fresh
 *   `Workflow` built from the saved copy, which is saved back only when the request did not
 *   throw and the static data reports `__dataChanged`;
 * - serves the Test URL (`/webhook-test/…`) like n8n's test webhooks: the node runs in mode
 *   'manual' (production: 'webhook') on a copy of the saved static data that is never saved.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	jsonParse,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { additionalDataFor, core, ensureBinaryData, nodeOf, StaticNodeTypes } from './n8nRuntime';

export interface TriggerExecution {
	items: INodeExecutionData[];
	at: number;
	/** 'webhook' for the production URL, 'manual' for the Test URL. */
	mode: 'webhook' | 'manual';
}

export type RequestOutcome =
	| 'refused-by-n8n'
	| 'answered-by-node'
	| 'ignored'
	| 'started'
	| 'failed';

export interface HandledRequest {
	status: number;
	body: string;
	outcome: RequestOutcome;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	error?: Error;
}

export interface TriggerHostOptions {
	nodeType: INodeType;
	typeName?: string;
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** n8n's N8N_PAYLOAD_SIZE_MAX (MiB); default 16. */
	payloadSizeMaxMiB?: number;
	/** Omit the credentials from the node (none selected in the editor). */
	withoutCredentials?: boolean;
}

const WEBHOOK_ID = '6b1d2c0e-5a7f-4c1e-9d3b-2f8e4a6c9b01';

/** What express's `res.status/json/send` add on top of node's ServerResponse. */
function asExpressResponse(res: http.ServerResponse) {
	const response = res as http.ServerResponse & {
		status(code: number): typeof response;
		json(body: unknown): typeof response;
		send(body?: unknown): typeof response;
	};
	response.status = (code: number) => {
		res.statusCode = code;
		return response;
	};
	response.send = (body?: unknown) => {
		if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body))
			return response.json(body);
		res.end(body as string | Buffer | undefined);
		return response;
	};
	response.json = (body: unknown) => {
		if (!res.getHeader('content-type'))
			res.setHeader('content-type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(body));
		return response;
	};
	return response;
}

function parseContentType(header: string | undefined): { type?: string; charset: BufferEncoding } {
	if (!header) return { charset: 'utf-8' };
	const [type, ...params] = header.split(';').map((p) => p.trim());
	const charset = params
		.find((p) => p.toLowerCase().startsWith('charset='))
		?.slice(8)
		.toLowerCase();
	return {
		type: type.toLowerCase(),
		charset: (charset && Buffer.isEncoding(charset) ? charset : 'utf-8') as BufferEncoding,
	};
}

export class TriggerHost {
	readonly executions: TriggerExecution[] = [];
	readonly requests: HandledRequest[] = [];
	readonly logs: string[] = [];
	/** The workflow static data as n8n would have saved it. */
	savedStaticData: IDataObject = {};
	/** How many times n8n would have written the static data to its database. */
	staticDataSaves = 0;
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/**
	 * Deliveries are addressed to `url` (the production URL plus `?generation=N`). A sender
	 * that keeps retrying an older generation (e.g. the emulator after a reset) is answered
	 * 200 without reaching the node, so one test's leftovers never leak into the next.
	 */
	url = '';
	testUrl = '';
	generation = 0;
	/** Requests being handled right now. */
	inFlight = 0;
	private baseUrl = '';

	private server?: http.Server;
	private readonly typeName: string;
	private readonly payloadSizeMax: number;

	private constructor(private readonly options: TriggerHostOptions) {
		this.parameters = options.parameters;
		this.credentials = options.credentials;
		this.typeName = options.typeName ?? 'n8n-nodes-magic-hour.magicHourTrigger';
		this.payloadSizeMax = (options.payloadSizeMaxMiB ?? 16) * 1024 * 1024;
	}

	static async start(options: TriggerHostOptions): Promise<TriggerHost> {
		await ensureBinaryData();
		const host = new TriggerHost(options);
		host.server = http.createServer((req, res) => {
			host.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) res.writeHead(500).end(String(error));
			});
		});
		await new Promise<void>((resolve) => host.server!.listen(0, '127.0.0.1', resolve));
		const { port } = host.server.address() as AddressInfo;
		const path = `${WEBHOOK_ID}/${host.webhookPath()}`;
		host.baseUrl = `http://127.0.0.1:${port}/webhook/${path}`;
		host.testUrl = `http://127.0.0.1:${port}/webhook-test/${path}`;
		host.clear();
		return host;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}

	/** Forgets executions, requests, logs and static data, and starts a new generation of `url`. */
	clear(): void {
		this.generation += 1;
		this.url = `${this.baseUrl}?generation=${this.generation}`;
		this.executions.length = 0;
		this.requests.length = 0;
		this.logs.length = 0;
		this.savedStaticData = {};
		this.staticDataSaves = 0;
	}

	/** POSTs exactly these bytes with exactly these headers to the production URL. */
	async post(
		body: string | Buffer,
		headers: Record<string, string>,
	): Promise<{ status: number; body: string }> {
		const response = await fetch(this.url, { method: 'POST', body, headers });
		return { status: response.status, body: await response.text() };
	}

	/** The same as `post`, to the Test URL. */
	async postToTestUrl(
		body: string | Buffer,
		headers: Record<string, string>,
	): Promise<{ status: number; body: string }> {
		const response = await fetch(`${this.testUrl}?generation=${this.generation}`, {
			method: 'POST',
			body,
			headers,
		});
		return { status: response.status, body: await response.text() };
	}

	private webhookPath(): string {
		const description = this.options.nodeType.description.webhooks?.[0];
		if (!description) throw new Error('node has no webhook');
		return String(description.path);
	}

	private record(entry: HandledRequest): void {
		this.requests.push(entry);
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		this.inFlight += 1;
		try {
			await this.handleRequest(req, res);
		} finally {
			this.inFlight -= 1;
		}
	}

	private async handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const isTest = url.pathname === new URL(this.testUrl).pathname;
		if ((url.pathname !== new URL(this.baseUrl).pathname && !isTest) || req.method !== 'POST') {
			res
				.writeHead(404, { 'content-type': 'application/json' })
				.end(JSON.stringify({ code: 404, message: 'not registered' }));
			return;
		}
		if (url.searchParams.get('generation') !== String(this.generation)) {
			req.resume();
			res
				.writeHead(200, { 'content-type': 'application/json' })
				.end(JSON.stringify({ message: 'stale generation' }));
			return;
		}

		// n8n's rawBodyReader: raw-body with the payload size limit.
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of req as AsyncIterable<Buffer>) {
			size += chunk.length;
			if (size > this.payloadSizeMax) {
				res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
				res.end(JSON.stringify({ code: 413, message: 'request entity too large' }));
				this.record({
					status: 413,
					body: '',
					outcome: 'refused-by-n8n',
					headers: req.headers,
					rawBody: Buffer.alloc(0),
				});
				req.destroy();
				return;
			}
			chunks.push(chunk);
		}
		const rawBody = Buffer.concat(chunks);
		const { type: contentType, charset } = parseContentType(req.headers['content-type']);
		const request = Object.assign(req, {
			rawBody,
			_body: true,
			contentType,
			encoding: charset,
			readRawBody: async () => undefined,
			params: {},
			query: Object.fromEntries(url.searchParams),
			body: undefined as unknown,
		});

		// n8n's parseBody (typeVersion 1 nodes always get it).
		if (rawBody.length) {
			try {
				if (contentType === 'application/json') request.body = jsonParse(rawBody.toString(charset));
				else if (contentType === 'text/plain') request.body = rawBody.toString(charset);
			} catch (error) {
				const body = JSON.stringify({
					code: 422,
					message: 'Failed to parse request body',
					hint: (error as Error).message,
				});
				res.writeHead(422, { 'content-type': 'application/json' }).end(body);
				this.record({
					status: 422,
					body,
					outcome: 'refused-by-n8n',
					headers: req.headers,
					rawBody,
				});
				return;
			}
		}

		const response = asExpressResponse(res);
		const captured: { body: string } = { body: '' };
		const originalEnd = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
		(res as unknown as { end: (...args: unknown[]) => http.ServerResponse }).end = (
			...args: unknown[]
		) => {
			if (!res.writableEnded && (typeof args[0] === 'string' || Buffer.isBuffer(args[0])))
				captured.body = String(args[0]);
			return originalEnd(...args);
		};

		const node: INode = nodeOf(this.typeName, this.parameters, {
			name: 'Magic Hour Trigger',
			webhookId: WEBHOOK_ID,
			...(this.options.withoutCredentials ? { credentials: {} } : {}),
		});
		const nodeTypes = new StaticNodeTypes({ [this.typeName]: this.options.nodeType });
		const staticData = JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject;
		const workflowOf = () =>
			new Workflow({
				id: 'wf-trigger',
				name: 'trigger test',
				nodes: [node],
				connections: {},
				active: true,
				nodeTypes,
				staticData,
			});
		const workflow = workflowOf();
		const additionalData = additionalDataFor(this.credentials, {
			executionId: undefined,
			httpRequest: request,
			httpResponse: response,
		});
		const description = this.options.nodeType.description.webhooks![0];
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: `${WEBHOOK_ID}/${String(description.path)}`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
		};
		const mode = isTest ? 'manual' : 'webhook';
		const context = new core.WebhookContext(
			workflow,
			node,
			additionalData,
			mode,
			webhookData,
			[],
			null,
		);
		Object.defineProperty(context, 'logger', {
			value: {
				debug: (m: string) => this.logs.push(`debug ${m}`),
				info: (m: string) => this.logs.push(`info ${m}`),
				warn: (m: string) => this.logs.push(`warn ${m}`),
				error: (m: string) => this.logs.push(`error ${m}`),
			},
		});

		let result: IWebhookResponseData;
		try {
			result = await this.options.nodeType.webhook!.call(context);
		} catch (error) {
			const body = JSON.stringify({
				code: 0,
				message: 'Workflow Webhook Error: Workflow could not be started!',
			});
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(body);
			this.record({
				status: 500,
				body,
				outcome: 'failed',
				headers: req.headers,
				rawBody,
				error: error as Error,
			});
			return;
		}

		let outcome: RequestOutcome;
		const answeredByNode = result.noWebhookResponse === true;
		if (answeredByNode && !res.writableEnded) {
			// A node that claims to have answered but did not would leave the caller hanging.
			res.writeHead(599).end();
		}
		if (result.workflowData === undefined) {
			outcome = answeredByNode ? 'answered-by-node' : 'ignored';
			if (!answeredByNode) {
				response
					.status(200)
					.json(
						result.webhookResponse !== undefined
							? result.webhookResponse
							: { message: 'Webhook call received' },
					);
			}
		} else {
			outcome = 'started';
			this.executions.push({ items: result.workflowData[0] ?? [], at: Date.now(), mode });
			if (!answeredByNode) response.status(200).json({ message: 'Workflow was started' });
		}

		// Unless the node answered itself, n8n's WorkflowRunner builds the execution's workflow from
		// the same static-data object before n8n answers and saves, which clears its "changed" mark.
		if (result.workflowData !== undefined && !answeredByNode) workflowOf();
		// n8n saves the static data of live webhooks when it answers, if it changed; never of test ones.
		if (
			!isTest &&
			(workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged === true
		) {
			this.savedStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			this.staticDataSaves += 1;
		}
		this.record({
			status: res.statusCode,
			body: captured.body,
			outcome,
			headers: req.headers,
			rawBody,
		});
	}
}

/** Polls `condition` every 10 ms until it holds or `timeoutMs` passes. */
export async function waitFor(
	condition: () => boolean,
	timeoutMs = 10_000,
	what = 'condition',
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

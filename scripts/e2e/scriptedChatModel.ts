/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * A scripted OpenAI-compatible chat model on loopback, for running n8n's AI Agent without an
 * LLM: `POST /v1/chat/completions` answers with the next step of a fixed script (tool calls,
 * then a final answer) and every request is recorded, so a test can read exactly what n8n
 * sent the model (the tools offered, the tool results).
 *
 *   const model = await ScriptedChatModel.start();
 *   model.play([{ tool: 'Create_Image', args: { prompt: 'a kite' } }, { answer: 'Done.' }]);
 *   // credentials "OpenAI" with Base URL = model.baseUrl
 *   model.requests[1].body.messages  // … the tool message with the result of Create_Image
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { CredentialSpec } from './n8n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ChatRequest {
	model: string;
	messages: Array<{ role: string; content: Json; tool_calls?: Json[]; tool_call_id?: string }>;
	tools?: Array<{
		type: 'function';
		function: { name: string; description: string; parameters: Json };
	}>;
	stream?: boolean;
	[key: string]: Json;
}

export interface RecordedRequest {
	method: string;
	path: string;
	body: ChatRequest;
}

/** One reply of the model: a tool call (arguments may be computed from the request so far) or the final answer. */
export type ScriptStep =
	| {
			tool: string;
			args: Record<string, unknown> | ((request: ChatRequest) => Record<string, unknown>);
	  }
	| { answer: string | ((request: ChatRequest) => string) };

/** The tool results a request carries, oldest first, parsed from the `tool` messages. */
export function toolResults(request: ChatRequest): Json[] {
	return request.messages
		.filter((message) => message.role === 'tool')
		.map((message) => {
			const text =
				typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
			try {
				return JSON.parse(text);
			} catch {
				return text;
			}
		});
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** The "OpenAI account" credential example 08 uses, pointed at a scripted model. */
export function scriptedModelCredential(baseUrl: string): CredentialSpec {
	return {
		id: 'mhCredOpenAi01',
		name: 'OpenAI account',
		type: 'openAiApi',
		data: { apiKey: 'sk-scripted-model', url: baseUrl },
	};
}

function lastUserMessage(request: ChatRequest): string {
	const message = [...request.messages].reverse().find((candidate) => candidate.role === 'user');
	return typeof message?.content === 'string'
		? message.content
		: JSON.stringify(message?.content ?? '');
}

/** Example 08 played by a script: the chat message becomes the image prompt and the voice-over. */
export function socialPostScript(): ScriptStep[] {
	return [
		{
			tool: 'Create_Post_Image',
			args: (request) => ({ image_prompt: `${lastUserMessage(request)}, bright photo, no text` }),
		},
		{
			tool: 'Create_Voice_Over',
			args: (request) => ({ text: lastUserMessage(request).slice(0, 1000) }),
		},
		{
			answer: (request) => {
				const [[image], [voice]] = toolResults(request);
				return `Here is your post.\nImage: ${image.output_urls?.[0] ?? image.error}\nVoice-over: ${voice.output_urls?.[0] ?? voice.error}`;
			},
		},
	];
}

export class ScriptedChatModel {
	readonly requests: RecordedRequest[] = [];
	/** Errors thrown by script steps. */
	readonly failures: string[] = [];
	private script: ScriptStep[] = [];
	private calls = 0;

	private constructor(private readonly server: Server) {}

	static async start(): Promise<ScriptedChatModel> {
		const server: Server = createServer((req, res) => {
			// A script step that throws (e.g. reading a tool result that is not there) answers 500 at once,
			// so that the agent run fails instead of waiting for an answer that never comes.
			model.handle(req, res).catch((error: Error) => {
				model.failures.push(error.message);
				if (!res.headersSent)
					sendJson(res, 500, {
						error: { message: `script failed: ${error.message}`, type: 'server_error' },
					});
				else res.end();
			});
		});
		const model = new ScriptedChatModel(server);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return model;
	}

	/** What to put in the "Base URL" of n8n's OpenAI credentials. */
	get baseUrl(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
	}

	/** Replaces the script. Step N answers the request that carries N tool results. */
	play(script: ScriptStep[]): void {
		this.script = script;
	}

	/** The chat-completions requests received since `from` (an index into `requests`). */
	chatRequests(from = 0): ChatRequest[] {
		return this.requests
			.slice(from)
			.filter((r) => r.path.endsWith('/chat/completions'))
			.map((r) => r.body);
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const path = (req.url ?? '/').split('?')[0];
		const body = (text ? JSON.parse(text) : {}) as ChatRequest;
		this.requests.push({ method: req.method ?? 'GET', path, body });

		if (req.method === 'GET' && path.endsWith('/models')) {
			return sendJson(res, 200, {
				object: 'list',
				data: [{ id: 'scripted-model', object: 'model', owned_by: 'e2e' }],
			});
		}
		if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
			return sendJson(res, 404, {
				error: { message: `not scripted: ${req.method} ${path}`, type: 'invalid_request_error' },
			});
		}
		const step = this.script[toolResults(body).length];
		if (!step) {
			return sendJson(res, 500, {
				error: { message: 'the script has no step for this request', type: 'server_error' },
			});
		}
		const message =
			'tool' in step
				? {
						role: 'assistant',
						content: null,
						tool_calls: [
							{
								id: `call_${++this.calls}`,
								type: 'function',
								function: {
									name: step.tool,
									arguments: JSON.stringify(
										typeof step.args === 'function' ? step.args(body) : step.args,
									),
								},
							},
						],
					}
				: {
						role: 'assistant',
						content: typeof step.answer === 'function' ? step.answer(body) : step.answer,
					};
		const finishReason = 'tool' in step ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };
		const created = Math.floor(Date.now() / 1000);
		if (body.stream) return this.stream(res, message, finishReason, usage, created);
		return sendJson(res, 200, {
			id: `chatcmpl-${this.requests.length}`,
			object: 'chat.completion',
			created,
			model: body.model ?? 'scripted-model',
			choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
			usage,
		});
	}

	/** The same reply as server-sent events, for a client that asked to stream. */
	private stream(
		res: ServerResponse,
		message: Json,
		finishReason: string,
		usage: Json,
		created: number,
	): void {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const chunk = (delta: Json, finish: string | null, extra: Json = {}) =>
			res.write(
				`data: ${JSON.stringify({ id: `chatcmpl-${this.requests.length}`, object: 'chat.completion.chunk', created, model: 'scripted-model', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`,
			);
		const delta = message.tool_calls
			? {
					role: 'assistant',
					content: null,
					tool_calls: message.tool_calls.map((call: Json, index: number) => ({ index, ...call })),
				}
			: { role: 'assistant', content: message.content };
		chunk(delta, null);
		chunk({}, finishReason, { usage });
		res.end('data: [DONE]\n\n');
	}
}

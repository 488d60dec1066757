/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- not node code: runs in tests or on the developer's machine, never inside n8n */
/** Reply model shared by all handlers, plus request-body helpers. */
import type { IncomingMessage } from 'node:http';

export interface JsonReply {
	kind: 'json';
	status: number;
	/** undefined → empty body (e.g. 204). */
	body?: unknown;
	headers?: Record<string, string>;
}

export interface MediaReply {
	kind: 'media';
	status: number;
	headers: Record<string, string>;
	length: number;
	/** The body as a sequence of buffers, produced lazily. */
	pieces(): Iterable<Buffer>;
	headOnly?: boolean;
}

export type Reply = JsonReply | MediaReply;

export function json(status: number, body?: unknown, headers?: Record<string, string>): JsonReply {
	return { kind: 'json', status, body, headers };
}

export function noContent(): JsonReply {
	return { kind: 'json', status: 204 };
}

export function errorReply(
	status: number,
	code: string,
	message: string,
	headers?: Record<string, string>,
): JsonReply {
	return json(status, { code, message }, headers);
}

/** Thrown by handlers to answer with an error body `{code, message}`. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}

	toReply(): JsonReply {
		return errorReply(this.status, this.code, this.message);
	}
}

export const notFound = (message = 'Not Found'): HttpError =>
	new HttpError(404, 'not_found', message);

const defaultCodes: Record<number, string> = {
	400: 'invalid_request',
	401: 'unauthorized',
	402: 'insufficient_credits',
	403: 'forbidden',
	404: 'not_found',
	408: 'request_timeout',
	409: 'conflict',
	422: 'unprocessable_entity',
	429: 'rate_limited',
	500: 'internal_server_error',
	502: 'bad_gateway',
	503: 'service_unavailable',
	504: 'gateway_timeout',
};

/** The `{code, message}` body the emulator uses for a bare status. */
export function defaultErrorBody(status: number): { code: string; message: string } {
	const code = defaultCodes[status] ?? (status >= 500 ? 'internal_server_error' : 'error');
	const message = code
		.split('_')
		.map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
		.join(' ');
	return { code, message };
}

const MAX_JSON_BYTES = 10 * 1024 * 1024;

/** Reads and parses a JSON request body. Throws HttpError 400 on a missing or malformed body. */
export async function readJsonBody(
	req: IncomingMessage,
	{ allowEmpty = false } = {},
): Promise<unknown> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_JSON_BYTES)
			throw new HttpError(413, 'payload_too_large', 'Request body is too large');
		chunks.push(chunk);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '') {
		if (allowEmpty) return {};
		throw new HttpError(400, 'invalid_request', 'Missing request body');
	}
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new HttpError(
			400,
			'invalid_request',
			`Request body is not valid JSON: ${(error as Error).message}`,
		);
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

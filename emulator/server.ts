/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The HTTP pipeline: control endpoint bypass → route match → log entry → fault →
 * auth → handler → reply writer (JSON, or streamed media with backpressure).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { isAuthorized, unauthorizedReply } from './auth';
import type { EmulatorContext } from './context';
import { handleControl, isControlPath } from './control';
import { expiredReply } from './downloads';
import { defaultErrorBody, errorReply, HttpError, json, type MediaReply, type Reply } from './http';
import type { RouteMatch, Router } from './router';
import type { Fault, RequestLogEntry } from './types';

/** Extra bytes announced by the 'length-mismatch' fault. */
const LENGTH_MISMATCH_EXTRA = 1024;

/** Streams `pieces` with backpressure, stopping after `limit` bytes, counting what was produced. */
class PieceStream extends Readable {
	private readonly pieceIterator: Iterator<Buffer>;
	private sent = 0;

	constructor(
		pieces: Iterable<Buffer>,
		private readonly limit: number,
		private readonly onBytes: (n: number) => void,
	) {
		super({ highWaterMark: 1 << 20 });
		this.pieceIterator = pieces[Symbol.iterator]();
	}

	override _read(): void {
		for (;;) {
			if (this.sent >= this.limit) {
				this.push(null);
				return;
			}
			const next = this.pieceIterator.next();
			if (next.done) {
				this.push(null);
				return;
			}
			let chunk = next.value;
			if (this.sent + chunk.length > this.limit) chunk = chunk.subarray(0, this.limit - this.sent);
			this.sent += chunk.length;
			this.onBytes(chunk.length);
			if (!this.push(chunk)) return;
		}
	}
}

/** Closes the connection once everything written so far is flushed (client sees a cut body). */
function cutConnection(res: ServerResponse): void {
	const socket = res.socket;
	if (socket) socket.destroySoon();
	else res.destroy();
}

/** The 'rewrite-body' fault: the handler's JSON object answer with fields left out or replaced. */
function rewriteBody(reply: Reply, fault: Fault | undefined): Reply {
	if (fault?.type !== 'rewrite-body' || reply.kind !== 'json') return reply;
	const body = reply.body;
	if (!body || typeof body !== 'object' || Array.isArray(body)) return reply;
	const rewritten: Record<string, unknown> = { ...(body as Record<string, unknown>), ...fault.set };
	for (const field of fault.omit ?? []) delete rewritten[field];
	return { ...reply, body: rewritten };
}

export class RequestPipeline {
	constructor(
		private readonly ctx: EmulatorContext,
		private readonly router: Router,
	) {}

	handle = (req: IncomingMessage, res: ServerResponse): void => {
		this.run(req, res).catch((error) => {
			this.reportUnexpected(error);
			if (!res.headersSent) {
				res.writeHead(500, { 'content-type': 'application/json' });
				res.end(
					JSON.stringify({ code: 'internal_server_error', message: 'Internal Server Error' }),
				);
			} else {
				res.destroy();
			}
		});
	};

	private async run(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;

		if (isControlPath(path)) {
			await handleControl(this.ctx, req, res, method, path);
			return;
		}

		const match = this.router.match(method, path);
		const route = match ? match.route : `${method} ${path}`;
		const fault = this.ctx.faults.take(method, path, route);
		const entry = this.ctx.metrics.begin(method, path, route, fault);
		if (this.ctx.settings.quiet === false) {
			res.on('close', () => {
				const tag = entry.fault ? ` [fault: ${entry.fault}]` : '';
				process.stdout.write(
					`${method} ${path} → ${entry.status || 'reset'} ${Date.now() - entry.start}ms${tag}\n`,
				);
			});
		}

		if (fault?.type === 'reset') {
			entry.end = Date.now();
			req.socket.destroy();
			return;
		}
		if (fault?.type === 'slow-headers') await this.ctx.timers.delay(fault.delayMs);

		const reply = rewriteBody(
			this.faultReply(fault) ?? (await this.dispatch(req, path, match)),
			fault,
		);

		if (fault?.type === 'reset-after-accept') {
			entry.end = Date.now();
			req.socket.destroy();
			return;
		}
		this.write(res, reply, fault, entry);
	}

	/** Replies that replace the handler entirely. */
	private faultReply(fault: Fault | undefined): Reply | undefined {
		switch (fault?.type) {
			case 'status':
				return json(fault.status, fault.body ?? defaultErrorBody(fault.status));
			case 'rate-limit':
				return errorReply(
					429,
					'rate_limited',
					'Too many requests',
					fault.retryAfterSeconds === undefined
						? undefined
						: { 'retry-after': String(fault.retryAfterSeconds) },
				);
			case 'expire':
				return expiredReply();
			default:
				return undefined;
		}
	}

	private async dispatch(
		req: IncomingMessage,
		path: string,
		match: RouteMatch | undefined,
	): Promise<Reply> {
		const needsAuth = match ? match.definition.auth : path === '/v1' || path.startsWith('/v1/');
		if (needsAuth && !isAuthorized(req, this.ctx.settings.apiKey)) return unauthorizedReply();
		if (!match) return errorReply(404, 'not_found', 'Not Found');
		try {
			return await match.definition.handle(req, match.params);
		} catch (error) {
			if (error instanceof HttpError) return error.toReply();
			this.reportUnexpected(error);
			return errorReply(500, 'internal_server_error', 'Internal Server Error');
		}
	}

	private write(
		res: ServerResponse,
		reply: Reply,
		fault: Fault | undefined,
		entry: RequestLogEntry,
	): void {
		if (res.destroyed) {
			entry.end = Date.now();
			return;
		}
		entry.status = reply.status;
		if (reply.kind === 'media') {
			this.writeMedia(res, reply, fault, entry);
			return;
		}
		const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
		const body = Buffer.from(text);
		const headers: Record<string, string | number> = { ...reply.headers };
		if (reply.status !== 204 && reply.status !== 304) {
			if (text) headers['content-type'] = 'application/json; charset=utf-8';
			headers['content-length'] =
				body.length + (fault?.type === 'length-mismatch' ? LENGTH_MISMATCH_EXTRA : 0);
		}
		res.writeHead(reply.status, headers);
		entry.end = Date.now();
		if (fault?.type === 'truncate' && fault.afterBytes < body.length) {
			res.write(body.subarray(0, fault.afterBytes));
			cutConnection(res);
			return;
		}
		if (fault?.type === 'length-mismatch' && reply.status !== 204) {
			res.write(body);
			cutConnection(res);
			return;
		}
		res.end(body);
	}

	private writeMedia(
		res: ServerResponse,
		reply: MediaReply,
		fault: Fault | undefined,
		entry: RequestLogEntry,
	): void {
		const announced =
			reply.length + (fault?.type === 'length-mismatch' ? LENGTH_MISMATCH_EXTRA : 0);
		res.writeHead(reply.status, { ...reply.headers, 'content-length': announced });
		if (reply.headOnly) {
			entry.end = Date.now();
			res.end();
			return;
		}
		const limit = fault?.type === 'truncate' ? fault.afterBytes : Number.POSITIVE_INFINITY;
		const cut = announced !== reply.length || limit < reply.length;
		const source = new PieceStream(reply.pieces(), limit, (n) =>
			this.ctx.metrics.count('bytesServed', n),
		);
		source.on('end', () => {
			entry.end = Date.now();
			if (cut) cutConnection(res);
			else res.end();
		});
		source.on('error', () => res.destroy());
		res.on('close', () => {
			if (!source.readableEnded) source.destroy();
			if (!entry.end) entry.end = Date.now();
		});
		source.pipe(res, { end: false });
	}

	private reportUnexpected(error: unknown): void {
		if (this.ctx.settings.quiet !== true)
			process.stderr.write(`[magic-hour-emulator] ${String((error as Error)?.stack ?? error)}\n`);
	}
}

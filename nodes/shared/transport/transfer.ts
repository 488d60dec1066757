import type { IExecuteFunctions, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { cancellableSleep, throwIfCancelled } from './cancellation';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isTransientStatus } from './retryPolicy';

/** An answer of n8n's HTTP helper with `returnFullResponse`. */
export interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** A header by its lower-case name, whatever case the sender used. */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): unknown {
	if (!headers) return undefined;
	const direct = headers[name];
	if (direct !== undefined) return direct;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/** The size a sender declares (Content-Length), when it is a plain number. */
export function contentLengthOf(headers: Record<string, unknown> | undefined): number | undefined {
	const raw = headerValue(headers, 'content-length');
	const text = String(Array.isArray(raw) ? raw[0] : (raw ?? '')).trim();
	if (!/^\d+$/.test(text)) return undefined;
	return Number(text);
}

/** Releases a response or file stream nobody will read (a no-op for buffers). */
export function discard(body: unknown): void {
	const stream = body as { destroy?: () => void } | undefined;
	try {
		stream?.destroy?.();
	} catch {
		// nothing to release
	}
}

/** One try of a raw transfer: done, or why not and whether trying again may help. */
export type TransferTry<T> =
	| { ok: true; value: T }
	| { ok: false; problem: string; retry: boolean; waitMs?: number };

/**
 * Sends one raw request (a presigned upload or download URL, no API key): the full response, or
 * a failed try when the network failed (worth retrying; a cancel or stop is thrown instead).
 */
export async function sendTransfer(
	ctx: IExecuteFunctions | IWebhookFunctions,
	request: IHttpRequestOptions,
	signal: AbortSignal,
): Promise<FullResponse | TransferTry<never>> {
	try {
		return (await ctx.helpers.httpRequest({
			...request,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			abortSignal: signal,
		})) as FullResponse;
	} catch (error) {
		throwIfCancelled(signal);
		return { ok: false, problem: (error as Error)?.message ?? String(error), retry: true };
	}
}

/** A non-2xx answer to a raw transfer as a failed try (its body released). */
export function failedAnswer(response: FullResponse, what: string): TransferTry<never> {
	discard(response.body);
	return {
		ok: false,
		problem: `${what} answered HTTP ${response.statusCode}`,
		retry: isTransientStatus(response.statusCode),
	};
}

/**
 * The one retry loop of raw uploads and downloads: tries up to `maxAttempts` times while a try
 * says retrying may help, pausing its `waitMs` (a server's Retry-After) or a backoff; stops at
 * once when `signal` aborts. `gaveUp` makes the error of the last failed try.
 */
export async function transferWithRetries<T>(options: {
	maxAttempts: number;
	signal: AbortSignal;
	attempt: () => Promise<TransferTry<T>>;
	gaveUp: (attempts: number, problem: string) => Error;
}): Promise<T> {
	const { maxAttempts, signal } = options;
	for (let attempt = 1; ; attempt++) {
		throwIfCancelled(signal);
		const result = await options.attempt();
		if (result.ok) return result.value;
		if (!result.retry || attempt >= maxAttempts) throw options.gaveUp(attempt, result.problem);
		await cancellableSleep(result.waitMs ?? backoffDelayMs(attempt, DEFAULT_RETRY_POLICY), signal);
	}
}

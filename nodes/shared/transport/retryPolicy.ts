import { NodeApiError } from 'n8n-workflow';

export interface RetryPolicy {
	/** Total attempts, the first one included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Upper bound for a server-sent Retry-After. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 10_000,
	maxRetryAfterMs: 60_000,
};

/**
 * The one rule for "may pass if tried again": a request timeout (408), a rate limit (429) or a
 * server error (5xx). A create is never retried on it (see requestNeverReachedServer).
 */
export function isTransientStatus(status: number): boolean {
	return status === 408 || status === 429 || status >= 500;
}

/**
 * An API error (after the transport's own retries) that may pass later: a network failure (no
 * HTTP code) or a transient status. Redirects, 4xx refusals and other errors will not.
 */
export function isTransientError(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (!error.httpCode) return true;
	const status = Number(error.httpCode);
	return Number.isFinite(status) && isTransientStatus(status);
}

/** Network failures that prove the request never reached the server. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export function requestNeverReachedServer(code: string | undefined): boolean {
	return code !== undefined && NEVER_SENT_CODES.has(code);
}

/** Exponential backoff with "equal jitter": half fixed, half random. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const exponential = Math.min(
		policy.maxDelayMs,
		policy.baseDelayMs * 2 ** Math.max(0, attempt - 1),
	);
	return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfterMs(value: unknown, now = Date.now()): number | undefined {
	const header = Array.isArray(value) ? value[0] : value;
	if (header === undefined || header === null || header === '') return undefined;
	const text = String(header).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

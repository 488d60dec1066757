import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { apiRedirectError, apiStatusError, networkError, type FailedRequest } from './apiErrors';
import { baseUrlFromCredentials } from './baseUrl';
import {
	cancellableSleep,
	linkSignals,
	remainingMs,
	throwIfCancelled,
	type Deadline,
} from './cancellation';
import { USER_AGENT } from './packageInfo';
import {
	backoffDelayMs,
	DEFAULT_RETRY_POLICY,
	isTransientStatus,
	parseRetryAfterMs,
	requestNeverReachedServer,
	type RetryPolicy,
} from './retryPolicy';
import type { FullResponse } from './transfer';

/** The credential type every Magic Hour node authenticates with. */
export const CREDENTIALS_TYPE = 'magicHourCommunityApi';

export type MagicHourContext =
	| IExecuteFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

export interface MagicHourRequest {
	method: Extract<IHttpRequestMethods, 'GET' | 'POST' | 'DELETE'>;
	/** Path below the base URL, e.g. `/v1/image-projects/abc`. */
	path: string;
	body?: IDataObject;
	itemIndex?: number;
	timeoutMs?: number;
	/**
	 * A POST that creates a job charges credits, so it is only retried when the request provably never
	 * reached the server (or on 429). Set for POSTs that are safe to repeat (upload URLs).
	 */
	idempotent?: boolean;
	retry?: Partial<RetryPolicy>;
	/**
	 * Called before the request waits out a 429 (with the wait it will honour), so a caller that
	 * sends many requests (the project poller) can hold all of them, not just this one.
	 */
	onRateLimited?: (waitMs: number) => void;
	/**
	 * Ends the request and its retries with this signal's reason (e.g. the run stops because
	 * another item failed). A create attempt already sent is let finish (see sendWithRetries).
	 */
	signal?: AbortSignal;
	/**
	 * Asked right before every attempt is sent (the first and each retry, after its wait);
	 * throwing refuses the attempt. The tool nodes decide there whether a create may start.
	 */
	beforeAttempt?: () => void;
	/**
	 * The item's time limit ("Timeout (Minutes)" of a wait): no attempt, retry or wait passes it;
	 * the request in flight is aborted then, with DeadlineReachedError.
	 */
	deadline?: Deadline;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export function cancelSignalOf(ctx: MagicHourContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
}

/**
 * n8n's httpRequestWithAuthentication replaces the `abortSignal` option with the context's
 * execution cancel signal: hand it a view of the context whose cancel signal is this request's
 * own (which follows the execution's, plus the deadline and the run's stop).
 */
function withCancelSignal<C extends MagicHourContext>(ctx: C, signal: AbortSignal): C {
	if (!('getExecutionCancelSignal' in ctx)) return ctx;
	return Object.create(ctx, { getExecutionCancelSignal: { value: () => signal } }) as C;
}

export async function resolveBaseUrl(ctx: MagicHourContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIALS_TYPE);
	return baseUrlFromCredentials(credentials);
}

function rootErrorCode(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$|^ERR_/.test(current.code))
			return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body === '') return {};
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** The one way node code talks to the Magic Hour API. */
export async function magicHourRequest<T = IDataObject>(
	ctx: MagicHourContext,
	request: MagicHourRequest,
): Promise<T> {
	const link = linkSignals({
		cancel: cancelSignalOf(ctx),
		stop: request.signal,
		deadline: request.deadline,
	});
	// A create that was sent is let finish (its own request timeout ends it): Magic Hour may
	// have made and charged the job, and only the answer carries its ID. Cancel and the run's
	// stop end its waits and keep further attempts from starting.
	const sending = isCreateRequest(request) ? linkSignals({ deadline: request.deadline }) : link;
	try {
		return await sendWithRetries<T>(ctx, request, link.signal, sending.signal);
	} finally {
		link.dispose();
		sending.dispose();
	}
}

function isCreateRequest(request: MagicHourRequest): boolean {
	return request.method === 'POST' && !request.idempotent;
}

/**
 * `signal` ends waits and keeps the next attempt from starting; `sendSignal` aborts the attempt
 * in flight (the same signal, except for a create).
 */
async function sendWithRetries<T>(
	ctx: MagicHourContext,
	request: MagicHourRequest,
	signal: AbortSignal,
	sendSignal: AbortSignal,
): Promise<T> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...request.retry };
	const isCreate = isCreateRequest(request);
	throwIfCancelled(signal);
	const baseUrl = await resolveBaseUrl(ctx);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
		json: true,
		timeout: request.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		abortSignal: sendSignal,
		// n8n re-adds the Authorization header on every redirect hop, also to other hosts: a
		// redirect is answered as an error instead, so the key never leaves the base URL's origin.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	if (request.body !== undefined) options.body = request.body;
	const requestCtx = withCancelSignal(ctx, sendSignal);
	// A DELETE whose answer was lost may have been applied: a 404 on its retry then means it was.
	let deleteMayHaveApplied = false;

	for (let attempt = 1; ; attempt++) {
		throwIfCancelled(signal);
		request.beforeAttempt?.();
		const failed: FailedRequest = {
			method: request.method,
			path: request.path,
			itemIndex: request.itemIndex,
			attempts: attempt,
			isCreate,
		};
		const canRetry = attempt < policy.maxAttempts;

		// Every attempt ends by the deadline (n8n's timeout is an idle timeout; the signal is the hard stop).
		const timeout = Math.max(
			1,
			Math.min(options.timeout ?? DEFAULT_REQUEST_TIMEOUT_MS, remainingMs(request.deadline)),
		);

		let response: FullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				requestCtx,
				CREDENTIALS_TYPE,
				{ ...options, timeout },
			)) as FullResponse;
		} catch (error) {
			const code = rootErrorCode(error);
			const neverReached = requestNeverReachedServer(code);
			// A create that may have reached Magic Hour is reported as such, also after a cancel.
			if (!(isCreate && !neverReached)) throwIfCancelled(signal);
			if (!neverReached && request.method === 'DELETE') deleteMayHaveApplied = true;
			if (canRetry && (neverReached || !isCreate)) {
				await cancellableSleep(backoffDelayMs(attempt, policy), signal);
				continue;
			}
			throw networkError(ctx.getNode(), failed, code, !neverReached);
		}

		const { statusCode, headers } = response;
		const body = parseBody(response.body);
		if (statusCode >= 200 && statusCode < 300) return body as T;
		if (statusCode === 404 && deleteMayHaveApplied) return {} as T;
		if (statusCode >= 300 && statusCode < 400) {
			throw apiRedirectError(
				ctx.getNode(),
				failed,
				statusCode,
				headers.location,
				options.url as string,
			);
		}

		if (statusCode === 429 && canRetry) {
			const retryAfter = parseRetryAfterMs(headers['retry-after']);
			const wait =
				retryAfter === undefined
					? backoffDelayMs(attempt, policy)
					: Math.min(retryAfter, policy.maxRetryAfterMs);
			request.onRateLimited?.(wait);
			await cancellableSleep(wait, signal);
			continue;
		}
		if (isTransientStatus(statusCode) && !isCreate && canRetry) {
			if (request.method === 'DELETE') deleteMayHaveApplied = true;
			await cancellableSleep(backoffDelayMs(attempt, policy), signal);
			continue;
		}
		throw apiStatusError(ctx.getNode(), failed, statusCode, body);
	}
}

import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IBinaryKeyData, IExecuteFunctions, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { fileNameFromUrl, mimeTypeFor, outputFileName } from '../catalog/fileFormats';
import type { ProjectKind } from '../catalog/types';
import { cancelSignalOf } from '../transport/apiRequest';
import {
	cancellableSleep,
	DeadlineReachedError,
	throwIfCancelled,
} from '../transport/cancellableSleep';
import { linkSignals, remainingMs } from '../transport/linkedSignal';
import { USER_AGENT } from '../transport/packageInfo';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfterMs } from '../transport/retryPolicy';
import { discard } from './discard';
import { aboutProject, projectNote, recordProject } from './projectFailure';
import { formatDuration, type ProjectDetail } from './projectTypes';

export interface DownloadOptions {
	kind: ProjectKind;
	itemIndex: number;
	/** Binary property of the first output; later ones get `_1`, `_2`, … Default `data`. */
	binaryPrefix?: string;
	/** Fetches the project again (fresh download URLs), used once per file when a URL has expired. */
	refresh: () => Promise<ProjectDetail>;
	/** Attempts per file for truncated, length-mismatched or failed transfers. Default 3. */
	maxAttempts?: number;
	/** Socket idle timeout of one transfer. Default 5 minutes. */
	timeoutMs?: number;
	/** The wait's time limit: transfers, retries and refreshes end by `at` (the error tells the time since `since`). */
	deadline?: { at: number; since: number };
	/** Stops every transfer with this signal's reason (e.g. another item failed). */
	signal?: AbortSignal;
}

export const DEFAULT_BINARY_PREFIX = 'data';
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** A URL that expires within this margin is refreshed before it is used. */
const EXPIRY_MARGIN_MS = 30_000;
const MAX_RETRY_AFTER_MS = 30_000;

/** Binary property for output `index`: `data`, `data_1`, `data_2`, … */
export function binaryKeyFor(prefix: string, index: number): string {
	return index === 0 ? prefix : `${prefix}_${index}`;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): unknown {
	if (!headers) return undefined;
	const direct = headers[name];
	if (direct !== undefined) return direct;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

function contentLengthOf(headers: Record<string, unknown> | undefined): number | undefined {
	const raw = headerValue(headers, 'content-length');
	const text = String(Array.isArray(raw) ? raw[0] : (raw ?? '')).trim();
	if (!/^\d+$/.test(text)) return undefined;
	return Number(text);
}

/** Size of what was stored: `bytes` (set in every mode), else the decoded in-memory data. */
export function storedSize(binary: IBinaryData): number | undefined {
	if (typeof binary.bytes === 'number') return binary.bytes;
	if (!binary.id && typeof binary.data === 'string' && binary.data) {
		return Buffer.from(binary.data, 'base64').length;
	}
	return undefined;
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

type Attempt =
	| { outcome: 'ok'; binary: IBinaryData }
	| { outcome: 'expired'; status: number }
	| { outcome: 'incomplete'; detail: string }
	| { outcome: 'transient'; detail: string; waitMs?: number }
	| { outcome: 'failed'; status: number };

function isExpired(expiresAt: string | undefined, now: number): boolean {
	if (!expiresAt) return false;
	const at = Date.parse(expiresAt);
	return Number.isFinite(at) && at - EXPIRY_MARGIN_MS <= now;
}

/**
 * Downloads every output of a complete project into binary properties `<prefix>`, `<prefix>_1`, …
 * Files stream straight into n8n's binary storage; a transfer whose size differs from its
 * Content-Length is never emitted (retried, then an error); an expired URL is refreshed once.
 */
export async function downloadOutputs(
	ctx: IExecuteFunctions | IWebhookFunctions,
	project: ProjectDetail,
	options: DownloadOptions,
): Promise<IBinaryKeyData> {
	const prefix = options.binaryPrefix?.trim() || DEFAULT_BINARY_PREFIX;
	const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
	const node = ctx.getNode();
	const fail = (message: string, description: string) => {
		const ref = { id: project.id, kind: options.kind, status: project.status };
		const error = new NodeOperationError(node, message, {
			description: `${description} ${projectNote(ref)}`,
			itemIndex: options.itemIndex,
		});
		return recordProject(error, ref);
	};

	const count = project.downloads?.length ?? 0;
	if (count === 0) {
		throw fail(
			`Magic Hour project ${project.id} is ${project.status} but lists no output files`,
			'Nothing was downloaded. The job may have been charged: look at the project in the Magic Hour web app, or run "Get" on it later. Turn off "Download Outputs" to take the project without files.',
		);
	}
	const link = linkSignals({ cancel: cancelSignalOf(ctx), stop: options.signal, deadline: options.deadline?.at });
	const signal = link.signal;

	/** The deadline, reached anywhere in the downloads, as the error the user sees; other errors unchanged. */
	const timedOutOr = (error: unknown): unknown => {
		if (!(error instanceof DeadlineReachedError) || !options.deadline) return error;
		const elapsedMs = Date.now() - options.deadline.since;
		const timedOut = fail(
			`Downloading the outputs of Magic Hour project ${project.id} did not finish in time (waited ${formatDuration(elapsedMs)})`,
			`The project is ${project.status}; its files were not passed on. Raise "Timeout (Minutes)" in Execution Settings, or download them later with Magic Hour → Project → Download.`,
		);
		timedOut.context.timedOut = true;
		timedOut.context.elapsedMs = elapsedMs;
		return timedOut;
	};

	// After a refresh, later files use the fresh links too.
	let current = project;
	// A failed refresh (e.g. the project was deleted meanwhile: 404) names the project like every other download error.
	const refresh = async (): Promise<ProjectDetail> => {
		current = await options.refresh().catch(async (error: unknown) => await Promise.reject(aboutProject(error, { id: project.id, kind: options.kind })));
		return current;
	};

	const attempt = async (url: string, index: number): Promise<Attempt> => {
		const request: IHttpRequestOptions = {
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: Math.max(1, Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, remainingMs(options.deadline?.at))),
			// Compressed transfers would make Content-Length useless as a completeness check.
			headers: { 'User-Agent': USER_AGENT, 'Accept-Encoding': 'identity' },
			abortSignal: signal,
		};
		let response: FullResponse;
		try {
			response = (await ctx.helpers.httpRequest(request)) as FullResponse;
		} catch (error) {
			throwIfCancelled(signal);
			return { outcome: 'transient', detail: (error as Error)?.message ?? String(error) };
		}
		const { statusCode, headers, body } = response;
		if (statusCode < 200 || statusCode >= 300) {
			discard(body);
			if ([401, 403, 404, 410].includes(statusCode)) return { outcome: 'expired', status: statusCode };
			if (statusCode === 408 || statusCode === 429 || statusCode >= 500) {
				const retryAfter = parseRetryAfterMs(headerValue(headers, 'retry-after'));
				return {
					outcome: 'transient',
					detail: `HTTP ${statusCode}`,
					waitMs: retryAfter === undefined ? undefined : Math.min(retryAfter, MAX_RETRY_AFTER_MS),
				};
			}
			return { outcome: 'failed', status: statusCode };
		}
		const expected = contentLengthOf(headers);
		const mimeType = mimeTypeFor(headerValue(headers, 'content-type'), fileNameFromUrl(url));
		const fileName = outputFileName(url, mimeType, project.id, index);
		let binary: IBinaryData;
		try {
			binary = await ctx.helpers.prepareBinaryData(body as Buffer, fileName, mimeType);
		} catch (error) {
			discard(body);
			throwIfCancelled(signal);
			return { outcome: 'incomplete', detail: `the transfer broke off (${(error as Error)?.message ?? error})` };
		}
		const got = storedSize(binary);
		if (expected !== undefined && got !== undefined && got !== expected) {
			return { outcome: 'incomplete', detail: `received ${got} of ${expected} bytes` };
		}
		if (expected === undefined && got === 0) {
			return { outcome: 'incomplete', detail: 'received an empty file' };
		}
		return { outcome: 'ok', binary };
	};

	const downloadOne = async (index: number): Promise<IBinaryData> => {
		let refreshed = false;
		const urlOf = (detail: ProjectDetail) => detail.downloads?.[index];
		let link = urlOf(current);
		if (link && isExpired(link.expires_at, Date.now())) {
			link = urlOf(await refresh());
			refreshed = true;
		}
		let lastProblem = '';
		for (let tries = 1; ; ) {
			if (!link?.url) {
				throw fail(
					`Magic Hour project ${project.id} has no download link for output ${index + 1}`,
					'The project lists fewer outputs than before. Run "Wait for Project" again to read its current outputs.',
				);
			}
			throwIfCancelled(signal);
			const result = await attempt(link.url, index);
			if (result.outcome === 'ok') return result.binary;
			if (result.outcome === 'expired') {
				if (refreshed) {
					throw fail(
						`Could not download output ${index + 1} of Magic Hour project ${project.id} (HTTP ${result.status})`,
						'The download link was refused even after fetching fresh links. The output may have been deleted, or the links expire too fast: run again later.',
					);
				}
				link = urlOf(await refresh());
				refreshed = true;
				continue;
			}
			if (result.outcome === 'failed') {
				throw fail(
					`Could not download output ${index + 1} of Magic Hour project ${project.id} (HTTP ${result.status})`,
					'The download server refused the request. Run again later.',
				);
			}
			lastProblem = result.detail;
			if (tries >= maxAttempts) {
				throw fail(
					`Download of output ${index + 1} of Magic Hour project ${project.id} was incomplete: ${lastProblem}`,
					`Tried ${tries} times; a partial file is never passed on. Check the network (proxies that cut large transfers) and run again.`,
				);
			}
			const wait =
				result.outcome === 'transient' && result.waitMs !== undefined
					? result.waitMs
					: backoffDelayMs(tries, DEFAULT_RETRY_POLICY);
			await cancellableSleep(wait, signal);
			tries += 1;
		}
	};

	try {
		const binary: IBinaryKeyData = {};
		for (let index = 0; index < count; index++) {
			binary[binaryKeyFor(prefix, index)] = await downloadOne(index);
		}
		return binary;
	} catch (error) {
		throw timedOutOr(error);
	} finally {
		link.dispose();
	}
}

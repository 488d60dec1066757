import { NodeOperationError } from 'n8n-workflow';
import type {
	IBinaryData,
	IBinaryKeyData,
	IExecuteFunctions,
	IHttpRequestOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { downloadedFileOf } from '../catalog/fileFormats';
import type { ProjectKind } from '../catalog/types';
import { cancelSignalOf } from '../transport/apiRequest';
import {
	DeadlineReachedError,
	linkSignals,
	remainingMs,
	throwIfCancelled,
	type Deadline,
} from '../transport/cancellation';
import { USER_AGENT } from '../transport/packageInfo';
import { isTransientStatus, parseRetryAfterMs } from '../transport/retryPolicy';
import {
	contentLengthOf,
	discard,
	headerValue,
	sendTransfer,
	transferWithRetries,
	type FullResponse,
	type TransferTry,
} from '../transport/transfer';
import { setBinaryField } from './binaryNames';
import {
	aboutProject,
	formatDuration,
	isStoreRefusal,
	projectNote,
	recordProject,
	storeRefusalMessage,
} from './errors';
import type { ProjectDetail } from './projectTypes';

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
	/** The item's time limit: transfers, retries and refreshes end by it (the error tells the time since it started). */
	deadline?: Deadline;
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

/** Size of what was stored: `bytes` (set in every mode), else the decoded in-memory data. */
export function storedSize(binary: IBinaryData): number | undefined {
	if (typeof binary.bytes === 'number') return binary.bytes;
	if (!binary.id && typeof binary.data === 'string' && binary.data) {
		return Buffer.from(binary.data, 'base64').length;
	}
	return undefined;
}

/** One call of downloadOutputs: what each step needs. */
interface DownloadRun {
	ctx: IExecuteFunctions | IWebhookFunctions;
	options: DownloadOptions;
	/** The project as handed in: its ID and status name every error. */
	project: ProjectDetail;
	/** The project with the latest download links: after a refresh, later files use the fresh links too. */
	latest: ProjectDetail;
	/** Cancel, stop and deadline in one signal. */
	signal: AbortSignal;
}

/** One try at one file; a refusal that no retry helps is thrown instead. */
type Attempt = TransferTry<IBinaryData> | { ok: false; expired: number };

/** An error about the project, with its ID, kind and status in the description and the context. */
function projectError(run: DownloadRun, message: string, description: string): NodeOperationError {
	const ref = { id: run.project.id, kind: run.options.kind, status: run.project.status };
	const error = new NodeOperationError(run.ctx.getNode(), message, {
		description: `${description} ${projectNote(ref)}`,
		itemIndex: run.options.itemIndex,
	});
	return recordProject(error, ref);
}

/** The binary property of each output, `<prefix>`, `<prefix>_1`, …; an error when there are none. */
function targetsOf(run: DownloadRun): string[] {
	const prefix = run.options.binaryPrefix?.trim() || DEFAULT_BINARY_PREFIX;
	const count = run.project.downloads?.length ?? 0;
	if (count === 0) {
		throw projectError(
			run,
			`Magic Hour project ${run.project.id} is ${run.project.status} but lists no output files`,
			'Nothing was downloaded. The job may have been charged: look at the project in the Magic Hour web app, or run "Get" on it later. Turn off "Download Outputs" to take the project without files.',
		);
	}
	return Array.from({ length: count }, (_, index) => binaryKeyFor(prefix, index));
}

/** Fetches fresh download links; a failure (e.g. the project was deleted meanwhile: 404) names the project. */
async function refreshLinks(run: DownloadRun): Promise<ProjectDetail> {
	try {
		run.latest = await run.options.refresh();
	} catch (error) {
		throw aboutProject(error, { id: run.project.id, kind: run.options.kind });
	}
	return run.latest;
}

function isExpired(expiresAt: string | undefined, now: number): boolean {
	if (!expiresAt) return false;
	const at = Date.parse(expiresAt);
	return Number.isFinite(at) && at - EXPIRY_MARGIN_MS <= now;
}

/** Starts one transfer: the response with its body as a stream, or a failed try. */
async function requestFile(run: DownloadRun, url: string) {
	const { timeoutMs = DEFAULT_TIMEOUT_MS, deadline } = run.options;
	const request: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'stream',
		timeout: Math.max(1, Math.min(timeoutMs, remainingMs(deadline))),
		// Compressed transfers would make Content-Length useless as a completeness check.
		headers: { 'User-Agent': USER_AGENT, 'Accept-Encoding': 'identity' },
	};
	return await sendTransfer(run.ctx, request, run.signal);
}

/** What a status other than 2xx means: an expired link, worth retrying (after the server's Retry-After), or refused. */
function statusOutcome(run: DownloadRun, response: FullResponse, index: number): Attempt {
	discard(response.body);
	const { statusCode, headers } = response;
	if ([401, 403, 404, 410].includes(statusCode)) return { ok: false, expired: statusCode };
	if (!isTransientStatus(statusCode)) {
		throw projectError(
			run,
			`Could not download output ${index + 1} of Magic Hour project ${run.project.id} (HTTP ${statusCode})`,
			'The download server refused the request. Run again later.',
		);
	}
	const retryAfter = parseRetryAfterMs(headerValue(headers, 'retry-after'));
	return {
		ok: false,
		retry: true,
		problem: `HTTP ${statusCode}`,
		waitMs: retryAfter === undefined ? undefined : Math.min(retryAfter, MAX_RETRY_AFTER_MS),
	};
}

/** Why a stored file is not the file that was announced, if it is not. */
function sizeProblem(binary: IBinaryData, expected: number | undefined): string | undefined {
	const got = storedSize(binary);
	if (expected !== undefined && got !== undefined && got !== expected)
		return `received ${got} of ${expected} bytes`;
	if (expected === undefined && got === 0) return 'received an empty file';
	return undefined;
}

/**
 * Streams the body of a 2xx response into n8n's binary data storage and checks what arrived. A
 * file the store refuses (e.g. past its size limit) is an error at once: downloading again does not help.
 */
async function storeFile(
	run: DownloadRun,
	response: FullResponse,
	url: string,
	index: number,
): Promise<Attempt> {
	const { headers, body } = response;
	const expected = contentLengthOf(headers);
	const { fileName, mimeType } = downloadedFileOf(
		url,
		headerValue(headers, 'content-type'),
		run.project.id,
		index,
	);
	let binary: IBinaryData;
	try {
		binary = await run.ctx.helpers.prepareBinaryData(body as Buffer, fileName, mimeType);
	} catch (error) {
		const refused = isStoreRefusal(error, body);
		discard(body);
		throwIfCancelled(run.signal);
		if (refused) {
			const { message, description } = storeRefusalMessage({
				error,
				bytes: expected,
				output: index + 1,
				projectId: run.project.id,
			});
			throw projectError(run, message, description);
		}
		return {
			ok: false,
			retry: true,
			problem: `the transfer broke off (${(error as Error)?.message ?? error})`,
		};
	}
	const problem = sizeProblem(binary, expected);
	return problem === undefined ? { ok: true, value: binary } : { ok: false, retry: true, problem };
}

/** One try at one file. */
async function attemptDownload(run: DownloadRun, url: string, index: number): Promise<Attempt> {
	const response = await requestFile(run, url);
	if ('ok' in response) return response;
	if (response.statusCode < 200 || response.statusCode >= 300)
		return statusOutcome(run, response, index);
	return await storeFile(run, response, url, index);
}

/**
 * Downloads output `index`: a link about to expire is refreshed first, a refused link once;
 * broken transfers are tried up to `maxAttempts` times, a file n8n's store refuses never again.
 */
async function downloadFile(run: DownloadRun, index: number): Promise<IBinaryData> {
	const { project } = run;
	const linkOf = (detail: ProjectDetail) => detail.downloads?.[index];
	let link = linkOf(run.latest);
	let refreshed = false;
	if (link && isExpired(link.expires_at, Date.now())) {
		link = linkOf(await refreshLinks(run));
		refreshed = true;
	}
	/** One try; a refused link is refreshed once within it (that does not count as a try). */
	const attempt = async (): Promise<TransferTry<IBinaryData>> => {
		for (;;) {
			if (!link?.url) {
				throw projectError(
					run,
					`Magic Hour project ${project.id} has no download link for output ${index + 1}`,
					'The project lists fewer outputs than before. Run "Wait for Project" again to read its current outputs.',
				);
			}
			const result = await attemptDownload(run, link.url, index);
			if (!('expired' in result)) return result;
			if (refreshed) {
				throw projectError(
					run,
					`Could not download output ${index + 1} of Magic Hour project ${project.id} (HTTP ${result.expired})`,
					'The download link was refused even after fetching fresh links. The output may have been deleted, or the links expire too fast: run again later.',
				);
			}
			link = linkOf(await refreshLinks(run));
			refreshed = true;
		}
	};
	return await transferWithRetries({
		maxAttempts: Math.max(1, run.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
		signal: run.signal,
		attempt,
		gaveUp: (tries, problem) =>
			projectError(
				run,
				`Download of output ${index + 1} of Magic Hour project ${project.id} was incomplete: ${problem}`,
				`Tried ${tries} times; a partial file is never passed on. Check the network (proxies that cut large transfers) and run again.`,
			),
	});
}

/** The deadline, reached anywhere in the downloads, as the error the user sees; other errors unchanged. */
function timedOutOr(run: DownloadRun, error: unknown): unknown {
	const { deadline } = run.options;
	if (!(error instanceof DeadlineReachedError) || !deadline) return error;
	const elapsedMs = Date.now() - deadline.startedAt;
	const timedOut = projectError(
		run,
		`Downloading the outputs of Magic Hour project ${run.project.id} did not finish in time (waited ${formatDuration(elapsedMs)})`,
		`The project is ${run.project.status}; its files were not passed on. Raise "Timeout (Minutes)" in Execution Settings, or download them later with Magic Hour → Project → Download.`,
	);
	timedOut.context.timedOut = true;
	timedOut.context.elapsedMs = elapsedMs;
	return timedOut;
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
	const linked = linkSignals({
		cancel: cancelSignalOf(ctx),
		stop: options.signal,
		deadline: options.deadline,
	});
	const run: DownloadRun = { ctx, options, project, latest: project, signal: linked.signal };
	try {
		const binary: IBinaryKeyData = {};
		for (const [index, key] of targetsOf(run).entries()) {
			setBinaryField(binary, key, await downloadFile(run, index));
		}
		return binary;
	} catch (error) {
		throw timedOutOr(run, error);
	} finally {
		linked.dispose();
	}
}

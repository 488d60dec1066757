import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import type { ProjectKind } from '../catalog/types';
import { ExecutionCancelledError } from '../transport/cancellation';
import type { ProjectDetail } from './projectTypes';

/** Every message about a project and a failed item: what the user reads when something went wrong. */

interface ProjectRef {
	id: string;
	kind: ProjectKind;
	/** The last status known, recorded in the error's context. */
	status?: string;
}

/** What a failed item knows about its project (null: none created, or not known yet). */
export interface FailedItemContext {
	id: string | null;
	kind: ProjectKind | null;
	tool?: string;
	name?: string;
	/** What the whole run charged (`run_credits_charged`). */
	runCreditsCharged?: number;
}

type Described = Error & { description?: string | null; context?: IDataObject };

/** The note every project error ends with: "(Project ID abc, video, 4 status checks.)". */
export function projectNote(project: ProjectRef, detail?: string): string {
	return `(Project ID ${project.id}, ${project.kind}${detail ? `, ${detail}` : ''}.)`;
}

/** Records the project in the error's context (ID, kind, last status), as far as known. */
export function recordProject<E extends Error>(
	error: E,
	project: Partial<ProjectRef> & { id: string },
): E {
	const context = (error as Described).context;
	if (context && typeof context === 'object') {
		context.projectId ??= project.id;
		if (project.kind) context.kind ??= project.kind;
		if (project.status !== undefined) context.status = project.status;
	}
	return error;
}

/**
 * Names the project in an error raised elsewhere (transport, refresh): its description gets the
 * project note unless it names the project already. A cancellation stays as it is.
 */
export function aboutProject<E>(error: E, project: ProjectRef): E {
	if (!(error instanceof Error) || error instanceof ExecutionCancelledError) return error;
	const described = error as Described;
	const note = projectNote(project);
	if (!described.description) described.description = note;
	else if (!described.description.includes(project.id))
		described.description = `${described.description} ${note}`;
	recordProject(error, project);
	return error;
}

/**
 * The output item of a failed input item (Continue On Fail): the message, its description, the
 * project as far as known, and what Magic Hour said about it (status, error code).
 */
export function failureItem(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	error: unknown,
	itemIndex: number,
	known?: FailedItemContext,
): INodeExecutionData {
	const failure = error as Described | undefined;
	const context = (failure?.context ?? {}) as IDataObject;
	const description = failure?.description;
	const projectId = known?.id ?? (typeof context.projectId === 'string' ? context.projectId : null);
	// A create whose answer was lost may have made a job: its status is unknown, not absent.
	const status =
		typeof context.status === 'string' && context.status !== 'unknown'
			? context.status
			: context.jobMayExist === true
				? 'unknown'
				: null;
	const json: IDataObject = {
		error: failure?.message ?? String(error),
		description: typeof description === 'string' && description ? description : null,
	};
	if (known || projectId) {
		json.id = projectId;
		json.kind = known?.kind ?? (typeof context.kind === 'string' ? context.kind : null);
		if (known?.tool) json.tool = known.tool;
		if (known?.name) json.name = known.name;
		json.status = status;
	}
	if (typeof context.errorCode === 'string') json.code = context.errorCode;
	if (known?.runCreditsCharged !== undefined) json.run_credits_charged = known.runCreditsCharged;
	return errorItem(ctx, json, itemIndex);
}

/**
 * The output item of a failed input item when the node continues on fail.
 *
 * With Settings → On Error = "Continue (using error output)", n8n moves an item to the error
 * output by the keys of its json, and the rule differs by version: n8n 1.x only when the json is
 * `{error}` or `{error, message}`, n8n 2.x when it holds nothing but `error`, `message` and
 * `details`. (Setting the item's `error` property instead makes n8n replace the json with
 * `{error: message}`, which would lose the project ID.) So in that mode the json is `{error}`
 * alone, routed by both, with `error` an object: the message and everything else we know (project
 * ID, kind, status…). n8n then merges in the json of the input item, so the error branch also sees
 * e.g. the prompt that failed. With "Continue" (regular output) the fields stay at the top level.
 */
export function errorItem(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	json: IDataObject,
	itemIndex: number,
): INodeExecutionData {
	if (ctx.getNode().onError === 'continueErrorOutput') {
		const { error, ...details } = json;
		return { json: { error: { message: error, ...details } }, pairedItem: { item: itemIndex } };
	}
	return { json, pairedItem: { item: itemIndex } };
}

/** The errors a wait for a project ends with: the project failed, was canceled, or took too long. */

export interface WaitedProject {
	id: string;
	kind: ProjectKind;
	/** Last status seen. */
	status: string;
	itemIndex: number;
}

/** Actionable advice per documented render error code. */
export function hintForErrorCode(code: string | undefined, projectId: string): string {
	switch (code) {
		case 'no_source_face':
			return 'Magic Hour found no usable face. Use a clear, front-facing photo of the face: well lit, not too small, no sunglasses or heavy shadows.';
		case 'invalid_file_format':
			return 'An input file is in a format Magic Hour does not accept or is damaged. Use PNG, JPG, JPEG, WEBP or AVIF images, MP4, MOV or WEBM videos, MP3, WAV, AAC or FLAC audio.';
		case 'file_too_large':
			return "An input file is over Magic Hour's size or length limit for your plan. Compress or shorten it (or upgrade the plan), then run again.";
		case 'insufficient_credits':
			return 'The Magic Hour account ran out of credits for this job. Add credits or upgrade the plan at magichour.ai, then run again. Failed jobs are refunded.';
		case 'invalid_parameters':
			return "Magic Hour rejected a parameter value while rendering. Check the values against the tool's limits (duration, resolution, model…) and run again.";
		case 'unknown_error':
			return `Magic Hour hit an unexpected error. Run again; if it keeps failing, contact support@magichour.ai with the project ID ${projectId}.`;
		default:
			return `Check the input files and parameters and run again. If it keeps failing, contact support@magichour.ai with the project ID ${projectId}.`;
	}
}

/** An error about the project: the description ends with the project note (and `detail`). */
function projectError(
	node: INode,
	waited: WaitedProject,
	message: string,
	description: string,
	detail?: string,
): NodeOperationError {
	const error = new NodeOperationError(node, message, {
		description: `${description} ${projectNote(waited, detail)}`,
		itemIndex: waited.itemIndex,
	});
	return recordProject(error, waited);
}

/** The project ended in `error` (after `elapsedMs` of waiting). */
export function renderFailedError(
	node: INode,
	waited: WaitedProject,
	detail: ProjectDetail,
	elapsedMs: number,
): NodeOperationError {
	const code = detail.error?.code;
	const said = detail.error?.message;
	const message = `Magic Hour could not finish the job${said ? `: ${said}` : ''}`;
	const error = projectError(
		node,
		waited,
		message,
		`${hintForErrorCode(code, waited.id)} Magic Hour refunds the credits of a failed job.`,
		`after ${formatDuration(elapsedMs)}${code ? `, error code ${code}` : ''}`,
	);
	error.context.errorCode = code ?? null;
	error.context.errorMessage = said ?? null;
	return error;
}

export function canceledError(node: INode, waited: WaitedProject): NodeOperationError {
	return projectError(
		node,
		waited,
		`The Magic Hour job was canceled`,
		`Someone canceled it at Magic Hour (for example in the web app), so there is nothing to download. Run the item again to start a new job.`,
	);
}

export function timedOutError(
	node: INode,
	waited: WaitedProject,
	elapsedMs: number,
	checks: number,
): NodeOperationError {
	const error = projectError(
		node,
		waited,
		`The Magic Hour job did not finish within ${formatDuration(elapsedMs)} (still ${waited.status})`,
		`The job keeps running at Magic Hour and charges its credits when it finishes. Get the result later with Magic Hour → "Wait for Project" and this project ID, or raise "Timeout (Minutes)" in Execution Settings.`,
		`${checks} status checks`,
	);
	error.context.elapsedMs = elapsedMs;
	error.context.timedOut = true;
	return error;
}

/** A duration as people read it: `2.5s`, `3m`, `1m 20s`. */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${Math.max(0, Math.round(ms / 100) / 10)}s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest ? `${minutes}m ${rest}s` : `${minutes}m`;
}

/**
 * n8n's binary data store refusing a downloaded file. Unlike a broken transfer, downloading the
 * file again does not help, so it is not retried.
 */

/** A store that cannot take the file: disk full, quota, file too big, read-only, no permission. */
const STORAGE_ERROR_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EACCES', 'EPERM']);

/** n8n's setting that caps one file in `database` binary data mode (queue mode's default). */
const DATABASE_LIMIT_SETTING = 'N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE';

const MiB = 1024 * 1024;

interface ResponseBody {
	readableEnded?: boolean;
	errored?: unknown;
}

/**
 * Whether storing failed in n8n's binary data store rather than in the transfer: the whole body
 * arrived (n8n's database store reads all of it before it checks the size), or the store failed
 * with a storage error code. A transfer that breaks off leaves the body unfinished or errored.
 */
export function isStoreRefusal(error: unknown, body: unknown): boolean {
	const stream = body as ResponseBody | undefined;
	if (stream?.readableEnded === true && !stream.errored) return true;
	const code = (error as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' && STORAGE_ERROR_CODES.has(code);
}

/** A number of MiB the way n8n writes it in its message ("600 MB", "1.5 MB"). */
function megabytes(value: number): string {
	return `${Math.round(value * 100) / 100} MB`;
}

/**
 * What n8n's size refusal says (n8n-core's FileTooLargeError: "… its size of 600 MB exceeds the
 * max size limit of 512 MB set for `database` mode …"), or undefined for any other error.
 */
function databaseSizeRefusal(message: string): { fileSize?: string; limit?: string } | undefined {
	if (!message.includes(DATABASE_LIMIT_SETTING)) return undefined;
	const number = (pattern: RegExp) => {
		const match = pattern.exec(message);
		return match ? megabytes(Number(match[1])) : undefined;
	};
	return { fileSize: number(/size of ([\d.]+) MB/), limit: number(/limit of ([\d.]+) MB/) };
}

export interface StoreRefusal {
	error: unknown;
	/** Output number as the user counts: 1, 2, … */
	output: number;
	projectId: string;
	/** The file's size as announced by the download server (Content-Length), when known. */
	bytes?: number;
}

const DOWNLOAD_LATER =
	'The job itself succeeded (its credits are charged) and its output stays at Magic Hour: once n8n can store it, download it with Magic Hour → Project → Download and the project ID below (or turn off "Download Outputs" to pass on the download links instead of the file).';

/** The message and description of the error the user sees, naming what to change in n8n. */
export function storeRefusalMessage({ error, output, projectId, bytes }: StoreRefusal): {
	message: string;
	description: string;
} {
	const n8nMessage = (error as Error | undefined)?.message ?? String(error);
	const sizeRefusal = databaseSizeRefusal(n8nMessage);
	const fileSize = bytes !== undefined ? megabytes(bytes / MiB) : sizeRefusal?.fileSize;
	const sized = fileSize ? ` (${fileSize})` : '';
	if (sizeRefusal) {
		const limit = sizeRefusal.limit ? ` of ${sizeRefusal.limit}` : '';
		return {
			message: `The finished file${sized} is larger than n8n's limit${limit} for files kept in its database`,
			description: `n8n refused to store file ${output} of project ${projectId}, so it was downloaded once and not again. Whoever runs n8n can raise ${DATABASE_LIMIT_SETTING} (in MB, at most 1024), or use filesystem or S3 binary data mode (N8N_DEFAULT_BINARY_DATA_MODE; in queue mode S3, as filesystem storage is not shared between processes). ${DOWNLOAD_LATER}`,
		};
	}
	return {
		message: `n8n could not save the finished file${sized}`,
		description: `n8n's binary data storage refused file ${output} of project ${projectId} ("${n8nMessage}"), so it was downloaded once and not again. Whoever runs n8n can check that storage (free disk space, the database, the S3 bucket; N8N_DEFAULT_BINARY_DATA_MODE). ${DOWNLOAD_LATER}`,
	};
}

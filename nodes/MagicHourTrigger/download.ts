import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { ProjectKind } from '../shared/catalog/types';
import { downloadOutputs } from '../shared/engine/downloads';
import { projectPath, type ProjectDetail } from '../shared/engine/projectTypes';
import { magicHourRequest } from '../shared/transport/apiRequest';
import { isTransientError } from '../shared/transport/retryPolicy';

/**
 * Read before Magic Hour gets its answer, so it must be quick: a slow or failing API gets a
 * 503 and Magic Hour delivers the event again later.
 */
const LOOKUP_TIMEOUT_MS = 4_000;
/** A 429's Retry-After is honoured up to 2 s here: Magic Hour's sender waits seconds for an answer, not a minute. */
const LOOKUP_RETRY = { maxAttempts: 2, baseDelayMs: 250, maxRetryAfterMs: 2_000 };

export type ProjectLookup =
	| { ok: true; project: ProjectDetail }
	| { ok: false; retryLater: boolean; error: Error };

export interface DownloadError extends IDataObject {
	message: string;
	description: string | null;
}

/**
 * The project as the Magic Hour API lists it, with the credentials' key. The Trigger downloads
 * only what this lists: a delivery's own `downloads` are never fetched, whoever sent it.
 */
export async function lookUpCompletedProject(
	ctx: IWebhookFunctions,
	kind: ProjectKind,
	id: string,
): Promise<ProjectLookup> {
	let project: ProjectDetail;
	try {
		project = await magicHourRequest<ProjectDetail>(ctx, {
			method: 'GET',
			path: projectPath(kind, id),
			timeoutMs: LOOKUP_TIMEOUT_MS,
			retry: LOOKUP_RETRY,
		});
	} catch (error) {
		return { ok: false, retryLater: isTransientError(error), error: error as Error };
	}
	if (project?.status !== 'complete') {
		// The event said completed: the API may not show it yet.
		const status = typeof project?.status === 'string' ? project.status : 'unknown';
		return {
			ok: false,
			retryLater: true,
			error: new Error(`The Magic Hour API lists project ${id} as "${status}", not complete`),
		};
	}
	return { ok: true, project };
}

/**
 * Downloads the outputs the API listed, with the same engine as the tool nodes: an expired
 * link is refreshed through the API once, a broken transfer is retried, nothing partial is
 * emitted. Files are fetched without the API key.
 */
export async function downloadProjectOutputs(
	ctx: IWebhookFunctions,
	kind: ProjectKind,
	project: ProjectDetail,
): Promise<IBinaryKeyData> {
	const binary = await downloadOutputs(ctx, project, {
		kind,
		itemIndex: 0,
		refresh: async () =>
			await magicHourRequest<ProjectDetail>(ctx, {
				method: 'GET',
				path: projectPath(kind, project.id),
			}),
	});
	if (Object.keys(binary).length === 0) {
		throw new Error(`The Magic Hour API lists no output files for project ${project.id}`);
	}
	return binary;
}

/** What the workflow gets instead of the files, when they could not be fetched. */
export function downloadErrorOf(error: unknown): DownloadError {
	const described = error as { message?: unknown; description?: unknown };
	return {
		message: typeof described?.message === 'string' ? described.message : String(error),
		description: typeof described?.description === 'string' ? described.description : null,
	};
}

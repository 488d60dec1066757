import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import type { ProjectKind } from '../catalog/types';
import { projectNote, recordProject } from './projectFailure';
import type { ProjectDetail } from './projectTypes';

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

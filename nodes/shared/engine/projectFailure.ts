import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ProjectKind } from '../catalog/types';
import { ExecutionCancelledError } from '../transport/cancellation';
import { errorItem } from './errorItem';

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

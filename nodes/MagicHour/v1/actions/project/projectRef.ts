import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PROJECT_KINDS, type ProjectKind } from '../../../../shared/catalog/types';
import { projectPath, type ProjectDetail } from '../../../../shared/engine/projectTypes';
import { asNodeError } from '../../../../shared/transport/apiErrors';
import { magicHourRequest } from '../../../../shared/transport/apiRequest';
import type { Deadline } from '../../../../shared/transport/cancellation';
import { KIND_OPTIONS } from '../common';

const AUTO_DETECT = 'auto';

const projectIdProperty: INodeProperties = {
	displayName: 'Project ID',
	name: 'projectId',
	type: 'string',
	default: '={{ $json.id }}',
	required: true,
	description: 'ID of the Magic Hour project. Defaults to the "ID" of the incoming item.',
};

/** The one kind parameter of every project operation. */
const projectKindProperty: INodeProperties = {
	displayName: 'Project Kind',
	name: 'projectKind',
	type: 'options',
	options: [
		...KIND_OPTIONS,
		{
			name: 'Auto-Detect',
			value: AUTO_DETECT,
			description:
				'Use the "kind" field of the input item (set by Magic Hour nodes); without a valid one, ask Magic Hour (free status requests)',
		},
	].sort((a, b) => a.name.localeCompare(b.name)),
	default: AUTO_DETECT,
	description: 'Whether the project is an image, video or audio project',
};

/** The parameters of a project operation: Project ID, Project Kind, then its own. */
export function projectOperationProperties(
	operation: string,
	own: INodeProperties[] = [],
): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['project'], operation: [operation] } }, [
		projectIdProperty,
		projectKindProperty,
		...own,
	]);
}

/** An item's project: its ID, and its kind unless that is still to be detected. */
export interface ProjectRef {
	id: string;
	kind: ProjectKind | undefined;
}

function isKind(value: unknown): value is ProjectKind {
	return typeof value === 'string' && (PROJECT_KINDS as readonly string[]).includes(value);
}

/** Reads "Project ID" and "Project Kind" of an item; fails before any request when they are unusable. */
export function readProjectRef(ctx: IExecuteFunctions, itemIndex: number): ProjectRef {
	const node = ctx.getNode();
	const rawId = ctx.getNodeParameter('projectId', itemIndex, '') as unknown;
	const id =
		typeof rawId === 'number' ? String(rawId) : typeof rawId === 'string' ? rawId.trim() : '';
	if (!id) {
		throw new NodeOperationError(node, 'No project ID', {
			description:
				'Set "Project ID", or feed items with an "id" field (the output of a Magic Hour node with waiting turned off).',
			itemIndex,
		});
	}
	const chosen = ctx.getNodeParameter('projectKind', itemIndex, AUTO_DETECT) as string;
	if (chosen === AUTO_DETECT) {
		const fromInput = ctx.getInputData()[itemIndex]?.json?.kind;
		return { id, kind: isKind(fromInput) ? fromInput : undefined };
	}
	if (isKind(chosen)) return { id, kind: chosen };
	throw new NodeOperationError(node, `Unknown project kind "${chosen}"`, {
		description: 'Use image, video or audio, or Auto-Detect.',
		itemIndex,
	});
}

/**
 * Finds whether an ID is an image, video or audio project by reading it (a 404 means "not this
 * kind"): free, creates nothing, 1 to 3 GET requests. The project read is handed back for use.
 */
export async function detectKind(
	ctx: IExecuteFunctions,
	id: string,
	itemIndex: number,
	limits: { deadline?: Deadline; signal?: AbortSignal } = {},
): Promise<{ kind: ProjectKind; detail: ProjectDetail }> {
	for (const kind of PROJECT_KINDS) {
		try {
			const detail = await magicHourRequest<ProjectDetail>(ctx, {
				method: 'GET',
				path: projectPath(kind, id),
				itemIndex,
				...limits,
			});
			return { kind, detail };
		} catch (error) {
			if (error instanceof NodeApiError && error.httpCode === '404') continue;
			throw asNodeError(ctx.getNode(), error, itemIndex);
		}
	}
	throw new NodeOperationError(ctx.getNode(), `Magic Hour has no project with ID ${id}`, {
		description:
			'It is not an image, video or audio project of this API key. Check the ID, and that the credentials use the key (and environment) that created it.',
		itemIndex,
	});
}

/** GET of the item's project, detecting its kind on the way when needed (then no extra request). */
export async function readProject(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ id: string; kind: ProjectKind; detail: ProjectDetail }> {
	const { id, kind } = readProjectRef(ctx, itemIndex);
	if (!kind) return { id, ...(await detectKind(ctx, id, itemIndex)) };
	const detail = await magicHourRequest<ProjectDetail>(ctx, {
		method: 'GET',
		path: projectPath(kind, id),
		itemIndex,
	});
	return { id, kind, detail };
}

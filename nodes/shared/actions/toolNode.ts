import type { ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { agentDescriptionProperties, agentRunProperties } from '../catalog/agentProperties';
import { operationProperty, runProperties, toolProperties } from '../catalog/properties';
import { TOOLS } from '../catalog/tools';
import type { ProjectKind, ToolDeclaration } from '../catalog/types';

export function toolsOfKind(kind: ProjectKind): readonly ToolDeclaration[] {
	return TOOLS.filter((tool) => tool.kind === kind);
}

/** Every parameter of a tool node: the operation list, then each tool's own parameters. */
export function toolNodeProperties(tools: readonly ToolDeclaration[]): INodeProperties[] {
	const operations = tools.map((tool) => tool.operation);
	return [
		operationProperty(tools),
		...agentDescriptionProperties(tools),
		...tools.flatMap(toolProperties),
		...runProperties(operations),
		// An agent waits for images and voices (seconds), not for videos (minutes).
		...agentRunProperties(operations, tools.every((tool) => tool.kind !== 'video')),
	];
}

export function toolLoadOptions(
	tools: readonly ToolDeclaration[],
): Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> {
	return Object.assign({}, ...tools.map((tool) => tool.loadOptions ?? {}));
}

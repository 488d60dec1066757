import type { ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationProperty, runProperties, toolProperties } from '../catalog/properties';
import { savedItemLoadOptions } from '../engine/savedItems';
import { TOOLS } from '../catalog/tools';
import type { ProjectKind, ToolDeclaration } from '../catalog/types';

export function toolsOfKind(kind: ProjectKind): readonly ToolDeclaration[] {
	return TOOLS.filter((tool) => tool.kind === kind);
}

/** Every parameter of a tool node: the operation list, then each tool's own parameters. */
export function toolNodeProperties(tools: readonly ToolDeclaration[]): INodeProperties[] {
	return [
		operationProperty(tools),
		...tools.flatMap(toolProperties),
		...runProperties(tools.map((tool) => tool.operation)),
	];
}

export function toolLoadOptions(
	tools: readonly ToolDeclaration[],
): Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> {
	return Object.assign({}, savedItemLoadOptions, ...tools.map((tool) => tool.loadOptions ?? {}));
}

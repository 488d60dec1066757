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

/**
 * The canvas subtitle: the chosen tool's display name ("AI Image Generator"), not the raw
 * operation value. Falls back to the value for an operation this version does not know.
 */
export function toolSubtitle(kind: ProjectKind): string {
	const names = Object.fromEntries(toolsOfKind(kind).map((tool) => [tool.operation, tool.displayName]));
	return `={{ ${JSON.stringify(names)}[$parameter["operation"]] || $parameter["operation"] }}`;
}

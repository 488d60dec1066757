import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { agentDescriptionProperties, agentRunProperties } from './catalog/agentProperties';
import { operationProperty, runProperties, toolProperties } from './catalog/properties';
import { TOOLS } from './catalog/tools';
import type { ProjectKind, ToolDeclaration } from './catalog/types';
import { agentToolOutput } from './engine/agentTool';
import { executeTool } from './engine/executeTool';
import { savedItemLoadOptions } from './engine/savedItems';
import { versionOneDescription } from './versionDescription';

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
		...agentRunProperties(
			operations,
			tools.every((tool) => tool.kind !== 'video'),
		),
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
	const names = Object.fromEntries(
		toolsOfKind(kind).map((tool) => [tool.operation, tool.displayName]),
	);
	return `={{ ${JSON.stringify(names)}[$parameter["operation"]] || $parameter["operation"] }}`;
}

/**
 * Version 1 of the Magic Hour Image, Video and Audio nodes: the tools of one media kind. The
 * node files hand in their base description (icon and names stay literal there, where n8n's
 * lint reads them); n8n resolves the inherited icon relative to each listed node file.
 */
export class MagicHourToolNodeV1 implements INodeType {
	description: INodeTypeDescription;

	methods: INodeType['methods'];

	// n8n calls execute with the execution context as `this`, so the tools travel in a closure.
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	constructor(kind: ProjectKind, baseDescription: INodeTypeBaseDescription) {
		const tools = toolsOfKind(kind);
		this.description = versionOneDescription(baseDescription, toolNodeProperties(tools));
		this.methods = { loadOptions: toolLoadOptions(tools) };
		this.execute = async function (this: IExecuteFunctions) {
			return agentToolOutput(this, await executeTool.call(this, tools));
		};
	}
}

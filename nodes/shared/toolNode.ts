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
import {
	groupedOperationProperties,
	operationProperty,
	runProperties,
	toolProperties,
} from './catalog/properties';
import { TOOLS } from './catalog/tools';
import type { ProjectKind, ToolDeclaration } from './catalog/types';
import { agentToolOutput } from './engine/agentTool';
import { executeTool } from './engine/executeTool';
import { savedItemLoadOptions } from './engine/savedItems';
import { TOOL_GROUPS } from './toolGroups';
import { actionNodeDescription } from './versionDescription';

export function toolsOfKind(kind: ProjectKind): readonly ToolDeclaration[] {
	return TOOLS.filter((tool) => tool.kind === kind);
}

/** The tools of a kind in their groups (version 2's resources), in the groups' order. */
export function toolGroupsOfKind(kind: ProjectKind) {
	const tools = toolsOfKind(kind);
	return TOOL_GROUPS[kind].map((group) => ({
		...group,
		tools: group.operations.map((operation) => {
			const tool = tools.find((candidate) => candidate.operation === operation);
			if (!tool) throw new Error(`Tool group "${group.name}" names unknown tool "${operation}"`);
			return tool;
		}),
	}));
}

/**
 * Every parameter of a tool node: version 1 has one operation list (by name); version 2 has a
 * resource (the tool groups) and an operation list per group. Then each tool's own parameters.
 */
export function toolNodeProperties(
	tools: readonly ToolDeclaration[],
	version: 1 | 2 = 1,
): INodeProperties[] {
	const operations = tools.map((tool) => tool.operation);
	const kind = tools[0].kind;
	return [
		...(version === 1
			? [operationProperty(tools)]
			: groupedOperationProperties(toolGroupsOfKind(kind))),
		...agentDescriptionProperties(tools),
		...tools.flatMap((tool) => toolProperties(tool, version)),
		...runProperties(operations, version),
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
 * The Magic Hour Image, Video and Audio nodes: the tools of one media kind. The node files hand
 * in their base description (icon and names stay literal there, where n8n's lint reads them);
 * n8n resolves the inherited icon relative to each listed node file. Version 2 groups the
 * tools (Resource), so that a node added from an action is named after it; both versions run
 * the same operations.
 */
export class MagicHourToolNode implements INodeType {
	description: INodeTypeDescription;

	methods: INodeType['methods'];

	// n8n calls execute with the execution context as `this`, so the tools travel in a closure.
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	constructor(kind: ProjectKind, baseDescription: INodeTypeBaseDescription, version: 1 | 2) {
		const tools = toolsOfKind(kind);
		this.description = actionNodeDescription(
			baseDescription,
			toolNodeProperties(tools, version),
			version,
		);
		this.methods = { loadOptions: toolLoadOptions(tools) };
		this.execute = async function (this: IExecuteFunctions) {
			return agentToolOutput(this, await executeTool.call(this, tools));
		};
	}
}

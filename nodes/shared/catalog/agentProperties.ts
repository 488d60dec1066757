import type { INodeProperties } from 'n8n-workflow';

import { agentToolDescription } from './agentDescriptions';
import type { ToolDeclaration } from './types';

/**
 * Parameters that exist only when a node is an AI Agent's tool (n8n names that node type
 * `<type>Tool` and evaluates the `@tool` display condition on it).
 */

/**
 * The tool's "Description" as n8n sends it to the model. Declaring `toolDescription` ourselves
 * replaces n8n's generic one (the node's one-line description for every operation): the
 * default follows the chosen operation, and the user can still rewrite it.
 */
export function agentDescriptionProperty(
	description: string,
	show: NonNullable<INodeProperties['displayOptions']>['show'],
): INodeProperties {
	return {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: description,
		required: true,
		typeOptions: { rows: 3 },
		description:
			"What the AI Agent's model reads about this tool to decide when and how to call it",
		displayOptions: { show: { ...show, '@tool': [true] } },
	};
}

export function agentDescriptionProperties(tools: readonly ToolDeclaration[]): INodeProperties[] {
	return tools.map((tool) =>
		agentDescriptionProperty(agentToolDescription(tool), { operation: [tool.operation] }),
	);
}

/**
 * Wait and download switches of a tool node used by an agent: a video call answers at once
 * with the project ID (an agent turn must not hang for minutes) unless the user turns waiting
 * on, and nothing is downloaded (n8n gives the model the JSON only, never binary data).
 */
export function agentRunProperties(
	operations: string[],
	waitsByDefault: boolean,
): INodeProperties[] {
	const show = { operation: operations, '@tool': [true] };
	const description =
		'Whether the tool call waits until the job is done and returns the output URLs. Off: it returns the project ID at once; give the agent the Magic Hour node\'s "Get Project" tool to check back.';
	return [
		waitsByDefault
			? {
					displayName: 'Wait for Completion',
					name: 'waitForCompletion',
					type: 'boolean',
					default: true,
					description,
					displayOptions: { show },
				}
			: {
					displayName: 'Wait for Completion',
					name: 'waitForCompletion',
					type: 'boolean',
					default: false,
					description,
					displayOptions: { show },
				},
		{
			displayName: 'Download Outputs',
			name: 'downloadOutputs',
			type: 'hidden',
			default: false,
			displayOptions: { show },
		},
	];
}

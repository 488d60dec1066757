import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { toolLoadOptions, toolNodeProperties, toolsOfKind } from '../shared/actions/toolNode';
import { agentToolOutput } from '../shared/engine/agentTool';
import { executeTool } from '../shared/engine/runTool';
import { baseDescription } from './description';

const TOOLS = toolsOfKind('audio');

export class MagicHourAudioV1 implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		// n8n resolves the icon of every version relative to the node file listed in package.json, so this
		// class sits beside that file (named without .node.ts: it is not a node of its own to register).
		icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		defaults: { name: 'Magic Hour Audio' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'magicHourCommunityApi', required: true }],
		properties: toolNodeProperties(TOOLS),
	};

	methods = { loadOptions: toolLoadOptions(TOOLS) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return agentToolOutput(this, await executeTool.call(this, TOOLS));
	}
}

import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { toolLoadOptions, toolNodeProperties, toolsOfKind } from '../shared/actions/toolNode';
import { executeTool } from '../shared/engine/runTool';

const TOOLS = toolsOfKind('image');

export class MagicHourImageV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			// n8n resolves the icon of every version relative to the node file listed in package.json, so this
			// class sits beside that file (named without .node.ts: it is not a node of its own to register).
			icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
			version: 1,
			defaults: { name: 'Magic Hour Image' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'magicHourCommunityApi', required: true }],
			properties: toolNodeProperties(TOOLS),
		};
	}

	methods = { loadOptions: toolLoadOptions(TOOLS) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeTool.call(this, TOOLS);
	}
}

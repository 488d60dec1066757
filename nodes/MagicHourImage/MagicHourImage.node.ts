import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { toolLoadOptions, toolNodeProperties, toolsOfKind } from '../shared/actions/toolNode';
import { executeTool } from '../shared/engine/runTool';

const TOOLS = toolsOfKind('image');

export class MagicHourImage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Magic Hour Image',
		name: 'magicHourImage',
		icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Create and edit images with Magic Hour AI',
		defaults: { name: 'Magic Hour Image' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'magicHourApi', required: true }],
		properties: toolNodeProperties(TOOLS),
	};

	methods = { loadOptions: toolLoadOptions(TOOLS) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeTool.call(this, TOOLS);
	}
}

import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { waitForProjectsProperties } from '../shared/engine/waitForProjects.description';
import { baseDescription } from './description';
import { agentToolOutput } from '../shared/engine/agentTool';
import { agentProperties } from './v1/actions/agent';
import { ITEM_OPERATIONS, route } from './v1/actions/router';
import { scoped } from './v1/actions/common';

export class MagicHourV1 implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		// n8n resolves the icon of every version relative to the node file listed in package.json, so this
		// class sits beside that file (named without .node.ts: it is not a node of its own to register).
		icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		defaults: { name: 'Magic Hour' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'magicHourCommunityApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Face Detection', value: 'faceDetection' },
					{ name: 'File', value: 'file' },
					{ name: 'Project', value: 'project' },
				],
				default: 'project',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['project'] } },
				options: [
					{ name: 'Delete', value: 'delete', action: 'Delete a project', description: 'Delete a project and its outputs for good' },
					{ name: 'Download Outputs', value: 'download', action: 'Download project outputs', description: 'Download the files of a finished project as binary data' },
					{ name: 'Get', value: 'get', action: 'Get a project', description: 'Get the status, credits and download links of a project' },
					{ name: 'Wait for Project', value: 'waitFor', action: 'Wait for a project to finish', description: 'Poll projects until they are done, then download the results' },
				],
				default: 'waitFor',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['file'] } },
				options: [{ name: 'Upload', value: 'upload', action: 'Upload a file', description: 'Upload a binary file and get its Magic Hour file path' }],
				default: 'upload',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['faceDetection'] } },
				options: [{ name: 'Detect Faces', value: 'detect', action: 'Detect faces in an image or video', description: 'Find the faces to map in a multi-face swap' }],
				default: 'detect',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['account'] } },
				options: [{ name: 'Get', value: 'get', action: 'Get the account', description: 'Get the credit balance and plan' }],
				default: 'get',
			},
			...agentProperties,
			...Object.values(ITEM_OPERATIONS).flatMap((operations) =>
				Object.values(operations).flatMap((operation) => operation.description),
			),
			...scoped('project', 'waitFor', waitForProjectsProperties),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		// Project lookups become the same short result as a job; the others pass as they are.
		return agentToolOutput(this, await route.call(this), resource === 'project' && operation !== 'delete');
	}
}

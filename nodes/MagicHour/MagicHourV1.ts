import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { agentToolOutput } from '../shared/engine/agentTool';
import { versionOneDescription } from '../shared/versionDescription';
import { agentProperties } from './v1/actions/agent';
import { RESOURCES, route } from './v1/actions/router';

export class MagicHourV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = versionOneDescription(baseDescription, [
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
			...agentProperties,
			...Object.values(RESOURCES).flatMap((resource) => resource.description),
		]);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		// Project lookups become the same short result as a job; the others pass as they are.
		return agentToolOutput(
			this,
			await route.call(this),
			resource === 'project' && operation !== 'delete',
		);
	}
}

import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { RESOURCES, route } from './v1/actions/router';
import { versionOneDescription } from '../shared/versionDescription';

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
			...Object.values(RESOURCES).flatMap((resource) => resource.description),
		]);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return route.call(this);
	}
}

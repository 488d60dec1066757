import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { agentDescriptionProperty } from '../shared/catalog/agentProperties';
import { actionNodeDescription } from '../shared/versionDescription';
import { RESOURCES, router } from './v1/actions/router';

/** The tool "Description" of each operation that states what an AI Agent's model reads about it. */
function agentProperties(): INodeProperties[] {
	return Object.entries(RESOURCES).flatMap(([resource, { operations }]) =>
		Object.entries(operations).flatMap(([operation, { agentDescription }]) =>
			agentDescription
				? [
						agentDescriptionProperty(agentDescription, {
							resource: [resource],
							operation: [operation],
						}),
					]
				: [],
		),
	);
}

export class MagicHourV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = actionNodeDescription(baseDescription, [
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
			...agentProperties(),
			...Object.values(RESOURCES).flatMap((resource) => resource.description),
		]);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

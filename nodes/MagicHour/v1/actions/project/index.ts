import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../common';
import type { OperationsOf } from '../node.type';
import { deleteProject } from './delete.operation';
import { downloadProject } from './download.operation';
import { getProject } from './get.operation';
import { waitForProject } from './waitFor.operation';

export const operations: Record<OperationsOf<'project'>, Operation> = {
	delete: deleteProject,
	download: downloadProject,
	get: getProject,
	waitFor: waitForProject,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['project'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a project',
				description: 'Delete a project and its outputs for good',
			},
			{
				name: 'Download Outputs',
				value: 'download',
				action: 'Download project outputs',
				description: 'Download the files of a finished project as binary data',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a project',
				description: 'Get the status, credits and download links of a project',
			},
			{
				name: 'Wait for Project',
				value: 'waitFor',
				action: 'Wait for a project to finish',
				description: 'Poll projects until they are done, then download the results',
			},
		],
		default: 'waitFor',
	},
	...deleteProject.description,
	...downloadProject.description,
	...getProject.description,
	...waitForProject.description,
];

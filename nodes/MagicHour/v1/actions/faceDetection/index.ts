import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../common';
import type { OperationsOf } from '../node.type';
import { detectFaces } from './detect.operation';

export const operations: Record<OperationsOf<'faceDetection'>, ItemOperation> = {
	detect: detectFaces,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['faceDetection'] } },
		options: [
			{
				name: 'Detect Faces',
				value: 'detect',
				action: 'Detect faces in an image or video',
				description: 'Find the faces to map in a multi-face swap',
			},
		],
		default: 'detect',
	},
	...detectFaces.description,
];

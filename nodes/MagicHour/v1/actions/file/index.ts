import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../common';
import type { OperationsOf } from '../node.type';
import { listSavedItems } from './listSavedItems.operation';
import { uploadFile } from './upload.operation';

export const operations: Record<OperationsOf<'file'>, ItemOperation> = {
	listSavedItems,
	upload: uploadFile,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'List Saved Items',
				value: 'listSavedItems',
				action: 'List saved items',
				description:
					'List the characters, references and voices saved in your Magic Hour library, with their permanent file paths',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file',
				description: 'Upload a binary file and get its Magic Hour file path',
			},
		],
		default: 'upload',
	},
	...listSavedItems.description,
	...uploadFile.description,
];

import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../common';
import type { OperationsOf } from '../node.type';
import { getAccount } from './get.operation';

export const operations: Record<OperationsOf<'account'>, ItemOperation> = { get: getAccount };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the account',
				description: 'Get the credit balance and plan',
			},
		],
		default: 'get',
	},
	...getAccount.description,
];

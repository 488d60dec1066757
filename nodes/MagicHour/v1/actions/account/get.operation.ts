import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { magicHourRequest } from '../../../../shared/transport/apiRequest';
import type { ItemOperation } from '../common';

export const getAccount: ItemOperation = {
	agentDescription:
		"Get the Magic Hour account's credit balance and plan. Free; use it to check that a costly job fits the balance.",
	description: [],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const account = await magicHourRequest(this, { method: 'GET', path: '/v1/account', itemIndex });
		return { json: account, pairedItem: { item: itemIndex } };
	},
};

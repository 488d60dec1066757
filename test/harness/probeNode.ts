import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { magicHourRequest, type MagicHourRequest } from '../../nodes/shared/transport/apiRequest';

/** A minimal node whose execute() sends one request through the transport, for transport tests. */
export class TransportProbe implements INodeType {
	description = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Transport Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'magicHourCommunityApi', required: true }],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/v1/account' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Timeout', name: 'timeoutMs', type: 'number', default: 0 },
		],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const body = this.getNodeParameter('body', 0, '') as string | IDataObject;
		const timeoutMs = this.getNodeParameter('timeoutMs', 0, 0) as number;
		const result = await magicHourRequest(this, {
			method: this.getNodeParameter('method', 0) as MagicHourRequest['method'],
			path: this.getNodeParameter('path', 0) as string,
			body: body === '' ? undefined : typeof body === 'string' ? JSON.parse(body) : body,
			timeoutMs: timeoutMs || undefined,
			retry: { baseDelayMs: 20 },
		});
		return [[{ json: (result ?? {}) as IDataObject, pairedItem: { item: 0 } }]];
	}
}

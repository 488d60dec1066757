/**
 * Baseline for the batch benchmark: the loop of the integration guides' example, as an n8n node.
 * Items one by one: create the job, then every 3 s ask for its status until it is complete, then
 * read each output into memory and store it as binary data. It uses the same n8n HTTP client
 * (`httpRequestWithAuthentication`) and binary-data service as our nodes, so only the strategy
 * differs. Benchmark only, never shipped.
 */
import { sleep } from 'n8n-workflow';
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

interface Detail {
	id: string;
	status: string;
	downloads?: Array<{ url: string }>;
}

export class GuideLoopNode implements INodeType {
	description = {
		displayName: 'Guide Loop (baseline)',
		name: 'guideLoop',
		group: ['transform'],
		version: 1,
		description: 'benchmark baseline',
		defaults: { name: 'Guide Loop' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'magicHourCommunityApi', required: true }],
		properties: [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{
				displayName: 'Endpoint',
				name: 'endpoint',
				type: 'string',
				default: '/v1/ai-image-generator',
			},
			{ displayName: 'Kind', name: 'kind', type: 'string', default: 'image' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '{}' },
			{ displayName: 'Poll Every (Seconds)', name: 'pollSeconds', type: 'number', default: 3 },
		],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const baseUrl = String(this.getNodeParameter('baseUrl', 0)).replace(/\/+$/, '');
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		const api = async <T>(method: 'GET' | 'POST', path: string, body?: IDataObject) =>
			(await this.helpers.httpRequestWithAuthentication.call(this, 'magicHourCommunityApi', {
				method,
				url: `${baseUrl}${path}`,
				body,
				json: true,
			})) as T;
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const endpoint = this.getNodeParameter('endpoint', itemIndex) as string;
			const kind = this.getNodeParameter('kind', itemIndex) as string;
			const rawBody = this.getNodeParameter('body', itemIndex) as string | IDataObject;
			const body = (typeof rawBody === 'string' ? JSON.parse(rawBody) : rawBody) as IDataObject;
			const pollMs = (this.getNodeParameter('pollSeconds', itemIndex) as number) * 1000;

			const created = await api<{ id: string }>('POST', endpoint, body);
			let detail: Detail;
			for (;;) {
				await sleep(pollMs);
				detail = await api<Detail>('GET', `/v1/${kind}-projects/${created.id}`);
				if (detail.status === 'complete') break;
				if (detail.status === 'error' || detail.status === 'canceled')
					throw new Error(`job ${created.id} ${detail.status}`);
			}
			const binary: IBinaryKeyData = {};
			for (const [index, download] of (detail.downloads ?? []).entries()) {
				const data = (await this.helpers.httpRequest({
					method: 'GET',
					url: download.url,
					encoding: 'arraybuffer',
				})) as Buffer;
				binary[index ? `data_${index}` : 'data'] = await this.helpers.prepareBinaryData(
					Buffer.from(data),
				);
			}
			output.push({ json: { ...detail }, binary, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}

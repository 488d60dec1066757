import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemOperation } from '../common';
import { projectOperationProperties, readProject } from './projectRef';

export const getProject: ItemOperation = {
	agentDescription:
		'Check a Magic Hour project (a job started by a Magic Hour image, video or audio tool) by its ID and kind: returns its status, the credits charged and, once complete, the output file URLs. Free; answers at once, so call it again later while the status is "queued" or "rendering".',
	returnsProject: true,
	description: projectOperationProperties('get'),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const { kind, detail } = await readProject(this, itemIndex);
		return { json: { ...detail, kind }, pairedItem: { item: itemIndex } };
	},
};

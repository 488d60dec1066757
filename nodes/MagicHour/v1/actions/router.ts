import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../../shared/transport/apiErrors';
import { runBatch } from '../../../shared/engine/batch';
import { failureItem } from '../../../shared/engine/projectFailure';
import { waitForProjects } from '../../../shared/engine/waitForProjects';
import { getAccount } from './account/get.operation';
import type { ItemOperation } from './common';
import { detectFaces } from './faceDetection/detect.operation';
import { listSavedItems } from './file/listSavedItems.operation';
import { uploadFile } from './file/upload.operation';
import { deleteProject } from './project/delete.operation';
import { downloadProject } from './project/download.operation';
import { getProject } from './project/get.operation';

export const ITEM_OPERATIONS: Record<string, Record<string, ItemOperation>> = {
	account: { get: getAccount },
	faceDetection: { detect: detectFaces },
	file: { listSavedItems, upload: uploadFile },
	project: { delete: deleteProject, download: downloadProject, get: getProject },
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// All items are polled together in one loop, so waiting is not a per-item operation.
	if (resource === 'project' && operation === 'waitFor') return waitForProjects.call(this);

	const handler = ITEM_OPERATIONS[resource]?.[operation];
	if (!handler) throw new NodeOperationError(this.getNode(), `Unknown operation "${resource}: ${operation}"`);
	const continueOnFail = this.continueOnFail();
	// One item at a time, in input order.
	const { outcomes, stoppedBy } = await runBatch({
		count: this.getInputData().length,
		concurrency: 1,
		run: async (itemIndex) => {
			try {
				const result = await handler.execute.call(this, itemIndex);
				return Array.isArray(result) ? result : [result];
			} catch (error) {
				throw asNodeError(this.getNode(), error, itemIndex);
			}
		},
		stops: () => !continueOnFail,
	});
	if (stoppedBy) throw stoppedBy.error;
	const output = outcomes.flatMap((outcome, itemIndex) =>
		outcome?.ok ? outcome.value : [failureItem(this, outcome?.error, itemIndex)],
	);
	return [output];
}

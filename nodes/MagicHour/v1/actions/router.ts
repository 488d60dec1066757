import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError } from '../../../shared/transport/apiErrors';
import { runBatch } from '../../../shared/engine/batch';
import { failureItem } from '../../../shared/engine/projectFailure';
import { waitForProjects } from '../../../shared/engine/waitForProjects';
import * as account from './account';
import type { ItemOperation } from './common';
import * as faceDetection from './faceDetection';
import * as file from './file';
import * as project from './project';

/** Each resource of the Magic Hour node: its Operation property and parameters, and its operations. */
export const RESOURCES: Record<string, { description: INodeProperties[]; operations: Record<string, ItemOperation> }> = {
	account,
	faceDetection,
	file,
	project,
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// All items are polled together in one loop, so waiting is not a per-item operation.
	if (resource === 'project' && operation === 'waitFor') return waitForProjects.call(this);

	const handler = RESOURCES[resource]?.operations[operation];
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

import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { asNodeError } from '../../../shared/transport/apiErrors';
import { errorItem } from '../../../shared/engine/errorItem';
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
	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handler.execute.call(this, itemIndex);
			output.push(...(Array.isArray(result) ? result : [result]));
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output.push(
				errorItem(
					this,
					{ error: (error as Error).message, description: (error as NodeOperationError).description ?? null },
					itemIndex,
				),
			);
		}
	}
	return [output];
}

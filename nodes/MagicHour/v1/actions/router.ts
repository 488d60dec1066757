import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runBatch } from '../../../shared/engine/batch';
import { failureItem } from '../../../shared/engine/projectFailure';
import { asNodeError } from '../../../shared/transport/apiErrors';
import { ExecutionCancelledError } from '../../../shared/transport/cancellation';
import * as account from './account';
import type { ItemOperation, Operation, OperationRun } from './common';
import * as faceDetection from './faceDetection';
import * as file from './file';
import * as project from './project';

/** Each resource of the Magic Hour node: its Operation property and parameters, and its operations. */
export const RESOURCES: Record<
	string,
	{ description: INodeProperties[]; operations: Record<string, Operation> }
> = {
	account,
	faceDetection,
	file,
	project,
};

/** An item operation as a run: one item at a time, in input order. */
function itemByItem(ctx: IExecuteFunctions, operation: ItemOperation): OperationRun {
	return {
		concurrency: 1,
		runItem: async (itemIndex) => {
			try {
				return await operation.execute.call(ctx, itemIndex);
			} catch (error) {
				throw asNodeError(ctx.getNode(), error, itemIndex);
			}
		},
	};
}

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const name = this.getNodeParameter('operation', 0) as string;
	const operation = RESOURCES[resource]?.operations[name];
	if (!operation)
		throw new NodeOperationError(this.getNode(), `Unknown operation "${resource}: ${name}"`);
	const run = 'open' in operation ? operation.open.call(this) : itemByItem(this, operation);
	const continueOnFail = this.continueOnFail();
	const { outcomes, stoppedBy } = await runBatch({
		count: this.getInputData().length,
		concurrency: run.concurrency,
		run: async (itemIndex) => {
			const result = await run.runItem(itemIndex);
			return Array.isArray(result) ? result : [result];
		},
		stops: (error) => !continueOnFail || error instanceof ExecutionCancelledError,
		onStop: () => run.stop?.(),
	});
	run.close?.();
	if (stoppedBy) throw stoppedBy.error;
	const output = outcomes.flatMap((outcome, itemIndex) =>
		outcome?.ok
			? outcome.value
			: [failureItem(this, outcome?.error, itemIndex, run.failedItem?.(itemIndex))],
	);
	return [output];
}

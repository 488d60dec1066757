import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { agentToolOutput } from '../../../shared/engine/agentTool';
import { runBatch } from '../../../shared/engine/batch';
import { asNodeError } from '../../../shared/transport/apiErrors';
import * as account from './account';
import { runOutput, stopsTheRun, type ItemOperation, type Operation } from './common';
import * as faceDetection from './faceDetection';
import * as file from './file';
import type { MagicHourType, OperationsOf, Resource } from './node.type';
import * as project from './project';

/** Each resource of the Magic Hour node: its Operation property and parameters, and its operations. */
export const RESOURCES: {
	[R in Resource]: {
		description: INodeProperties[];
		operations: Record<OperationsOf<R>, Operation>;
	};
} = {
	account,
	faceDetection,
	file,
	project,
};

function chosenOperation(ctx: IExecuteFunctions): Operation {
	const { resource, operation } = {
		resource: ctx.getNodeParameter('resource', 0),
		operation: ctx.getNodeParameter('operation', 0),
	} as MagicHourType;
	const operations: Partial<Record<string, Operation>> = RESOURCES[resource]?.operations ?? {};
	const chosen = operations[operation];
	if (!chosen) {
		throw new NodeOperationError(ctx.getNode(), `Unknown operation "${resource}: ${operation}"`);
	}
	return chosen;
}

/** Runs an item operation over the input items, one after another, in input order. */
async function eachItem(ctx: IExecuteFunctions, operation: ItemOperation) {
	const result = await runBatch({
		count: ctx.getInputData().length,
		concurrency: 1,
		run: async (itemIndex) => {
			try {
				const output = await operation.execute.call(ctx, itemIndex);
				return Array.isArray(output) ? output : [output];
			} catch (error) {
				throw asNodeError(ctx.getNode(), error, itemIndex);
			}
		},
		stops: stopsTheRun(ctx),
	});
	return runOutput(ctx, result);
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = chosenOperation(this);
	const output =
		'executeAll' in operation
			? await operation.executeAll.call(this)
			: await eachItem(this, operation);
	return agentToolOutput(this, [output], operation.returnsProject === true);
}

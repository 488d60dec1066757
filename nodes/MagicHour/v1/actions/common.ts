import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { kindName, PROJECT_KINDS } from '../../../shared/catalog/types';
import type { BatchResult } from '../../../shared/engine/batch';
import { failureItem, type FailedItemContext } from '../../../shared/engine/errors';
import { ExecutionCancelledError } from '../../../shared/transport/cancellation';

/** What every operation of the Magic Hour node declares besides what it does. */
interface OperationBase {
	description: INodeProperties[];
	/** What an AI Agent's model reads about the operation (its tool "Description"). */
	agentDescription?: string;
	/** Whether an AI Agent gets each output item as the short project result (status, credits, URLs). */
	returnsProject?: boolean;
}

/** An operation that handles one input item; the router runs the items one after another. */
export interface ItemOperation extends OperationBase {
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData | INodeExecutionData[]>;
}

/** An operation that runs all input items itself (Wait for Project polls them in one loop). */
export interface AllItemsOperation extends OperationBase {
	executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | AllItemsOperation;

/** Whether a failed item ends the run: always without "Continue On Fail", and on cancel. */
export function stopsTheRun(ctx: IExecuteFunctions): (error: unknown) => boolean {
	const continueOnFail = ctx.continueOnFail();
	return (error) => !continueOnFail || error instanceof ExecutionCancelledError;
}

/** The output of a run: each item's results, or its error item when the run went on. */
export function runOutput(
	ctx: IExecuteFunctions,
	{ outcomes, stoppedBy }: BatchResult<INodeExecutionData[]>,
	failedItem?: (itemIndex: number) => FailedItemContext,
): INodeExecutionData[] {
	if (stoppedBy) throw stoppedBy.error;
	return outcomes.flatMap((outcome, itemIndex) =>
		outcome?.ok
			? outcome.value
			: [failureItem(ctx, outcome?.error, itemIndex, failedItem?.(itemIndex))],
	);
}

/** The project kinds as options of a parameter, by name. */
export const KIND_OPTIONS: INodePropertyOptions[] = [...PROJECT_KINDS]
	.sort()
	.map((kind) => ({ name: kindName(kind), value: kind }));

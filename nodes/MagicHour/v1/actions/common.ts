import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { FailedItemContext } from '../../../shared/engine/projectFailure';

/** One operation of the Magic Hour node: its parameters and what it does for one input item. */
export interface ItemOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData | INodeExecutionData[]>;
}

/**
 * An operation whose items run together rather than one after another (Wait for Project polls
 * all of them in one loop). It opens a run for the node's items; the router feeds every item
 * through it with the batch runner.
 */
export interface BatchOperation {
	description: INodeProperties[];
	open(this: IExecuteFunctions): OperationRun;
}

export interface OperationRun {
	/** Items in flight at once (Infinity: all at once). */
	concurrency: number;
	runItem(itemIndex: number): Promise<INodeExecutionData | INodeExecutionData[]>;
	/** What a failed item knows about its project, for its error item. */
	failedItem?(itemIndex: number): FailedItemContext;
	/** A failure ended the batch: stop the work still in flight for the other items. */
	stop?(): void;
	/** The batch is over, ended or not. */
	close?(): void;
}

export type Operation = ItemOperation | BatchOperation;

export const KIND_OPTIONS = [
	{ name: 'Audio', value: 'audio' },
	{ name: 'Image', value: 'image' },
	{ name: 'Video', value: 'video' },
];

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, NodeExecutionHint } from 'n8n-workflow';

import { ASSUMED_MAX_FPS, type PriceEstimate } from '../catalog/prices';
import type { Outcome } from './batch';
import type { BudgetReachedError } from './spendGuard';

/** The output field with what the whole run charged, on every item the node outputs. */
export const RUN_CREDITS_FIELD = 'run_credits_charged';

function priceText(price: PriceEstimate): string {
	if (price.known && price.upTo)
		return `It would cost up to ${price.credits} credits (charged per frame; the frame rate of the input is not known before the job, so ${ASSUMED_MAX_FPS} frames per second are assumed).`;
	if (price.known) return `It would cost ${price.credits} credits.`;
	return `Its price is not known before the job (${price.why}): such a job starts alone, only while at least ${price.atLeast} credits (and as much as the priciest such job of this run charged) are left.`;
}

/** The error of an item the budget did not let start: nothing was sent for it. */
export function notStartedError(
	node: INode,
	refusal: BudgetReachedError,
	price: PriceEstimate,
	itemIndex: number,
): NodeOperationError {
	const error = new NodeOperationError(node, refusal.message, {
		itemIndex,
		description: `This item's job was not sent to Magic Hour, so it cost nothing. ${priceText(price)} Raise "Max Credits per Run" in the node's Execution Settings, or run the items not started again later.`,
	});
	error.context.budgetReached = true;
	error.context.budget = refusal.budget;
	error.context.spent = refusal.spent;
	return error;
}

/**
 * A run with a budget that stops on a failure: the thrown error also names the items that never
 * started (nothing was charged for them) and what the run charged.
 */
export function notStartedNote(
	error: Error,
	outcomes: ReadonlyArray<Outcome<unknown> | undefined>,
	runCredits: number,
): void {
	// Array.from: the outcomes of items that never started are holes, which flatMap would skip.
	const notStarted = Array.from(outcomes).flatMap((outcome, itemIndex) => {
		const context = (outcome?.ok === false ? outcome.error : undefined) as
			| { context?: IDataObject }
			| undefined;
		return !outcome || context?.context?.budgetReached === true ? [itemIndex] : [];
	});
	const target = error as Error & { description?: string | null; context?: IDataObject };
	target.description = [
		target.description,
		notStarted.length
			? `Items not started (nothing was charged for them): item index ${notStarted.join(', ')}.`
			: '',
		`This run charged ${runCredits} credits.`,
	]
		.filter(Boolean)
		.join('\n');
	if (target.context && typeof target.context === 'object') {
		target.context.runCreditsCharged = runCredits;
		target.context.notStartedItems = notStarted;
	}
}

/**
 * The execution hint the editor shows under the output: what the run charged, against its
 * budget, and (`progress`) how its items ended and how long it took.
 */
export function runCostHint(
	jobs: number,
	runCredits: number,
	budget: number | undefined,
	videoEstimates: boolean,
	progress?: string,
): NodeExecutionHint | undefined {
	if (jobs === 0 && budget === undefined && !progress) return undefined;
	const of = budget === undefined ? '' : ` of its budget of ${budget}`;
	const estimates = videoEstimates ? '; video charges are estimates until the job ends' : '';
	const after = progress ? ` · ${progress}` : '';
	return {
		message: `Magic Hour: this run charged ${runCredits} credits${of} (${jobs} ${jobs === 1 ? 'job' : 'jobs'}${estimates})${after}.`,
		type: 'info',
		location: 'outputPane',
	};
}

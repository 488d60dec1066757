import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PriceEstimate } from '../catalog/prices';
import { magicHourRequest } from '../transport/apiRequest';

/** What a batch costs by the documented prices: `exact` false when some prices are only lower bounds. */
export function batchEstimate(prices: readonly PriceEstimate[]): {
	credits: number;
	exact: boolean;
} {
	let credits = 0;
	let exact = true;
	for (const price of prices) {
		if (price.known) credits += price.credits;
		else {
			credits += price.atLeast;
			exact = false;
		}
	}
	return { credits, exact };
}

/**
 * Before a batch of several items with a budget: the credits the run can spend (its estimate,
 * capped by the budget) against the account's balance (one GET /v1/account). Fails before the
 * first create when the balance cannot cover them; a single item is left to the API's own 402.
 * Returns the error to give every item, or undefined when the batch may start.
 */
export async function checkBalanceForBatch(
	ctx: IExecuteFunctions,
	prices: readonly PriceEstimate[],
	budget: number,
): Promise<NodeOperationError | undefined> {
	if (prices.length < 2) return undefined;
	const estimate = batchEstimate(prices);
	const needed = Math.min(estimate.credits, budget);
	if (needed <= 0) return undefined;
	const account = await magicHourRequest<{ credits?: unknown }>(ctx, {
		method: 'GET',
		path: '/v1/account',
	});
	const balance = account?.credits;
	if (typeof balance !== 'number' || needed <= balance) return undefined;
	const atLeast = estimate.exact || needed === budget ? '' : 'at least ';
	const capped = needed === budget ? ` (its "Max Credits per Run" of ${budget})` : '';
	return new NodeOperationError(
		ctx.getNode(),
		`Not enough Magic Hour credits for this batch: it needs ${atLeast}${needed} credits${capped} and the account has ${balance}`,
		{
			description: `Nothing was sent to Magic Hour, so nothing was charged. The ${prices.length} items cost ${estimate.exact ? '' : 'at least '}${estimate.credits} credits by Magic Hour's documented prices. Add credits or upgrade the plan at magichour.ai, set "Max Credits per Run" (Execution Settings) to at most ${balance} so the run stops there, or run fewer items.`,
		},
	);
}

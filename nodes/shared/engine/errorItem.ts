import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * The output item of a failed input item when the node continues on fail.
 *
 * With Settings → On Error = "Continue (using error output)", n8n moves an item to the error
 * output only when its json holds nothing but `error`, `message` and `details` (an item with an
 * `error` property instead gets its json replaced by `{error}`, which would lose the project ID).
 * So in that mode everything beyond the message goes under `details`; n8n then also merges in
 * the json of the input item, so the error branch sees e.g. the prompt that failed. With
 * "Continue" (regular output) the fields stay at the top level.
 */
export function errorItem(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	json: IDataObject,
	itemIndex: number,
): INodeExecutionData {
	if (ctx.getNode().onError === 'continueErrorOutput') {
		const { error, ...details } = json;
		return { json: { error, details }, pairedItem: { item: itemIndex } };
	}
	return { json, pairedItem: { item: itemIndex } };
}

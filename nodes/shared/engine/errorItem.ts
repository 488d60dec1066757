import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * The output item of a failed input item when the node continues on fail.
 *
 * With Settings → On Error = "Continue (using error output)", n8n moves an item to the error
 * output by the keys of its json, and the rule differs by version: n8n 1.x only when the json is
 * `{error}` or `{error, message}`, n8n 2.x when it holds nothing but `error`, `message` and
 * `details`. (Setting the item's `error` property instead makes n8n replace the json with
 * `{error: message}`, which would lose the project ID.) So in that mode the json is `{error}`
 * alone, routed by both, with `error` an object: the message and everything else we know (project
 * ID, kind, status…). n8n then merges in the json of the input item, so the error branch also sees
 * e.g. the prompt that failed. With "Continue" (regular output) the fields stay at the top level.
 */
export function errorItem(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	json: IDataObject,
	itemIndex: number,
): INodeExecutionData {
	if (ctx.getNode().onError === 'continueErrorOutput') {
		const { error, ...details } = json;
		return { json: { error: { message: error, ...details } }, pairedItem: { item: itemIndex } };
	}
	return { json, pairedItem: { item: itemIndex } };
}

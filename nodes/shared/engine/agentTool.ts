import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Whether the node runs as a tool of an AI Agent: n8n registers every `usableAsTool` node a
 * second time as `<type>Tool` and runs that type when the agent calls it.
 */
export function runsAsAgentTool(ctx: Pick<IExecuteFunctions, 'getNode'>): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** Statuses after which a project changes no more. */
const FINAL = new Set(['complete', 'error', 'canceled']);

const CHECK_BACK =
	'Not finished: check back later with the Get Project tool (this id and kind) instead of creating another job.';
const MAY_EXIST =
	'A job may have been created and charged although Magic Hour returned no ID: do not create another; tell the user to look for it in the Magic Hour library.';
const OUTCOME_UNKNOWN =
	'The job was created and may still finish and charge credits; its outcome is not known yet. Check it with the Get Project tool (this id and kind) instead of creating another job.';

function errorText(json: IDataObject): string | undefined {
	const error = json.error;
	if (!error) return undefined;
	if (typeof error === 'string') {
		const code =
			typeof json.code === 'string' && !error.includes(json.code) ? `(${json.code})` : '';
		return [error, code, typeof json.description === 'string' ? json.description : '']
			.filter(Boolean)
			.join(' ');
	}
	const { code, message } = error as IDataObject;
	return [message, code ? `(${String(code)})` : ''].filter(Boolean).join(' ');
}

function outputUrls(json: IDataObject): string[] {
	const downloads = (json.downloads ??
		(json.project as IDataObject | undefined)?.downloads) as unknown;
	if (!Array.isArray(downloads)) return [];
	return downloads
		.map((download) => (download as IDataObject)?.url)
		.filter((url): url is string => typeof url === 'string');
}

/**
 * What the model receives for one project: its ID and kind (what Get Project needs), status,
 * credits, output URLs and the error, nothing else (no project copy, no binary data). A model
 * told "error" tries again and pays again, so "error" means Magic Hour said so or nothing was
 * created; a created job whose wait failed (timeout, failing status checks) keeps its last
 * known status ("unknown" when none was seen) and the hint to check it.
 */
export function agentProjectResult(json: IDataObject): IDataObject {
	const id = typeof json.id === 'string' ? json.id : null;
	const error = errorText(json);
	const known = typeof json.status === 'string' && json.status ? json.status : undefined;
	const status = known ?? (error ? (id ? 'unknown' : 'error') : undefined);
	const result: IDataObject = { id };
	if (typeof json.kind === 'string') result.kind = json.kind;
	if (status) result.status = status;
	if (typeof json.credits_charged === 'number') result.credits_charged = json.credits_charged;
	// What the whole call cost, when the item's own charge does not say it (several items, a failure).
	if (
		typeof json.run_credits_charged === 'number' &&
		json.run_credits_charged !== json.credits_charged
	)
		result.run_credits_charged = json.run_credits_charged;
	const urls = outputUrls(json);
	if (urls.length) result.output_urls = urls;
	if (error) result.error = error;
	if (id && status && !FINAL.has(status)) {
		result.next = error ? OUTCOME_UNKNOWN : CHECK_BACK;
	} else if (!id && status === 'unknown') {
		result.next = MAY_EXIST;
	}
	return result;
}

/**
 * The node's output as an agent should get it: in tool mode no binary data, and items about a
 * project (`projects`: a job, a failed job, a project lookup) become a short result; otherwise
 * the output passes unchanged.
 */
export function agentToolOutput(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	output: INodeExecutionData[][],
	projects = true,
): INodeExecutionData[][] {
	if (!runsAsAgentTool(ctx)) return output;
	return output.map((items) =>
		items.map((item) => ({
			json: projects ? agentProjectResult(item.json) : item.json,
			pairedItem: item.pairedItem,
		})),
	);
}

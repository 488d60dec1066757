import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** "17 s", "2 min 5 s". */
export function durationText(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/**
 * How the items of a run ended and how long the node took, for the run's hint under the output
 * (runCostHint): "1 complete · took 17 s", "2 started (not waited for), 1 failed · took 3 s".
 */
export function runProgressText(items: readonly INodeExecutionData[], elapsedMs: number): string {
	const jsons = items.map((item) => item.json as IDataObject);
	const complete = jsons.filter((json) => json.status === 'complete').length;
	const failed = jsons.filter((json) => json.error && json.status !== 'complete').length;
	const started = jsons.filter(
		(json) => typeof json.id === 'string' && json.id && json.status !== 'complete' && !json.error,
	).length;
	const parts: string[] = [];
	if (complete) parts.push(`${complete} complete`);
	if (started) parts.push(`${started} started (not waited for)`);
	if (failed) parts.push(`${failed} failed`);
	return [parts.join(', '), `took ${durationText(elapsedMs)}`].filter(Boolean).join(' · ');
}

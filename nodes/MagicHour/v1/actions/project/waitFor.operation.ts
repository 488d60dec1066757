import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { runBatch } from '../../../../shared/engine/batch';
import { downloadOutputs } from '../../../../shared/engine/downloads';
import {
	readItemSettings,
	readRunSettings,
	waitExecutionSettingsProperty,
} from '../../../../shared/engine/executionSettings';
import { limiter } from '../../../../shared/engine/batch';
import { recordProject, type FailedItemContext } from '../../../../shared/engine/errors';
import { ProjectPoller } from '../../../../shared/engine/projectPoller';
import { itemDeadline } from '../../../../shared/engine/pollSchedule';
import { projectPath, type ProjectDetail } from '../../../../shared/engine/projectTypes';
import { magicHourRequest } from '../../../../shared/transport/apiRequest';
import { ExecutionCancelledError } from '../../../../shared/transport/cancellation';
import { runOutput, stopsTheRun, type AllItemsOperation } from '../common';
import { detectKind, projectOperationProperties, readProjectRef } from './projectRef';

const DOWNLOAD_CONCURRENCY = 3;
const DETECT_CONCURRENCY = 2;

/**
 * "Wait for Project": waits for the project of every input item in one polling loop, downloads
 * the outputs when asked, and returns one item per input item in input order.
 */
export const waitForProject: AllItemsOperation = {
	agentDescription:
		'Wait until a Magic Hour project is finished, given its ID, then return its status, the credits charged and the output file URLs. Free, but video projects can take many minutes: prefer Get Project unless the user wants to wait.',
	returnsProject: true,
	description: projectOperationProperties('waitFor', [
		{
			displayName: 'Download Outputs',
			name: 'downloadOutputs',
			type: 'boolean',
			default: true,
			description: 'Whether to download the finished files into binary data of the output item',
			displayOptions: { show: { '@tool': [false] } },
		},
		// n8n hands a model only JSON: as an AI Agent's tool it returns the URLs without downloading.
		{
			displayName: 'Download Outputs',
			name: 'downloadOutputs',
			type: 'hidden',
			default: false,
			displayOptions: { show: { '@tool': [true] } },
		},
		waitExecutionSettingsProperty(),
	]),
	async executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		return await waitForAll(this);
	},
};

/** All items wait in one polling loop; downloads and kind detection have their own bounds. */
async function waitForAll(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const run = readRunSettings(ctx);
	const poller = new ProjectPoller(ctx, {
		mode: run.pollingMode,
		fixedIntervalMs: run.fixedIntervalMs,
	});
	const downloads = limiter(DOWNLOAD_CONCURRENCY);
	const detections = limiter(DETECT_CONCURRENCY);
	// Aborted when the node fails: the other items' requests and downloads stop.
	const runStop = new AbortController();
	// What each item knows about its project, for its error item.
	const known: FailedItemContext[] = ctx.getInputData().map(() => ({ id: null, kind: null }));

	const waitAndDownload = async (index: number): Promise<INodeExecutionData> => {
		const ref = readProjectRef(ctx, index);
		known[index] = { id: ref.id, kind: ref.kind ?? null };
		const { timeoutMinutes, binaryPrefix } = readItemSettings(ctx, index);
		const download = ctx.getNodeParameter('downloadOutputs', index, true) as boolean;
		// "Timeout (Minutes)" bounds kind detection, the wait and the download together.
		const startedAt = Date.now();
		try {
			let detail: ProjectDetail | undefined;
			if (!ref.kind) {
				const limits = {
					deadline: itemDeadline(undefined, timeoutMinutes, startedAt),
					signal: runStop.signal,
				};
				const found = await detections(async () => await detectKind(ctx, ref.id, index, limits));
				ref.kind = found.kind;
				known[index].kind = found.kind;
				detail = found.detail;
			}
			const { id } = ref;
			const kind = ref.kind;
			// The same start: a detected kind gets its own default limit.
			const deadline = itemDeadline(kind, timeoutMinutes, startedAt);
			const project = await poller.waitFor({
				id,
				kind,
				itemIndex: index,
				expectedMs: 0,
				deadline,
				known: detail,
			});
			let binary: IBinaryKeyData | undefined;
			if (download) {
				const refresh = async () =>
					await magicHourRequest<ProjectDetail>(ctx, {
						method: 'GET',
						path: projectPath(kind, id),
						itemIndex: index,
						deadline,
						signal: runStop.signal,
					});
				binary = await downloads(
					async () =>
						await downloadOutputs(ctx, project, {
							kind,
							itemIndex: index,
							binaryPrefix,
							deadline,
							signal: runStop.signal,
							refresh,
						}),
				);
			}
			const json: IDataObject = { ...project };
			if (json.kind === undefined) json.kind = kind;
			const item: INodeExecutionData = { json, pairedItem: { item: index } };
			if (binary && Object.keys(binary).length) item.binary = binary;
			return item;
		} catch (error) {
			const failure = error instanceof Error ? error : new Error(String(error));
			if (!(failure instanceof ExecutionCancelledError)) recordProject(failure, ref);
			throw failure;
		}
	};

	const result = await runBatch({
		count: known.length,
		concurrency: Infinity,
		run: async (index) => [await waitAndDownload(index)],
		stops: stopsTheRun(ctx),
		onStop: () => {
			// Nobody will read the other items: stop polling and downloading for them.
			poller.stop(new ExecutionCancelledError());
			runStop.abort(new ExecutionCancelledError());
		},
	});
	ctx.logger?.debug?.(
		`Magic Hour: waited for ${known.length} project(s) with ${poller.stats.requests} status request(s), ` +
			`${poller.stats.rateLimitPauses} rate-limit pause(s)`,
	);
	return runOutput(ctx, result, (index) => known[index]);
}

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import type { ProjectKind } from '../catalog/types';
import { magicHourRequest } from '../transport/apiRequest';
import { ExecutionCancelledError } from '../transport/cancellableSleep';
import { downloadOutputs } from './downloads';
import { runBatch } from './batch';
import { readItemSettings, readRunSettings } from './executionSettings';
import { failureItem, recordProject, type FailedItemContext } from './projectFailure';
import { ProjectPoller, type PollerSettings } from './projectPoller';
import { DEFAULT_TIMEOUT_MINUTES, projectPath, type ProjectDetail } from './projectTypes';
import { WAIT_PARAM } from './waitForProjects.description';

export interface WaitForProjectsSettings {
	/** Poller tuning (spacing, in-flight bound, retry policy). Mode and interval come from the parameters. */
	poller?: Omit<PollerSettings, 'mode' | 'fixedIntervalMs'>;
	/** Downloads running at once across items. Default 3. */
	downloadConcurrency?: number;
}

const KINDS: readonly ProjectKind[] = ['image', 'video', 'audio'];
const DEFAULT_DOWNLOAD_CONCURRENCY = 3;
const DETECT_CONCURRENCY = 2;

interface ItemPlan {
	index: number;
	id: string;
	/** Undefined until detected. */
	kind: ProjectKind | undefined;
	download: boolean;
	binaryPrefix: string;
	timeoutMs: number | undefined;
}

function isKind(value: unknown): value is ProjectKind {
	return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** A tiny semaphore (p-limit style) so downloads and kind detection stay bounded. */
function limiter(concurrency: number) {
	let active = 0;
	const queue: Array<() => void> = [];
	const next = () => {
		if (active >= concurrency) return;
		const start = queue.shift();
		if (start) {
			active += 1;
			start();
		}
	};
	return async <T>(task: () => Promise<T>): Promise<T> =>
		await new Promise<T>((resolve, reject) => {
			queue.push(() => {
				task()
					.then(resolve, reject)
					.finally(() => {
						active -= 1;
						next();
					});
			});
			next();
		});
}

function readPlan(ctx: IExecuteFunctions, index: number): ItemPlan {
	const node = ctx.getNode();
	const rawId = ctx.getNodeParameter(WAIT_PARAM.projectId, index, '') as unknown;
	const id = typeof rawId === 'number' ? String(rawId) : typeof rawId === 'string' ? rawId.trim() : '';
	if (!id) {
		throw new NodeOperationError(node, 'No project ID', {
			description:
				'Set "Project ID", or feed items with an "id" field (the output of a Magic Hour node with waiting turned off).',
			itemIndex: index,
		});
	}
	const chosen = ctx.getNodeParameter(WAIT_PARAM.projectKind, index, 'auto') as string;
	let kind: ProjectKind | undefined;
	if (chosen === 'auto') {
		const fromInput = ctx.getInputData()[index]?.json?.kind;
		kind = isKind(fromInput) ? fromInput : undefined;
	} else if (isKind(chosen)) {
		kind = chosen;
	} else {
		throw new NodeOperationError(node, `Unknown project kind "${chosen}"`, {
			description: 'Use image, video or audio.',
			itemIndex: index,
		});
	}
	const { timeoutMinutes, binaryPrefix } = readItemSettings(ctx, index);
	return {
		index,
		id,
		kind,
		download: ctx.getNodeParameter(WAIT_PARAM.downloadOutputs, index, true) as boolean,
		binaryPrefix,
		timeoutMs: timeoutMinutes > 0 ? timeoutMinutes * 60_000 : undefined,
	};
}

/** Finds whether an ID is an image, video or audio project (a 404 means "not this kind"). */
async function detectKind(
	ctx: IExecuteFunctions,
	id: string,
	itemIndex: number,
	limits: { deadline?: number; signal: AbortSignal },
): Promise<{ kind: ProjectKind; detail: ProjectDetail }> {
	for (const kind of KINDS) {
		try {
			const detail = await magicHourRequest<ProjectDetail>(ctx, {
				method: 'GET',
				path: projectPath(kind, id),
				itemIndex,
				...limits,
			});
			return { kind, detail };
		} catch (error) {
			if (error instanceof NodeApiError && error.httpCode === '404') continue;
			// Both constructors hand back an error of their own class unchanged.
			if (error instanceof NodeApiError) throw new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		}
	}
	throw new NodeOperationError(ctx.getNode(), `Magic Hour has no project with ID ${id}`, {
		description:
			'It is not an image, video or audio project of this API key. Check the ID, and that the credentials use the key (and environment) that created it.',
		itemIndex,
	});
}

/**
 * The "Wait for Project" operation: waits for the project of every input item in one polling
 * loop, downloads the outputs when asked, and returns one item per input item in input order.
 */
export async function waitForProjects(
	this: IExecuteFunctions,
	settings: WaitForProjectsSettings = {},
): Promise<INodeExecutionData[][]> {
	return [await waitForProjectItems(this, settings)];
}

/** Same as waitForProjects, for callers holding the context: the items of the single output. */
export async function waitForProjectItems(
	ctx: IExecuteFunctions,
	settings: WaitForProjectsSettings = {},
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail();
	const run = readRunSettings(ctx);
	const poller = new ProjectPoller(ctx, { ...settings.poller, mode: run.pollingMode, fixedIntervalMs: run.fixedIntervalMs });
	const downloads = limiter(Math.max(1, settings.downloadConcurrency ?? DEFAULT_DOWNLOAD_CONCURRENCY));
	const detections = limiter(DETECT_CONCURRENCY);
	// Aborted when the node fails: the other items' requests and downloads stop.
	const runStop = new AbortController();

	// What each item knows about its project, for its error item.
	const known: FailedItemContext[] = items.map(() => ({ id: null, kind: null }));
	const runItem = async (index: number): Promise<INodeExecutionData> => {
		let plan: ItemPlan | undefined;
		try {
			plan = readPlan(ctx, index);
			known[index] = { id: plan.id, kind: plan.kind ?? null };
			// "Timeout (Minutes)" bounds kind detection, the wait and the download together.
			const startedAt = Date.now();
			let detail: ProjectDetail | undefined;
			if (!plan.kind) {
				const { id, timeoutMs } = plan;
				const limits = { deadline: timeoutMs ? startedAt + timeoutMs : undefined, signal: runStop.signal };
				const found = await detections(async () => await detectKind(ctx, id, index, limits));
				plan.kind = found.kind;
				known[index].kind = found.kind;
				detail = found.detail;
			}
			const kind = plan.kind;
			const deadline = { at: startedAt + (plan.timeoutMs ?? DEFAULT_TIMEOUT_MINUTES[kind] * 60_000), since: startedAt };
			const project = await poller.waitFor({
				id: plan.id,
				kind,
				itemIndex: index,
				expectedMs: 0,
				timeoutMs: Math.max(1, deadline.at - Date.now()),
				known: detail,
			});
			let binary: IBinaryKeyData | undefined;
			if (plan.download) {
				const { id, binaryPrefix } = plan;
				binary = await downloads(
					async () =>
						await downloadOutputs(ctx, project, {
							kind,
							itemIndex: index,
							binaryPrefix,
							deadline,
							signal: runStop.signal,
							refresh: async () =>
								await magicHourRequest<ProjectDetail>(ctx, {
									method: 'GET',
									path: projectPath(kind, id),
									itemIndex: index,
									deadline: deadline.at,
									signal: runStop.signal,
								}),
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
			if (plan && !(failure instanceof ExecutionCancelledError)) recordProject(failure, { id: plan.id, kind: plan.kind });
			throw failure;
		}
	};

	const { outcomes, stoppedBy } = await runBatch({
		count: items.length,
		// All items wait in one polling loop; downloads and detection have their own bounds.
		concurrency: Infinity,
		run: runItem,
		stops: (error) => !continueOnFail || error instanceof ExecutionCancelledError,
		onStop: () => {
			// Nobody will read the other items: stop polling and downloading for them.
			poller.stop(new ExecutionCancelledError());
			runStop.abort(new ExecutionCancelledError());
		},
	});
	ctx.logger?.debug?.(
		`Magic Hour: waited for ${items.length} project(s) with ${poller.stats.requests} status request(s), ` +
			`${poller.stats.rateLimitPauses} rate-limit pause(s)`,
	);
	if (stoppedBy) throw stoppedBy.error;

	return outcomes.map((outcome, index) =>
		outcome?.ok ? outcome.value : failureItem(ctx, outcome?.error, index, known[index]),
	);
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { estimateCredits, type PriceEstimate } from '../catalog/prices';
import { readMainOptions, readVideoSourceType } from '../catalog/properties';
import { toolRequestBody } from '../catalog/requestBody';
import type { ToolDeclaration } from '../catalog/types';
import { asNodeError } from '../transport/apiErrors';
import { cancelSignalOf, magicHourRequest } from '../transport/apiRequest';
import { throwIfCancelled } from '../transport/cancellation';
import { runsAsAgentTool } from './agentTool';
import { checkBalanceForBatch } from './balanceCheck';
import { runBatch } from './batch';
import { CreateGate } from './createGate';
import { downloadOutputs } from './downloads';
import { collectFileInputs, uploadPendingFiles, type CollectedFiles } from './fileInputs';
import { readItemSettings, readRunSettings } from './executionSettings';
import { failureItem } from './errors';
import { ProjectPoller } from './projectPoller';
import { itemDeadline } from './pollSchedule';
import { projectPath, type ProjectDetail } from './projectTypes';
import { notStartedError, notStartedNote, runCostHint, RUN_CREDITS_FIELD } from './runCost';
import { RunLedger } from './runLedger';
import { durationText, runProgressText } from './runSummary';
import { BudgetReachedError, SpendGuard } from './spendGuard';
import { validateToolBody } from './validateBody';

interface CreateResponse {
	id?: unknown;
	credits_charged?: number;
}

/** What one item runs with: its execution settings and the switches of the node. */
interface ItemRunSettings {
	waitForCompletion: boolean;
	downloadOutputs: boolean;
	binaryPrefix: string;
	jobName: string;
	expectedMs: number;
	/** 0: the kind's default. */
	timeoutMinutes: number;
}

/** Everything an item needs before its first request, checked. */
interface ItemPlan {
	settings: ItemRunSettings;
	fields: IDataObject;
	toolOptions: IDataObject;
	files: CollectedFiles;
	/** The request body before uploads (file inputs still to upload are empty): enough to price it. */
	draftBody: IDataObject;
}

function readFields(ctx: IExecuteFunctions, tool: ToolDeclaration, itemIndex: number): IDataObject {
	const fields: IDataObject = {};
	for (const field of tool.fields) {
		fields[field.name] = ctx.getNodeParameter(
			field.name,
			itemIndex,
			field.default,
		) as IDataObject[string];
	}
	const videoSourceType = readVideoSourceType(ctx, tool, itemIndex);
	if (videoSourceType) fields.videoSourceType = videoSourceType;
	return fields;
}

/** Separates the per-item job name (sent as the project's "name") from the tool's own options. */
function splitJobName(options: IDataObject): { toolOptions: IDataObject; jobName: string } {
	const { jobName, ...toolOptions } = options;
	return { toolOptions, jobName: String(jobName ?? '').trim() };
}

function itemRunSettings(
	ctx: IExecuteFunctions,
	tool: ToolDeclaration,
	jobName: string,
	itemIndex: number,
): ItemRunSettings {
	const waitForCompletion = ctx.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
	const { timeoutMinutes, expectedSeconds, binaryPrefix } = readItemSettings(ctx, itemIndex);
	return {
		waitForCompletion,
		downloadOutputs:
			waitForCompletion && (ctx.getNodeParameter('downloadOutputs', itemIndex, true) as boolean),
		binaryPrefix,
		jobName,
		expectedMs: (expectedSeconds || tool.expectedSeconds) * 1000,
		timeoutMinutes,
	};
}

/** Reads and checks one item (parameters, file inputs, the request body) without sending anything. */
async function planItem(
	ctx: IExecuteFunctions,
	tool: ToolDeclaration,
	itemIndex: number,
): Promise<ItemPlan> {
	const { toolOptions, jobName } = splitJobName({
		...(ctx.getNodeParameter('options', itemIndex, {}) as IDataObject),
		...readMainOptions(ctx, tool, itemIndex),
	});
	const settings = itemRunSettings(ctx, tool, jobName, itemIndex);
	const fields = readFields(ctx, tool, itemIndex);
	const files = await collectFileInputs(ctx, tool, fields, toolOptions, itemIndex);
	const body = toolRequestBody(
		tool,
		{ fields, options: toolOptions, files: files.values },
		settings.jobName,
	);
	validateToolBody(ctx.getNode(), tool, body, itemIndex);
	return { settings, fields, toolOptions, files, draftBody: body };
}

/**
 * Plans every item. Without "Continue On Fail" the first invalid item fails the run here, before
 * any request: a bad item must not leave the others' jobs created and charged.
 */
async function planAllItems(
	ctx: IExecuteFunctions,
	tool: ToolDeclaration,
	count: number,
	continueOnFail: boolean,
): Promise<Array<ItemPlan | Error>> {
	const plans: Array<ItemPlan | Error> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			plans.push(await planItem(ctx, tool, itemIndex));
		} catch (error) {
			plans.push(asNodeError(ctx.getNode(), error, itemIndex));
		}
	}
	const invalid = plans.flatMap((plan, itemIndex) => (plan instanceof Error ? [itemIndex] : []));
	if (!continueOnFail && invalid.length > 0) {
		const first = plans[invalid[0]] as Error & { description?: string | null };
		if (invalid.length > 1) {
			first.description = [
				first.description,
				`Other items with invalid input: item index ${invalid.slice(1).join(', ')}.`,
			]
				.filter(Boolean)
				.join('\n');
		}
		throw first;
	}
	return plans;
}

function missingIdError(
	ctx: IExecuteFunctions,
	created: CreateResponse,
	jobName: string,
	itemIndex: number,
) {
	const charged =
		typeof created.credits_charged === 'number'
			? ` (credits charged: ${created.credits_charged})`
			: '';
	const error = new NodeOperationError(
		ctx.getNode(),
		'Magic Hour accepted the job but returned no project ID',
		{
			itemIndex,
			description:
				`The create request succeeded and may have started a job that charges credits${charged}, so it was not sent again and nothing was polled. ` +
				`Look for it in your Magic Hour library${jobName ? ` under the job name "${jobName}"` : ' (set "Job Name" in the Options to find such jobs easily)'} before running this item again.`,
		},
	);
	error.context.jobMayExist = true;
	return error;
}

function summary(
	tool: ToolDeclaration,
	project: Partial<ProjectDetail> & { id: string },
): IDataObject {
	return {
		id: project.id,
		kind: tool.kind,
		tool: tool.operation,
		status: project.status ?? 'queued',
		credits_charged: project.credits_charged ?? null,
		downloads: project.downloads ?? [],
		error: project.error ?? null,
	};
}

/**
 * The dispatcher every tool node runs: first every item is checked (nothing is sent while any item
 * is invalid, unless "Continue On Fail"), then per item upload → create → wait → download, items
 * in parallel up to "Max Concurrent Jobs", all waits sharing one polling loop. Without "Continue On
 * Fail", the first failure starts no further upload or create; the error lists every job the run
 * created.
 */
export async function executeTool(
	this: IExecuteFunctions,
	tools: readonly ToolDeclaration[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const operation = this.getNodeParameter('operation', 0) as string;
	const tool = tools.find((candidate) => candidate.operation === operation);
	if (!tool) throw new NodeOperationError(node, `Unknown operation "${operation}"`);

	const startedAt = Date.now();
	const run = readRunSettings(this);
	// An agent gets a failure as a result with the project ID, so that it can check back or report it.
	const continueOnFail = this.continueOnFail() || runsAsAgentTool(this);
	const plans = await planAllItems(this, tool, items.length, continueOnFail);
	const guard = new SpendGuard(run.maxCredits);
	// Prices are only worked out for a budget: without one the run does exactly what it did before.
	const prices: Array<PriceEstimate | undefined> =
		run.maxCredits === undefined
			? []
			: plans.map((plan) =>
					plan instanceof Error ? undefined : estimateCredits(tool.endpoint, plan.draftBody),
				);
	if (run.maxCredits !== undefined) {
		const refusal = await checkBalanceForBatch(
			this,
			prices.filter((price): price is PriceEstimate => price !== undefined),
			run.maxCredits,
		);
		if (refusal && !continueOnFail) throw refusal;
		if (refusal) plans.forEach((plan, i) => plan instanceof Error || (plans[i] = refusal));
	}

	const poller = new ProjectPoller(this, {
		mode: run.pollingMode,
		fixedIntervalMs: run.fixedIntervalMs,
	});
	const ledger = new RunLedger(tool.displayName);
	const cancel = cancelSignalOf(this);
	// Stopped by the first failure (without "Continue On Fail"): no create starts, uploads, waits and downloads of the other items stop.
	const gate = new CreateGate(cancel);
	const runStop = gate.signal;
	// The job name identifies a job whose create response was lost (no id to report).
	const jobNames: Array<string | undefined> = new Array(items.length);

	const runItem = async (itemIndex: number): Promise<INodeExecutionData> => {
		const plan = plans[itemIndex];
		if (plan instanceof Error) throw plan;
		const { settings, fields, toolOptions, files } = plan;
		jobNames[itemIndex] = settings.jobName || undefined;

		const uploaded = await uploadPendingFiles(this, files.pending, itemIndex, runStop);
		const body = toolRequestBody(
			tool,
			{ fields, options: toolOptions, files: { ...files.values, ...uploaded } },
			settings.jobName,
		);
		validateToolBody(node, tool, body, itemIndex);

		// The gate is asked before every attempt: once the run has stopped, none starts (also not a
		// retry after a 429 wait); an attempt already sent is let finish, so its job's ID is known.
		// With a budget, the item's price is reserved first (admission may wait for creates in
		// flight), and the budget is asked again beside the gate before every attempt.
		const price = prices[itemIndex];
		if (price) {
			gate.assertMayStart();
			try {
				await guard.admit(itemIndex, price, runStop);
			} catch (error) {
				throw error instanceof BudgetReachedError
					? notStartedError(node, error, price, itemIndex)
					: error;
			}
		}
		ledger.sending(itemIndex, jobNames[itemIndex]);
		let created: CreateResponse;
		try {
			created = await magicHourRequest<CreateResponse>(this, {
				method: 'POST',
				path: tool.endpoint,
				body,
				itemIndex,
				signal: runStop,
				beforeAttempt: () => {
					gate.assertMayStart();
					if (price) guard.checkStillFits(itemIndex);
				},
			});
		} catch (error) {
			const failed = ledger.createFailed(itemIndex, error);
			if (ledger.mayHaveCreated(itemIndex)) guard.keep(itemIndex);
			else guard.release(itemIndex);
			throw error instanceof BudgetReachedError && price
				? notStartedError(node, error, price, itemIndex)
				: failed;
		}
		const credits =
			typeof created?.credits_charged === 'number' ? created.credits_charged : undefined;
		if (credits === undefined) guard.keep(itemIndex);
		else guard.settle(itemIndex, credits);
		const id = typeof created?.id === 'string' && created.id ? created.id : undefined;
		if (!id) {
			ledger.createdWithoutId(itemIndex, jobNames[itemIndex]);
			throw missingIdError(this, created ?? {}, settings.jobName, itemIndex);
		}
		ledger.created(itemIndex, id);
		if (credits !== undefined) ledger.charged(itemIndex, credits);
		// Answered after a cancel: the job is listed (log and error) and the node stops before any wait.
		throwIfCancelled(cancel);
		if (!settings.waitForCompletion) {
			return {
				json: summary(tool, { id, credits_charged: credits }),
				pairedItem: { item: itemIndex },
			};
		}
		// "Timeout (Minutes)" bounds the wait and the download together.
		const deadline = itemDeadline(tool.kind, settings.timeoutMinutes, Date.now());
		const project = await poller.waitFor({
			id,
			kind: tool.kind,
			itemIndex,
			expectedMs: settings.expectedMs,
			deadline,
			onStatus: (status) => ledger.status(itemIndex, status),
			// A video's charge is an estimate until the job ends; a failed job is refunded.
			onCredits: (charged) => {
				guard.settle(itemIndex, charged);
				ledger.charged(itemIndex, charged);
			},
		});
		const binary = settings.downloadOutputs
			? await downloadOutputs(this, project, {
					kind: tool.kind,
					itemIndex,
					binaryPrefix: settings.binaryPrefix,
					deadline,
					signal: runStop,
					refresh: async () =>
						await magicHourRequest<ProjectDetail>(this, {
							method: 'GET',
							path: projectPath(tool.kind, id),
							itemIndex,
							deadline,
							signal: runStop,
						}),
				})
			: undefined;
		return {
			json: { ...summary(tool, project), project },
			...(binary && Object.keys(binary).length ? { binary } : {}),
			pairedItem: { item: itemIndex },
		};
	};

	const { outcomes, stoppedBy } = await runBatch({
		count: items.length,
		concurrency: run.maxConcurrency,
		run: (itemIndex) =>
			runItem(itemIndex).catch((error: unknown) => {
				throw asNodeError(node, error, itemIndex);
			}),
		stops: () => !continueOnFail,
		onStop: (error) => {
			// The node fails: the other items start nothing new and stop waiting now.
			gate.stop(error);
			poller.stop();
		},
	});
	poller.stop();

	if (cancel?.aborted) {
		const lines = ledger.lines();
		this.logger.warn(
			lines.length
				? `Magic Hour: the execution was cancelled; jobs this run created (they may charge credits):\n${lines.join('\n')}`
				: 'Magic Hour: the execution was cancelled before any job was created',
		);
	}
	const runCredits = guard.total;
	// One hint under the output: what the run charged, how its jobs ended and how long it took.
	const addHint = (progress: string) => {
		const hint = runCostHint(
			ledger.projects.length,
			runCredits,
			run.maxCredits,
			tool.kind === 'video',
			progress,
		);
		// Older n8n versions have no execution hints.
		if (hint && typeof this.addExecutionHints === 'function') this.addExecutionHints(hint);
	};
	if (stoppedBy) {
		addHint(`took ${durationText(Date.now() - startedAt)}`);
		const error = ledger.annotate(stoppedBy.error as Error);
		if (run.maxCredits !== undefined) notStartedNote(error, outcomes, runCredits);
		throw error;
	}

	const output = outcomes.map((outcome, itemIndex): INodeExecutionData => {
		if (outcome?.ok) {
			return {
				...outcome.value,
				json: { ...outcome.value.json, [RUN_CREDITS_FIELD]: runCredits },
			};
		}
		const entry = ledger.projects.find((project) => project.itemIndex === itemIndex);
		return failureItem(this, outcome?.error, itemIndex, {
			id: entry?.id ?? null,
			kind: tool.kind,
			tool: tool.operation,
			name: jobNames[itemIndex],
			runCreditsCharged: runCredits,
		});
	});
	addHint(runProgressText(output, Date.now() - startedAt));
	return [output];
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { RUN_OPTION_NAMES } from '../catalog/properties';
import type { ToolDeclaration } from '../catalog/types';
import { asNodeError } from '../transport/apiErrors';
import { magicHourRequest } from '../transport/apiRequest';
import { runsAsAgentTool } from './agentTool';
import { runWithConcurrency } from './concurrency';
import { downloadOutputs } from './downloads';
import { errorItem } from './errorItem';
import { collectFileInputs, uploadPendingFiles } from './fileInputs';
import { ProjectPoller } from './projectPoller';
import { DEFAULT_TIMEOUT_MINUTES, projectPath, type ProjectDetail } from './projectTypes';
import { validateToolBody } from './validateBody';

interface CreateResponse {
	id: string;
	credits_charged: number;
}

interface RunSettings {
	waitForCompletion: boolean;
	downloadOutputs: boolean;
	binaryPrefix: string;
	jobName: string;
	expectedMs: number;
	timeoutMs: number;
}

function readFields(ctx: IExecuteFunctions, tool: ToolDeclaration, itemIndex: number): IDataObject {
	const fields: IDataObject = {};
	for (const field of tool.fields) {
		fields[field.name] = ctx.getNodeParameter(field.name, itemIndex, field.default) as IDataObject[string];
	}
	return fields;
}

function splitOptions(all: IDataObject): { toolOptions: IDataObject; run: IDataObject } {
	const toolOptions: IDataObject = {};
	const run: IDataObject = {};
	for (const [name, value] of Object.entries(all)) (RUN_OPTION_NAMES.has(name) ? run : toolOptions)[name] = value;
	return { toolOptions, run };
}

function runSettings(ctx: IExecuteFunctions, tool: ToolDeclaration, run: IDataObject, itemIndex: number): RunSettings {
	const waitForCompletion = ctx.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
	const timeoutMinutes = Number(run.timeoutMinutes) > 0 ? Number(run.timeoutMinutes) : DEFAULT_TIMEOUT_MINUTES[tool.kind];
	const expectedSeconds = Number(run.expectedSeconds) > 0 ? Number(run.expectedSeconds) : tool.expectedSeconds;
	return {
		waitForCompletion,
		downloadOutputs: waitForCompletion && (ctx.getNodeParameter('downloadOutputs', itemIndex, true) as boolean),
		binaryPrefix: String(run.binaryPropertyPrefix || 'data'),
		jobName: String(run.jobName ?? '').trim(),
		expectedMs: expectedSeconds * 1000,
		timeoutMs: timeoutMinutes * 60_000,
	};
}

function summary(tool: ToolDeclaration, project: Partial<ProjectDetail> & { id: string }): IDataObject {
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
 * The dispatcher every tool node runs: per item validate → upload → create → wait → download,
 * items in parallel up to "Max Concurrent Jobs", all waits sharing one polling loop.
 */
export async function executeTool(
	this: IExecuteFunctions,
	tools: readonly ToolDeclaration[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as string;
	const tool = tools.find((candidate) => candidate.operation === operation);
	if (!tool) throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`);

	const firstRun = splitOptions(this.getNodeParameter('options', 0, {}) as IDataObject).run;
	const poller = new ProjectPoller(this, {
		mode: firstRun.pollingMode === 'fixed' ? 'fixed' : 'automatic',
		fixedIntervalMs: Math.max(50, Number(firstRun.pollIntervalSeconds ?? 3) * 1000),
	});
	const concurrency = Math.max(1, Math.floor(Number(firstRun.maxConcurrency ?? 5)));

	// Once a job exists its id must reach the user, even when the item fails later.
	const createdIds: Array<string | undefined> = new Array(items.length);
	// The job name identifies a job whose create response was lost (no id to report).
	const jobNames: Array<string | undefined> = new Array(items.length);
	const runItem = async (itemIndex: number): Promise<INodeExecutionData> => {
		const { toolOptions, run } = splitOptions(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
		const settings = runSettings(this, tool, run, itemIndex);
		jobNames[itemIndex] = settings.jobName || undefined;
		const fields = readFields(this, tool, itemIndex);
		const files = await collectFileInputs(this, tool, fields, toolOptions, itemIndex);

		const withName = (body: IDataObject) => (settings.jobName ? { name: settings.jobName, ...body } : body);
		validateToolBody(this.getNode(), tool, withName(tool.buildBody({ fields, options: toolOptions, files: files.values })), itemIndex);

		const uploaded = await uploadPendingFiles(this, files.pending, itemIndex);
		const body = withName(tool.buildBody({ fields, options: toolOptions, files: { ...files.values, ...uploaded } }));
		validateToolBody(this.getNode(), tool, body, itemIndex);

		const created = await magicHourRequest<CreateResponse>(this, { method: 'POST', path: tool.endpoint, body, itemIndex });
		createdIds[itemIndex] = created.id;
		if (!settings.waitForCompletion) {
			return { json: summary(tool, { id: created.id, credits_charged: created.credits_charged }), pairedItem: { item: itemIndex } };
		}
		const project = await poller.waitFor({
				id: created.id,
				kind: tool.kind,
				itemIndex,
				expectedMs: settings.expectedMs,
				timeoutMs: settings.timeoutMs,
			});
		const binary = settings.downloadOutputs
			? await downloadOutputs(this, project, {
					kind: tool.kind,
					itemIndex,
					binaryPrefix: settings.binaryPrefix,
					refresh: async () =>
						magicHourRequest<ProjectDetail>(this, { method: 'GET', path: projectPath(tool.kind, created.id), itemIndex }),
				})
			: undefined;
		return {
			json: { ...summary(tool, project), project },
			...(binary && Object.keys(binary).length ? { binary } : {}),
			pairedItem: { item: itemIndex },
		};
	};

	// An agent gets a failure as a result with the project ID, so that it can check back or report it.
	const continueOnFail = this.continueOnFail() || runsAsAgentTool(this);
	let firstFailure: { itemIndex: number; error: unknown } | undefined;
	const outcomes = await runWithConcurrency(
		items.length,
		concurrency,
		async (itemIndex) => {
			try {
				return await runItem(itemIndex);
			} catch (error) {
				const nodeError = asNodeError(this.getNode(), error, itemIndex);
				if (!continueOnFail && !firstFailure) {
					firstFailure = { itemIndex, error: nodeError };
					poller.stop(); // the node fails: stop the other items' waits now
				}
				throw nodeError;
			}
		},
		!continueOnFail,
	);
	poller.stop();

	if (firstFailure) {
		const { error, itemIndex } = firstFailure;
		const projectId = createdIds[itemIndex];
		if (projectId && error instanceof Error) {
			(error as NodeOperationError).description = [
				(error as NodeOperationError).description,
				`Magic Hour project ID: ${projectId} (use "Wait for Project" to pick it up instead of paying again).`,
			]
				.filter(Boolean)
				.join('\n');
		}
		throw error;
	}

	return [
		outcomes.map((outcome, itemIndex): INodeExecutionData => {
			if (outcome?.ok) return outcome.value;
			const error = outcome?.error;
			// What the engine knows about the project (status, Magic Hour's error code), as "Wait for Project" reports it.
			const context = ((error as NodeOperationError)?.context ?? {}) as IDataObject;
			return errorItem(
				this,
				{
					error: (error as Error)?.message ?? String(error),
					description: (error as NodeOperationError)?.description ?? null,
					id: createdIds[itemIndex] ?? null,
					kind: tool.kind,
					tool: tool.operation,
					...(jobNames[itemIndex] ? { name: jobNames[itemIndex] } : {}),
					...(typeof context.status === 'string' && context.status !== 'unknown' ? { status: context.status } : {}),
					...(typeof context.errorCode === 'string' ? { code: context.errorCode } : {}),
				},
				itemIndex,
			);
		}),
	];
}

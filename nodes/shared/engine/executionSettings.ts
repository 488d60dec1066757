import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { binaryFieldName } from './binaryNames';
import { DEFAULT_BINARY_PREFIX } from './downloads';
import { NUMBER_RULES, numberOption } from './numberOption';
import type { PollingMode } from './projectPoller';

/** The node-level collection holding how a run executes (not what Magic Hour is asked to make). */
export const EXECUTION_SETTINGS = 'executionSettings';

const pollingMode: INodeProperties = {
	displayName: 'Polling Interval',
	name: 'pollingMode',
	type: 'options',
	options: [
		{
			name: 'Automatic',
			value: 'automatic',
			description: 'First check shortly before a job of this kind usually finishes, then back off',
		},
		{ name: 'Fixed', value: 'fixed', description: 'Check every N seconds' },
	],
	default: 'automatic',
	description:
		'How often to ask Magic Hour for the status of the jobs. Applies to the whole run (an expression here is evaluated once, for the first item).',
};

const pollIntervalSeconds: INodeProperties = {
	displayName: 'Poll Every (Seconds)',
	name: 'pollIntervalSeconds',
	type: 'number',
	typeOptions: { minValue: 0.05, numberPrecision: 2 },
	default: 3,
	description:
		'Used with the Fixed polling interval. Applies to the whole run (an expression here is evaluated once, for the first item).',
};

/** Version 2's one polling setting (version 1 had "Polling Interval" and "Poll Every (Seconds)"). */
const checkEverySeconds: INodeProperties = {
	displayName: 'Check Status Every (Seconds)',
	name: 'checkEverySeconds',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description:
		'0 checks automatically: first shortly before a job of this kind usually finishes, then less often. Any other number checks at that fixed pace (0.05 or more). Applies to the whole run.',
};

const maxConcurrency: INodeProperties = {
	displayName: 'Max Concurrent Jobs',
	name: 'maxConcurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: 5,
	description:
		'How many input items run at Magic Hour at the same time. Applies to the whole run (an expression here is evaluated once, for the first item).',
};

const maxCreditsPerRun: INodeProperties = {
	displayName: 'Max Credits per Run',
	name: 'maxCreditsPerRun',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		'Budget of this node per execution: no job starts that would take the credits it charged past it (items not started end as errors that cost nothing), and a batch of several items first checks the account balance. 0: no limit. Applies to the whole run (an expression here is evaluated once, for the first item).',
};

const timeoutMinutes: INodeProperties = {
	displayName: 'Timeout (Minutes)',
	name: 'timeoutMinutes',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description:
		'Give up waiting (and downloading) after this long. 0 uses a default that fits the kind (image 10, audio 10, video 60). Read for each item (an expression here may use the item).',
};

const expectedSeconds: INodeProperties = {
	displayName: 'Expected Duration (Seconds)',
	name: 'expectedSeconds',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description:
		'How long jobs usually take. 0 uses the documented median of the tool. Automatic polling checks first shortly before it. Read for each item (an expression here may use the item).',
};

const binaryPropertyPrefix: INodeProperties = {
	displayName: 'Binary Property Prefix',
	name: 'binaryPropertyPrefix',
	type: 'string',
	default: DEFAULT_BINARY_PREFIX,
	description:
		'Binary field of the first output file; further files get _1, _2, … appended (data, data_1, …). Read for each item (an expression here may use the item).',
};

function collection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Execution Settings',
		name: EXECUTION_SETTINGS,
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'How the node runs: polling, parallel jobs, timeout and output field names',
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Execution settings of the tool nodes (create, wait, download). */
export function toolExecutionSettingsProperty(version = 1): INodeProperties {
	return collection([
		...(version < 2 ? [pollingMode, pollIntervalSeconds] : [checkEverySeconds]),
		maxConcurrency,
		maxCreditsPerRun,
		timeoutMinutes,
		expectedSeconds,
		binaryPropertyPrefix,
	]);
}

/** Execution settings of "Wait for Project" (wait, download). */
export function waitExecutionSettingsProperty(): INodeProperties {
	return collection([pollingMode, pollIntervalSeconds, timeoutMinutes, binaryPropertyPrefix]);
}

/** Settings that hold for the whole run: one polling loop and one worker pool serve every item. */
export interface RunSettings {
	pollingMode: PollingMode;
	fixedIntervalMs: number;
	maxConcurrency: number;
	/** "Max Credits per Run"; undefined: no limit. */
	maxCredits: number | undefined;
}

/** Settings read for each item. */
export interface ItemSettings {
	/** 0: the default of the project kind. */
	timeoutMinutes: number;
	/** 0: the tool's documented median. */
	expectedSeconds: number;
	binaryPrefix: string;
}

function settingsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return ctx.getNodeParameter(EXECUTION_SETTINGS, itemIndex, {}) as IDataObject;
}

/** Reads and checks the per-run settings once (from the first item), before any request. */
export function readRunSettings(ctx: IExecuteFunctions): RunSettings {
	const node = ctx.getNode();
	const settings = settingsOf(ctx, 0);
	const maxConcurrency = numberOption(
		node,
		settings.maxConcurrency,
		5,
		NUMBER_RULES.maxConcurrency,
		0,
	);
	const maxCredits =
		numberOption(node, settings.maxCreditsPerRun, 0, NUMBER_RULES.maxCreditsPerRun, 0) || undefined;
	if (settings.checkEverySeconds !== undefined) {
		const every = numberOption(
			node,
			settings.checkEverySeconds,
			0,
			NUMBER_RULES.checkEverySeconds,
			0,
		);
		return {
			pollingMode: every > 0 ? 'fixed' : 'automatic',
			fixedIntervalMs: Math.max(every, NUMBER_RULES.pollIntervalSeconds.min) * 1000,
			maxConcurrency,
			maxCredits,
		};
	}
	const seconds = numberOption(
		node,
		settings.pollIntervalSeconds,
		3,
		NUMBER_RULES.pollIntervalSeconds,
		0,
	);
	return {
		pollingMode: settings.pollingMode === 'fixed' ? 'fixed' : 'automatic',
		fixedIntervalMs: seconds * 1000,
		maxConcurrency,
		maxCredits,
	};
}

/** Reads and checks the per-item settings of one item. */
export function readItemSettings(ctx: IExecuteFunctions, itemIndex: number): ItemSettings {
	const node = ctx.getNode();
	const settings = settingsOf(ctx, itemIndex);
	return {
		timeoutMinutes: numberOption(
			node,
			settings.timeoutMinutes,
			0,
			NUMBER_RULES.timeoutMinutes,
			itemIndex,
		),
		expectedSeconds: numberOption(
			node,
			settings.expectedSeconds,
			0,
			NUMBER_RULES.expectedSeconds,
			itemIndex,
		),
		binaryPrefix: binaryFieldName(
			node,
			settings.binaryPropertyPrefix,
			'Binary Property Prefix',
			itemIndex,
			DEFAULT_BINARY_PREFIX,
		),
	};
}

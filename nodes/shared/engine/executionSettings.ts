import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { binaryFieldName } from './binaryNames';
import { DEFAULT_BINARY_PREFIX } from './downloads';
import type { PollingMode } from './pollSchedule';

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

/** The interval of the Fixed polling mode when none is set. */
export const DEFAULT_FIXED_INTERVAL_MS = (pollIntervalSeconds.default as number) * 1000;

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

interface NumberRule {
	/** The field's name as the user sees it. */
	label: string;
	min: number;
	max?: number;
	integer?: boolean;
	/** Where the field is, as in "Set <label> <where>". Default: in the node's Execution Settings. */
	where?: string;
}

function shown(value: unknown): string {
	const text =
		typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The rule of a number setting, read off its property: label, range, and whole numbers only when
 * the property sets no decimal places.
 */
function numberRule(property: INodeProperties, where?: string): NumberRule {
	const { minValue, maxValue, numberPrecision } = property.typeOptions ?? {};
	return {
		label: property.displayName,
		min: typeof minValue === 'number' ? minValue : 0,
		max: typeof maxValue === 'number' ? maxValue : undefined,
		integer: numberPrecision === undefined,
		where,
	};
}

/** A number setting checked by the rule of its property; unset gives the property's default. */
export function numberSetting(
	node: INode,
	value: unknown,
	property: INodeProperties,
	itemIndex: number,
	where?: string,
): number {
	return numberOption(
		node,
		value,
		property.default as number,
		numberRule(property, where),
		itemIndex,
	);
}

/**
 * A number option as the node uses it: unset gives `fallback`; a number (or numeric text, as an
 * expression may return) within the rule's range is taken; anything else fails naming the field,
 * before any request (an option that is not a number must not quietly turn into another setting).
 */
function numberOption(
	node: INode,
	value: unknown,
	fallback: number,
	rule: NumberRule,
	itemIndex: number,
): number {
	if (value === undefined || value === null) return fallback;
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim()
				? Number(value)
				: NaN;
	const range = rule.max === undefined ? `${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
	const fail = (problem: string) =>
		new NodeOperationError(node, `"${rule.label}" ${problem}`, {
			itemIndex,
			description: `Set "${rule.label}" ${rule.where ?? "in the node's Execution Settings"} to a number ${range}; an expression there must return a number. Nothing was sent to Magic Hour and no credits were used.`,
		});
	if (!Number.isFinite(number)) throw fail(`must be a number, but it is ${shown(value)}`);
	if (number < rule.min || (rule.max !== undefined && number > rule.max))
		throw fail(`must be ${range}, but it is ${number}`);
	return rule.integer ? Math.floor(number) : number;
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
	const concurrency = numberSetting(node, settings.maxConcurrency, maxConcurrency, 0);
	const maxCredits =
		numberSetting(node, settings.maxCreditsPerRun, maxCreditsPerRun, 0) || undefined;
	if (settings.checkEverySeconds !== undefined) {
		const every = numberSetting(node, settings.checkEverySeconds, checkEverySeconds, 0);
		return {
			pollingMode: every > 0 ? 'fixed' : 'automatic',
			fixedIntervalMs: Math.max(every, numberRule(pollIntervalSeconds).min) * 1000,
			maxConcurrency: concurrency,
			maxCredits,
		};
	}
	const seconds = numberSetting(node, settings.pollIntervalSeconds, pollIntervalSeconds, 0);
	return {
		pollingMode: settings.pollingMode === 'fixed' ? 'fixed' : 'automatic',
		fixedIntervalMs: seconds * 1000,
		maxConcurrency: concurrency,
		maxCredits,
	};
}

/** Reads and checks the per-item settings of one item. */
export function readItemSettings(ctx: IExecuteFunctions, itemIndex: number): ItemSettings {
	const node = ctx.getNode();
	const settings = settingsOf(ctx, itemIndex);
	return {
		timeoutMinutes: numberSetting(node, settings.timeoutMinutes, timeoutMinutes, itemIndex),
		expectedSeconds: numberSetting(node, settings.expectedSeconds, expectedSeconds, itemIndex),
		binaryPrefix: binaryFieldName(
			node,
			settings.binaryPropertyPrefix,
			'Binary Property Prefix',
			itemIndex,
			DEFAULT_BINARY_PREFIX,
		),
	};
}

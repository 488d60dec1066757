import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { acceptedExtensions } from './fileFormats';
import type { AssetType, FileInputDeclaration, FileSpec, ToolDeclaration } from './types';

const SOURCE_URL = { name: 'URL', value: 'url', description: 'A public URL, or a Magic Hour file path (api-assets/...)' };
const SOURCE_BINARY = { name: 'Binary File', value: 'binary', description: 'A file from a previous node, uploaded to Magic Hour first' };
const SOURCE_NONE = { name: 'None', value: 'none' };

function formatsText(assetType: AssetType, extra?: readonly string[]): string {
	return acceptedExtensions(assetType, extra).join(', ');
}

function withOperation(
	operation: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties['displayOptions'] {
	return {
		...displayOptions,
		show: { ...(displayOptions?.show ?? {}), operation: [operation] },
	};
}

/** The three parameters of one file input: where it comes from, its URL, its binary field. */
export function fileInputProperties(input: FileInputDeclaration): INodeProperties[] {
	const sourceName = `${input.name}Source`;
	const formats = formatsText(input.assetType, input.extraExtensions);
	const defaultSource = input.required ? 'url' : 'none';
	return [
		{
			displayName: `${input.displayName} Source`,
			name: sourceName,
			type: 'options',
			options: input.required ? [SOURCE_URL, SOURCE_BINARY] : [SOURCE_NONE, SOURCE_URL, SOURCE_BINARY],
			default: defaultSource,
			description: input.description,
			displayOptions: input.displayOptions,
		},
		{
			displayName: `${input.displayName} URL`,
			name: `${input.name}Url`,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/file',
			description: `Public URL of the ${input.assetType} (${formats}), or a file path from "Upload File"`,
			displayOptions: {
				...input.displayOptions,
				show: { ...(input.displayOptions?.show ?? {}), [sourceName]: ['url'] },
			},
		},
		{
			displayName: `${input.displayName} Input Binary Field`,
			name: `${input.name}BinaryProperty`,
			type: 'string',
			default: 'data',
			required: true,
			hint: `The binary field of the input item holding the ${input.assetType} (${formats})`,
			description: 'Name of the binary property that contains the file',
			displayOptions: {
				...input.displayOptions,
				show: { ...(input.displayOptions?.show ?? {}), [sourceName]: ['binary'] },
			},
		},
	];
}

/** Source/URL/binary-field parameters for a file inside a fixedCollection entry (face mappings, image lists). */
export function nestedFileSourceProperties(assetType: AssetType, label: string): INodeProperties[] {
	const formats = formatsText(assetType);
	return [
		{
			displayName: `${label} Source`,
			name: 'source',
			type: 'options',
			options: [SOURCE_URL, SOURCE_BINARY],
			default: 'url',
		},
		{
			displayName: `${label} URL`,
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/file',
			description: `Public URL (${formats}) or a Magic Hour file path`,
			displayOptions: { show: { source: ['url'] } },
		},
		{
			displayName: `${label} Input Binary Field`,
			name: 'binaryProperty',
			type: 'string',
			default: 'data',
			description: 'Name of the binary property of the input item that holds the file',
			displayOptions: { show: { source: ['binary'] } },
		},
	];
}

export function readNestedFileSpec(entry: IDataObject): FileSpec {
	return {
		source: entry.source === 'binary' ? 'binary' : 'url',
		url: typeof entry.url === 'string' ? entry.url : undefined,
		binaryProperty: typeof entry.binaryProperty === 'string' ? entry.binaryProperty : 'data',
	};
}

/** Run settings every tool shares, added to each tool's "Options". */
export const RUN_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Binary Property Prefix',
		name: 'binaryPropertyPrefix',
		type: 'string',
		default: 'data',
		description: 'Name of the binary field for the first output; further outputs get _1, _2, … appended',
	},
	{
		displayName: 'Job Name',
		name: 'jobName',
		type: 'string',
		default: '',
		description: 'Name shown in your Magic Hour library. Magic Hour picks one when empty.',
	},
	{
		displayName: 'Max Concurrent Jobs',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: 5,
		description: 'How many input items run at Magic Hour at the same time',
	},
	{
		displayName: 'Polling Interval',
		name: 'pollingMode',
		type: 'options',
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description: 'First check shortly before a job of this tool usually finishes, then back off',
			},
			{ name: 'Fixed', value: 'fixed', description: 'Check every N seconds' },
		],
		default: 'automatic',
	},
	{
		displayName: 'Poll Every (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 0.05, numberPrecision: 2 },
		default: 3,
		description: 'Used with the Fixed polling interval',
	},
	{
		displayName: 'Expected Duration (Seconds)',
		name: 'expectedSeconds',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description:
			'How long jobs usually take. 0 uses the documented median of the tool. Automatic polling checks first shortly before it.',
	},
	{
		displayName: 'Timeout (Minutes)',
		name: 'timeoutMinutes',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 0,
		description: 'Give up waiting after this long. 0 uses a default that fits the kind (image 10, audio 10, video 60).',
	},
];

export const RUN_OPTION_NAMES = new Set(RUN_OPTIONS.map((option) => option.name));

/** Parameters shared by all tools of a node: wait and download switches. */
export function runProperties(operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description: 'Whether to wait until Magic Hour has finished the job. Off: output the project ID at once (use "Wait for Project" later).',
			displayOptions: { show: { operation: operations, '@tool': [false] } },
		},
		{
			displayName: 'Download Outputs',
			name: 'downloadOutputs',
			type: 'boolean',
			default: true,
			description: 'Whether to download the finished files into binary data of the output item',
			displayOptions: { show: { operation: operations, waitForCompletion: [true], '@tool': [false] } },
		},
	];
}

/** All parameters of one tool, shown only when its operation is selected. */
export function toolProperties(tool: ToolDeclaration): INodeProperties[] {
	const scoped = (property: INodeProperties): INodeProperties => ({
		...property,
		displayOptions: withOperation(tool.operation, property.displayOptions),
	});
	const options: INodeProperties = {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...tool.optionalFields, ...RUN_OPTIONS].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
	// n8n resolves displayOptions in property order: a field that decides whether a file input
	// shows (e.g. "Video Source") must come before that file input.
	const controlling = new Set(
		tool.files.flatMap((file) => [
			...Object.keys(file.displayOptions?.show ?? {}),
			...Object.keys(file.displayOptions?.hide ?? {}),
		]),
	);
	return [
		...tool.fields.filter((field) => controlling.has(field.name)).map(scoped),
		...tool.files.flatMap(fileInputProperties).map(scoped),
		...tool.fields.filter((field) => !controlling.has(field.name)).map(scoped),
		scoped(options),
	];
}

export function operationProperty(tools: readonly ToolDeclaration[]): INodeProperties {
	const firstOperation = tools[0].operation;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [...tools]
			.sort((a, b) => a.displayName.localeCompare(b.displayName))
			.map((tool) => ({
				name: tool.displayName,
				value: tool.operation,
				action: tool.action,
				description: tool.description,
			})),
		default: firstOperation,
	};
}

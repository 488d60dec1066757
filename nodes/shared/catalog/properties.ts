import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { toolExecutionSettingsProperty } from '../engine/executionSettings';
import { SAVED_FILES_METHOD } from '../engine/savedItems';
import { acceptedExtensions } from './fileFormats';
import { timeAndCostNotice } from './runNotice';
import type {
	FileInputDeclaration,
	FileSpec,
	ProjectKind,
	ToolDeclaration,
	ToolField,
} from './types';

const SOURCE_URL = {
	name: 'Link',
	value: 'url',
	description: 'A public link (https://…) to the file, or a Magic Hour file path (api-assets/…)',
};
const SOURCE_BINARY = {
	name: 'File From a Previous Node',
	value: 'binary',
	description:
		'A file an earlier node read or downloaded (binary data); it is uploaded to Magic Hour first',
};
const SOURCE_SAVED = {
	name: 'My Magic Hour Library',
	value: 'savedItem',
	description: 'A character, reference or voice saved in your Magic Hour library: no upload',
};
const SOURCE_NONE = { name: 'None', value: 'none' };
const SOURCE_YOUTUBE = { name: 'YouTube Link', value: 'youtube', description: 'A YouTube video' };

const EXPRESSION_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** The saved-item picker of a file input: its value is the asset's permanent file path. */
function savedItemProperty(
	name: string,
	label: string,
	assetType: ProjectKind,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: `${label} Saved Item Name or ID`,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: SAVED_FILES_METHOD[assetType] },
		default: '',
		description: `The ${assetType} of a saved item in your Magic Hour library (a saved-items/... file path). ${EXPRESSION_HINT}.`,
		displayOptions,
	};
}

function formatsText(assetType: ProjectKind, extra?: readonly string[]): string {
	return acceptedExtensions(assetType, extra).join(', ');
}

/** The three parameters of one file input: where it comes from, its URL, its binary field. */
export function fileInputProperties(
	input: FileInputDeclaration,
	extraSources: INodePropertyOptions[] = [],
): INodeProperties[] {
	const sourceName = `${input.name}Source`;
	const formats = formatsText(input.assetType, input.extraExtensions);
	const defaultSource = input.required ? 'url' : 'none';
	return [
		{
			displayName: `Get ${input.displayName} From`,
			name: sourceName,
			type: 'options',
			options: [
				...(input.required ? [] : [SOURCE_NONE]),
				SOURCE_URL,
				SOURCE_BINARY,
				SOURCE_SAVED,
				...extraSources,
			],
			default: defaultSource,
			description: input.description,
			displayOptions: input.displayOptions,
		},
		{
			displayName: `${input.displayName} Link`,
			name: `${input.name}Url`,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com/file',
			description: `Public link to the ${input.assetType} (${formats}), or a Magic Hour file path from the Magic Hour node's "Upload a file"`,
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
		{
			...savedItemProperty(`${input.name}SavedItem`, input.displayName, input.assetType, {
				...input.displayOptions,
				show: { ...(input.displayOptions?.show ?? {}), [sourceName]: ['savedItem'] },
			}),
			required: true,
		},
	];
}

/** Source/URL/binary-field parameters for a file inside a fixedCollection entry (face mappings, image lists). */
export function nestedFileSourceProperties(
	assetType: ProjectKind,
	label: string,
): INodeProperties[] {
	const formats = formatsText(assetType);
	return [
		{
			displayName: `Get ${label} From`,
			name: 'source',
			type: 'options',
			options: [SOURCE_URL, SOURCE_BINARY, SOURCE_SAVED],
			default: 'url',
		},
		{
			displayName: `${label} Link`,
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
		savedItemProperty('savedItem', label, assetType, { show: { source: ['savedItem'] } }),
	];
}

export function readNestedFileSpec(entry: IDataObject): FileSpec {
	// A saved item is a file path like a URL: nothing to upload.
	const url = entry.source === 'savedItem' ? entry.savedItem : entry.url;
	return {
		source: entry.source === 'binary' ? 'binary' : 'url',
		url: typeof url === 'string' ? url : undefined,
		binaryProperty: typeof entry.binaryProperty === 'string' ? entry.binaryProperty : 'data',
	};
}

/** The per-item job name every tool's "Options" offer: it goes into the create request. */
export const JOB_NAME_OPTION: INodeProperties = {
	displayName: 'Job Name',
	name: 'jobName',
	type: 'string',
	default: '',
	description: 'Name shown in your Magic Hour library. Magic Hour picks one when empty.',
};

/** Parameters shared by all tools of a node: wait and download switches, execution settings. */
export function runProperties(operations: string[], version = 1): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until Magic Hour has finished the job. Off: output the project ID at once (use "Wait for Project" later).',
			displayOptions: { show: { operation: operations, '@tool': [false] } },
		},
		{
			displayName: 'Download Outputs',
			name: 'downloadOutputs',
			type: 'boolean',
			default: true,
			description: 'Whether to download the finished files into binary data of the output item',
			displayOptions: {
				show: { operation: operations, waitForCompletion: [true], '@tool': [false] },
			},
		},
		{
			...toolExecutionSettingsProperty(version),
			displayOptions: { show: { operation: operations } },
		},
	];
}

/** A tool parameter as n8n shows it: the body path is the package's own, not n8n's. */
function nodeProperty(field: ToolField): INodeProperties {
	const property = { ...field };
	delete property.body;
	return property;
}

/**
 * Options that version 2 shows as main fields, because they decide quality and cost: the model,
 * when its default is Magic Hour's own recommendation ("default"), so that showing it changes
 * nothing a user did not choose.
 */
export function mainOptionsOf(tool: ToolDeclaration, version: number): ToolField[] {
	if (version < 2) return [];
	return tool.optionalFields.filter(
		(field) => field.name === 'model' && field.default === 'default',
	);
}

/** The values of the main options of version 2, merged into the tool's options before a run. */
export function readMainOptions(
	ctx: Pick<IExecuteFunctions, 'getNode' | 'getNodeParameter'>,
	tool: ToolDeclaration,
	itemIndex: number,
): IDataObject {
	const values: IDataObject = {};
	for (const field of mainOptionsOf(tool, ctx.getNode().typeVersion)) {
		values[field.name] = ctx.getNodeParameter(field.name, itemIndex, field.default) as string;
	}
	return values;
}

const END_TIME_HINT =
	'Required: Magic Hour needs the second where the clip ends (e.g. 30 for the first 30 seconds) and renders and charges up to there';

/**
 * Version 2 pre-fills no clip end: version 1's 5 seconds cut longer videos short unasked. The
 * field starts at 0, which the node refuses before sending anything, so the user sets it.
 */
function fieldForVersion(field: INodeProperties, version: number): INodeProperties {
	if (version < 2 || field.name !== 'endSeconds') return field;
	return { ...field, default: 0, required: true, hint: END_TIME_HINT };
}

/**
 * Version 2 asks where the video comes from once: "Get Video From" Link / File From a Previous
 * Node / My Magic Hour Library / YouTube Link. Version 1 asked "Video Source" (File or YouTube)
 * first, then where the file comes from. The tools still read `videoSourceType`: see
 * readVideoSourceType.
 */
function hasOneVideoChoice(tool: ToolDeclaration, version: number): boolean {
	return version >= 2 && tool.fields.some((field) => field.name === 'videoSourceType');
}

function oneVideoChoice(tool: ToolDeclaration, version: number) {
	if (!hasOneVideoChoice(tool, version)) return { fields: tool.fields, files: tool.files };
	return {
		fields: tool.fields
			.filter((field) => field.name !== 'videoSourceType')
			.map((field) =>
				field.name === 'youtubeUrl'
					? { ...field, displayOptions: { show: { videoFileSource: ['youtube'] } } }
					: field,
			),
		files: tool.files.map((file) =>
			file.name === 'videoFile'
				? { ...file, displayName: 'Video', displayOptions: undefined }
				: file,
		),
	};
}

/** `videoSourceType` (file or youtube) of version 2, from its one video choice. */
export function readVideoSourceType(
	ctx: Pick<IExecuteFunctions, 'getNode' | 'getNodeParameter'>,
	tool: ToolDeclaration,
	itemIndex: number,
): string | undefined {
	if (!hasOneVideoChoice(tool, ctx.getNode().typeVersion)) return undefined;
	return ctx.getNodeParameter('videoFileSource', itemIndex, 'url') === 'youtube'
		? 'youtube'
		: 'file';
}

/** All parameters of one tool, shown only when its operation is selected. */
export function toolProperties(tool: ToolDeclaration, version = 1): INodeProperties[] {
	const main = mainOptionsOf(tool, version);
	const layout = oneVideoChoice(tool, version);
	const fields = layout.fields.map((field) => fieldForVersion(nodeProperty(field), version));
	const options: INodeProperties = {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...tool.optionalFields
				.filter((field) => !main.includes(field))
				.map((field) => fieldForVersion(nodeProperty(field), version)),
			JOB_NAME_OPTION,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
	// n8n resolves displayOptions in property order: a field that decides whether a file input
	// shows (e.g. "Video Source") must come before that file input.
	const controlling = new Set(
		layout.files.flatMap((file) => [
			...Object.keys(file.displayOptions?.show ?? {}),
			...Object.keys(file.displayOptions?.hide ?? {}),
		]),
	);
	return updateDisplayOptions({ show: { operation: [tool.operation] } }, [
		timeAndCostNotice(tool),
		...main.map(nodeProperty),
		...fields.filter((field) => controlling.has(field.name)),
		...layout.files.flatMap((file) =>
			fileInputProperties(
				file,
				hasOneVideoChoice(tool, version) && file.name === 'videoFile' ? [SOURCE_YOUTUBE] : [],
			),
		),
		...fields.filter((field) => !controlling.has(field.name)),
		options,
	]);
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
			.map(operationOption),
		default: firstOperation,
	};
}

/** A group of tools shown as one "Resource" of a node (version 2 of the tool nodes). */
export interface ToolGroupSpec {
	value: string;
	name: string;
	description: string;
	tools: readonly ToolDeclaration[];
}

function operationOption(tool: ToolDeclaration) {
	return {
		name: tool.displayName,
		value: tool.operation,
		action: tool.action,
		description: tool.description,
	};
}

/**
 * "Resource" (the groups) and one "Operation" per group, in the order given. With a resource,
 * n8n names a node added from the panel after its action ("Generate an image from a prompt")
 * and lists the actions under one heading per group.
 */
export function groupedOperationProperties(groups: readonly ToolGroupSpec[]): INodeProperties[] {
	const firstGroup = groups[0].value;
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: groups.map(({ value, name, description }) => ({ name, value, description })),
			default: firstGroup,
		},
		...groups.map((group): INodeProperties => {
			const firstOperation = group.tools[0].operation;
			return {
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [group.value] } },
				options: group.tools.map(operationOption),
				default: firstOperation,
			};
		}),
	];
}

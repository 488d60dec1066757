import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation of the Magic Hour node: its parameters and what it does for one input item. */
export interface ItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData | INodeExecutionData[]>;
}

export const KIND_OPTIONS = [
	{ name: 'Audio', value: 'audio' },
	{ name: 'Image', value: 'image' },
	{ name: 'Video', value: 'video' },
];

export const projectIdProperty: INodeProperties = {
	displayName: 'Project ID',
	name: 'projectId',
	type: 'string',
	default: '={{ $json.id }}',
	required: true,
	description: 'ID of the Magic Hour project. Defaults to the "ID" of the incoming item.',
};

export const projectKindProperty: INodeProperties = {
	displayName: 'Kind',
	name: 'kind',
	type: 'options',
	options: KIND_OPTIONS,
	default: '={{ $json.kind ?? "image" }}',
	description: 'Whether the project is an image, video or audio project. Defaults to the "kind" of the incoming item.',
};

import type { INodeProperties } from 'n8n-workflow';

import { EXECUTION_SETTINGS, waitExecutionSettingsProperty } from './executionSettings';

/** Parameter names of the "Wait for Project" operation (read by waitForProjects). */
export const WAIT_PARAM = {
	projectId: 'projectId',
	projectKind: 'projectKind',
	downloadOutputs: 'downloadOutputs',
	executionSettings: EXECUTION_SETTINGS,
} as const;

/**
 * Properties of the "Wait for Project" operation, unscoped: the node adds its displayOptions
 * (resource/operation).
 */
export const waitForProjectsProperties: INodeProperties[] = [
	{
		displayName: 'Project ID',
		name: WAIT_PARAM.projectId,
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		description: 'ID of the Magic Hour project to wait for. Defaults to the ID of the incoming item.',
	},
	{
		displayName: 'Kind',
		name: WAIT_PARAM.projectKind,
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio' },
			{
				name: 'Auto (From Input)',
				value: 'auto',
				description: 'Use the "kind" field of the input item (set by Magic Hour nodes); without it, ask Magic Hour',
			},
			{ name: 'Image', value: 'image' },
			{ name: 'Video', value: 'video' },
		],
		default: 'auto',
		description: 'Whether the project is an image, video or audio project',
	},
	{
		displayName: 'Download Outputs',
		name: WAIT_PARAM.downloadOutputs,
		type: 'boolean',
		default: true,
		description: 'Whether to download the finished files into binary data of the output item',
		displayOptions: { show: { '@tool': [false] } },
	},
	waitExecutionSettingsProperty(),
];

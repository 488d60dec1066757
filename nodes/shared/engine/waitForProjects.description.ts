import type { INodeProperties } from 'n8n-workflow';

/** Parameter names of the "Wait for Project" operation (read by waitForProjects). */
export const WAIT_PARAM = {
	projectId: 'projectId',
	projectKind: 'projectKind',
	downloadOutputs: 'downloadOutputs',
	options: 'options',
} as const;

/** Names inside the operation's "Options" collection. */
export const WAIT_OPTION = {
	pollingMode: 'pollingMode',
	pollIntervalSeconds: 'pollIntervalSeconds',
	timeoutMinutes: 'timeoutMinutes',
	binaryPropertyPrefix: 'binaryPropertyPrefix',
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
	{
		displayName: 'Options',
		name: WAIT_PARAM.options,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Binary Property Prefix',
				name: WAIT_OPTION.binaryPropertyPrefix,
				type: 'string',
				default: 'data',
				description: 'Binary property of the first output file; further files get _1, _2, … appended (data, data_1, …)',
			},
			{
				displayName: 'Poll Every (Seconds)',
				name: WAIT_OPTION.pollIntervalSeconds,
				type: 'number',
				typeOptions: { minValue: 0.05, numberPrecision: 2 },
				default: 3,
				description: 'Used with the Fixed polling interval',
			},
			{
				displayName: 'Polling Interval',
				name: WAIT_OPTION.pollingMode,
				type: 'options',
				options: [
					{
						name: 'Automatic',
						value: 'automatic',
						description:
							'Check at once, then less and less often (up to every 3 s for images and audio, 10 s for video)',
					},
					{ name: 'Fixed', value: 'fixed', description: 'Check every N seconds' },
				],
				default: 'automatic',
			},
			{
				displayName: 'Timeout (Minutes)',
				name: WAIT_OPTION.timeoutMinutes,
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description:
					'Give up waiting after this long. 0 uses a default that fits the kind (image 10, audio 10, video 60).',
			},
		],
	},
];

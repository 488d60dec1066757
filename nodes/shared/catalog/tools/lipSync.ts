import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	addVideoSource,
	CLIP_TIME_LABELS,
	clipTimeFields,
	VIDEO_SOURCE_LABELS,
	videoFileInput,
	videoSourceFields,
} from '../commonFields';
import {
	checkMediaSource,
	endAfterStart,
	endSeconds,
	fileValue,
	jobName,
	startSeconds,
	videoSourceAssets,
} from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
		name: jobName,
		start_seconds: startSeconds,
		end_seconds: endSeconds,
		max_fps_limit: z.number().min(1).optional(),
		style: z
			.object({ generation_mode: z.enum(['lite', 'standard', 'pro']).optional() })
			.strict()
			.optional(),
		assets: z
			.object({
				audio_file_path: fileValue,
				...videoSourceAssets,
			})
			.strict()
			.superRefine((assets, ctx) => checkMediaSource('video', assets, ctx)),
	})
	.strict()
	.superRefine(endAfterStart);

export const lipSync: ToolDeclaration = {
	operation: 'lipSync',
	endpoint: '/v1/lip-sync',
	kind: 'video',
	displayName: 'Lip Sync',
	action: 'Sync lips to audio',
	description:
		'Make the lip movements in a video match a new audio track (1 credit per frame, 2 with Pro)',
	expectedSeconds: 60,
	files: [
		videoFileInput('The video of the person whose lips are synced'),
		{
			name: 'audio',
			displayName: 'Audio',
			description: 'The speech or song the lips should follow',
			assetType: 'audio',
			required: true,
		},
	],
	fields: [
		...videoSourceFields({ youtubeDescription: 'Link to the YouTube video whose lips are synced' }),
		...clipTimeFields(),
	],
	optionalFields: [
		{
			displayName: 'Generation Mode',
			name: 'generationMode',
			type: 'options',
			options: [
				{
					name: 'Lite',
					value: 'lite',
					description: 'Fast and affordable, for simple videos (1 credit per frame)',
				},
				{
					name: 'Pro',
					value: 'pro',
					description:
						'Premium fidelity with more detail (2 credits per frame, Creator plan or higher)',
				},
				{
					name: 'Standard',
					value: 'standard',
					description: 'Natural, accurate lip sync (1 credit per frame, Creator plan or higher)',
				},
			],
			default: 'lite',
		},
		{
			displayName: 'Max FPS',
			name: 'maxFpsLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 12,
			description:
				'Highest frame rate of the output. Videos with a lower frame rate keep theirs. Lower values use fewer frames and credits.',
		},
	],
	labels: {
		...CLIP_TIME_LABELS,
		max_fps_limit: 'Max FPS',
		'style.generation_mode': 'Generation Mode',
		'assets.audio_file_path': 'Audio',
		...VIDEO_SOURCE_LABELS,
	},
	buildBody({ fields, options, files }) {
		const assets: IDataObject = {
			audio_file_path: files.audio,
			video_source: fields.videoSourceType,
		};
		addVideoSource(assets, fields, files);
		const body: IDataObject = {
			start_seconds: fields.startSeconds,
			end_seconds: fields.endSeconds,
			assets,
		};
		if (options.maxFpsLimit !== undefined) body.max_fps_limit = options.maxFpsLimit;
		if (options.generationMode) body.style = { generation_mode: options.generationMode };
		return body;
	},
	schema,
};

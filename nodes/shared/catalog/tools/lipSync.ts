import { z } from 'zod';

import {
	addVideoSource,
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
	startSeconds,
	videoSourceAssets,
} from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
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
	agent: {
		does: 'Make the lips of a person in a video follow a new audio track.',
		cost: '1 credit per frame (2 with the Pro mode)',
	},
	files: [
		videoFileInput('The video of the person whose lips are synced'),
		{
			name: 'audio',
			displayName: 'Audio',
			description: 'The speech or song the lips should follow',
			body: 'assets.audio_file_path',
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
			body: 'style.generation_mode',
		},
		{
			displayName: 'Max FPS',
			name: 'maxFpsLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 12,
			description:
				'Highest frame rate of the output. Videos with a lower frame rate keep theirs. Lower values use fewer frames and credits.',
			body: 'max_fps_limit',
		},
	],
	labels: VIDEO_SOURCE_LABELS,
	buildBody: addVideoSource,
	schema,
};

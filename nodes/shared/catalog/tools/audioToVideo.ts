import { z } from 'zod';

import {
	endSecondsField,
	promptField,
	startSecondsField,
	videoResolutionField,
} from '../commonFields';
import {
	endAfterStart,
	endSeconds,
	fileValue,
	openEnum,
	optionalPromptStyle,
	startSeconds,
} from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const RESOLUTIONS = ['480p', '720p', '1080p'] as const;

const schema = z
	.object({
		start_seconds: startSeconds.optional(),
		end_seconds: endSeconds,
		resolution: openEnum(RESOLUTIONS).optional(),
		style: optionalPromptStyle,
		assets: z
			.object({
				audio_file_path: fileValue,
				image_file_path: fileValue.optional(),
			})
			.strict(),
	})
	.strict()
	.superRefine(endAfterStart);

export const audioToVideo: ToolDeclaration = {
	operation: 'audioToVideo',
	endpoint: '/v1/audio-to-video',
	kind: 'video',
	displayName: 'Audio to Video',
	action: 'Generate a video for an audio track',
	description: 'Create a video that goes with a piece of audio, optionally starting from an image',
	expectedSeconds: 180,
	agent: {
		does: 'Make a video that fits a piece of audio, optionally starting from an image.',
		cost: 'credits per second of video',
	},
	files: [
		{
			name: 'audio',
			displayName: 'Audio',
			description: 'The audio the video is made for',
			body: 'assets.audio_file_path',
			assetType: 'audio',
			required: true,
		},
		{
			name: 'image',
			displayName: 'First Frame Image',
			description: 'Optional image the video starts from',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: false,
		},
	],
	fields: [endSecondsField('Where the part of the audio to use ends', { required: true })],
	optionalFields: [
		startSecondsField('Where the part of the audio to use starts'),
		promptField({
			body: 'style.prompt',
			placeholder: 'e.g. Neon-lit city streets at night, seen from a moving car',
			description: 'What the video should look like',
		}),
		videoResolutionField({
			resolutions: RESOLUTIONS,
			default: '480p',
			description:
				'Without this option Magic Hour uses 720p on paid plans and 480p on the free plan',
		}),
	],
	schema,
};

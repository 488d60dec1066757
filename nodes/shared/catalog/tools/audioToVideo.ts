import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	CLIP_TIME_LABELS,
	endSecondsField,
	isFilled,
	promptField,
	startSecondsField,
	videoResolutionField,
} from '../commonFields';
import {
	endAfterStart,
	endSeconds,
	fileValue,
	jobName,
	openEnum,
	optionalPromptStyle,
	startSeconds,
} from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const RESOLUTIONS = ['480p', '720p', '1080p'] as const;

const schema = z
	.object({
		name: jobName,
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
	files: [
		{
			name: 'audio',
			displayName: 'Audio',
			description: 'The audio the video is made for',
			assetType: 'audio',
			required: true,
		},
		{
			name: 'image',
			displayName: 'First Frame Image',
			description: 'Optional image the video starts from',
			assetType: 'image',
			required: false,
		},
	],
	fields: [endSecondsField('Where the part of the audio to use ends', { required: true })],
	optionalFields: [
		startSecondsField('Where the part of the audio to use starts'),
		promptField({
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
	labels: {
		'assets.audio_file_path': 'Audio',
		'assets.image_file_path': 'First Frame Image',
		'style.prompt': 'Prompt',
		...CLIP_TIME_LABELS,
		resolution: 'Resolution',
	},
	buildBody({ fields, options, files }) {
		const assets: IDataObject = { audio_file_path: files.audio };
		if (files.image) assets.image_file_path = files.image;
		const body: IDataObject = { end_seconds: fields.endSeconds, assets };
		if (options.startSeconds !== undefined) body.start_seconds = options.startSeconds;
		if (isFilled(options.prompt)) body.style = { prompt: options.prompt };
		if (options.resolution) body.resolution = options.resolution;
		return body;
	},
	schema,
};

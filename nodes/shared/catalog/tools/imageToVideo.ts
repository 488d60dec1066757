import { z } from 'zod';

import { promptField } from '../commonFields';
import { fileValue, openEnum, optionalPromptStyle } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';
import {
	audioField,
	checkVideoModelLimits,
	durationOptions,
	modelLabelsWhere,
	resolutionOptions,
	VIDEO_MODELS,
	VIDEO_RESOLUTIONS,
	videoModelField,
} from '../models/videoGenerationModels';

const NO_END_IMAGE = modelLabelsWhere((rule) => rule.endImageResolutions === null);

const schema = z
	.object({
		end_seconds: z.number().min(1).max(60),
		model: openEnum(VIDEO_MODELS).optional(),
		resolution: openEnum(VIDEO_RESOLUTIONS).optional(),
		audio: z.boolean().optional(),
		style: optionalPromptStyle,
		assets: z
			.object({
				image_file_path: fileValue,
				end_image_file_path: fileValue.optional(),
			})
			.strict(),
	})
	.strict()
	.superRefine(checkVideoModelLimits);

export const imageToVideo: ToolDeclaration = {
	operation: 'imageToVideo',
	endpoint: '/v1/image-to-video',
	kind: 'video',
	displayName: 'Image to Video',
	action: 'Animate an image into a video',
	description:
		'Turn a still image into a video clip, optionally guided by a prompt and ending on a second image',
	expectedSeconds: 180,
	agent: {
		does: 'Animate a still image into a short video clip, optionally guided by a prompt.',
		cost: 'credits per second of video, by model; more with audio',
	},
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The image the video starts from',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: true,
		},
		{
			name: 'endImage',
			displayName: 'End Image',
			description: `Optional image the video ends on. Not available with ${NO_END_IMAGE}.`,
			assetType: 'image',
			required: false,
			body: 'assets.end_image_file_path',
		},
	],
	fields: [
		{
			displayName: 'Duration Name or ID',
			name: 'duration',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'imageToVideoDurations',
				loadOptionsDependsOn: ['options.model'],
			},
			default: 3,
			required: true,
			body: 'end_seconds',
			description:
				'Length of the video in seconds. The list depends on the model. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	optionalFields: [
		promptField({
			body: 'style.prompt',
			placeholder: 'e.g. The camera slowly zooms in while leaves drift past',
			description: 'How the image should move',
		}),
		videoModelField(
			'image',
			'Each model has its own durations, resolutions, audio and end image support',
		),
		{
			displayName: 'Resolution Name or ID',
			name: 'resolution',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'imageToVideoResolutions',
				loadOptionsDependsOn: ['options.model'],
			},
			default: '720p',
			body: 'resolution',
			description:
				'Output resolution. The list depends on the model. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		audioField(),
	],
	loadOptions: {
		imageToVideoDurations: durationOptions,
		imageToVideoResolutions: resolutionOptions,
	},
	buildBody(_input, body) {
		return { ...body, end_seconds: Number(body.end_seconds) };
	},
	schema,
};

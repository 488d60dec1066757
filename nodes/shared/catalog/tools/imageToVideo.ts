import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { isFilled, promptField } from '../commonFields';
import { fileValue, jobName, openEnum, optionalPromptStyle } from '../schemaHelpers';
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
		name: jobName,
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
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The image the video starts from',
			assetType: 'image',
			required: true,
		},
		{
			name: 'endImage',
			displayName: 'End Image',
			description: `Optional image the video ends on. Not available with ${NO_END_IMAGE}.`,
			assetType: 'image',
			required: false,
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
			description:
				'Length of the video in seconds. The list depends on the model. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	optionalFields: [
		promptField({
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
			description:
				'Output resolution. The list depends on the model. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		audioField(),
	],
	labels: {
		'assets.image_file_path': 'Image',
		'assets.end_image_file_path': 'End Image',
		'style.prompt': 'Prompt',
		end_seconds: 'Duration',
		model: 'Model',
		resolution: 'Resolution',
		audio: 'Audio',
	},
	loadOptions: {
		imageToVideoDurations: durationOptions,
		imageToVideoResolutions: resolutionOptions,
	},
	buildBody({ fields, options, files }) {
		const assets: IDataObject = { image_file_path: files.image };
		if (files.endImage) assets.end_image_file_path = files.endImage;
		const body: IDataObject = { end_seconds: Number(fields.duration), assets };
		if (isFilled(options.prompt)) body.style = { prompt: options.prompt };
		if (options.model) body.model = options.model;
		if (options.resolution) body.resolution = options.resolution;
		if (options.audio !== undefined) body.audio = options.audio;
		return body;
	},
	schema,
};

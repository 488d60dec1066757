import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { promptField } from '../commonFields';
import { jobName, requiredTextWithin } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';
import {
	ASPECT_RATIOS,
	audioField,
	checkVideoModelLimits,
	durationOptions,
	modelLabelsWhere,
	resolutionOptions,
	VIDEO_MODELS,
	VIDEO_RESOLUTIONS,
	videoModelField,
} from './videoGenerationModels';

const MAX_PROMPT = 2000;
const NO_SQUARE = modelLabelsWhere((rule) => !rule.aspectRatios.includes('1:1'));

const schema = z
	.object({
		name: jobName,
		end_seconds: z.number().min(1).max(60),
		model: z.enum(VIDEO_MODELS).optional(),
		aspect_ratio: z.enum(ASPECT_RATIOS).optional(),
		resolution: z.enum(VIDEO_RESOLUTIONS).optional(),
		audio: z.boolean().optional(),
		style: z.object({ prompt: requiredTextWithin(MAX_PROMPT) }).strict(),
	})
	.strict()
	.superRefine(checkVideoModelLimits);

export const textToVideo: ToolDeclaration = {
	operation: 'textToVideo',
	endpoint: '/v1/text-to-video',
	kind: 'video',
	displayName: 'Text to Video',
	action: 'Generate a video from a prompt',
	description: 'Create a video clip from a text prompt, with a choice of model, length, size and audio',
	expectedSeconds: 180,
	files: [],
	fields: [
		promptField({
			required: true,
			placeholder: 'e.g. A golden retriever running along a beach at sunrise, slow motion',
			description: 'What the video should show, up to 2000 characters',
		}),
		{
			displayName: 'Duration Name or ID',
			name: 'duration',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'textToVideoDurations', loadOptionsDependsOn: ['options.model'] },
			default: 3,
			required: true,
			description:
				'Length of the video in seconds. The list depends on the model. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	optionalFields: [
		videoModelField('text', 'Each model has its own durations, resolutions, aspect ratios and audio support'),
		{
			displayName: 'Aspect Ratio',
			name: 'aspectRatio',
			type: 'options',
			options: [
				{ name: 'Landscape (16:9)', value: '16:9' },
				{ name: 'Portrait (9:16)', value: '9:16' },
				{ name: 'Square (1:1)', value: '1:1', description: `Not available with ${NO_SQUARE}` },
			],
			default: '16:9',
		},
		{
			displayName: 'Resolution Name or ID',
			name: 'resolution',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'textToVideoResolutions', loadOptionsDependsOn: ['options.model'] },
			default: '720p',
			description:
				'Output resolution. The list depends on the model. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		audioField(),
	],
	labels: {
		'style.prompt': 'Prompt',
		end_seconds: 'Duration',
		model: 'Model',
		aspect_ratio: 'Aspect Ratio',
		resolution: 'Resolution',
		audio: 'Audio',
	},
	loadOptions: {
		textToVideoDurations: durationOptions,
		textToVideoResolutions: resolutionOptions,
	},
	buildBody({ fields, options }) {
		const body: IDataObject = {
			end_seconds: Number(fields.duration),
			style: { prompt: fields.prompt },
		};
		if (options.model) body.model = options.model;
		if (options.aspectRatio) body.aspect_ratio = options.aspectRatio;
		if (options.resolution) body.resolution = options.resolution;
		if (options.audio !== undefined) body.audio = options.audio;
		return body;
	},
	schema,
};

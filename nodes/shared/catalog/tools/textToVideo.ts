import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { promptField } from '../commonFields';
import { openEnum, requiredTextWithin } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';
import {
	buildReferences,
	referenceFiles,
	referencesField,
	referencesSchema,
} from '../fieldGroups/videoReferences';
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
} from '../models/videoGenerationModels';

const MAX_PROMPT = 20000;
const NO_SQUARE = modelLabelsWhere((rule) => !rule.aspectRatios.includes('1:1'));

const schema = z
	.object({
		end_seconds: z.number().min(1).max(60),
		model: openEnum(VIDEO_MODELS).optional(),
		aspect_ratio: z.enum(ASPECT_RATIOS).optional(),
		resolution: openEnum(VIDEO_RESOLUTIONS).optional(),
		audio: z.boolean().optional(),
		style: z.object({ prompt: requiredTextWithin(MAX_PROMPT) }).strict(),
		references: referencesSchema.optional(),
	})
	.strict()
	.superRefine(checkVideoModelLimits);

export const textToVideo: ToolDeclaration = {
	operation: 'textToVideo',
	endpoint: '/v1/text-to-video',
	kind: 'video',
	displayName: 'Text to Video',
	action: 'Generate a video from a prompt',
	description:
		'Create a video clip from a text prompt, with a choice of model, length, size and audio',
	expectedSeconds: 180,
	agent: {
		does: 'Make a short video clip from a text prompt.',
		cost: 'credits per second of video, by model; more with audio',
	},
	files: [],
	fields: [
		promptField({
			body: 'style.prompt',
			required: true,
			placeholder: 'e.g. A golden retriever running along a beach at sunrise, slow motion',
			description:
				'What the video should show, up to 20,000 characters. Mention a reference as @name.',
		}),
		{
			displayName: 'Duration Name or ID',
			name: 'duration',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'textToVideoDurations',
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
		videoModelField(
			'text',
			'Each model has its own durations, resolutions, aspect ratios and audio support',
		),
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
			body: 'aspect_ratio',
		},
		{
			displayName: 'Resolution Name or ID',
			name: 'resolution',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'textToVideoResolutions',
				loadOptionsDependsOn: ['options.model'],
			},
			default: '720p',
			body: 'resolution',
			description:
				'Output resolution. The list depends on the model. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		audioField(),
		referencesField(),
	],
	labels: {
		references: 'References',
		'references.name': 'Reference Name',
		'references.file_path': 'Reference File',
	},
	nestedFiles: (_fields, options) => referenceFiles(options),
	loadOptions: {
		textToVideoDurations: durationOptions,
		textToVideoResolutions: resolutionOptions,
	},
	buildBody({ options, files }, mapped) {
		const body: IDataObject = { ...mapped, end_seconds: Number(mapped.end_seconds) };
		const references = buildReferences(options, files);
		if (references.length > 0) body.references = references;
		return body;
	},
	schema,
};

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { promptField } from '../commonFields';
import { jobName, requiredText } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
		name: jobName,
		style: z.object({ prompt: requiredText.max(500) }).strict(),
		output_format: z.enum(['gif', 'mp4', 'webm']).optional(),
	})
	.strict();

export const aiGifGenerator: ToolDeclaration = {
	operation: 'aiGifGenerator',
	endpoint: '/v1/ai-gif-generator',
	kind: 'image',
	displayName: 'AI GIF Generator',
	action: 'Generate an animated GIF from a prompt',
	description: 'Create a short looping animation from a text prompt (50 credits)',
	expectedSeconds: 20,
	files: [],
	fields: [
		promptField({
			required: true,
			rows: 2,
			placeholder: 'e.g. Cute dancing cat, pixel art',
			description: 'What the animation should show (up to 500 characters)',
		}),
	],
	optionalFields: [
		{
			displayName: 'Output Format',
			name: 'outputFormat',
			type: 'options',
			options: [
				{ name: 'GIF', value: 'gif' },
				{ name: 'MP4', value: 'mp4' },
				{ name: 'WebM', value: 'webm' },
			],
			default: 'gif',
			description: 'File format of the animation',
		},
	],
	labels: {
		'style.prompt': 'Prompt',
		output_format: 'Output Format',
	},
	buildBody({ fields, options }) {
		const body: IDataObject = { style: { prompt: fields.prompt } };
		if (options.outputFormat) body.output_format = options.outputFormat;
		return body;
	},
	schema,
};

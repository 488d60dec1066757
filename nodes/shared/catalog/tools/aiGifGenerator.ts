import { z } from 'zod';

import { promptField } from '../commonFields';
import { requiredText } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
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
	agent: {
		does: 'Make a short looping animated GIF from a text prompt.',
		cost: '50 credits',
	},
	files: [],
	fields: [
		promptField({
			body: 'style.prompt',
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
			body: 'output_format',
		},
	],
	schema,
};

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { isFilled, promptField } from '../commonFields';
import { fileValue, jobName, optionalPromptStyle } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
		name: jobName,
		style: optionalPromptStyle,
		assets: z.object({ image_file_path: fileValue }).strict(),
	})
	.strict();

export const aiHeadshotGenerator: ToolDeclaration = {
	operation: 'aiHeadshotGenerator',
	endpoint: '/v1/ai-headshot-generator',
	kind: 'image',
	displayName: 'AI Headshot Generator',
	action: 'Turn a selfie into a professional headshot',
	description: 'Create a professional headshot from a photo with one face (50 credits)',
	expectedSeconds: 20,
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'A photo with exactly one clearly visible face',
			assetType: 'image',
			required: true,
		},
	],
	fields: [],
	optionalFields: [
		promptField({
			displayName: 'Style Prompt',
			placeholder: 'e.g. Studio headshot, navy suit, soft grey background',
			description:
				'Custom style for the headshot. Leave it out for the standard professional style.',
		}),
	],
	labels: {
		'assets.image_file_path': 'Image',
		'style.prompt': 'Style Prompt',
	},
	buildBody({ options, files }) {
		const body: IDataObject = { assets: { image_file_path: files.image } };
		if (isFilled(options.prompt)) body.style = { prompt: options.prompt };
		return body;
	},
	schema,
};

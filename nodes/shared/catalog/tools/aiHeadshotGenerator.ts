import { z } from 'zod';

import { promptField } from '../commonFields';
import { fileValue, optionalPromptStyle } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
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
	agent: {
		does: 'Turn a photo of one person into a professional headshot.',
		cost: '50 credits',
	},
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'A photo with exactly one clearly visible face',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: true,
		},
	],
	fields: [],
	optionalFields: [
		promptField({
			body: 'style.prompt',
			displayName: 'Style Prompt',
			placeholder: 'e.g. Studio headshot, navy suit, soft grey background',
			description:
				'Custom style for the headshot. Leave it out for the standard professional style.',
		}),
	],
	schema,
};

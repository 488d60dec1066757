import { z } from 'zod';

import { fileValue } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
		assets: z.object({ image_file_path: fileValue }).strict(),
	})
	.strict();

export const photoColorizer: ToolDeclaration = {
	operation: 'photoColorizer',
	endpoint: '/v1/photo-colorizer',
	kind: 'image',
	displayName: 'Photo Colorizer',
	action: 'Colorize a black-and-white photo',
	description: 'Add natural colors to a black-and-white or faded photo (10 credits)',
	expectedSeconds: 8,
	agent: {
		does: 'Colorize a black-and-white or faded photo.',
		cost: '10 credits',
	},
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The black-and-white photo to colorize',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: true,
		},
	],
	fields: [],
	optionalFields: [],
	schema,
};

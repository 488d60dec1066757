import { z } from 'zod';

import { fileValue, jobName } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
		name: jobName,
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
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The black-and-white photo to colorize',
			assetType: 'image',
			required: true,
		},
	],
	fields: [],
	optionalFields: [],
	labels: {
		'assets.image_file_path': 'Image',
	},
	buildBody({ files }) {
		return { assets: { image_file_path: files.image } };
	},
	schema,
};

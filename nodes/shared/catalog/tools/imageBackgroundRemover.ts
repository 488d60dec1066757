import { z } from 'zod';

import { fileValue } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
		assets: z
			.object({
				image_file_path: fileValue,
				background_image_file_path: fileValue.optional(),
			})
			.strict(),
	})
	.strict();

export const imageBackgroundRemover: ToolDeclaration = {
	operation: 'imageBackgroundRemover',
	endpoint: '/v1/image-background-remover',
	kind: 'image',
	displayName: 'Image Background Remover',
	action: 'Remove the background of an image',
	description: 'Cut out the subject of an image, optionally onto a new background (5 credits)',
	expectedSeconds: 8,
	agent: {
		does: 'Cut out the subject of an image (transparent background, or a new background image).',
		cost: '5 credits',
	},
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The image whose background is removed',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: true,
		},
		{
			name: 'backgroundImage',
			displayName: 'New Background Image',
			description:
				'Optional image to put behind the subject. It is resized to the size of the main image, so use a similar resolution.',
			assetType: 'image',
			required: false,
			body: 'assets.background_image_file_path',
		},
	],
	fields: [],
	optionalFields: [],
	schema,
};

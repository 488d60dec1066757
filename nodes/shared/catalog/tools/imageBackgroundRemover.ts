import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { fileValue, jobName } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
		name: jobName,
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
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The image whose background is removed',
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
		},
	],
	fields: [],
	optionalFields: [],
	labels: {
		'assets.image_file_path': 'Image',
		'assets.background_image_file_path': 'New Background Image',
	},
	buildBody({ files }) {
		const assets: IDataObject = { image_file_path: files.image };
		if (files.backgroundImage) assets.background_image_file_path = files.backgroundImage;
		return { assets };
	},
	schema,
};

import { z } from 'zod';

import { fileValue, openEnum } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const schema = z
	.object({
		resolution: openEnum(['640px', '1k', '2k', '4k']),
		assets: z
			.object({
				person_file_path: fileValue,
				scene_file_path: fileValue,
			})
			.strict(),
	})
	.strict();

export const bodySwap: ToolDeclaration = {
	operation: 'bodySwap',
	endpoint: '/v1/body-swap',
	kind: 'image',
	displayName: 'Body Swap',
	action: 'Place a person into a scene',
	description:
		'Put the person from one photo into the scene of another photo (from 50 credits, by resolution)',
	expectedSeconds: 20,
	agent: {
		does: 'Put the person of one photo into the scene of another photo.',
		cost: '50 to 150 credits, by resolution',
	},
	files: [
		{
			name: 'personImage',
			displayName: 'Person Image',
			description: 'The photo of the person to place into the scene',
			body: 'assets.person_file_path',
			assetType: 'image',
			required: true,
		},
		{
			name: 'sceneImage',
			displayName: 'Scene Image',
			description: 'The scene (background) photo',
			body: 'assets.scene_file_path',
			assetType: 'image',
			required: true,
		},
	],
	fields: [
		{
			displayName: 'Resolution',
			name: 'resolution',
			type: 'options',
			options: [
				{ name: '640px', value: '640px', description: 'Nano Banana 2 Lite, the cheapest' },
				{ name: '1K', value: '1k', description: 'Nano Banana 2 Lite' },
				{ name: '2K', value: '2k', description: 'Nano Banana 2' },
				{ name: '4K', value: '4k', description: 'Nano Banana 2' },
			],
			default: '640px',
			description: 'Longest edge of the output. The cost depends on it.',
			body: 'resolution',
		},
	],
	optionalFields: [],
	schema,
};

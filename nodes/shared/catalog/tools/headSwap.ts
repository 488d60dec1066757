import { z } from 'zod';

import { fileValue } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const MAX_RESOLUTION = 2048;

const schema = z
	.object({
		// Larger values are clamped to the plan's maximum by the API, so only the type is checked here.
		max_resolution: z.number().int('must be a whole number of pixels').positive().optional(),
		assets: z
			.object({
				body_file_path: fileValue,
				head_file_path: fileValue,
			})
			.strict(),
	})
	.strict();

export const headSwap: ToolDeclaration = {
	operation: 'headSwap',
	endpoint: '/v1/head-swap',
	kind: 'image',
	displayName: 'Head Swap',
	action: 'Put a head onto another body',
	description: 'Place the head from one photo onto the body in another photo (10 credits)',
	expectedSeconds: 20,
	agent: {
		does: 'Put the head of one photo onto the body in another photo.',
		cost: '10 credits',
	},
	files: [
		{
			name: 'bodyImage',
			displayName: 'Body Image',
			description: 'The photo that receives the new head',
			body: 'assets.body_file_path',
			assetType: 'image',
			required: true,
		},
		{
			name: 'headImage',
			displayName: 'Head Image',
			description: 'The photo of the head to put on the body',
			body: 'assets.head_file_path',
			assetType: 'image',
			required: true,
		},
	],
	fields: [],
	optionalFields: [
		{
			displayName: 'Max Resolution',
			name: 'maxResolution',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_RESOLUTION },
			default: 1024,
			description:
				'Longest edge of the output in pixels. Without it, the maximum of your plan (at most 2048). Larger values are lowered to your plan maximum.',
			body: 'max_resolution',
		},
	],
	schema,
};

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { fileValue, jobName } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const MAX_RESOLUTION = 2048;

const schema = z
	.object({
		name: jobName,
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
	files: [
		{
			name: 'bodyImage',
			displayName: 'Body Image',
			description: 'The photo that receives the new head',
			assetType: 'image',
			required: true,
		},
		{
			name: 'headImage',
			displayName: 'Head Image',
			description: 'The photo of the head to put on the body',
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
		},
	],
	labels: {
		'assets.body_file_path': 'Body Image',
		'assets.head_file_path': 'Head Image',
		max_resolution: 'Max Resolution',
	},
	buildBody({ options, files }) {
		const body: IDataObject = {
			assets: { body_file_path: files.bodyImage, head_file_path: files.headImage },
		};
		if (options.maxResolution !== undefined) body.max_resolution = options.maxResolution;
		return body;
	},
	schema,
};

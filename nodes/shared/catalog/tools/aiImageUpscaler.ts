import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { isFilled, promptField } from '../commonFields';
import { fileValue } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

/** `pro` is marked deprecated in the newest spec (it maps to `preserve`): accepted, not offered. */
const MODES = ['preserve', 'balanced', 'creative', 'pro'] as const;

const schema = z
	.object({
		scale_factor: z.union([z.literal(2), z.literal(4)], {
			errorMap: () => ({ message: 'must be 2 or 4' }),
		}),
		style: z
			.object({
				mode: z.enum(MODES).optional(),
				prompt: z.string().optional(),
			})
			.strict()
			.superRefine((style, ctx) => {
				if (style.prompt !== undefined && style.mode !== 'creative') {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['prompt'],
						message: 'is only used in Creative mode: set Mode to Creative or remove the prompt',
					});
				}
			})
			.optional(),
		assets: z.object({ image_file_path: fileValue }).strict(),
	})
	.strict();

export const aiImageUpscaler: ToolDeclaration = {
	operation: 'aiImageUpscaler',
	endpoint: '/v1/ai-image-upscaler',
	kind: 'image',
	displayName: 'AI Image Upscaler',
	action: 'Upscale an image',
	description:
		'Enlarge an image 2× or 4× with AI (2×: 25–50 credits, 4×: 100–200 credits, by mode)',
	expectedSeconds: 20,
	agent: {
		does: 'Enlarge an image 2× or 4× with AI detail.',
		cost: '25 to 200 credits, by scale and mode',
	},
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The image to upscale, at most 4096×4096 pixels',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: true,
		},
	],
	fields: [
		{
			displayName: 'Scale Factor',
			name: 'scaleFactor',
			type: 'options',
			options: [
				{ name: '2×', value: 2 },
				{ name: '4×', value: 4, description: 'Creator, Pro and Business plans only' },
			],
			default: 2,
			description: 'How much to enlarge the image',
			body: 'scale_factor',
		},
	],
	optionalFields: [
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{
					name: 'Balanced',
					value: 'balanced',
					description: 'Creative pipeline, double cost (the API default)',
				},
				{
					name: 'Creative',
					value: 'creative',
					description: 'Creative pipeline guided by a prompt, double cost',
				},
				{
					name: 'Preserve',
					value: 'preserve',
					description: 'Fast pipeline that stays close to the original, the cheapest',
				},
			],
			default: 'preserve',
			description: 'Upscaling pipeline. Without it, Balanced.',
			body: 'style.mode',
		},
		promptField({
			rows: 2,
			placeholder: 'e.g. Crisp details, film grain',
			description: 'Guides the result. Only used in Creative mode.',
			displayOptions: { show: { mode: ['creative'] } },
		}),
	],
	labels: { 'style.prompt': 'Prompt' },
	buildBody({ options }, body) {
		// The prompt field is only shown in Creative mode; a value left over from it is not sent.
		if (options.mode === 'creative' && isFilled(options.prompt)) {
			body.style = { ...(body.style as IDataObject), prompt: options.prompt };
		}
		return body;
	},
	schema,
};

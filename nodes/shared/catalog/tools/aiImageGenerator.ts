import { z } from 'zod';

import {
	checkImageResolution,
	IMAGE_RESOLUTIONS,
	imageResolutionField,
	promptField,
} from '../commonFields';
import { isOneOf, openEnum, requiredText } from '../schemaHelpers';
import { IMAGE_GENERATOR_MODELS } from '../generated/specLists';
import type { ToolDeclaration } from '../types';

/** `seedream` is marked deprecated in favour of `seedream-v4`: accepted, still offered as before. */
const MODELS = IMAGE_GENERATOR_MODELS;

/** Per-model limits stated in the API reference ("from N credits/image", resolutions, image counts). */
const MODEL_LIMITS: Partial<
	Record<(typeof MODELS)[number], { credits: number; resolutions: string[]; counts: number[] }>
> = {
	'flux-2-klein': { credits: 5, resolutions: ['640px', '1k', '2k'], counts: [1] },
	'flux-schnell': { credits: 5, resolutions: ['640px', '1k', '2k'], counts: [1, 2, 3, 4] },
	'gpt-image-2': { credits: 50, resolutions: ['640px', '1k', '2k', '4k'], counts: [1, 2, 3, 4] },
	'gpt-image-2.5-flare': {
		credits: 100,
		resolutions: ['640px', '1k', '2k', '4k'],
		counts: [1, 2, 3, 4],
	},
	'krea-2': { credits: 10, resolutions: ['640px', '1k'], counts: [1] },
	'nano-banana': { credits: 50, resolutions: ['640px', '1k'], counts: [1, 2, 3, 4] },
	'nano-banana-2': {
		credits: 100,
		resolutions: ['640px', '1k', '2k', '4k'],
		counts: [1, 4, 9, 16],
	},
	'nano-banana-2-lite': { credits: 50, resolutions: ['640px', '1k'], counts: [1, 2, 3, 4] },
	'nano-banana-2.1': {
		credits: 50,
		resolutions: ['640px', '1k', '2k', '4k'],
		counts: [1, 4, 9, 16],
	},
	'nano-banana-pro': { credits: 150, resolutions: ['1k', '2k', '4k'], counts: [1, 4, 9, 16] },
	'qwen-image-2.1': { credits: 10, resolutions: ['640px', '1k', '2k'], counts: [1, 2, 3, 4] },
	'seedream-v4': { credits: 40, resolutions: ['640px', '1k', '2k', '4k'], counts: [1, 2, 3, 4] },
	'seedream-v5-pro': { credits: 75, resolutions: ['640px', '1k', '2k'], counts: [1, 2, 3, 4] },
	'z-image-turbo': { credits: 5, resolutions: ['640px', '1k', '2k'], counts: [1, 2, 3, 4] },
};

/** The documented limits and "from" price of a generator model (undefined for `default`). */
export const generatorModel = (model: unknown) =>
	isOneOf(MODELS, model) ? MODEL_LIMITS[model] : undefined;

const STYLE_TOOLS = [
	'general',
	'ai-anime-generator',
	'ai-art-generator',
	'ai-background-generator',
	'ai-character-generator',
	'ai-face-generator',
	'ai-fashion-generator',
	'ai-icon-generator',
	'ai-illustration-generator',
	'ai-interior-design-generator',
	'ai-landscape-generator',
	'ai-logo-generator',
	'ai-manga-generator',
	'ai-outfit-generator',
	'ai-pattern-generator',
	'ai-photo-generator',
	'ai-sketch-generator',
	'ai-tattoo-generator',
	'album-cover-generator',
	'animated-characters-generator',
	'architecture-generator',
	'book-cover-generator',
	'comic-book-generator',
	'dark-fantasy-ai',
	'disney-ai-generator',
	'dnd-ai-art-generator',
	'emoji-generator',
	'fantasy-map-generator',
	'graffiti-generator',
	'movie-poster-generator',
	'optical-illusion-generator',
	'pokemon-generator',
	'south-park-character-generator',
	'superhero-generator',
	'thumbnail-maker',
] as const;

const label = (value: string) =>
	value
		.split('-')
		.map((word) => (word === 'ai' ? 'AI' : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');

const schema = z
	.object({
		image_count: z.number().int().min(1).max(16),
		model: openEnum(MODELS).optional(),
		aspect_ratio: z.enum(['1:1', '16:9', '9:16']).optional(),
		resolution: openEnum(IMAGE_RESOLUTIONS).optional(),
		style: z
			.object({
				prompt: requiredText,
				tool: z.enum(STYLE_TOOLS).optional(),
			})
			.strict(),
	})
	.strict()
	.superRefine((body, ctx) => {
		const limits = generatorModel(body.model);
		if (!limits) return;
		if (!limits.counts.includes(body.image_count)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['image_count'],
				message: `${body.model} makes ${limits.counts.join(', ')} images per job`,
			});
		}
		checkImageResolution(body, limits.resolutions, ctx);
	});

export const aiImageGenerator: ToolDeclaration = {
	operation: 'aiImageGenerator',
	endpoint: '/v1/ai-image-generator',
	kind: 'image',
	displayName: 'AI Image Generator',
	action: 'Generate an image from a prompt',
	description: 'Create images from a text prompt, with a choice of model, style and size',
	expectedSeconds: 20,
	agent: {
		does: 'Generate a new image from a text prompt (illustrations, photos, social posts, thumbnails).',
		cost: 'credits per image, by model (about 50 with the default model)',
	},
	files: [],
	fields: [
		promptField({
			body: 'style.prompt',
			required: true,
			placeholder: 'e.g. A lighthouse on a cliff at sunset, oil painting',
			description: 'What the image should show',
		}),
		{
			displayName: 'Image Count',
			name: 'imageCount',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 16 },
			default: 1,
			description: 'How many images to generate. Most models make 1–4; some 1, 4, 9 or 16.',
			body: 'image_count',
		},
	],
	optionalFields: [
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: [
				{ name: 'Default (Recommended)', value: 'default' },
				...MODELS.filter((model) => model !== 'default')
					.map((model) => ({ name: model, value: model }))
					.sort((a, b) => a.name.localeCompare(b.name)),
			],
			default: 'default',
			description: 'Each model has its own cost, resolutions and image counts',
			body: 'model',
		},
		{
			displayName: 'Aspect Ratio',
			name: 'aspectRatio',
			type: 'options',
			options: [
				{ name: 'Square (1:1)', value: '1:1' },
				{ name: 'Landscape (16:9)', value: '16:9' },
				{ name: 'Portrait (9:16)', value: '9:16' },
			],
			default: '1:1',
			body: 'aspect_ratio',
		},
		imageResolutionField(),
		{
			displayName: 'Style',
			name: 'styleTool',
			type: 'options',
			options: STYLE_TOOLS.map((tool) => ({ name: label(tool), value: tool })),
			default: 'general',
			body: 'style.tool',
		},
	],
	schema,
};

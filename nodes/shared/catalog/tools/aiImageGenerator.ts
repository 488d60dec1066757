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

/** Per-model limits, lowest price per image and plans, as the API reference states them. */
interface ModelFacts {
	label: string;
	credits: number;
	freePlan: boolean;
	resolutions: string[];
	counts: number[];
}

const MODEL_LIMITS: Partial<Record<(typeof MODELS)[number], ModelFacts>> = {
	'flux-2-klein': {
		label: 'FLUX.2 Klein',
		credits: 5,
		freePlan: true,
		resolutions: ['640px', '1k', '2k'],
		counts: [1],
	},
	'flux-schnell': {
		label: 'FLUX Schnell',
		credits: 5,
		freePlan: true,
		resolutions: ['640px', '1k', '2k'],
		counts: [1, 2, 3, 4],
	},
	'gpt-image-2': {
		label: 'GPT Image 2',
		credits: 50,
		freePlan: false,
		resolutions: ['640px', '1k', '2k', '4k'],
		counts: [1, 2, 3, 4],
	},
	'gpt-image-2.5-flare': {
		label: 'GPT Image 2.5 Flare',
		credits: 100,
		freePlan: false,
		resolutions: ['640px', '1k', '2k', '4k'],
		counts: [1, 2, 3, 4],
	},
	'krea-2': {
		label: 'Krea 2',
		credits: 10,
		freePlan: true,
		resolutions: ['640px', '1k'],
		counts: [1],
	},
	'nano-banana': {
		label: 'Nano Banana',
		credits: 50,
		freePlan: false,
		resolutions: ['640px', '1k'],
		counts: [1, 2, 3, 4],
	},
	'nano-banana-2': {
		label: 'Nano Banana 2',
		credits: 100,
		freePlan: false,
		resolutions: ['640px', '1k', '2k', '4k'],
		counts: [1, 4, 9, 16],
	},
	'nano-banana-2-lite': {
		label: 'Nano Banana 2 Lite',
		credits: 50,
		freePlan: false,
		resolutions: ['640px', '1k'],
		counts: [1, 2, 3, 4],
	},
	'nano-banana-2.1': {
		label: 'Nano Banana 2.1',
		credits: 50,
		freePlan: false,
		resolutions: ['640px', '1k', '2k', '4k'],
		counts: [1, 4, 9, 16],
	},
	'nano-banana-pro': {
		label: 'Nano Banana Pro',
		credits: 150,
		freePlan: false,
		resolutions: ['1k', '2k', '4k'],
		counts: [1, 4, 9, 16],
	},
	'qwen-image-2.1': {
		label: 'Qwen Image 2.1',
		credits: 10,
		freePlan: true,
		resolutions: ['640px', '1k', '2k'],
		counts: [1, 2, 3, 4],
	},
	'seedream-v4': {
		label: 'Seedream 4',
		credits: 40,
		freePlan: false,
		resolutions: ['640px', '1k', '2k', '4k'],
		counts: [1, 2, 3, 4],
	},
	'seedream-v5-pro': {
		label: 'Seedream 5 Pro',
		credits: 75,
		freePlan: false,
		resolutions: ['640px', '1k', '2k'],
		counts: [1, 2, 3, 4],
	},
	'z-image-turbo': {
		label: 'Z-Image Turbo',
		credits: 5,
		freePlan: true,
		resolutions: ['640px', '1k', '2k'],
		counts: [1, 2, 3, 4],
	},
};

/** Magic Hour's recommendation first, then from the cheapest model to the dearest, each with its price. */
const MODEL_OPTIONS = [
	{
		name: 'Default (Recommended)',
		value: 'default',
		description: "Magic Hour's recommended model (it may change over time)",
	},
	...MODELS.filter((model) => model !== 'default')
		.map((model) => ({ model, facts: MODEL_LIMITS[model] }))
		.sort(
			(a, b) =>
				(a.facts?.credits ?? Infinity) - (b.facts?.credits ?? Infinity) ||
				a.model.localeCompare(b.model),
		)
		.map(({ model, facts }) => ({
			name: facts?.label ?? `${model} (Older Name)`,
			value: model,
			description: facts
				? `From ${facts.credits} credits per image; up to ${facts.resolutions[facts.resolutions.length - 1].toUpperCase()}; ${facts.freePlan ? 'free plan too' : 'paid plans'}`
				: 'Older model name, still accepted',
		})),
];

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
			options: MODEL_OPTIONS,
			default: 'default',
			description: 'Decides quality, price, sizes and image counts',
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

import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import {
	checkImageResolution,
	IMAGE_RESOLUTION_OPTIONS,
	IMAGE_RESOLUTIONS,
	imageResolutionField,
	promptField,
} from '../commonFields';
import { nestedFileSourceProperties, readNestedFileSpec } from '../properties';
import { fileValue, isOneOf, openEnum, requiredText } from '../schemaHelpers';
import { IMAGE_EDITOR_MODELS } from '../generated/specLists';
import type { FileInputSlot, ToolDeclaration } from '../types';

const MAX_IMAGES = 10;

const MODELS = IMAGE_EDITOR_MODELS;
type Model = (typeof MODELS)[number];

const ASPECT_RATIOS = ['auto', '16:9', '9:16', '4:3', '3:2', '1:1', '4:5', '2:3'] as const;

interface ModelInfo {
	label: string;
	credits: number;
	resolutions: string[];
	/** "Max additional input images": the first image plus this many more. */
	maxAdditionalImages: number;
	freePlan: boolean;
}

/** Per-model limits stated in the API reference. */
const MODEL_INFO: Record<Exclude<Model, 'default'>, ModelInfo> = {
	'flux-2-klein': {
		label: 'FLUX.2 Klein',
		credits: 5,
		resolutions: ['640px', '1k', '2k'],
		maxAdditionalImages: 5,
		freePlan: true,
	},
	'gpt-image-2': {
		label: 'GPT Image 2',
		credits: 50,
		resolutions: ['640px', '1k', '2k', '4k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'gpt-image-2.5-flare': {
		label: 'GPT Image 2.5 Flare',
		credits: 100,
		resolutions: ['640px', '1k', '2k', '4k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'krea-2': {
		label: 'Krea 2',
		credits: 10,
		resolutions: ['640px', '1k'],
		maxAdditionalImages: 1,
		freePlan: true,
	},
	'nano-banana': {
		label: 'Nano Banana',
		credits: 50,
		resolutions: ['640px', '1k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'nano-banana-2': {
		label: 'Nano Banana 2',
		credits: 100,
		resolutions: ['640px', '1k', '2k', '4k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'nano-banana-2-lite': {
		label: 'Nano Banana 2 Lite',
		credits: 50,
		resolutions: ['640px', '1k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'nano-banana-2.1': {
		label: 'Nano Banana 2.1',
		credits: 50,
		resolutions: ['640px', '1k', '2k', '4k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'nano-banana-pro': {
		label: 'Nano Banana Pro',
		credits: 150,
		resolutions: ['1k', '2k', '4k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'qwen-edit': {
		label: 'Qwen Edit',
		credits: 10,
		resolutions: ['640px', '1k', '2k'],
		maxAdditionalImages: 2,
		freePlan: true,
	},
	'qwen-image-2.1': {
		label: 'Qwen Image 2.1',
		credits: 10,
		resolutions: ['640px', '1k', '2k'],
		maxAdditionalImages: 2,
		freePlan: true,
	},
	'seedream-v4': {
		label: 'Seedream V4',
		credits: 40,
		resolutions: ['640px', '1k', '2k', '4k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'seedream-v4.5': {
		label: 'Seedream V4.5',
		credits: 50,
		resolutions: ['640px', '1k', '2k', '4k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
	'seedream-v5-pro': {
		label: 'Seedream V5 Pro',
		credits: 75,
		resolutions: ['640px', '1k', '2k'],
		maxAdditionalImages: 9,
		freePlan: false,
	},
};

const infoOf = (model: unknown): ModelInfo | undefined =>
	isOneOf(MODELS, model) && model !== 'default' ? MODEL_INFO[model] : undefined;

/** The documented limits and "from" price of an editor model (undefined for `default`). */
export const editorModel = infoOf;

const resolutionText = (resolutions: string[]) =>
	resolutions.map((r) => IMAGE_RESOLUTION_OPTIONS.find((o) => o.value === r)?.name ?? r).join(', ');

const modelOptions: INodePropertyOptions[] = [
	{
		name: 'Default (Recommended)',
		value: 'default',
		description: 'The model Magic Hour recommends; it may change over time',
	},
	...Object.entries(MODEL_INFO)
		.map(([value, info]) => ({
			name: info.label,
			value,
			description: `From ${info.credits} credits per image; ${resolutionText(info.resolutions)}; up to ${
				info.maxAdditionalImages + 1
			} input images${info.freePlan ? '; free plan too' : '; paid plans'}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name)),
];

const schema = z
	.object({
		image_count: z
			.union([z.literal(1), z.literal(4), z.literal(9), z.literal(16)], {
				errorMap: () => ({ message: 'must be 1, 4, 9 or 16' }),
			})
			.optional(),
		model: openEnum(MODELS).optional(),
		aspect_ratio: z.enum(ASPECT_RATIOS).optional(),
		resolution: openEnum(IMAGE_RESOLUTIONS).optional(),
		style: z.object({ prompt: requiredText.max(15000) }).strict(),
		assets: z
			.object({
				image_file_paths: z
					.array(fileValue)
					.min(1, 'needs at least one image to edit')
					.max(MAX_IMAGES, `at most ${MAX_IMAGES} images`),
			})
			.strict(),
	})
	.strict()
	.superRefine((body, ctx) => {
		const info = infoOf(body.model);
		if (!info) return;
		checkImageResolution(body, info.resolutions, ctx);
		const maxImages = info.maxAdditionalImages + 1;
		if (body.assets.image_file_paths.length > maxImages) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['assets', 'image_file_paths'],
				message: `${body.model} takes at most ${maxImages} images (1 + ${info.maxAdditionalImages} additional)`,
			});
		}
	});

function imagesOf(fields: IDataObject): IDataObject[] {
	const collection = (fields.images ?? {}) as IDataObject;
	return (collection.image as IDataObject[] | undefined) ?? [];
}

export const aiImageEditor: ToolDeclaration = {
	operation: 'aiImageEditor',
	endpoint: '/v1/ai-image-editor',
	kind: 'image',
	displayName: 'AI Image Editor',
	action: 'Edit images with a prompt',
	description:
		'Edit or combine up to 10 images as a text prompt describes (from 5 credits per image, by model)',
	expectedSeconds: 20,
	agent: {
		does: 'Edit one or more images as a text prompt describes (change, combine, restyle).',
		cost: 'from 5 credits per image, by model',
	},
	files: [],
	fields: [
		promptField({
			body: 'style.prompt',
			required: true,
			placeholder: 'e.g. Give the person sunglasses and put them on a beach',
			description: 'How to edit or combine the images (up to 15,000 characters)',
		}),
		{
			displayName: 'Images',
			name: 'images',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, maxAllowedFields: MAX_IMAGES },
			placeholder: 'Add Image',
			default: {},
			description: 'The images to edit, at least one and at most 10 (fewer for some models)',
			options: [
				{
					displayName: 'Image',
					name: 'image',
					values: nestedFileSourceProperties('image', 'Image'),
				},
			],
		},
	],
	optionalFields: [
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: modelOptions,
			default: 'default',
			description: 'Each model has its own cost, resolutions and number of input images',
			body: 'model',
		},
		{
			displayName: 'Aspect Ratio',
			name: 'aspectRatio',
			type: 'options',
			options: [
				{ name: 'Auto', value: 'auto', description: 'Chosen from the input images' },
				{ name: 'Landscape (16:9)', value: '16:9' },
				{ name: 'Landscape (3:2)', value: '3:2' },
				{ name: 'Landscape (4:3)', value: '4:3' },
				{ name: 'Portrait (2:3)', value: '2:3' },
				{ name: 'Portrait (4:5)', value: '4:5' },
				{ name: 'Portrait (9:16)', value: '9:16' },
				{ name: 'Square (1:1)', value: '1:1' },
			],
			default: 'auto',
			body: 'aspect_ratio',
		},
		{
			displayName: 'Image Count',
			name: 'imageCount',
			type: 'options',
			options: [
				{ name: '1', value: 1 },
				{ name: '4', value: 4 },
				{ name: '9', value: 9 },
				{ name: '16', value: 16 },
			],
			default: 1,
			description: 'How many images to generate. The maximum depends on the model.',
			body: 'image_count',
		},
		imageResolutionField(),
	],
	labels: { 'assets.image_file_paths': 'Images' },
	nestedFiles(fields): FileInputSlot[] {
		return imagesOf(fields).map((image, index) => ({
			key: `images.${index}.image`,
			label: `Image ${index + 1}`,
			assetType: 'image',
			spec: readNestedFileSpec(image),
		}));
	},
	buildBody({ fields, files }, body) {
		body.assets = {
			image_file_paths: imagesOf(fields).map((_image, index) => files[`images.${index}.image`]),
		};
		return body;
	},
	schema,
};

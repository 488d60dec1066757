import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { endAfterStart, fileValue, jobName } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

/**
 * `pro`, `stable` (→ realistic) and `standard`, `expressive` (→ prompted) are marked deprecated
 * in the newest spec: accepted by the schema, not offered in the UI.
 */
const GENERATION_MODES = ['realistic', 'prompted', 'pro', 'standard', 'stable', 'expressive'] as const;

/** Longest audio clip per generation mode, stated in the start/end descriptions of the newest spec. */
const MAX_CLIP_SECONDS: Record<(typeof GENERATION_MODES)[number], number> = {
	realistic: 300,
	pro: 300,
	stable: 300,
	prompted: 45,
	standard: 45,
	expressive: 45,
};

const PROMPTED_MODES: ReadonlyArray<string> = ['prompted', 'standard', 'expressive'];

const schema = z
	.object({
		name: jobName,
		start_seconds: z.number().min(0),
		end_seconds: z.number().min(0.1),
		max_resolution: z.number().int().positive().optional(),
		assets: z.object({ image_file_path: fileValue, audio_file_path: fileValue }).strict(),
		style: z
			.object({
				generation_mode: z.enum(GENERATION_MODES).optional(),
				prompt: z.string().trim().min(1, 'must not be empty').optional(),
			})
			.strict()
			.optional(),
	})
	.strict()
	.superRefine((body, ctx) => {
		endAfterStart(body, ctx);
		const mode = body.style?.generation_mode ?? 'realistic';
		const max = MAX_CLIP_SECONDS[mode];
		const length = body.end_seconds - body.start_seconds;
		if (length > max) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['end_seconds'],
				message: `makes a ${Number(length.toFixed(2))} s clip, but ${PROMPTED_MODES.includes(mode) ? 'Prompted' : 'Realistic'} mode allows at most ${max} s (Realistic 300 s, Prompted 45 s)`,
			});
		}
		if (body.style?.prompt !== undefined && !PROMPTED_MODES.includes(mode)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['style', 'prompt'],
				message: 'is only used in Prompted mode: set Generation Mode to Prompted or remove the prompt',
			});
		}
	});

export const aiTalkingPhoto: ToolDeclaration = {
	operation: 'aiTalkingPhoto',
	endpoint: '/v1/ai-talking-photo',
	kind: 'video',
	displayName: 'AI Talking Photo',
	action: 'Make a photo talk',
	description: 'Animate a portrait photo so it speaks along with an audio track (credits per rendered frame)',
	expectedSeconds: 60,
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The photo of the face to animate',
			assetType: 'image',
			required: true,
		},
		{
			name: 'audio',
			displayName: 'Audio',
			description: 'The speech the photo should say',
			assetType: 'audio',
			required: true,
		},
	],
	fields: [
		{
			displayName: 'Start Time (Seconds)',
			name: 'startSeconds',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Where the clip starts in the audio',
		},
		{
			displayName: 'End Time (Seconds)',
			name: 'endSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 2 },
			default: 5,
			description:
				'Where the clip ends in the audio. The clip can be up to 300 seconds long in Realistic mode and 45 seconds in Prompted mode.',
		},
	],
	optionalFields: [
		{
			displayName: 'Generation Mode',
			name: 'generationMode',
			type: 'options',
			options: [
				{
					name: 'Prompted',
					value: 'prompted',
					description: 'Slightly lower likeness, the scene can be guided by a prompt (clips up to 45 s)',
				},
				{
					name: 'Realistic',
					value: 'realistic',
					description: 'Keeps the likeness well, high quality and reliable (clips up to 300 s)',
				},
			],
			default: 'realistic',
		},
		{
			displayName: 'Max Resolution',
			name: 'maxResolution',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1024,
			description: "Longest side of the output video in pixels. Values above your plan's maximum are capped to it.",
		},
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'e.g. Speaking calmly in a sunny park',
			description: 'Guides the scene. Only used in Prompted mode.',
		},
	],
	labels: {
		start_seconds: 'Start Time (Seconds)',
		end_seconds: 'End Time (Seconds)',
		max_resolution: 'Max Resolution',
		'assets.image_file_path': 'Image',
		'assets.audio_file_path': 'Audio',
		'style.generation_mode': 'Generation Mode',
		'style.prompt': 'Prompt',
	},
	buildBody({ fields, options, files }) {
		const body: IDataObject = {
			start_seconds: fields.startSeconds,
			end_seconds: fields.endSeconds,
			assets: { image_file_path: files.image, audio_file_path: files.audio },
		};
		const style: IDataObject = {};
		if (options.generationMode) style.generation_mode = options.generationMode;
		if (typeof options.prompt === 'string' && options.prompt.trim() !== '') style.prompt = options.prompt;
		if (Object.keys(style).length > 0) body.style = style;
		if (options.maxResolution !== undefined) body.max_resolution = options.maxResolution;
		return body;
	},
	schema,
};

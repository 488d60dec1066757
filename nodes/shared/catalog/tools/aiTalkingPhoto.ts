import { z } from 'zod';

import { endSecondsField, promptField, startSecondsField } from '../commonFields';
import { endAfterStart, endSeconds, fileValue, nonEmptyText, startSeconds } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

/**
 * `pro`, `stable` (→ realistic) and `standard`, `expressive` (→ prompted) are marked deprecated
 * in the newest spec: accepted by the schema, not offered in the UI.
 */
const GENERATION_MODES = [
	'realistic',
	'prompted',
	'pro',
	'standard',
	'stable',
	'expressive',
] as const;

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
		start_seconds: startSeconds,
		end_seconds: endSeconds,
		max_resolution: z.number().int().positive().optional(),
		assets: z.object({ image_file_path: fileValue, audio_file_path: fileValue }).strict(),
		style: z
			.object({
				generation_mode: z.enum(GENERATION_MODES).optional(),
				prompt: nonEmptyText.optional(),
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
				message:
					'is only used in Prompted mode: set Generation Mode to Prompted or remove the prompt',
			});
		}
	});

export const aiTalkingPhoto: ToolDeclaration = {
	operation: 'aiTalkingPhoto',
	endpoint: '/v1/ai-talking-photo',
	kind: 'video',
	displayName: 'AI Talking Photo',
	action: 'Make a photo talk',
	description:
		'Animate a portrait photo so it speaks along with an audio track (credits per rendered frame)',
	expectedSeconds: 60,
	agent: {
		does: 'Make a video of a portrait photo speaking an audio track (talking head).',
		cost: 'credits per rendered frame, about 30 per second of video',
	},
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The photo of the face to animate',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: true,
		},
		{
			name: 'audio',
			displayName: 'Audio',
			description: 'The speech the photo should say',
			body: 'assets.audio_file_path',
			assetType: 'audio',
			required: true,
		},
	],
	fields: [
		startSecondsField('Where the clip starts in the audio'),
		endSecondsField(
			'Where the clip ends in the audio. The clip can be up to 300 seconds long in Realistic mode and 45 seconds in Prompted mode.',
		),
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
					description:
						'Slightly lower likeness, the scene can be guided by a prompt (clips up to 45 s)',
				},
				{
					name: 'Realistic',
					value: 'realistic',
					description: 'Keeps the likeness well, high quality and reliable (clips up to 300 s)',
				},
			],
			default: 'realistic',
			body: 'style.generation_mode',
		},
		{
			displayName: 'Max Resolution',
			name: 'maxResolution',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1024,
			description:
				"Longest side of the output video in pixels. Values above your plan's maximum are capped to it.",
			body: 'max_resolution',
		},
		promptField({
			body: 'style.prompt',
			rows: 2,
			placeholder: 'e.g. Speaking calmly in a sunny park',
			description: 'Guides the scene. Only used in Prompted mode.',
		}),
	],
	schema,
};

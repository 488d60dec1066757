import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { endSecondsField, startSecondsField, videoResolutionField } from '../commonFields';
import {
	clipSeconds,
	endAfterStart,
	endSeconds,
	fileValue,
	isOneOf,
	openEnum,
	startSeconds,
} from '../schemaHelpers';
import { CHARACTER_REPLACE_MODELS } from '../generated/specLists';
import type { ToolDeclaration } from '../types';

const RESOLUTIONS = ['480p', '720p', '1080p'] as const;

interface ReplaceModelRule {
	label: string;
	resolutions: readonly string[];
	/** Whether the person can be marked with points (selection mode Point). */
	points: boolean;
	/** Clip length limits by mode, when stated. */
	clipSeconds?: Record<string, { min: number; max: number }>;
}

/** Limits stated in the model's description. */
const MODEL_RULES: Record<(typeof CHARACTER_REPLACE_MODELS)[number], ReplaceModelRule> = {
	'wan-animate': { label: 'Wan Animate', resolutions: ['480p', '720p'], points: true },
	'kling-3.0': {
		label: 'Kling 3.0',
		resolutions: ['720p', '1080p'],
		points: false,
		clipSeconds: { replace: { min: 3, max: 10 }, animate: { min: 3, max: 30 } },
	},
};
const DEFAULT_MODEL = 'wan-animate';

function checkModel(
	body: {
		model?: string;
		resolution?: string;
		start_seconds?: number;
		end_seconds: number;
		style?: { mode?: string; points?: unknown[] };
	},
	ctx: z.RefinementCtx,
): void {
	const model = body.model ?? DEFAULT_MODEL;
	if (!isOneOf(CHARACTER_REPLACE_MODELS, model)) return;
	const rule = MODEL_RULES[model];
	const issue = (path: string[], message: string) =>
		ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
	if (isOneOf(RESOLUTIONS, body.resolution) && !rule.resolutions.includes(body.resolution)) {
		issue(['resolution'], `${rule.label} supports ${rule.resolutions.join(', ')}`);
	}
	if (!rule.points && body.style?.points !== undefined) {
		issue(
			['style', 'points'],
			`${rule.label} finds the main person itself: use selection mode Auto`,
		);
	}
	const mode = body.style?.mode;
	const limits = mode ? rule.clipSeconds?.[mode] : undefined;
	const length = clipSeconds(body);
	if (limits && length > 0 && (length < limits.min || length > limits.max)) {
		issue(
			['end_seconds'],
			`${rule.label} in ${mode} mode takes clips of ${limits.min}–${limits.max} seconds (this clip: ${length} s)`,
		);
	}
}

const point = z
	.object({
		position_x: z.number().int().min(0),
		position_y: z.number().int().min(0),
		time_seconds: z.number().min(0),
	})
	.strict();

const schema = z
	.object({
		start_seconds: startSeconds.optional(),
		end_seconds: endSeconds,
		model: openEnum(CHARACTER_REPLACE_MODELS).optional(),
		resolution: openEnum(RESOLUTIONS).optional(),
		style: z
			.object({
				mode: z.enum(['replace', 'animate']).optional(),
				selection_mode: z.enum(['auto', 'point']).optional(),
				points: z.array(point).optional(),
			})
			.strict()
			.superRefine((style, ctx) => {
				if (style.selection_mode === 'point' && !style.points?.length) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['points'],
						message: 'needs at least one point when the selection mode is Point',
					});
				}
			})
			.optional(),
		assets: z
			.object({
				video_file_path: fileValue,
				image_file_path: fileValue,
			})
			.strict(),
	})
	.strict()
	.superRefine((body, ctx) => {
		endAfterStart(body, ctx);
		checkModel(body, ctx);
	});

function pointsOf(options: IDataObject): IDataObject[] {
	const collection = (options.points ?? {}) as IDataObject;
	return (collection.point as IDataObject[] | undefined) ?? [];
}

export const characterReplace: ToolDeclaration = {
	operation: 'characterReplace',
	endpoint: '/v1/character-replace',
	kind: 'video',
	displayName: 'Character Replace',
	action: 'Replace a person in a video with a character',
	description:
		'Swap the person in a video for the character in an image, or make the character move like the person',
	expectedSeconds: 570,
	agent: {
		does: 'Replace the person in a video with the character of an image.',
		cost: 'credits per second of video',
	},
	files: [
		{
			name: 'video',
			displayName: 'Video',
			description: 'The video with the person to replace or whose motion to copy',
			body: 'assets.video_file_path',
			assetType: 'video',
			required: true,
		},
		{
			name: 'image',
			displayName: 'Character Image',
			description: 'The character to put into the video or to animate',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: true,
		},
	],
	fields: [endSecondsField('Where the clip to use ends in the video', { required: true })],
	optionalFields: [
		startSecondsField('Where the clip to use starts in the video'),
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: [
				{
					name: 'Kling 3.0',
					value: 'kling-3.0',
					description:
						'720p or 1080p; clips of 3–10 s (Replace) or 3–30 s (Animate); finds the person itself',
				},
				{
					name: 'Wan Animate',
					value: 'wan-animate',
					description: '480p or 720p; the person can be marked with points',
				},
			],
			default: 'wan-animate',
			description: 'Without this option Magic Hour uses Wan Animate',
			body: 'model',
		},
		videoResolutionField({
			resolutions: RESOLUTIONS,
			default: '480p',
			description:
				'Without this option Magic Hour uses the lowest resolution of your plan for the model',
			notes: { '480p': 'Wan Animate only', '1080p': 'Kling 3.0 only' },
		}),
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{
					name: 'Animate',
					value: 'animate',
					description: 'Make the character image move like the person in the video',
				},
				{
					name: 'Replace',
					value: 'replace',
					description: 'Put the character in place of the person in the video',
				},
			],
			default: 'replace',
			body: 'style.mode',
		},
		{
			displayName: 'Selection Mode',
			name: 'selectionMode',
			type: 'options',
			options: [
				{ name: 'Auto', value: 'auto', description: 'Find the person automatically' },
				{
					name: 'Point',
					value: 'point',
					description: 'Mark the person with points on video frames',
				},
			],
			default: 'auto',
			description:
				'How the person in the video is found. Kling 3.0 always finds the main person itself.',
			body: 'style.selection_mode',
		},
		{
			displayName: 'Points',
			name: 'points',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Point',
			default: {},
			displayOptions: { show: { selectionMode: ['point'] } },
			description: 'Pixels on the person at given times of the video',
			options: [
				{
					displayName: 'Point',
					name: 'point',
					values: [
						{
							displayName: 'X (Pixels)',
							name: 'positionX',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							description: 'Distance from the left edge of the frame',
						},
						{
							displayName: 'Y (Pixels)',
							name: 'positionY',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							description: 'Distance from the top edge of the frame',
						},
						{
							displayName: 'Time (Seconds)',
							name: 'timeSeconds',
							type: 'number',
							typeOptions: { minValue: 0, numberPrecision: 2 },
							default: 0,
							description:
								'Time in the video of the frame, on the same clock as the start and end times',
						},
					],
				},
			],
		},
	],
	labels: { 'style.points': 'Points' },
	buildBody({ options }, body) {
		if (options.selectionMode === 'point') {
			body.style = {
				...(body.style as IDataObject),
				points: pointsOf(options).map((entry) => ({
					position_x: entry.positionX,
					position_y: entry.positionY,
					time_seconds: entry.timeSeconds,
				})),
			};
		}
		return body;
	},
	schema,
};

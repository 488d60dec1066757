import { z } from 'zod';

import {
	endSecondsField,
	promptField,
	startSecondsField,
	videoResolutionField,
} from '../commonFields';
import {
	clipSeconds,
	endAfterStart,
	endSeconds,
	fileValue,
	isOneOf,
	openEnum,
	requiredText,
	startSeconds,
} from '../schemaHelpers';
import { VIDEO_EDITOR_MODELS } from '../generated/specLists';
import type { ToolDeclaration } from '../types';

/** `gemini-omni` is marked deprecated in favour of `gemini-omni-1.1`: accepted, not offered. */
const MODELS = VIDEO_EDITOR_MODELS;
const RESOLUTIONS = ['480p', '720p', '1080p'] as const;

interface EditorModelRule {
	label: string;
	minSeconds: number;
	maxSeconds: number;
	resolutions: readonly string[];
}

/** Clip length and resolution limits stated in the API reference. */
const GEMINI: EditorModelRule = {
	label: 'Gemini Omni 1.1',
	minSeconds: 3,
	maxSeconds: 10,
	resolutions: ['720p', '1080p'],
};
const LTX: EditorModelRule = {
	label: 'LTX 2.5',
	minSeconds: 0.5,
	maxSeconds: 20,
	resolutions: RESOLUTIONS,
};
/** `ltx-2.3` is still accepted but no longer described: no limits known, Magic Hour judges. */
const MODEL_RULES: Partial<Record<(typeof MODELS)[number], EditorModelRule>> = {
	'gemini-omni-1.1': GEMINI,
	'gemini-omni': { ...GEMINI, label: 'Gemini Omni (deprecated)' },
	'ltx-2.5': LTX,
};
/** Without a model the API picks Gemini Omni 1.1 (paid plans) or LTX 2.5 (free plan); the plan is unknown here. */
const DEFAULT_RULE: EditorModelRule = {
	label: 'the default model (Gemini Omni 1.1 on paid plans, LTX 2.5 on the free plan)',
	minSeconds: Math.min(GEMINI.minSeconds, LTX.minSeconds),
	maxSeconds: Math.max(GEMINI.maxSeconds, LTX.maxSeconds),
	resolutions: RESOLUTIONS,
};

const schema = z
	.object({
		start_seconds: startSeconds.optional(),
		end_seconds: endSeconds,
		model: openEnum(MODELS).optional(),
		resolution: openEnum(RESOLUTIONS).optional(),
		style: z.object({ prompt: requiredText }).strict(),
		assets: z.object({ video_file_path: fileValue }).strict(),
	})
	.strict()
	.superRefine((body, ctx) => {
		endAfterStart(body, ctx);
		const rule =
			body.model === undefined
				? DEFAULT_RULE
				: isOneOf(MODELS, body.model)
					? MODEL_RULES[body.model]
					: undefined;
		if (!rule) return;
		const length = clipSeconds(body);
		if (length > 0 && (length < rule.minSeconds || length > rule.maxSeconds)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['end_seconds'],
				message: `${rule.label} edits clips of ${rule.minSeconds}–${rule.maxSeconds} seconds (this clip: ${length} s)`,
			});
		}
		if (isOneOf(RESOLUTIONS, body.resolution) && !rule.resolutions.includes(body.resolution)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['resolution'],
				message: `${rule.label} supports ${rule.resolutions.join(', ')}`,
			});
		}
	});

export const aiVideoEditor: ToolDeclaration = {
	operation: 'aiVideoEditor',
	endpoint: '/v1/ai-video-editor',
	kind: 'video',
	displayName: 'AI Video Editor',
	action: 'Edit a video with a prompt',
	description: 'Change what happens in a video clip by describing the edit in words',
	expectedSeconds: 180,
	agent: {
		does: 'Change what happens in an existing video clip as a text prompt describes.',
		cost: 'credits per second of video, by model',
	},
	files: [
		{
			name: 'video',
			displayName: 'Video',
			description: 'The video to edit',
			body: 'assets.video_file_path',
			assetType: 'video',
			required: true,
		},
	],
	fields: [
		promptField({
			body: 'style.prompt',
			required: true,
			placeholder: 'e.g. Change the car color to blue',
			description: 'The edit to make',
		}),
		endSecondsField(
			'Where the clip to edit ends in the video. Clips are 3–10 s long with Gemini Omni 1.1 and 0.5–20 s with LTX 2.5.',
			{ defaultSeconds: 3, required: true },
		),
	],
	optionalFields: [
		startSecondsField('Where the clip to edit starts in the video'),
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: [
				{
					name: 'Gemini Omni 1.1',
					value: 'gemini-omni-1.1',
					description: 'Clips of 3–10 s at 720p or 1080p',
				},
				{
					name: 'LTX 2.3',
					value: 'ltx-2.3',
					description: 'Older model; its limits are no longer documented',
				},
				{
					name: 'LTX 2.5',
					value: 'ltx-2.5',
					description: 'Clips of 0.5–20 s at 480p, 720p or 1080p',
				},
			],
			default: 'ltx-2.5',
			description:
				'Without this option Magic Hour uses Gemini Omni 1.1 on paid plans and LTX 2.5 on the free plan',
			body: 'model',
		},
		videoResolutionField({
			resolutions: RESOLUTIONS,
			default: '720p',
			notes: { '480p': 'LTX only' },
		}),
	],
	schema,
};

import { z } from 'zod';

import { endSecondsField, startSecondsField, videoResolutionField } from '../commonFields';
import {
	clipSeconds,
	endAfterStart,
	endSeconds,
	fileValue,
	openEnum,
	startSeconds,
} from '../schemaHelpers';
import { TRANSLATOR_LANGUAGES } from '../generated/specLists';
import type { ToolDeclaration } from '../types';

const RESOLUTIONS = ['480p', '720p', '1080p'] as const;
/** Stated in the end time's description: the translated clip is 1–30 s long. */
const MIN_CLIP_SECONDS = 1;
const MAX_CLIP_SECONDS = 30;

const schema = z
	.object({
		start_seconds: startSeconds.optional(),
		end_seconds: endSeconds,
		target_language: openEnum(TRANSLATOR_LANGUAGES),
		resolution: openEnum(RESOLUTIONS).optional(),
		assets: z.object({ video_file_path: fileValue }).strict(),
	})
	.strict()
	.superRefine((body, ctx) => {
		endAfterStart(body, ctx);
		const length = clipSeconds(body);
		if (length > 0 && (length < MIN_CLIP_SECONDS || length > MAX_CLIP_SECONDS)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['end_seconds'],
				message: `the clip must be ${MIN_CLIP_SECONDS}–${MAX_CLIP_SECONDS} seconds long (this clip: ${length} s)`,
			});
		}
	});

export const aiVideoTranslator: ToolDeclaration = {
	operation: 'aiVideoTranslator',
	endpoint: '/v1/ai-video-translator',
	kind: 'video',
	displayName: 'AI Video Translator',
	action: 'Translate the speech of a video',
	description: 'Dub the speech of a 1–30 second video clip into another language',
	expectedSeconds: 180,
	agent: {
		does: 'Dub the speech of a short video clip (1 to 30 seconds) into another language.',
		cost: 'credits per second of video',
	},
	files: [
		{
			name: 'video',
			displayName: 'Video',
			description: 'The video whose speech to translate',
			body: 'assets.video_file_path',
			assetType: 'video',
			required: true,
		},
	],
	fields: [
		{
			displayName: 'Target Language',
			name: 'targetLanguage',
			type: 'options',
			options: [...TRANSLATOR_LANGUAGES]
				.sort((a, b) => a.localeCompare(b, 'en'))
				.map((language) => ({ name: language, value: language })),
			default: 'Spanish',
			required: true,
			description: 'The language the speech is translated into',
			body: 'target_language',
		},
		endSecondsField(
			'Where the clip to translate ends in the video. The clip must be 1–30 seconds long.',
			{
				defaultSeconds: 10,
				required: true,
			},
		),
	],
	optionalFields: [
		startSecondsField('Where the clip to translate starts in the video'),
		videoResolutionField({
			resolutions: RESOLUTIONS,
			default: '480p',
			description: 'Without this option Magic Hour renders 480p',
			notes: { '720p': 'Paid plans only', '1080p': 'Paid plans only' },
		}),
	],
	schema,
};

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { endAfterStart, fileValue, jobName } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const YOUTUBE_URL = /^https?:\/\/([\w-]+\.)*(youtube\.com|youtu\.be)([/?#]|$)/i;

const youtubeUrl = z
	.string({ required_error: 'is required' })
	.url('must be a valid URL')
	.regex(YOUTUBE_URL, 'must be a YouTube link (youtube.com or youtu.be)');

const schema = z
	.object({
		name: jobName,
		start_seconds: z.number().min(0),
		end_seconds: z.number().min(0.1),
		max_fps_limit: z.number().min(1).optional(),
		style: z.object({ generation_mode: z.enum(['lite', 'standard', 'pro']).optional() }).strict().optional(),
		assets: z
			.object({
				audio_file_path: fileValue,
				video_source: z.enum(['file', 'youtube']),
				video_file_path: fileValue.optional(),
				youtube_url: youtubeUrl.optional(),
			})
			.strict()
			.superRefine((assets, ctx) => {
				if (assets.video_source === 'file' && !assets.video_file_path) {
					ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['video_file_path'], message: 'is required when the video source is a file' });
				}
				if (assets.video_source === 'youtube' && !assets.youtube_url) {
					ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['youtube_url'], message: 'is required when the video source is YouTube' });
				}
			}),
	})
	.strict()
	.superRefine(endAfterStart);

export const lipSync: ToolDeclaration = {
	operation: 'lipSync',
	endpoint: '/v1/lip-sync',
	kind: 'video',
	displayName: 'Lip Sync',
	action: 'Sync lips to audio',
	description: 'Make the lip movements in a video match a new audio track (1 credit per frame, 2 with Pro)',
	expectedSeconds: 60,
	files: [
		{
			name: 'videoFile',
			displayName: 'Video File',
			description: 'The video of the person whose lips are synced',
			assetType: 'video',
			required: true,
			displayOptions: { show: { videoSourceType: ['file'] } },
		},
		{
			name: 'audio',
			displayName: 'Audio',
			description: 'The speech or song the lips should follow',
			assetType: 'audio',
			required: true,
		},
	],
	fields: [
		{
			displayName: 'Video Source',
			name: 'videoSourceType',
			type: 'options',
			options: [
				{ name: 'File', value: 'file', description: 'A video file (URL, Magic Hour file path or binary data)' },
				{ name: 'YouTube', value: 'youtube', description: 'A YouTube video link' },
			],
			default: 'file',
		},
		{
			displayName: 'YouTube URL',
			name: 'youtubeUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ',
			description: 'Link to the YouTube video whose lips are synced',
			displayOptions: { show: { videoSourceType: ['youtube'] } },
		},
		{
			displayName: 'Start Time (Seconds)',
			name: 'startSeconds',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Where the clip starts',
		},
		{
			displayName: 'End Time (Seconds)',
			name: 'endSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 2 },
			default: 5,
			description: 'Where the clip ends. Must be after the start time; credits are charged per rendered frame.',
		},
	],
	optionalFields: [
		{
			displayName: 'Generation Mode',
			name: 'generationMode',
			type: 'options',
			options: [
				{ name: 'Lite', value: 'lite', description: 'Fast and affordable, for simple videos (1 credit per frame)' },
				{
					name: 'Pro',
					value: 'pro',
					description: 'Premium fidelity with more detail (2 credits per frame, Creator plan or higher)',
				},
				{
					name: 'Standard',
					value: 'standard',
					description: 'Natural, accurate lip sync (1 credit per frame, Creator plan or higher)',
				},
			],
			default: 'lite',
		},
		{
			displayName: 'Max FPS',
			name: 'maxFpsLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 12,
			description:
				'Highest frame rate of the output. Videos with a lower frame rate keep theirs. Lower values use fewer frames and credits.',
		},
	],
	labels: {
		start_seconds: 'Start Time (Seconds)',
		end_seconds: 'End Time (Seconds)',
		max_fps_limit: 'Max FPS',
		'style.generation_mode': 'Generation Mode',
		'assets.audio_file_path': 'Audio',
		'assets.video_source': 'Video Source',
		'assets.video_file_path': 'Video File',
		'assets.youtube_url': 'YouTube URL',
	},
	buildBody({ fields, options, files }) {
		const assets: IDataObject = {
			audio_file_path: files.audio,
			video_source: fields.videoSourceType,
		};
		if (fields.videoSourceType === 'youtube') {
			const url = String(fields.youtubeUrl ?? '').trim();
			if (url) assets.youtube_url = url;
		} else if (files.videoFile) {
			assets.video_file_path = files.videoFile;
		}
		const body: IDataObject = {
			start_seconds: fields.startSeconds,
			end_seconds: fields.endSeconds,
			assets,
		};
		if (options.maxFpsLimit !== undefined) body.max_fps_limit = options.maxFpsLimit;
		if (options.generationMode) body.style = { generation_mode: options.generationMode };
		return body;
	},
	schema,
};

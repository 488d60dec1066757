import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { nestedFileSourceProperties, readNestedFileSpec } from '../properties';
import { endAfterStart, fileValue, jobName } from '../schemaHelpers';
import type { NestedFileInput, ToolDeclaration } from '../types';

const MAX_FACE_MAPPINGS = 5;

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
		style: z.object({ version: z.enum(['v1', 'v2', 'default']).optional() }).strict().optional(),
		assets: z
			.object({
				video_source: z.enum(['file', 'youtube']),
				video_file_path: fileValue.optional(),
				youtube_url: youtubeUrl.optional(),
				face_swap_mode: z.enum(['all-faces', 'individual-faces']),
				image_file_path: fileValue.optional(),
				face_mappings: z
					.array(z.object({ original_face: z.string().trim().min(1, 'is required'), new_face: fileValue }).strict())
					.max(MAX_FACE_MAPPINGS, `at most ${MAX_FACE_MAPPINGS} face mappings`)
					.optional(),
			})
			.strict()
			.superRefine((assets, ctx) => {
				if (assets.video_source === 'file' && !assets.video_file_path) {
					ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['video_file_path'], message: 'is required when the video source is a file' });
				}
				if (assets.video_source === 'youtube' && !assets.youtube_url) {
					ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['youtube_url'], message: 'is required when the video source is YouTube' });
				}
				if (assets.face_swap_mode === 'all-faces' && !assets.image_file_path) {
					ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['image_file_path'], message: 'is required when swapping all faces' });
				}
				if (assets.face_swap_mode === 'individual-faces' && !assets.face_mappings?.length) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['face_mappings'],
						message: 'needs at least one mapping when swapping individual faces',
					});
				}
			}),
	})
	.strict()
	.superRefine(endAfterStart);

function mappingsOf(fields: IDataObject): IDataObject[] {
	const collection = (fields.faceMappings ?? {}) as IDataObject;
	return (collection.mapping as IDataObject[] | undefined) ?? [];
}

export const faceSwapVideo: ToolDeclaration = {
	operation: 'faceSwapVideo',
	endpoint: '/v1/face-swap',
	kind: 'video',
	displayName: 'Face Swap Video',
	action: 'Swap faces in a video',
	description: 'Put the face from a photo onto the people in a video, GIF or YouTube clip (credits per rendered frame)',
	expectedSeconds: 60,
	files: [
		{
			name: 'videoFile',
			displayName: 'Video File',
			description: 'The video or GIF whose faces are replaced',
			assetType: 'video',
			extraExtensions: ['gif'],
			required: true,
			displayOptions: { show: { videoSourceType: ['file'] } },
		},
		{
			name: 'sourceImage',
			displayName: 'Source Face Image',
			description: 'The photo of the face to put in',
			assetType: 'image',
			required: true,
			displayOptions: { show: { faceSwapMode: ['all-faces'] } },
		},
	],
	fields: [
		{
			displayName: 'Video Source',
			name: 'videoSourceType',
			type: 'options',
			options: [
				{ name: 'File', value: 'file', description: 'A video or GIF file (URL, Magic Hour file path or binary data)' },
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
			description: 'Link to the YouTube video whose faces are replaced',
			displayOptions: { show: { videoSourceType: ['youtube'] } },
		},
		{
			displayName: 'Start Time (Seconds)',
			name: 'startSeconds',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Where the clip starts in the video',
		},
		{
			displayName: 'End Time (Seconds)',
			name: 'endSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 2 },
			default: 5,
			description: 'Where the clip ends in the video. Must be after the start time; credits are charged per rendered frame.',
		},
		{
			displayName: 'Face Swap Mode',
			name: 'faceSwapMode',
			type: 'options',
			options: [
				{ name: 'All Faces', value: 'all-faces', description: 'Swap every detected face with the source face' },
				{
					name: 'Individual Faces',
					value: 'individual-faces',
					description: 'Map faces found by "Detect Faces" on the video to new faces, one by one',
				},
			],
			default: 'all-faces',
		},
		{
			displayName: 'Face Mappings',
			name: 'faceMappings',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, maxAllowedFields: MAX_FACE_MAPPINGS },
			placeholder: 'Add Face Mapping',
			default: {},
			displayOptions: { show: { faceSwapMode: ['individual-faces'] } },
			options: [
				{
					displayName: 'Mapping',
					name: 'mapping',
					values: [
						{
							displayName: 'Original Face',
							name: 'originalFace',
							type: 'string',
							default: '',
							placeholder: 'api-assets/abc123/0-0.png',
							description: 'A face path returned by "Detect Faces" on the video',
						},
						...nestedFileSourceProperties('image', 'New Face'),
					],
				},
			],
		},
	],
	optionalFields: [
		{
			displayName: 'Version',
			name: 'version',
			type: 'options',
			options: [
				{
					name: 'Default (Recommended)',
					value: 'default',
					description: 'The version Magic Hour recommends; it may change over time',
				},
				{ name: 'V1', value: 'v1', description: 'May keep skin detail and texture better, with weaker identity' },
				{ name: 'V2', value: 'v2', description: 'Faster and sharper, better with hair and glasses, stronger identity' },
			],
			default: 'default',
			description: 'Face swap engine version',
		},
	],
	labels: {
		start_seconds: 'Start Time (Seconds)',
		end_seconds: 'End Time (Seconds)',
		'style.version': 'Version',
		'assets.video_source': 'Video Source',
		'assets.video_file_path': 'Video File',
		'assets.youtube_url': 'YouTube URL',
		'assets.face_swap_mode': 'Face Swap Mode',
		'assets.image_file_path': 'Source Face Image',
		'assets.face_mappings': 'Face Mappings',
	},
	nestedFiles(fields): NestedFileInput[] {
		if (fields.faceSwapMode !== 'individual-faces') return [];
		return mappingsOf(fields).map((mapping, index) => ({
			key: `faceMappings.${index}.newFace`,
			label: `Face Mapping ${index + 1} New Face`,
			assetType: 'image',
			spec: readNestedFileSpec(mapping),
		}));
	},
	buildBody({ fields, options, files }) {
		const assets: IDataObject = {
			video_source: fields.videoSourceType,
			face_swap_mode: fields.faceSwapMode,
		};
		if (fields.videoSourceType === 'youtube') {
			const url = String(fields.youtubeUrl ?? '').trim();
			if (url) assets.youtube_url = url;
		} else if (files.videoFile) {
			assets.video_file_path = files.videoFile;
		}
		if (fields.faceSwapMode === 'individual-faces') {
			assets.face_mappings = mappingsOf(fields).map((mapping, index) => ({
				original_face: mapping.originalFace,
				new_face: files[`faceMappings.${index}.newFace`],
			}));
		} else if (files.sourceImage) {
			assets.image_file_path = files.sourceImage;
		}
		const body: IDataObject = {
			start_seconds: fields.startSeconds,
			end_seconds: fields.endSeconds,
			assets,
		};
		if (options.version) body.style = { version: options.version };
		return body;
	},
	schema,
};

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	addVideoSource,
	CLIP_TIME_LABELS,
	clipTimeFields,
	VIDEO_SOURCE_LABELS,
	videoFileInput,
	videoSourceFields,
} from '../commonFields';
import {
	checkMediaSource,
	endAfterStart,
	endSeconds,
	fileValue,
	jobName,
	startSeconds,
	videoSourceAssets,
} from '../schemaHelpers';
import type { ToolDeclaration } from '../types';
import {
	checkFaceSwapMode,
	faceMappingFiles,
	faceMappings,
	faceMappingsBody,
	faceSwapMode,
	faceSwapModeFields,
	sourceFaceInput,
} from '../fieldGroups/faceSwap';

const schema = z
	.object({
		name: jobName,
		start_seconds: startSeconds,
		end_seconds: endSeconds,
		style: z
			.object({ version: z.enum(['v1', 'v2', 'default']).optional() })
			.strict()
			.optional(),
		assets: z
			.object({
				...videoSourceAssets,
				face_swap_mode: faceSwapMode,
				image_file_path: fileValue.optional(),
				face_mappings: faceMappings,
			})
			.strict()
			.superRefine((assets, ctx) => {
				checkMediaSource('video', assets, ctx);
				checkFaceSwapMode(assets, ctx, 'image_file_path');
			}),
	})
	.strict()
	.superRefine(endAfterStart);

export const faceSwapVideo: ToolDeclaration = {
	operation: 'faceSwapVideo',
	endpoint: '/v1/face-swap',
	kind: 'video',
	displayName: 'Face Swap Video',
	action: 'Swap faces in a video',
	description:
		'Put the face from a photo onto the people in a video, GIF or YouTube clip (credits per rendered frame)',
	expectedSeconds: 60,
	files: [
		videoFileInput('The video or GIF whose faces are replaced', { acceptsGif: true }),
		sourceFaceInput(),
	],
	fields: [
		...videoSourceFields({
			youtubeDescription: 'Link to the YouTube video whose faces are replaced',
			acceptsGif: true,
		}),
		...clipTimeFields('video'),
		...faceSwapModeFields({
			individualFaces: 'Map faces found by "Detect Faces" on the video to new faces, one by one',
			originalFace: 'A face path returned by "Detect Faces" on the video',
		}),
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
				{
					name: 'V1',
					value: 'v1',
					description: 'May keep skin detail and texture better, with weaker identity',
				},
				{
					name: 'V2',
					value: 'v2',
					description: 'Faster and sharper, better with hair and glasses, stronger identity',
				},
			],
			default: 'default',
			description: 'Face swap engine version',
		},
	],
	labels: {
		...CLIP_TIME_LABELS,
		'style.version': 'Version',
		...VIDEO_SOURCE_LABELS,
		'assets.face_swap_mode': 'Face Swap Mode',
		'assets.image_file_path': 'Source Face Image',
		'assets.face_mappings': 'Face Mappings',
	},
	nestedFiles: faceMappingFiles,
	buildBody({ fields, options, files }) {
		const assets: IDataObject = {
			video_source: fields.videoSourceType,
			face_swap_mode: fields.faceSwapMode,
		};
		addVideoSource(assets, fields, files);
		if (fields.faceSwapMode === 'individual-faces') {
			assets.face_mappings = faceMappingsBody(fields, files);
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

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import {
	addVideoSource,
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
	agent: {
		does: 'Put the face of a photo onto the people in a video.',
		cost: 'credits per rendered frame, about 30 per second of video',
	},
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
			body: 'style.version',
		},
	],
	labels: {
		...VIDEO_SOURCE_LABELS,
		'assets.image_file_path': 'Source Face Image',
		'assets.face_mappings': 'Face Mappings',
	},
	nestedFiles: faceMappingFiles,
	buildBody(input, body) {
		const { fields, files } = input;
		addVideoSource(input, body);
		const assets = body.assets as IDataObject;
		if (fields.faceSwapMode === 'individual-faces') {
			assets.face_mappings = faceMappingsBody(fields, files);
		} else if (files.sourceImage) {
			assets.image_file_path = files.sourceImage;
		}
		return body;
	},
	schema,
};

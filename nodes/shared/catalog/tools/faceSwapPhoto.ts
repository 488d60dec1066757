import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { fileValue } from '../schemaHelpers';
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
		assets: z
			.object({
				face_swap_mode: faceSwapMode,
				source_file_path: fileValue.optional(),
				target_file_path: fileValue,
				face_mappings: faceMappings,
			})
			.strict()
			.superRefine((assets, ctx) => checkFaceSwapMode(assets, ctx, 'source_file_path')),
	})
	.strict();

export const faceSwapPhoto: ToolDeclaration = {
	operation: 'faceSwapPhoto',
	endpoint: '/v1/face-swap-photo',
	kind: 'image',
	displayName: 'Face Swap Photo',
	action: 'Swap faces in a photo',
	description: 'Put the face from one photo onto the people in another photo (10 credits)',
	expectedSeconds: 8,
	agent: {
		does: 'Put the face of one photo onto the people in another photo.',
		cost: '10 credits',
	},
	files: [
		{
			name: 'targetImage',
			displayName: 'Target Image',
			description: 'The photo whose faces are replaced',
			body: 'assets.target_file_path',
			assetType: 'image',
			required: true,
		},
		sourceFaceInput(),
	],
	fields: faceSwapModeFields({
		individualFaces: 'Map faces found by "Detect Faces" to new faces, one by one',
		originalFace: 'A face path returned by "Detect Faces" on the target image',
	}),
	optionalFields: [],
	labels: {
		'assets.source_file_path': 'Source Face Image',
		'assets.face_mappings': 'Face Mappings',
	},
	nestedFiles: faceMappingFiles,
	buildBody({ fields, files }, body) {
		const assets = (body.assets ??= {}) as IDataObject;
		if (fields.faceSwapMode === 'individual-faces') {
			assets.face_mappings = faceMappingsBody(fields, files);
		} else {
			assets.source_file_path = files.sourceImage;
		}
		return body;
	},
	schema,
};

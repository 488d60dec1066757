import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { nestedFileSourceProperties, readNestedFileSpec } from '../properties';
import { fileValue, jobName } from '../schemaHelpers';
import type { NestedFileInput, ToolDeclaration } from '../types';

const MAX_FACE_MAPPINGS = 5;

const schema = z
	.object({
		name: jobName,
		assets: z
			.object({
				face_swap_mode: z.enum(['all-faces', 'individual-faces']),
				source_file_path: fileValue.optional(),
				target_file_path: fileValue,
				face_mappings: z
					.array(z.object({ original_face: z.string().trim().min(1, 'is required'), new_face: fileValue }).strict())
					.max(MAX_FACE_MAPPINGS, `at most ${MAX_FACE_MAPPINGS} face mappings`)
					.optional(),
			})
			.strict()
			.superRefine((assets, ctx) => {
				if (assets.face_swap_mode === 'all-faces' && !assets.source_file_path) {
					ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['source_file_path'], message: 'is required when swapping all faces' });
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
	.strict();

function mappingsOf(fields: IDataObject): IDataObject[] {
	const collection = (fields.faceMappings ?? {}) as IDataObject;
	return (collection.mapping as IDataObject[] | undefined) ?? [];
}

export const faceSwapPhoto: ToolDeclaration = {
	operation: 'faceSwapPhoto',
	endpoint: '/v1/face-swap-photo',
	kind: 'image',
	displayName: 'Face Swap Photo',
	action: 'Swap faces in a photo',
	description: 'Put the face from one photo onto the people in another photo (10 credits)',
	expectedSeconds: 8,
	files: [
		{
			name: 'targetImage',
			displayName: 'Target Image',
			description: 'The photo whose faces are replaced',
			assetType: 'image',
			required: true,
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
			displayName: 'Face Swap Mode',
			name: 'faceSwapMode',
			type: 'options',
			options: [
				{ name: 'All Faces', value: 'all-faces', description: 'Swap every detected face with the source face' },
				{
					name: 'Individual Faces',
					value: 'individual-faces',
					description: 'Map faces found by "Detect Faces" to new faces, one by one',
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
							description: 'A face path returned by "Detect Faces" on the target image',
						},
						...nestedFileSourceProperties('image', 'New Face'),
					],
				},
			],
		},
	],
	optionalFields: [],
	labels: {
		'assets.source_file_path': 'Source Face Image',
		'assets.target_file_path': 'Target Image',
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
	buildBody({ fields, files }) {
		const individual = fields.faceSwapMode === 'individual-faces';
		const assets: IDataObject = {
			face_swap_mode: fields.faceSwapMode,
			target_file_path: files.targetImage,
		};
		if (individual) {
			assets.face_mappings = mappingsOf(fields).map((mapping, index) => ({
				original_face: mapping.originalFace,
				new_face: files[`faceMappings.${index}.newFace`],
			}));
		} else {
			assets.source_file_path = files.sourceImage;
		}
		return { assets };
	},
	schema,
};

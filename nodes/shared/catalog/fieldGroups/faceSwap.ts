/**
 * The two face swap modes, shared by faceSwapPhoto.ts and faceSwapVideo.ts: swap every face with
 * one source face, or map faces found by "Detect Faces" to new faces, one by one.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { nestedFileSourceProperties, readNestedFileSpec } from '../properties';
import { fileValue } from '../schemaHelpers';
import type { FileInputDeclaration, FileInputSlot, ToolField } from '../types';

const MAX_FACE_MAPPINGS = 5;

/** `assets.face_swap_mode` */
export const faceSwapMode = z.enum(['all-faces', 'individual-faces']);

/** `assets.face_mappings` */
export const faceMappings = z
	.array(
		z
			.object({ original_face: z.string().trim().min(1, 'is required'), new_face: fileValue })
			.strict(),
	)
	.max(MAX_FACE_MAPPINGS, `at most ${MAX_FACE_MAPPINGS} face mappings`)
	.optional();

/**
 * Adds an issue when the chosen mode lacks its input: the source face at `assets[sourceKey]`
 * (all faces) or at least one mapping (individual faces). `ctx` stands at the assets object.
 */
export function checkFaceSwapMode(
	assets: Readonly<Record<string, unknown>>,
	ctx: z.RefinementCtx,
	sourceKey: string,
): void {
	if (assets.face_swap_mode === 'all-faces' && !assets[sourceKey]) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [sourceKey],
			message: 'is required when swapping all faces',
		});
	}
	const mappings = assets.face_mappings as unknown[] | undefined;
	if (assets.face_swap_mode === 'individual-faces' && !mappings?.length) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['face_mappings'],
			message: 'needs at least one mapping when swapping individual faces',
		});
	}
}

/** The "Source Face Image" input (`sourceImage`), used when swapping all faces. */
export function sourceFaceInput(): FileInputDeclaration {
	return {
		name: 'sourceImage',
		displayName: 'Source Face Image',
		description: 'The photo of the face to put in',
		assetType: 'image',
		required: true,
		displayOptions: { show: { faceSwapMode: ['all-faces'] } },
	};
}

/** "Face Swap Mode" (`faceSwapMode`) and the "Face Mappings" (`faceMappings`) it shows for individual faces. */
export function faceSwapModeFields(descriptions: {
	individualFaces: string;
	originalFace: string;
}): ToolField[] {
	return [
		{
			displayName: 'Face Swap Mode',
			name: 'faceSwapMode',
			type: 'options',
			options: [
				{
					name: 'All Faces',
					value: 'all-faces',
					description: 'Swap every detected face with the source face',
				},
				{
					name: 'Individual Faces',
					value: 'individual-faces',
					description: descriptions.individualFaces,
				},
			],
			default: 'all-faces',
			body: 'assets.face_swap_mode',
			description: 'Give every face the same new face, or choose a new face for each face',
		},
		{
			displayName:
				"Swapping faces one by one takes two steps. First, a Magic Hour node with the action <b>Detect faces in an image or video</b> on this same file lists the faces it finds (<code>faces[0].path</code>, <code>faces[1].path</code>…). Then add one mapping here per face you want to change: its Original Face is that path, e.g. <code>{{ $('Detect faces in an image or video').item.json.faces[0].path }}</code>, and its New Face the photo to put there.",
			name: 'faceMappingsNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { faceSwapMode: ['individual-faces'] } },
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
							description: descriptions.originalFace,
						},
						...nestedFileSourceProperties('image', 'New Face'),
					],
				},
			],
		},
	];
}

function mappingsOf(fields: IDataObject): IDataObject[] {
	const collection = (fields.faceMappings ?? {}) as IDataObject;
	return (collection.mapping as IDataObject[] | undefined) ?? [];
}

/** The new face of each mapping, as nested file inputs (none unless swapping individual faces). */
export function faceMappingFiles(fields: IDataObject): FileInputSlot[] {
	if (fields.faceSwapMode !== 'individual-faces') return [];
	return mappingsOf(fields).map((mapping, index) => ({
		key: `faceMappings.${index}.newFace`,
		label: `Face Mapping ${index + 1} New Face`,
		assetType: 'image',
		spec: readNestedFileSpec(mapping),
	}));
}

/** `assets.face_mappings` of the request body. */
export function faceMappingsBody(
	fields: IDataObject,
	files: Record<string, string>,
): IDataObject[] {
	return mappingsOf(fields).map((mapping, index) => ({
		original_face: mapping.originalFace,
		new_face: files[`faceMappings.${index}.newFace`],
	}));
}

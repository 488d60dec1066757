/**
 * Text-to-video `references[]`: named images, videos or audio files the prompt mentions as @name.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { nestedFileSourceProperties, readNestedFileSpec } from '../properties';
import { fileValue } from '../schemaHelpers';
import type { FileInputSlot, ProjectKind } from '../types';
import { modelLabelsWhere } from '../models/videoGenerationModels';

const MAX_REFERENCES = 10;
const NAME_PATTERN = /^[A-Za-z][\w-]*$/;

export const referencesSchema = z
	.array(
		z
			.object({
				name: z
					.string()
					.regex(
						NAME_PATTERN,
						'must start with a letter and hold only letters, digits, _ or - (write it without @)',
					),
				file_path: fileValue,
			})
			.strict(),
	)
	.min(1)
	.max(MAX_REFERENCES, `at most ${MAX_REFERENCES} references`);

function referencesOf(options: IDataObject): IDataObject[] {
	const collection = (options.references ?? {}) as IDataObject;
	return (collection.reference as IDataObject[] | undefined) ?? [];
}

const fileKey = (index: number) => `references.${index}.file`;

function mediaTypeOf(entry: IDataObject): ProjectKind {
	return entry.mediaType === 'video' || entry.mediaType === 'audio' ? entry.mediaType : 'image';
}

/** The "References" option. */
export function referencesField(): INodeProperties {
	const fileProperties = nestedFileSourceProperties('image', 'File').map((property) =>
		property.name === 'url'
			? {
					...property,
					description: 'Public URL of the image, video or audio file, or a Magic Hour file path',
				}
			: property,
	);
	return {
		displayName: 'References',
		name: 'references',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxAllowedFields: MAX_REFERENCES },
		placeholder: 'Add Reference',
		default: {},
		description: `Up to ${MAX_REFERENCES} files the prompt mentions as @name. Taken by ${modelLabelsWhere((rule) => rule.references)} (Kling 3.0: images and videos only).`,
		options: [
			{
				displayName: 'Reference',
				name: 'reference',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. hero',
						description:
							'Starts with a letter; letters, digits, _ or -. Write @hero in the prompt.',
					},
					{
						displayName: 'Media Type',
						name: 'mediaType',
						type: 'options',
						options: [
							{ name: 'Image', value: 'image' },
							{ name: 'Video', value: 'video' },
							{ name: 'Audio', value: 'audio' },
						],
						default: 'image',
					},
					...fileProperties,
				],
			},
		],
	};
}

/** The reference files, for upload before the job is created. */
export function referenceFiles(options: IDataObject): FileInputSlot[] {
	return referencesOf(options).map((entry, index) => ({
		key: fileKey(index),
		label: `Reference ${index + 1}`,
		assetType: mediaTypeOf(entry),
		spec: readNestedFileSpec(entry),
	}));
}

/** `references[]` of the request body (empty when the user added none). */
export function buildReferences(
	options: IDataObject,
	files: Record<string, string>,
): IDataObject[] {
	return referencesOf(options).map((entry, index) => ({
		name: String(entry.name ?? '').trim(),
		file_path: files[fileKey(index)],
	}));
}

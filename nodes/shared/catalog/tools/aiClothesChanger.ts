import { z } from 'zod';

import { fileValue } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

/** `dresses` is marked deprecated in the newest spec (use `entire_outfit`): accepted, not offered. */
const GARMENT_TYPES = ['entire_outfit', 'upper_body', 'lower_body', 'dresses'] as const;

const schema = z
	.object({
		assets: z
			.object({
				person_file_path: fileValue,
				garment_file_path: fileValue,
				garment_type: z.enum(GARMENT_TYPES).optional(),
			})
			.strict(),
	})
	.strict();

export const aiClothesChanger: ToolDeclaration = {
	operation: 'aiClothesChanger',
	endpoint: '/v1/ai-clothes-changer',
	kind: 'image',
	displayName: 'AI Clothes Changer',
	action: 'Dress a person in another outfit',
	description: 'Put the outfit from a reference photo on the person in another photo (25 credits)',
	expectedSeconds: 20,
	agent: {
		does: 'Dress the person of one photo in the garment of another photo.',
		cost: '25 credits',
	},
	files: [
		{
			name: 'personImage',
			displayName: 'Person Image',
			description: 'The photo of the person to dress',
			body: 'assets.person_file_path',
			assetType: 'image',
			required: true,
		},
		{
			name: 'garmentImage',
			displayName: 'Garment Image',
			description: 'The photo of the outfit or garment to put on',
			body: 'assets.garment_file_path',
			assetType: 'image',
			required: true,
		},
	],
	fields: [],
	optionalFields: [
		{
			displayName: 'Garment Type',
			name: 'garmentType',
			type: 'options',
			options: [
				{ name: 'Entire Outfit', value: 'entire_outfit', description: 'Swap the whole outfit' },
				{ name: 'Lower Body', value: 'lower_body', description: 'Pants, skirts' },
				{ name: 'Upper Body', value: 'upper_body', description: 'Shirts, jackets' },
			],
			default: 'entire_outfit',
			description: 'Which part of the clothing to swap. Without it, the entire outfit.',
			body: 'assets.garment_type',
		},
	],
	schema,
};

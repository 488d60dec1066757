import { z } from 'zod';

import { fileValue } from '../schemaHelpers';
import type { ToolDeclaration, ToolField } from '../types';

/** The sliders of the API (`style.<key>`), each −100…100 in steps of 5, 0 = unchanged. */
const SLIDERS = [
	{
		key: 'eyebrow_direction',
		name: 'eyebrowDirection',
		displayName: 'Eyebrow Direction',
		what: 'Direction of the eyebrows',
	},
	{
		key: 'eye_gaze_horizontal',
		name: 'eyeGazeHorizontal',
		displayName: 'Eye Gaze Horizontal',
		what: 'Where the eyes look, left to right',
	},
	{
		key: 'eye_gaze_vertical',
		name: 'eyeGazeVertical',
		displayName: 'Eye Gaze Vertical',
		what: 'Where the eyes look, down to up',
	},
	{
		key: 'eye_open_ratio',
		name: 'eyeOpenRatio',
		displayName: 'Eye Open Ratio',
		what: 'How open the eyes are',
	},
	{
		key: 'lip_open_ratio',
		name: 'lipOpenRatio',
		displayName: 'Lip Open Ratio',
		what: 'How open the lips are',
	},
	{
		key: 'head_roll',
		name: 'headRoll',
		displayName: 'Head Roll',
		what: 'Tilt of the head to the side',
	},
	{
		key: 'head_pitch',
		name: 'headPitch',
		displayName: 'Head Pitch',
		what: 'Nod of the head, down to up',
	},
	{
		key: 'head_yaw',
		name: 'headYaw',
		displayName: 'Head Yaw',
		what: 'Turn of the head, left to right',
	},
	{
		key: 'mouth_grim',
		name: 'mouthGrim',
		displayName: 'Mouth Grim',
		what: 'How grim the mouth looks',
	},
	{
		key: 'mouth_pout',
		name: 'mouthPout',
		displayName: 'Mouth Pout',
		what: 'How much the mouth pouts',
	},
	{
		key: 'mouth_purse',
		name: 'mouthPurse',
		displayName: 'Mouth Purse',
		what: 'How pursed the lips are',
	},
	{
		key: 'mouth_smile',
		name: 'mouthSmile',
		displayName: 'Mouth Smile',
		what: 'How much the mouth smiles',
	},
	{
		key: 'mouth_position_horizontal',
		name: 'mouthPositionHorizontal',
		displayName: 'Mouth Position Horizontal',
		what: 'Position of the mouth, left to right',
	},
	{
		key: 'mouth_position_vertical',
		name: 'mouthPositionVertical',
		displayName: 'Mouth Position Vertical',
		what: 'Position of the mouth, down to up',
	},
] as const;

const slider = z.number().min(-100).max(100).multipleOf(5, 'must be a multiple of 5');

const schema = z
	.object({
		assets: z.object({ image_file_path: fileValue }).strict(),
		style: z
			.object({
				enhance_face: z.boolean().optional(),
				...Object.fromEntries(SLIDERS.map((s) => [s.key, slider.optional()])),
			})
			.strict(),
	})
	.strict();

const sliderProperties: ToolField[] = SLIDERS.map((s) => ({
	displayName: s.displayName,
	name: s.name,
	type: 'number',
	typeOptions: { minValue: -100, maxValue: 100, numberPrecision: 0 },
	default: 0,
	description: `${s.what}: -100 to 100 in steps of 5, 0 leaves it unchanged`,
	body: `style.${s.key}`,
}));

export const aiFaceEditor: ToolDeclaration = {
	operation: 'aiFaceEditor',
	endpoint: '/v1/ai-face-editor',
	kind: 'image',
	displayName: 'AI Face Editor',
	action: 'Edit facial features in a photo',
	description: 'Change expression, gaze and head pose of a face with sliders (1 credit)',
	expectedSeconds: 8,
	agent: {
		does: 'Adjust the expression, gaze or head pose of a face in a photo.',
		cost: '1 credit',
	},
	files: [
		{
			name: 'image',
			displayName: 'Image',
			description: 'The photo whose face is edited',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: true,
		},
	],
	fields: [],
	optionalFields: [
		{
			displayName: 'Enhance Face',
			name: 'enhanceFace',
			type: 'boolean',
			default: false,
			description: 'Whether to also enhance the facial features',
			body: 'style.enhance_face',
		},
		...sliderProperties,
	],
	buildBody(_input, body) {
		// `style` is required, also when no slider is set.
		body.style ??= {};
		return body;
	},
	schema,
};

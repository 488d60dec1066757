import { z } from 'zod';

import { jobName } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

/** Art style presets named in the API reference; any other text is a custom style. */
const PRESETS = [
	'Chinese Painting',
	'Cyberpunk City',
	'Game Map',
	'Ink Landscape',
	'Interior Painting',
	'Japanese Street',
	'Mech',
	'Minecraft',
	'Picasso Painting',
	'Spaceship',
	'Watercolor',
	'Winter Village',
] as const;

const CUSTOM = 'custom';

const schema = z
	.object({
		name: jobName,
		content: z.string().trim().min(1, 'is required'),
		style: z.object({ art_style: z.string().trim().min(1, 'is required') }).strict(),
	})
	.strict();

export const aiQrCodeGenerator: ToolDeclaration = {
	operation: 'aiQrCodeGenerator',
	endpoint: '/v1/ai-qr-code-generator',
	kind: 'image',
	displayName: 'AI QR Code Generator',
	action: 'Generate an artistic QR code',
	description: 'Turn a link or text into a scannable QR code drawn in an art style (free)',
	expectedSeconds: 8,
	files: [],
	fields: [
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com',
			description: 'The link or text the QR code encodes',
		},
		{
			displayName: 'Art Style',
			name: 'artStyle',
			type: 'options',
			options: [
				...PRESETS.map((preset) => ({ name: preset, value: preset })),
				{ name: 'Custom', value: CUSTOM, description: 'Describe your own art style' },
			].sort((a, b) => a.name.localeCompare(b.name)),
			default: 'Watercolor',
		},
		{
			displayName: 'Custom Art Style',
			name: 'customArtStyle',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Art deco poster, gold and black',
			description: 'The art style to draw the QR code in',
			displayOptions: { show: { artStyle: [CUSTOM] } },
		},
	],
	optionalFields: [],
	labels: {
		content: 'Content',
		'style.art_style': 'Art Style',
	},
	buildBody({ fields }) {
		return {
			content: fields.content,
			style: { art_style: fields.artStyle === CUSTOM ? fields.customArtStyle : fields.artStyle },
		};
	},
	schema,
};

import { z } from 'zod';

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
	agent: {
		does: 'Make a scannable QR code for a link or text, drawn in an art style.',
		cost: 'free',
	},
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
			body: 'content',
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
			body: 'style.art_style',
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
	buildBody({ fields }, body) {
		if (fields.artStyle === CUSTOM) body.style = { art_style: fields.customArtStyle };
		return body;
	},
	schema,
};

import { z } from 'zod';

import { promptField } from '../commonFields';
import { fileValue, requiredTextWithin } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const MAX_TEXT = 1000;

const schema = z
	.object({
		assets: z.object({ audio_file_path: fileValue }).strict(),
		style: z.object({ prompt: requiredTextWithin(MAX_TEXT) }).strict(),
	})
	.strict();

export const aiVoiceCloner: ToolDeclaration = {
	operation: 'aiVoiceCloner',
	endpoint: '/v1/ai-voice-cloner',
	kind: 'audio',
	displayName: 'AI Voice Cloner',
	action: 'Speak text in a cloned voice',
	description:
		'Clone the voice of an audio sample and make it say a text (0.1 credit per character, rounded up)',
	expectedSeconds: 6,
	agent: {
		does: 'Say a text in the voice of an audio sample.',
		cost: '0.1 credit per character of text',
	},
	files: [
		{
			name: 'audio',
			displayName: 'Voice Sample',
			description: 'A recording of the voice to clone',
			body: 'assets.audio_file_path',
			assetType: 'audio',
			required: true,
		},
	],
	fields: [
		promptField({
			body: 'style.prompt',
			displayName: 'Text',
			required: true,
			rows: 4,
			placeholder: 'e.g. Hi, this is a quick update on this week’s orders.',
			description: 'What the cloned voice says, up to 1000 characters',
		}),
	],
	optionalFields: [],
	schema,
};

import { z } from 'zod';

import { promptField } from '../commonFields';
import { fileValue, jobName, requiredTextWithin } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const MAX_TEXT = 1000;

const schema = z
	.object({
		name: jobName,
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
	files: [
		{
			name: 'audio',
			displayName: 'Voice Sample',
			description: 'A recording of the voice to clone',
			assetType: 'audio',
			required: true,
		},
	],
	fields: [
		promptField({
			displayName: 'Text',
			required: true,
			rows: 4,
			placeholder: 'e.g. Hi, this is a quick update on this week’s orders.',
			description: 'What the cloned voice says, up to 1000 characters',
		}),
	],
	optionalFields: [],
	labels: {
		'assets.audio_file_path': 'Voice Sample',
		'style.prompt': 'Text',
	},
	buildBody({ fields, files }) {
		return { assets: { audio_file_path: files.audio }, style: { prompt: fields.prompt } };
	},
	schema,
};

import { z } from 'zod';

import { fileValue, jobName } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const MAX_TEXT = 1000;

const schema = z
	.object({
		name: jobName,
		assets: z.object({ audio_file_path: fileValue }).strict(),
		style: z
			.object({
				prompt: z
					.string()
					.trim()
					.min(1, 'is required')
					.refine((text) => [...text].length <= MAX_TEXT, `must be at most ${MAX_TEXT} characters`),
			})
			.strict(),
	})
	.strict();

export const aiVoiceCloner: ToolDeclaration = {
	operation: 'aiVoiceCloner',
	endpoint: '/v1/ai-voice-cloner',
	kind: 'audio',
	displayName: 'AI Voice Cloner',
	action: 'Speak text in a cloned voice',
	description: 'Clone the voice of an audio sample and make it say a text (0.1 credit per character, rounded up)',
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
		{
			displayName: 'Text',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			placeholder: 'e.g. Hi, this is a quick update on this week’s orders.',
			description: 'What the cloned voice says, up to 1000 characters',
		},
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

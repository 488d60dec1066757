import { z } from 'zod';

import { promptField } from '../commonFields';
import { openEnum, requiredTextWithin } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';
import { VOICE_NAMES, type VoiceName } from '../generated/voices';

/** Stated in the prompt's description only (the spec has no maxLength here). */
const MAX_TEXT = 1000;
const DEFAULT_VOICE: VoiceName = 'Morgan Freeman';

const schema = z
	.object({
		style: z
			.object({
				prompt: requiredTextWithin(MAX_TEXT),
				voice_name: openEnum(VOICE_NAMES),
			})
			.strict(),
	})
	.strict();

export const aiVoiceGenerator: ToolDeclaration = {
	operation: 'aiVoiceGenerator',
	endpoint: '/v1/ai-voice-generator',
	kind: 'audio',
	displayName: 'AI Voice Generator',
	action: 'Generate speech from text',
	description:
		'Speak a text in a celebrity or character voice (0.1 credit per character, rounded up)',
	expectedSeconds: 6,
	agent: {
		does: 'Turn a text into spoken audio (voice-over, narration) in a chosen voice.',
		cost: '0.1 credit per character of text',
	},
	files: [],
	fields: [
		{
			displayName: 'Voice',
			name: 'voiceName',
			type: 'options',
			options: VOICE_NAMES.map((voice) => ({ name: voice, value: voice })),
			default: DEFAULT_VOICE,
			required: true,
			description: 'Who the speech should sound like',
			body: 'style.voice_name',
		},
		promptField({
			body: 'style.prompt',
			displayName: 'Text',
			required: true,
			rows: 4,
			placeholder: 'e.g. Welcome to our channel! Today we test three budget cameras.',
			description: 'What the voice says, up to 1000 characters',
		}),
	],
	optionalFields: [],
	schema,
};

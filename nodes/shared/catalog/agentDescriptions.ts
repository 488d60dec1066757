import type { ToolDeclaration } from './types';

/** What a model needs to choose a tool: when to use it and what one call costs. */
export interface AgentPurpose {
	/** One or two sentences: what the tool makes, from what, and when to pick it. */
	does: string;
	/** The price of one call in Magic Hour credits, as far as it is known before the call. */
	cost: string;
}

/**
 * The text an AI Agent's model reads about each tool (the "Description" of the tool in n8n),
 * by operation. Written for a model choosing between tools; the node panel uses `description`.
 */
export const AGENT_PURPOSES: Readonly<Record<string, AgentPurpose>> = {
	aiTalkingPhoto: {
		does: 'Make a video of a portrait photo speaking an audio track (talking head).',
		cost: 'credits per rendered frame, about 30 per second of video',
	},
	aiVideoTranslator: {
		does: 'Dub the speech of a short video clip (1 to 30 seconds) into another language.',
		cost: 'credits per second of video',
	},
	aiVideoEditor: {
		does: 'Change what happens in an existing video clip as a text prompt describes.',
		cost: 'credits per second of video, by model',
	},
	animation: {
		does: 'Make an animated music video in an art style from an audio file, driven by a prompt.',
		cost: 'credits per frame (FPS × seconds)',
	},
	audioToVideo: {
		does: 'Make a video that fits a piece of audio, optionally starting from an image.',
		cost: 'credits per second of video',
	},
	autoSubtitleGenerator: {
		does: 'Transcribe the speech of a video and burn captions into it.',
		cost: 'credits per rendered frame, about 30 per second of video',
	},
	characterReplace: {
		does: 'Replace the person in a video with the character of an image.',
		cost: 'credits per second of video',
	},
	faceSwapVideo: {
		does: 'Put the face of a photo onto the people in a video.',
		cost: 'credits per rendered frame, about 30 per second of video',
	},
	imageToVideo: {
		does: 'Animate a still image into a short video clip, optionally guided by a prompt.',
		cost: 'credits per second of video, by model; more with audio',
	},
	lipSync: {
		does: 'Make the lips of a person in a video follow a new audio track.',
		cost: '1 credit per frame (2 with the Pro mode)',
	},
	textToVideo: {
		does: 'Make a short video clip from a text prompt.',
		cost: 'credits per second of video, by model; more with audio',
	},
	videoToVideo: {
		does: 'Re-render a video in an art style (anime, Ghibli, clay…).',
		cost: 'credits per rendered frame',
	},
	aiClothesChanger: {
		does: 'Dress the person of one photo in the garment of another photo.',
		cost: '25 credits',
	},
	aiFaceEditor: {
		does: 'Adjust the expression, gaze or head pose of a face in a photo.',
		cost: '1 credit',
	},
	aiGifGenerator: {
		does: 'Make a short looping animated GIF from a text prompt.',
		cost: '50 credits',
	},
	aiImageEditor: {
		does: 'Edit one or more images as a text prompt describes (change, combine, restyle).',
		cost: 'from 5 credits per image, by model',
	},
	aiHeadshotGenerator: {
		does: 'Turn a photo of one person into a professional headshot.',
		cost: '50 credits',
	},
	aiImageGenerator: {
		does: 'Generate a new image from a text prompt (illustrations, photos, social posts, thumbnails).',
		cost: 'credits per image, by model (about 50 with the default model)',
	},
	aiImageUpscaler: {
		does: 'Enlarge an image 2× or 4× with AI detail.',
		cost: '25 to 200 credits, by scale and mode',
	},
	aiMemeGenerator: {
		does: 'Make a captioned meme about a topic from a classic meme template.',
		cost: '10 credits',
	},
	aiQrCodeGenerator: {
		does: 'Make a scannable QR code for a link or text, drawn in an art style.',
		cost: 'free',
	},
	bodySwap: {
		does: 'Put the person of one photo into the scene of another photo.',
		cost: '50 to 150 credits, by resolution',
	},
	faceSwapPhoto: {
		does: 'Put the face of one photo onto the people in another photo.',
		cost: '10 credits',
	},
	headSwap: {
		does: 'Put the head of one photo onto the body in another photo.',
		cost: '10 credits',
	},
	imageBackgroundRemover: {
		does: 'Cut out the subject of an image (transparent background, or a new background image).',
		cost: '5 credits',
	},
	photoColorizer: {
		does: 'Colorize a black-and-white or faded photo.',
		cost: '10 credits',
	},
	aiVoiceGenerator: {
		does: 'Turn a text into spoken audio (voice-over, narration) in a chosen voice.',
		cost: '0.1 credit per character of text',
	},
	aiVoiceCloner: {
		does: 'Say a text in the voice of an audio sample.',
		cost: '0.1 credit per character of text',
	},
};

/** The inputs a call needs: the required files (as URLs) and the required text fields. */
function neededInputs(tool: ToolDeclaration): string[] {
	const files = tool.files
		.filter((file) => file.required)
		.map((file) => `${file.displayName} (${file.assetType} URL)`);
	const fields = tool.fields
		.filter(
			(field) =>
				field.required && field.type === 'string' && field.default === '' && !field.displayOptions,
		)
		.map((field) => field.displayName);
	return [...files, ...fields];
}

function timing(tool: ToolDeclaration): string {
	if (tool.kind === 'video') {
		return 'Video takes minutes: unless this tool is set to wait, the call returns the project ID at once (status "queued"); check back later with the Get Project tool.';
	}
	return `Takes about ${tool.expectedSeconds} s; returns the project ID, status, credits charged and the output file URLs.`;
}

/** The default description of a tool for an AI Agent, e.g. "Magic Hour AI Image Generator: Generate a new image… Needs: Prompt. Cost: … Takes about 20 s; …". */
export function agentToolDescription(tool: ToolDeclaration): string {
	const purpose = AGENT_PURPOSES[tool.operation];
	const does = purpose?.does ?? `${tool.description}.`;
	const inputs = neededInputs(tool);
	return [
		`Magic Hour ${tool.displayName}: ${does}`,
		inputs.length ? `Needs: ${inputs.join(', ')}.` : '',
		purpose ? `Cost: ${purpose.cost}.` : '',
		timing(tool),
	]
		.filter(Boolean)
		.join(' ');
}

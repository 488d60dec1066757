import type { ProjectKind } from './catalog/types';

/**
 * How the tools of the Image, Video and Audio nodes are grouped (version 2): each group is a
 * "Resource" of the node, and n8n's node panel lists the actions under one heading per group
 * ("Generate Actions", "Edit Actions"…), in this order, most used first.
 */
export interface ToolGroup {
	value: string;
	name: string;
	description: string;
	/** Operation values of the catalog's tools, in the order the node panel lists them. */
	operations: readonly string[];
}

export const TOOL_GROUPS: Record<ProjectKind, readonly ToolGroup[]> = {
	image: [
		{
			value: 'generate',
			name: 'Generate',
			description: 'Make new images from a prompt or a photo',
			operations: [
				'aiImageGenerator',
				'aiHeadshotGenerator',
				'aiGifGenerator',
				'aiMemeGenerator',
				'aiQrCodeGenerator',
			],
		},
		{
			value: 'edit',
			name: 'Edit',
			description: 'Change, enhance or clean up an image',
			operations: [
				'aiImageEditor',
				'aiImageUpscaler',
				'imageBackgroundRemover',
				'photoColorizer',
				'aiFaceEditor',
				'aiClothesChanger',
			],
		},
		{
			value: 'swap',
			name: 'Swap',
			description: 'Put a face, head or person into another photo',
			operations: ['faceSwapPhoto', 'headSwap', 'bodySwap'],
		},
	],
	video: [
		{
			value: 'generate',
			name: 'Generate',
			description: 'Make a new video from a prompt, a photo or audio',
			operations: ['textToVideo', 'imageToVideo', 'aiTalkingPhoto', 'audioToVideo', 'animation'],
		},
		{
			value: 'swap',
			name: 'Swap & Sync',
			description: 'Swap faces or people in a video, or sync lips to new audio',
			operations: ['faceSwapVideo', 'lipSync', 'characterReplace'],
		},
		{
			value: 'edit',
			name: 'Edit',
			description: 'Restyle, edit, subtitle or translate a video',
			operations: ['aiVideoEditor', 'videoToVideo', 'autoSubtitleGenerator', 'aiVideoTranslator'],
		},
	],
	audio: [
		{
			value: 'voice',
			name: 'Voice',
			description: 'Speak text in a stock or a cloned voice',
			operations: ['aiVoiceGenerator', 'aiVoiceCloner'],
		},
	],
};

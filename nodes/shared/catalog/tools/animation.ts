import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { promptField, youtubeUrlField } from '../commonFields';
import { checkMediaSource, fileValue, nonEmptyText, youtubeUrl } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

/** All 47 art styles of the newest spec. */
const ART_STYLES = [
	'Custom',
	'Painterly Illustration',
	'Vibrant Matte Illustration',
	'Traditional Watercolor',
	'Cyberpunk',
	'Ink and Watercolor Portrait',
	'Intricate Abstract Lines Portrait',
	'3D Render',
	'Old School Comic',
	'Bold Colored Illustration',
	'Synthwave',
	'Minimal Cold Futurism',
	'Futuristic Anime',
	'Cinematic Miyazaki',
	'Studio Ghibli Film Still',
	'Soft Delicate Matte Portrait',
	'Cinematic Landscape',
	'Landscape Painting',
	'Photograph',
	'Jackson Pollock',
	'Cubist',
	'Abstract Minimalist',
	'Impressionism',
	'Van Gogh',
	'Woodcut',
	'Oil Painting',
	'Vintage Japanese Anime',
	'Pixar',
	'Cosmic',
	'Pixel Art',
	'Fantasy',
	'Arcane',
	'Sin City',
	'Double Exposure',
	'Painted Cityscape',
	'90s Streets',
	'Overgrown',
	'Postapocalyptic',
	'Spooky',
	'Miniatures',
	'Low Poly',
	'Art Deco',
	'Inkpunk',
	'Dark Graphic Illustration',
	'Dark Watercolor',
	'Faded Illustration',
	'Directed by AI',
] as const;

/** All 52 camera effects of the newest spec. */
const CAMERA_EFFECTS = [
	'Simple Zoom Out',
	'Simple Zoom In',
	'Bounce Out',
	'Spin Bounce',
	'Rolling Bounces',
	'Rise and Climb',
	'Dramatic Zoom In',
	'Dramatic Zoom Out',
	'Sway Out',
	'Boost Zoom In',
	'Boost Zoom Out',
	'Heartbeat',
	'Bounce in Place',
	'Earthquake Bounce',
	'Slice Bounce',
	'Bounce In And Out',
	'Jump',
	'Road Trip',
	'Traverse',
	'Rubber Band',
	'Rodeo',
	'Accelerate',
	'Speed of Light',
	'Drift Spin',
	'Vertigo',
	'Cog in the Machine',
	'Quadrant',
	'Tron',
	'Pusher',
	'Roll In',
	'Hesitate In',
	'Zoom In - Audio Sync',
	'Pulse - Audio Sync',
	'Aggressive Zoom In - Audio Sync',
	'Roll In - Audio Sync',
	'Zoom Out - Audio Sync',
	'Aggressive Zoom Out - Audio Sync',
	'Sway Out - Audio Sync',
	'Bounce and Spin - Audio Sync',
	'Zoom In and Spin - Audio Sync',
	'Vertigo - Audio Sync',
	'Bounce Out - Audio Sync',
	'Earthquake Bounce - Audio Sync',
	'Pusher - Audio Sync',
	'Evolve - Audio Sync',
	'Devolve - Audio Sync',
	'Slideshow',
	'Pan Left',
	'Pan Right',
	'Tilt Up',
	'Tilt Down',
	'Directed by AI',
] as const;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const schema = z
	.object({
		fps: z.number().min(1),
		end_seconds: z.number().min(0.1),
		width: z.number().int().min(64),
		height: z.number().int().min(64),
		style: z
			.object({
				art_style: z.enum(ART_STYLES),
				art_style_custom: nonEmptyText.optional(),
				camera_effect: z.enum(CAMERA_EFFECTS),
				prompt_type: z.enum(['custom', 'use_lyrics', 'ai_choose']),
				prompt: nonEmptyText.optional(),
				transition_speed: z.number().int().min(1).max(10),
			})
			.strict(),
		assets: z
			.object({
				audio_source: z.enum(['none', 'file', 'youtube']),
				audio_file_path: fileValue.optional(),
				youtube_url: youtubeUrl.optional(),
				image_file_path: fileValue.optional(),
			})
			.strict(),
	})
	.strict()
	.superRefine(({ style, assets }, ctx) => {
		const issue = (path: string[], message: string) =>
			ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
		if (style.art_style === 'Custom' && !style.art_style_custom) {
			issue(['style', 'art_style_custom'], 'is required when the art style is Custom');
		}
		if (style.prompt_type === 'custom' && !style.prompt) {
			issue(['style', 'prompt'], 'is required when the prompt type is Custom');
		}
		if (style.prompt_type !== 'custom' && assets.audio_source === 'none') {
			issue(
				['assets', 'audio_source'],
				`must be File or YouTube when the prompt type is ${style.prompt_type === 'use_lyrics' ? 'Use Lyrics' : 'AI Chooses'}`,
			);
		}
		checkMediaSource('audio', assets, ctx, ['assets']);
	});

export const animation: ToolDeclaration = {
	operation: 'animation',
	endpoint: '/v1/animation',
	kind: 'video',
	displayName: 'Animation',
	action: 'Create an animated music video',
	description:
		'Animate an art style to music, driven by a prompt, the lyrics or AI (credits by FPS × duration)',
	expectedSeconds: 180,
	agent: {
		does: 'Make an animated music video in an art style from an audio file, driven by a prompt.',
		cost: 'credits per frame (FPS × seconds)',
	},
	files: [
		{
			name: 'audioFile',
			displayName: 'Audio File',
			description: 'The music or speech the animation follows',
			assetType: 'audio',
			required: true,
			displayOptions: { show: { audioSourceType: ['file'] } },
		},
		{
			name: 'image',
			displayName: 'First Frame Image',
			description: 'An optional image to use as the first frame',
			body: 'assets.image_file_path',
			assetType: 'image',
			required: false,
		},
	],
	fields: [
		{
			displayName: 'Audio Source',
			name: 'audioSourceType',
			type: 'options',
			options: [
				{
					name: 'File',
					value: 'file',
					description: 'An audio file (URL, Magic Hour file path or binary data)',
				},
				{ name: 'None', value: 'none', description: 'A silent animation' },
				{ name: 'YouTube', value: 'youtube', description: 'The audio of a YouTube video' },
			],
			default: 'none',
			body: 'assets.audio_source',
		},
		youtubeUrlField('audioSourceType', 'Link to the YouTube video whose audio is used'),
		{
			displayName: 'Prompt Type',
			name: 'promptType',
			type: 'options',
			options: [
				{
					name: 'AI Chooses',
					value: 'ai_choose',
					description: 'Let AI write the prompt (needs an audio source)',
				},
				{ name: 'Custom', value: 'custom', description: 'Describe the video yourself' },
				{
					name: 'Use Lyrics',
					value: 'use_lyrics',
					description: 'Build the prompt from the lyrics of the audio (needs an audio source)',
				},
			],
			default: 'custom',
			body: 'style.prompt_type',
		},
		promptField({
			required: true,
			placeholder: 'e.g. Cyberpunk city at night',
			description: 'What the video should show',
			displayOptions: { show: { promptType: ['custom'] } },
		}),
		{
			displayName: 'Art Style',
			name: 'artStyle',
			type: 'options',
			options: ART_STYLES.map((style) => ({
				name: style === 'Custom' ? 'Custom (Describe Below)' : style,
				value: style,
			})).sort(byName),
			default: 'Painterly Illustration',
			body: 'style.art_style',
		},
		{
			displayName: 'Custom Art Style',
			name: 'artStyleCustom',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Neon-lit watercolor with heavy grain',
			description: 'Describe the art style',
			displayOptions: { show: { artStyle: ['Custom'] } },
		},
		{
			displayName: 'Camera Effect',
			name: 'cameraEffect',
			type: 'options',
			options: CAMERA_EFFECTS.map((effect) => ({ name: effect, value: effect })).sort(byName),
			default: 'Simple Zoom In',
			description: 'Camera motion. Effects marked "Audio Sync" move with the beat.',
			body: 'style.camera_effect',
		},
		{
			displayName: 'Transition Speed',
			name: 'transitionSpeed',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 5,
			description:
				'How quickly the content changes between frames: higher is more rapid, lower is more stable',
			body: 'style.transition_speed',
		},
		{
			displayName: 'Duration (Seconds)',
			name: 'endSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 2 },
			default: 5,
			description: 'Length of the output video. Credits grow with FPS × duration.',
			body: 'end_seconds',
		},
		{
			displayName: 'FPS',
			name: 'fps',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 12,
			description: 'Frame rate of the output video. Credits grow with FPS × duration.',
			body: 'fps',
		},
		{
			displayName: 'Width',
			name: 'width',
			type: 'number',
			typeOptions: { minValue: 64 },
			default: 512,
			description: 'Width of the output video in pixels. The maximum depends on your plan.',
			body: 'width',
		},
		{
			displayName: 'Height',
			name: 'height',
			type: 'number',
			typeOptions: { minValue: 64 },
			default: 512,
			description: 'Height of the output video in pixels. The maximum depends on your plan.',
			body: 'height',
		},
	],
	optionalFields: [],
	labels: {
		'style.art_style_custom': 'Custom Art Style',
		'style.prompt': 'Prompt',
		'assets.audio_file_path': 'Audio File',
		'assets.youtube_url': 'YouTube URL',
	},
	buildBody({ fields, files }, body) {
		const style = body.style as IDataObject;
		const customStyle = String(fields.artStyleCustom ?? '').trim();
		if (fields.artStyle === 'Custom' && customStyle) style.art_style_custom = customStyle;
		const prompt = String(fields.prompt ?? '').trim();
		if (fields.promptType === 'custom' && prompt) style.prompt = prompt;
		const assets = body.assets as IDataObject;
		const youtube = String(fields.youtubeUrl ?? '').trim();
		if (fields.audioSourceType === 'file' && files.audioFile)
			assets.audio_file_path = files.audioFile;
		if (fields.audioSourceType === 'youtube' && youtube) assets.youtube_url = youtube;
		return body;
	},
	schema,
};

import { z } from 'zod';

import {
	addVideoSource,
	clipTimeFields,
	promptField,
	VIDEO_SOURCE_LABELS,
	videoFileInput,
	videoSourceFields,
} from '../commonFields';
import {
	checkMediaSource,
	endAfterStart,
	endSeconds,
	nonEmptyText,
	openEnum,
	startSeconds,
	videoSourceAssets,
} from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

/** All 75 art styles of the newest spec. */
const ART_STYLES = [
	'Minecraft',
	'Watercolor',
	'Pixel',
	'Retro Sci-Fi',
	'Lego',
	'Origami',
	'Ghost',
	'Sub-Zero',
	'Studio Ghibli',
	'Comic',
	'Impressionism',
	'Master Chief',
	'Solid Snake',
	'Street Fighter',
	'Hologram',
	'GTA',
	'Clay',
	'Mystique',
	'Dragonball Z',
	'Mario',
	'Samurai',
	'Spartan',
	'Boba Fett',
	'3D Render',
	'Airbender',
	'Android',
	'Anime Warrior',
	'Armored Knight',
	"Assassin's Creed",
	'Avatar',
	'Black Spiderman',
	'Bold Anime',
	'Celestial Skin',
	'Chinese Swordsmen',
	'Cyberpunk',
	'Cypher',
	'Dark Fantasy',
	'Future Bot',
	'Futuristic Fantasy',
	'Ghibli Anime',
	'Gundam',
	'Illustration',
	'Ink',
	'Ink Poster',
	'Jinx',
	'Knight',
	'Link',
	'Marble',
	'Mech',
	'Naruto',
	'Neon Dream',
	'No Art Style',
	'Oil Painting',
	'On Fire',
	'Painterly Anime',
	'Pixar',
	'Power Armor',
	'Power Ranger',
	'Radiant Anime',
	'Realistic Anime',
	'Realistic Pixar',
	'Retro Anime',
	'Samurai Bot',
	'Sharp Anime',
	'Soft Anime',
	'Starfield',
	'The Void',
	'Tomb Raider',
	'Underwater',
	'Van Gogh',
	'Viking',
	'Western Anime',
	'Wu Kong',
	'Wuxia Anime',
	'Zelda',
] as const;

const MODELS = [
	'Dreamshaper',
	'Absolute Reality',
	'Flat 2D Anime',
	'Soft Anime',
	'Kaywaii',
	'Western Anime',
	'3D Anime',
	'default',
] as const;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const schema = z
	.object({
		start_seconds: startSeconds,
		end_seconds: endSeconds,
		fps_resolution: z.enum(['FULL', 'HALF']).optional(),
		style: z
			.object({
				art_style: z.enum(ART_STYLES),
				version: z.enum(['v1', 'v2', 'default']).optional(),
				prompt_type: z.enum(['default', 'custom', 'append_default']).optional(),
				prompt: nonEmptyText.nullable().optional(),
				model: openEnum(MODELS).optional(),
			})
			.strict(),
		assets: z.object(videoSourceAssets).strict(),
	})
	.strict()
	.superRefine((body, ctx) => {
		endAfterStart(body, ctx);
		const issue = (path: string[], message: string) =>
			ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
		const { style, assets } = body;
		checkMediaSource('video', assets, ctx, ['assets']);
		const promptType = style.prompt_type ?? 'default';
		if (promptType !== 'default' && !style.prompt) {
			issue(
				['style', 'prompt'],
				`is required when the prompt type is ${promptType === 'custom' ? 'Custom' : 'Append to Default'}`,
			);
		}
		if (promptType === 'default' && style.prompt) {
			issue(
				['style', 'prompt'],
				'is ignored with the Default prompt type: set Prompt Type to Custom or Append to Default',
			);
		}
	});

export const videoToVideo: ToolDeclaration = {
	operation: 'videoToVideo',
	endpoint: '/v1/video-to-video',
	kind: 'video',
	displayName: 'Video to Video',
	action: 'Restyle a video',
	description:
		'Re-render a video or YouTube clip in one of 75 art styles (credits per rendered frame)',
	expectedSeconds: 570,
	agent: {
		does: 'Re-render a video in an art style (anime, Ghibli, clay…).',
		cost: 'credits per rendered frame',
	},
	files: [videoFileInput('The video to restyle')],
	fields: [
		...videoSourceFields({ youtubeDescription: 'Link to the YouTube video to restyle' }),
		{
			displayName: 'Art Style',
			name: 'artStyle',
			type: 'options',
			options: ART_STYLES.map((style) => ({ name: style, value: style })).sort(byName),
			default: 'Studio Ghibli',
			body: 'style.art_style',
		},
		...clipTimeFields('video'),
	],
	optionalFields: [
		{
			displayName: 'Frame Rate',
			name: 'fpsResolution',
			type: 'options',
			options: [
				{ name: 'Full', value: 'FULL', description: 'Same frame rate as the input video' },
				{
					name: 'Half',
					value: 'HALF',
					description: 'Half the frame rate of the input video: half the frames and credits',
				},
			],
			default: 'HALF',
			body: 'fps_resolution',
		},
		{
			displayName: 'Model',
			name: 'model',
			type: 'options',
			options: MODELS.map((model) => ({
				name: model === 'default' ? 'Default (Recommended for the Art Style)' : model,
				value: model,
			})).sort(byName),
			default: 'default',
			description:
				'Base model. Dreamshaper suits animation and realism, Absolute Reality realism, Flat 2D Anime flat anime illustration.',
			body: 'style.model',
		},
		promptField({
			body: 'style.prompt',
			rows: 2,
			placeholder: 'e.g. A knight in shining armor',
			description: 'Used with the Custom and Append to Default prompt types',
		}),
		{
			displayName: 'Prompt Type',
			name: 'promptType',
			type: 'options',
			options: [
				{
					name: 'Append to Default',
					value: 'append_default',
					description: "Your prompt followed by the art style's recommended prompt",
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Only your prompt (V1 still adds what the art style needs)',
				},
				{ name: 'Default', value: 'default', description: "The art style's recommended prompt" },
			],
			default: 'default',
			body: 'style.prompt_type',
		},
		{
			displayName: 'Version',
			name: 'version',
			type: 'options',
			options: [
				{ name: 'Default', value: 'default', description: 'The default version of the art style' },
				{ name: 'V1', value: 'v1', description: 'More detail and closer prompt adherence' },
				{ name: 'V2', value: 'v2', description: 'Faster, more consistent and less noisy' },
			],
			default: 'default',
			body: 'style.version',
		},
	],
	labels: VIDEO_SOURCE_LABELS,
	buildBody: addVideoSource,
	schema,
};

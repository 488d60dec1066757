import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { endAfterStart, fileValue, jobName } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

/** All 75 art styles of the newest spec. */
const ART_STYLES = [
	'Minecraft', 'Watercolor', 'Pixel', 'Retro Sci-Fi', 'Lego', 'Origami', 'Ghost', 'Sub-Zero', 'Studio Ghibli',
	'Comic', 'Impressionism', 'Master Chief', 'Solid Snake', 'Street Fighter', 'Hologram', 'GTA', 'Clay',
	'Mystique', 'Dragonball Z', 'Mario', 'Samurai', 'Spartan', 'Boba Fett', '3D Render', 'Airbender', 'Android',
	'Anime Warrior', 'Armored Knight', "Assassin's Creed", 'Avatar', 'Black Spiderman', 'Bold Anime',
	'Celestial Skin', 'Chinese Swordsmen', 'Cyberpunk', 'Cypher', 'Dark Fantasy', 'Future Bot',
	'Futuristic Fantasy', 'Ghibli Anime', 'Gundam', 'Illustration', 'Ink', 'Ink Poster', 'Jinx', 'Knight',
	'Link', 'Marble', 'Mech', 'Naruto', 'Neon Dream', 'No Art Style', 'Oil Painting', 'On Fire',
	'Painterly Anime', 'Pixar', 'Power Armor', 'Power Ranger', 'Radiant Anime', 'Realistic Anime',
	'Realistic Pixar', 'Retro Anime', 'Samurai Bot', 'Sharp Anime', 'Soft Anime', 'Starfield', 'The Void',
	'Tomb Raider', 'Underwater', 'Van Gogh', 'Viking', 'Western Anime', 'Wu Kong', 'Wuxia Anime', 'Zelda',
] as const;

const MODELS = ['Dreamshaper', 'Absolute Reality', 'Flat 2D Anime', 'Soft Anime', 'Kaywaii', 'Western Anime', '3D Anime', 'default'] as const;

const YOUTUBE_URL = /^https?:\/\/([\w-]+\.)*(youtube\.com|youtu\.be)([/?#]|$)/i;

const youtubeUrl = z
	.string({ required_error: 'is required' })
	.url('must be a valid URL')
	.regex(YOUTUBE_URL, 'must be a YouTube link (youtube.com or youtu.be)');

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const schema = z
	.object({
		name: jobName,
		start_seconds: z.number().min(0),
		end_seconds: z.number().min(0.1),
		fps_resolution: z.enum(['FULL', 'HALF']).optional(),
		style: z
			.object({
				art_style: z.enum(ART_STYLES),
				version: z.enum(['v1', 'v2', 'default']).optional(),
				prompt_type: z.enum(['default', 'custom', 'append_default']).optional(),
				prompt: z.string().trim().min(1, 'must not be empty').nullable().optional(),
				model: z.enum(MODELS).optional(),
			})
			.strict(),
		assets: z
			.object({
				video_source: z.enum(['file', 'youtube']),
				video_file_path: fileValue.optional(),
				youtube_url: youtubeUrl.optional(),
			})
			.strict(),
	})
	.strict()
	.superRefine((body, ctx) => {
		endAfterStart(body, ctx);
		const issue = (path: string[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
		const { style, assets } = body;
		if (assets.video_source === 'file' && !assets.video_file_path) {
			issue(['assets', 'video_file_path'], 'is required when the video source is a file');
		}
		if (assets.video_source === 'youtube' && !assets.youtube_url) {
			issue(['assets', 'youtube_url'], 'is required when the video source is YouTube');
		}
		const promptType = style.prompt_type ?? 'default';
		if (promptType !== 'default' && !style.prompt) {
			issue(['style', 'prompt'], `is required when the prompt type is ${promptType === 'custom' ? 'Custom' : 'Append to Default'}`);
		}
		if (promptType === 'default' && style.prompt) {
			issue(['style', 'prompt'], 'is ignored with the Default prompt type: set Prompt Type to Custom or Append to Default');
		}
	});

export const videoToVideo: ToolDeclaration = {
	operation: 'videoToVideo',
	endpoint: '/v1/video-to-video',
	kind: 'video',
	displayName: 'Video to Video',
	action: 'Restyle a video',
	description: 'Re-render a video or YouTube clip in one of 75 art styles (credits per rendered frame)',
	expectedSeconds: 570,
	files: [
		{
			name: 'videoFile',
			displayName: 'Video File',
			description: 'The video to restyle',
			assetType: 'video',
			required: true,
			displayOptions: { show: { videoSourceType: ['file'] } },
		},
	],
	fields: [
		{
			displayName: 'Video Source',
			name: 'videoSourceType',
			type: 'options',
			options: [
				{ name: 'File', value: 'file', description: 'A video file (URL, Magic Hour file path or binary data)' },
				{ name: 'YouTube', value: 'youtube', description: 'A YouTube video link' },
			],
			default: 'file',
		},
		{
			displayName: 'YouTube URL',
			name: 'youtubeUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ',
			description: 'Link to the YouTube video to restyle',
			displayOptions: { show: { videoSourceType: ['youtube'] } },
		},
		{
			displayName: 'Art Style',
			name: 'artStyle',
			type: 'options',
			options: ART_STYLES.map((style) => ({ name: style, value: style })).sort(byName),
			default: 'Studio Ghibli',
		},
		{
			displayName: 'Start Time (Seconds)',
			name: 'startSeconds',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Where the clip starts in the video',
		},
		{
			displayName: 'End Time (Seconds)',
			name: 'endSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 2 },
			default: 5,
			description: 'Where the clip ends in the video. Must be after the start time; credits are charged per rendered frame.',
		},
	],
	optionalFields: [
		{
			displayName: 'Frame Rate',
			name: 'fpsResolution',
			type: 'options',
			options: [
				{ name: 'Full', value: 'FULL', description: 'Same frame rate as the input video' },
				{ name: 'Half', value: 'HALF', description: 'Half the frame rate of the input video: half the frames and credits' },
			],
			default: 'HALF',
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
			description: 'Base model. Dreamshaper suits animation and realism, Absolute Reality realism, Flat 2D Anime flat anime illustration.',
		},
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'e.g. A knight in shining armor',
			description: 'Used with the Custom and Append to Default prompt types',
		},
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
		},
	],
	labels: {
		start_seconds: 'Start Time (Seconds)',
		end_seconds: 'End Time (Seconds)',
		fps_resolution: 'Frame Rate',
		'style.art_style': 'Art Style',
		'style.version': 'Version',
		'style.prompt_type': 'Prompt Type',
		'style.prompt': 'Prompt',
		'style.model': 'Model',
		'assets.video_source': 'Video Source',
		'assets.video_file_path': 'Video File',
		'assets.youtube_url': 'YouTube URL',
	},
	buildBody({ fields, options, files }) {
		const style: IDataObject = { art_style: fields.artStyle };
		if (options.version) style.version = options.version;
		if (options.promptType) style.prompt_type = options.promptType;
		if (typeof options.prompt === 'string' && options.prompt.trim() !== '') style.prompt = options.prompt;
		if (options.model) style.model = options.model;
		const assets: IDataObject = { video_source: fields.videoSourceType };
		if (fields.videoSourceType === 'youtube') {
			const url = String(fields.youtubeUrl ?? '').trim();
			if (url) assets.youtube_url = url;
		} else if (files.videoFile) {
			assets.video_file_path = files.videoFile;
		}
		const body: IDataObject = {
			start_seconds: fields.startSeconds,
			end_seconds: fields.endSeconds,
			style,
			assets,
		};
		if (options.fpsResolution) body.fps_resolution = options.fpsResolution;
		return body;
	},
	schema,
};

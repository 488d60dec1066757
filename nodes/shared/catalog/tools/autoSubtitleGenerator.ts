import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { clipTimeFields } from '../commonFields';
import { endAfterStart, endSeconds, fileValue, nonEmptyText, startSeconds } from '../schemaHelpers';
import type { ToolDeclaration } from '../types';

const HEX_COLOR = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** `custom_config` keys the spec requires when no template is given. */
const REQUIRED_WITHOUT_TEMPLATE = [
	'font',
	'text_color',
	'vertical_position',
	'horizontal_position',
] as const;

const schema = z
	.object({
		start_seconds: startSeconds,
		end_seconds: endSeconds,
		assets: z.object({ video_file_path: fileValue }).strict(),
		style: z
			.object({
				template: z.enum(['karaoke', 'cinematic', 'minimalist', 'highlight']).optional(),
				custom_config: z
					.object({
						font: nonEmptyText.optional(),
						font_size: z.number().positive().optional(),
						font_style: nonEmptyText.optional(),
						text_color: z
							.string()
							.regex(HEX_COLOR, 'must be a hex color such as #FFFFFF')
							.optional(),
						highlighted_text_color: nonEmptyText.optional(),
						stroke_color: nonEmptyText.optional(),
						stroke_width: z.number().min(0).optional(),
						vertical_position: nonEmptyText.optional(),
						horizontal_position: nonEmptyText.optional(),
					})
					.strict()
					.optional(),
			})
			.strict()
			.superRefine((style, ctx) => {
				if (!style.template && !style.custom_config) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: [],
						message: 'needs a template or a custom style',
					});
					return;
				}
				if (style.template || !style.custom_config) return;
				for (const key of REQUIRED_WITHOUT_TEMPLATE) {
					if (style.custom_config[key] === undefined) {
						ctx.addIssue({
							code: z.ZodIssueCode.custom,
							path: ['custom_config', key],
							message: 'is required for a custom style without a template',
						});
					}
				}
			}),
	})
	.strict()
	.superRefine(endAfterStart);

export const autoSubtitleGenerator: ToolDeclaration = {
	operation: 'autoSubtitleGenerator',
	endpoint: '/v1/auto-subtitle-generator',
	kind: 'video',
	displayName: 'Auto Subtitle Generator',
	action: 'Add subtitles to a video',
	description: 'Transcribe a video and burn styled captions into it (credits per rendered frame)',
	expectedSeconds: 60,
	agent: {
		does: 'Transcribe the speech of a video and burn captions into it.',
		cost: 'credits per rendered frame, about 30 per second of video',
	},
	files: [
		{
			name: 'video',
			displayName: 'Video',
			description: 'The video to add subtitles to',
			body: 'assets.video_file_path',
			assetType: 'video',
			required: true,
		},
	],
	fields: [
		...clipTimeFields('video'),
		{
			displayName: 'Subtitle Style',
			name: 'subtitleStyle',
			type: 'options',
			options: [
				{
					name: 'Custom',
					value: 'custom',
					description: 'Choose font, color and position yourself',
				},
				{
					name: 'Template',
					value: 'template',
					description: 'A preset look; settings under Options override parts of it',
				},
			],
			default: 'template',
		},
		{
			displayName: 'Template',
			name: 'template',
			type: 'options',
			options: [
				{ name: 'Cinematic', value: 'cinematic' },
				{ name: 'Highlight', value: 'highlight' },
				{ name: 'Karaoke', value: 'karaoke' },
				{ name: 'Minimalist', value: 'minimalist' },
			],
			default: 'karaoke',
			description: 'Preset subtitle look, as shown on magichour.ai/create/auto-subtitle-generator',
			displayOptions: { show: { subtitleStyle: ['template'] } },
		},
		{
			displayName: 'Font',
			name: 'font',
			type: 'string',
			default: 'Noto Sans',
			required: true,
			placeholder: 'e.g. Noto Sans',
			description:
				'A Google Fonts family name. Check on fonts.google.com that it supports the language of the video.',
			displayOptions: { show: { subtitleStyle: ['custom'] } },
		},
		{
			displayName: 'Text Color',
			name: 'textColor',
			type: 'color',
			default: '#FFFFFF',
			required: true,
			description: 'Main text color (hex)',
			displayOptions: { show: { subtitleStyle: ['custom'] } },
		},
		{
			displayName: 'Vertical Position',
			name: 'verticalPosition',
			type: 'options',
			options: [
				{ name: 'Bottom', value: 'bottom' },
				{ name: 'Center', value: 'center' },
				{ name: 'Top', value: 'top' },
			],
			default: 'bottom',
			displayOptions: { show: { subtitleStyle: ['custom'] } },
		},
		{
			displayName: 'Horizontal Position',
			name: 'horizontalPosition',
			type: 'options',
			options: [
				{ name: 'Center', value: 'center' },
				{ name: 'Left', value: 'left' },
				{ name: 'Right', value: 'right' },
			],
			default: 'center',
			displayOptions: { show: { subtitleStyle: ['custom'] } },
		},
	],
	optionalFields: [
		{
			displayName: 'Font Size',
			name: 'fontSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 24,
			description: 'Font size in pixels. Without it the size follows the video resolution.',
			body: 'style.custom_config.font_size',
		},
		{
			displayName: 'Font Style',
			name: 'fontStyle',
			type: 'options',
			options: [
				{ name: 'Bold', value: 'bold' },
				{ name: 'Italic', value: 'italic' },
				{ name: 'Normal', value: 'normal' },
			],
			default: 'normal',
			body: 'style.custom_config.font_style',
		},
		{
			displayName: 'Highlighted Text Color',
			name: 'highlightedTextColor',
			type: 'color',
			default: '#FFD700',
			description: 'Color of the words being spoken',
			body: 'style.custom_config.highlighted_text_color',
		},
		{
			displayName: 'Stroke Color',
			name: 'strokeColor',
			type: 'color',
			default: '#000000',
			description: 'Outline color of the text',
			body: 'style.custom_config.stroke_color',
		},
		{
			displayName: 'Stroke Width',
			name: 'strokeWidth',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: 1,
			description:
				'Outline width in pixels. With a stroke color but no width, the width follows the font size.',
			body: 'style.custom_config.stroke_width',
		},
	],
	labels: {
		style: 'Subtitle Style',
		'style.template': 'Template',
		'style.custom_config.font': 'Font',
		'style.custom_config.text_color': 'Text Color',
		'style.custom_config.vertical_position': 'Vertical Position',
		'style.custom_config.horizontal_position': 'Horizontal Position',
	},
	buildBody({ fields }, body) {
		const style = (body.style ??= {}) as IDataObject;
		if (fields.subtitleStyle === 'custom') {
			style.custom_config = {
				font: fields.font,
				text_color: fields.textColor,
				vertical_position: fields.verticalPosition,
				horizontal_position: fields.horizontalPosition,
				...(style.custom_config as IDataObject | undefined),
			};
		} else {
			style.template = fields.template;
		}
		return body;
	},
	schema,
};

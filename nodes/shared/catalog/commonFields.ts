/**
 * Parameters several tools declare alike, and the helpers that read them back into a request
 * body. Each tool still states what differs (descriptions, defaults, which fields are optional).
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { isOneOf } from './schemaHelpers';
import type { FileInputDeclaration, ToolField, ToolInput } from './types';

/** Whether a text parameter holds more than blanks. */
export function isFilled(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

/** A prompt-like text parameter (`prompt`), sent at `body` (e.g. `style.prompt`). */
export function promptField(settings: {
	body?: string;
	placeholder: string;
	description: string;
	required?: boolean;
	rows?: number;
	displayName?: string;
	displayOptions?: INodeProperties['displayOptions'];
}): ToolField {
	const {
		body,
		placeholder,
		description,
		required = false,
		rows = 3,
		displayName = 'Prompt',
		displayOptions,
	} = settings;
	return {
		displayName,
		name: 'prompt',
		type: 'string',
		typeOptions: { rows },
		default: '',
		...(required ? { required: true } : {}),
		placeholder,
		description,
		...(displayOptions ? { displayOptions } : {}),
		...(body ? { body } : {}),
	};
}

// Clip start and end

/** Where the clip starts (`startSeconds`). */
export function startSecondsField(description: string): ToolField {
	return {
		displayName: 'Start Time (Seconds)',
		name: 'startSeconds',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description,
		body: 'start_seconds',
	};
}

/** Where the clip ends (`endSeconds`). */
export function endSecondsField(
	description: string,
	settings: { defaultSeconds?: number; required?: boolean } = {},
): ToolField {
	const { defaultSeconds = 5, required = false } = settings;
	return {
		displayName: 'End Time (Seconds)',
		name: 'endSeconds',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 2 },
		default: defaultSeconds,
		...(required ? { required: true } : {}),
		description,
		body: 'end_seconds',
	};
}

/** Start and end of a clip whose rendered frames cost credits, e.g. "Where the clip starts in the video". */
export function clipTimeFields(source?: 'video'): ToolField[] {
	const where = source ? ` in the ${source}` : '';
	return [
		startSecondsField(`Where the clip starts${where}`),
		endSecondsField(
			`Where the clip ends${where}. Must be after the start time; credits are charged per rendered frame.`,
		),
	];
}

// Video source: a file or a YouTube link

/** Labels of the `assets` keys `addVideoSource` writes, for error messages. */
export const VIDEO_SOURCE_LABELS = {
	'assets.video_file_path': 'Video File',
	'assets.youtube_url': 'YouTube URL',
};

/** The "YouTube URL" parameter (`youtubeUrl`), shown when `sourceField` is set to YouTube. */
export function youtubeUrlField(sourceField: string, description: string): INodeProperties {
	return {
		displayName: 'YouTube URL',
		name: 'youtubeUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ',
		description,
		displayOptions: { show: { [sourceField]: ['youtube'] } },
	};
}

/** "Video Source" (File / YouTube, `videoSourceType`) and the YouTube URL it shows. */
export function videoSourceFields(settings: {
	youtubeDescription: string;
	acceptsGif?: boolean;
}): ToolField[] {
	const file = settings.acceptsGif ? 'A video or GIF file' : 'A video file';
	return [
		{
			displayName: 'Video Source',
			name: 'videoSourceType',
			type: 'options',
			options: [
				{
					name: 'File',
					value: 'file',
					description: `${file} (URL, Magic Hour file path or binary data)`,
				},
				{ name: 'YouTube', value: 'youtube', description: 'A YouTube video link' },
			],
			default: 'file',
			body: 'assets.video_source',
		},
		youtubeUrlField('videoSourceType', settings.youtubeDescription),
	];
}

/** The "Video File" input (`videoFile`), shown when the video source is a file. */
export function videoFileInput(
	description: string,
	settings: { acceptsGif?: boolean } = {},
): FileInputDeclaration {
	return {
		name: 'videoFile',
		displayName: 'Video File',
		description,
		assetType: 'video',
		...(settings.acceptsGif ? { extraExtensions: ['gif'] } : {}),
		required: true,
		displayOptions: { show: { videoSourceType: ['file'] } },
	};
}

/** Adds `assets.youtube_url` or `assets.video_file_path` to the body, by the chosen video source. */
export function addVideoSource({ fields, files }: ToolInput, body: IDataObject): IDataObject {
	const assets = (body.assets ??= {}) as IDataObject;
	if (fields.videoSourceType === 'youtube') {
		const url = String(fields.youtubeUrl ?? '').trim();
		if (url) assets.youtube_url = url;
	} else if (files.videoFile) {
		assets.video_file_path = files.videoFile;
	}
	return body;
}

// Resolutions

/** `resolution` values of the image generator and editor. `auto` is accepted, not offered (the API's own default, deprecated for the editor). */
export const IMAGE_RESOLUTIONS = ['640px', '1k', '2k', '4k', 'auto'] as const;

/** Flags a known image resolution the chosen model does not make (`auto` and unknown values pass). */
export function checkImageResolution(
	body: { model?: string; resolution?: string },
	supported: readonly string[],
	ctx: z.RefinementCtx,
): void {
	const { resolution } = body;
	if (!isOneOf(IMAGE_RESOLUTIONS, resolution) || resolution === 'auto') return;
	if (supported.includes(resolution)) return;
	ctx.addIssue({
		code: z.ZodIssueCode.custom,
		path: ['resolution'],
		message: `${body.model} supports ${supported.join(', ')}`,
	});
}

/**
 * The image resolutions offered: longest edge of the output. A static list (n8n lint wants "Name or ID"
 * wording on loadOptions fields); the schema checks the model's resolutions.
 */
export const IMAGE_RESOLUTION_OPTIONS: INodePropertyOptions[] = [
	{ name: '640px', value: '640px' },
	{ name: '1K', value: '1k' },
	{ name: '2K', value: '2k' },
	{ name: '4K', value: '4k' },
];

/** The "Resolution" option of the image generator and editor; the schema checks it against the model. */
export function imageResolutionField(): ToolField {
	return {
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: IMAGE_RESOLUTION_OPTIONS.map((option) => ({ ...option })),
		default: '1k',
		description: 'Longest edge of the output. Availability depends on the model and plan.',
		body: 'resolution',
	};
}

/** A "Resolution" option (`resolution`) of video heights such as 480p, each named as its value. */
export function videoResolutionField(settings: {
	resolutions: readonly string[];
	default: string;
	description?: string;
	/** Descriptions of single resolutions, e.g. `{ '480p': 'LTX 2.3 only' }`. */
	notes?: Record<string, string>;
}): ToolField {
	const { resolutions, default: defaultResolution, description, notes = {} } = settings;
	return {
		displayName: 'Resolution',
		name: 'resolution',
		type: 'options',
		options: resolutions.map((resolution) => ({
			name: resolution,
			value: resolution,
			...(notes[resolution] ? { description: notes[resolution] } : {}),
		})),
		default: defaultResolution,
		...(description ? { description } : {}),
		body: 'resolution',
	};
}

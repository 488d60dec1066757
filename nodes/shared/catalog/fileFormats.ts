import type { ProjectKind } from './types';

/** Extensions the upload endpoint accepts per asset type (spec of POST /v1/files/upload-urls). */
export const UPLOAD_EXTENSIONS: Record<ProjectKind, readonly string[]> = {
	video: ['mp4', 'm4v', 'mov', 'webm'],
	audio: ['mp3', 'wav', 'aac', 'flac', 'webm', 'weba', 'm4a', 'opus', 'ogg', 'oga', 'aiff', 'amr'],
	image: [
		'png',
		'jpg',
		'jpeg',
		'jfif',
		'heic',
		'heif',
		'webp',
		'avif',
		'jp2',
		'tiff',
		'tif',
		'bmp',
	],
};

/**
 * File extension of each MIME type, for files sent to Magic Hour (uploads) and files received from it
 * (downloads, webhook deliveries). Several MIME types may name one extension.
 */
const EXTENSION_BY_MIME: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/pjpeg': 'jpg',
	'image/webp': 'webp',
	'image/avif': 'avif',
	'image/heic': 'heic',
	'image/heif': 'heif',
	'image/jp2': 'jp2',
	'image/tiff': 'tiff',
	'image/bmp': 'bmp',
	'image/gif': 'gif',
	'image/svg+xml': 'svg',
	'video/mp4': 'mp4',
	'video/x-m4v': 'm4v',
	'video/quicktime': 'mov',
	'video/webm': 'webm',
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'audio/aac': 'aac',
	'audio/flac': 'flac',
	'audio/x-flac': 'flac',
	'audio/webm': 'weba',
	'audio/mp4': 'm4a',
	'audio/x-m4a': 'm4a',
	'audio/opus': 'opus',
	'audio/ogg': 'ogg',
	'audio/aiff': 'aiff',
	'audio/x-aiff': 'aiff',
	'audio/amr': 'amr',
	'application/x-subrip': 'srt',
	'text/vtt': 'vtt',
	'application/json': 'json',
	'application/zip': 'zip',
};

/** MIME type of each file extension, for files whose type has to be told from their name. */
const MIME_BY_EXTENSION: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	avif: 'image/avif',
	svg: 'image/svg+xml',
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	aac: 'audio/aac',
	flac: 'audio/flac',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	srt: 'application/x-subrip',
	vtt: 'text/vtt',
	json: 'application/json',
	zip: 'application/zip',
};

export function extensionOfFileName(fileName: string | undefined): string | undefined {
	const match = /\.([a-z0-9]+)$/i.exec(fileName ?? '');
	return match ? match[1].toLowerCase() : undefined;
}

/** The extension for a MIME type (parameters such as `; charset=…` ignored). */
export function extensionOfMimeType(mimeType: string | undefined): string | undefined {
	return EXTENSION_BY_MIME[(mimeType ?? '').split(';')[0].trim().toLowerCase()];
}

/** The file's extension, from its name first, else from its MIME type. */
export function extensionOf(
	fileName: string | undefined,
	mimeType: string | undefined,
): string | undefined {
	return extensionOfFileName(fileName) ?? extensionOfMimeType(mimeType);
}

export function mimeTypeOfExtension(extension: string | undefined): string | undefined {
	return extension ? MIME_BY_EXTENSION[extension.toLowerCase()] : undefined;
}

/** The upload `type` for a file: gif and webm only exist as video uploads. */
export function uploadTypeFor(assetType: ProjectKind, extension: string): ProjectKind {
	if (extension === 'gif') return 'video';
	return assetType;
}

export function acceptedExtensions(
	assetType: ProjectKind,
	extra: readonly string[] = [],
): string[] {
	return [...UPLOAD_EXTENSIONS[assetType], ...extra];
}

const GENERIC_MIME = new Set([
	'',
	'application/octet-stream',
	'binary/octet-stream',
	'application/binary',
]);

/** Last segment of the URL path, decoded and made safe as a file name. */
export function fileNameFromUrl(url: string): string {
	let path = '';
	try {
		path = new URL(url).pathname;
	} catch {
		path = url.split(/[?#]/)[0] ?? '';
	}
	let last = path.split('/').filter(Boolean).pop() ?? '';
	try {
		last = decodeURIComponent(last);
	} catch {
		// keep it encoded
	}
	const unsafe = '\\/:*?"<>|';
	return Array.from(last)
		.map((char) => (char.charCodeAt(0) < 32 || unsafe.includes(char) ? '_' : char))
		.join('')
		.trim();
}

/** Content-Type when it says something, else the file extension, else a generic type. */
export function mimeTypeFor(contentType: unknown, fileName: string): string {
	const header = (Array.isArray(contentType) ? contentType[0] : contentType) as string | undefined;
	const fromHeader = String(header ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (!GENERIC_MIME.has(fromHeader)) return fromHeader;
	const extension = extensionOfFileName(fileName);
	return mimeTypeOfExtension(extension) || 'application/octet-stream';
}

/** The file name of a downloaded output: from its URL, else named after the project; with an extension. */
function outputFileName(url: string, mimeType: string, projectId: string, index: number): string {
	const fromUrl = fileNameFromUrl(url);
	const base = fromUrl || `magic-hour-${projectId}${index ? `-${index}` : ''}`;
	if (extensionOfFileName(base)) return base;
	const extension = extensionOfMimeType(mimeType);
	return extension ? `${base}.${extension}` : base;
}

/** Name and MIME type of output `index` of a project, downloaded from `url` with this Content-Type. */
export function downloadedFileOf(
	url: string,
	contentType: unknown,
	projectId: string,
	index: number,
): { fileName: string; mimeType: string } {
	const mimeType = mimeTypeFor(contentType, fileNameFromUrl(url));
	return { fileName: outputFileName(url, mimeType, projectId, index), mimeType };
}

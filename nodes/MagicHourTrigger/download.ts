import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { extensionOf, mimeTypeOfExtension } from '../shared/catalog/fileFormats';

/** Idle time after which a stalled download is abandoned. */
const DOWNLOAD_IDLE_TIMEOUT_MS = 120_000;

export interface OutputFile {
	url: string;
	index: number;
}

/** The `downloads[].url` entries of a project payload that look like http(s) URLs. */
export function outputFilesOf(payload: IDataObject): OutputFile[] {
	const downloads = payload.downloads;
	if (!Array.isArray(downloads)) return [];
	const files: OutputFile[] = [];
	downloads.forEach((entry, index) => {
		const url = entry && typeof entry === 'object' ? (entry as IDataObject).url : undefined;
		if (typeof url === 'string' && /^https?:\/\//i.test(url)) files.push({ url, index });
	});
	return files;
}

/** `data`, `data_1`, `data_2`, … */
export function binaryPropertyName(position: number): string {
	return position === 0 ? 'data' : `data_${position}`;
}

function headerValue(headers: unknown, name: string): string | undefined {
	if (!headers || typeof headers !== 'object') return undefined;
	const value = (headers as Record<string, unknown>)[name];
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function safeFileName(name: string | undefined): string | undefined {
	if (!name) return undefined;
	// eslint-disable-next-line no-control-regex
	const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim();
	if (!cleaned || cleaned === '.' || cleaned === '..') return undefined;
	return cleaned.slice(0, 200);
}

function fileNameFromDisposition(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
	if (extended) {
		try {
			return safeFileName(decodeURIComponent(extended[1].trim()));
		} catch {
			// fall through to the plain parameter
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
	return safeFileName(plain?.[1]);
}

function fileNameFromUrl(url: string): string | undefined {
	try {
		const last = new URL(url).pathname.split('/').pop();
		const name = safeFileName(last ? decodeURIComponent(last) : undefined);
		return name && /\.[a-z0-9]{2,5}$/i.test(name) ? name : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Downloads the output files of a completed project into binary properties. Any failure
 * throws, so the delivery is answered with an error and Magic Hour sends it again later.
 */
export async function downloadOutputs(
	ctx: IWebhookFunctions,
	payload: IDataObject & { id: string },
): Promise<IBinaryKeyData> {
	const binary: IBinaryKeyData = {};
	const files = outputFilesOf(payload);
	for (const [position, file] of files.entries()) {
		let response: { body: unknown; headers: unknown; statusCode?: number };
		try {
			response = (await ctx.helpers.httpRequest({
				method: 'GET',
				url: file.url,
				encoding: 'stream',
				returnFullResponse: true,
				timeout: DOWNLOAD_IDLE_TIMEOUT_MS,
			})) as { body: unknown; headers: unknown; statusCode?: number };
		} catch (error) {
			const status = (error as { httpCode?: string; status?: number }).httpCode ?? (error as { status?: number }).status;
			throw new NodeOperationError(
				ctx.getNode(),
				`Could not download output ${file.index + 1} of Magic Hour project ${payload.id}${status ? ` (HTTP ${status})` : ''}`,
				{
					description:
						'The delivery was answered with an error so that Magic Hour sends it again. Download links expire after about 24 hours.',
				},
			);
		}

		const contentType = headerValue(response.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
		const declaredName =
			fileNameFromDisposition(headerValue(response.headers, 'content-disposition')) ?? fileNameFromUrl(file.url);
		const extension = extensionOf(declaredName, contentType);
		const fileName =
			declaredName ?? `${payload.id}${files.length > 1 ? `-${position + 1}` : ''}${extension ? `.${extension}` : ''}`;
		const mimeType =
			contentType && contentType !== 'application/octet-stream'
				? contentType
				: (mimeTypeOfExtension(extension) ?? contentType ?? 'application/octet-stream');

		let stored;
		try {
			stored = await ctx.helpers.prepareBinaryData(
				response.body as Parameters<IWebhookFunctions['helpers']['prepareBinaryData']>[0],
				fileName,
				mimeType,
			);
		} catch (error) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The download of output ${file.index + 1} of Magic Hour project ${payload.id} broke off`,
				{ description: (error as Error).message },
			);
		}

		const declaredLength = Number(headerValue(response.headers, 'content-length'));
		const encoded = headerValue(response.headers, 'content-encoding');
		if (
			!encoded &&
			Number.isFinite(declaredLength) &&
			declaredLength >= 0 &&
			typeof stored.bytes === 'number' &&
			stored.bytes !== declaredLength
		) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The download of output ${file.index + 1} of Magic Hour project ${payload.id} is incomplete (${stored.bytes} of ${declaredLength} bytes)`,
			);
		}
		stored.fileName = fileName;
		binary[binaryPropertyName(position)] = stored;
	}
	return binary;
}

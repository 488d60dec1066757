/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * POST /v1/files/upload-urls and the pre-signed PUT targets behind it.
 * Only the byte count and SHA-256 of an upload are kept, never the bytes.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { newId, newToken } from './ids';
import { HttpError, isRecord, json, notFound, type JsonReply } from './http';
import type { Metrics } from './metrics';
import { isSavedItemPath } from './savedItems';
import { UPLOAD_EXTENSIONS } from './validation/models';

export type AssetType = 'video' | 'audio' | 'image';

const UPLOAD_URL_TTL_MS = 60 * 60 * 1000;

export interface StoredAsset {
	filePath: string;
	type: AssetType;
	extension: string;
	bytes: number;
	sha256: string;
	contentType?: string;
	storedAt: number;
	/** true for assets the emulator made itself (detected face crops). */
	generated: boolean;
}

interface PendingUpload {
	filePath: string;
	type: AssetType;
	extension: string;
	expiresAt: number;
}

function unprocessable(message: string): HttpError {
	return new HttpError(422, 'unprocessable_entity', message);
}

function parseItems(body: unknown): Array<{ type: AssetType; extension: string }> {
	if (!isRecord(body) || body.items === undefined) throw unprocessable('items is required');
	if (!Array.isArray(body.items)) throw unprocessable('items must be an array');
	if (body.items.length === 0) throw unprocessable('items must contain at least 1 item');
	return body.items.map((item: unknown, i) => {
		const at = `items[${i}]`;
		if (!isRecord(item)) throw unprocessable(`${at} must be an object`);
		const { type, extension } = item;
		if (type === undefined) throw unprocessable(`${at}.type is required`);
		if (typeof type !== 'string' || !(type in UPLOAD_EXTENSIONS)) {
			throw unprocessable(
				`${at}.type: '${String(type)}' is not a valid type. Possible types are video, audio, image`,
			);
		}
		if (extension === undefined) throw unprocessable(`${at}.extension is required`);
		if (typeof extension !== 'string' || !/^[a-z0-9]+$/.test(extension)) {
			throw unprocessable(
				`${at}.extension: '${String(extension)}' must match ^[a-z0-9]+$ (lower case, no leading dot)`,
			);
		}
		const allowed = UPLOAD_EXTENSIONS[type as AssetType];
		if (!allowed.includes(extension)) {
			throw unprocessable(
				`${at}.extension: '${extension}' is an invalid ${type} extension. Possible extensions are '${allowed.join(', ')}'`,
			);
		}
		return { type: type as AssetType, extension };
	});
}

export class UploadStore {
	private pending = new Map<string, PendingUpload>();
	private assets = new Map<string, StoredAsset>();

	constructor(
		private readonly baseUrl: () => string,
		private readonly metrics: Metrics,
	) {}

	/** POST /v1/files/upload-urls */
	createUploadUrls(body: unknown): JsonReply {
		const items = parseItems(body);
		const folder = newId();
		const expiresAt = Date.now() + UPLOAD_URL_TTL_MS;
		return json(200, {
			items: items.map(({ type, extension }, index) => {
				const token = newToken();
				const fileName = `${index}.${extension}`;
				const filePath = `api-assets/${folder}/${fileName}`;
				this.pending.set(token, { filePath, type, extension, expiresAt });
				return {
					upload_url: `${this.baseUrl()}/uploads/${token}/${fileName}`,
					expires_at: new Date(expiresAt).toISOString(),
					file_path: filePath,
				};
			}),
		});
	}

	/** PUT /uploads/:token/:name — streams the body, keeping only its size and hash. */
	async receive(token: string, req: IncomingMessage): Promise<JsonReply> {
		const target = this.pending.get(token);
		if (!target) throw notFound();
		if (Date.now() >= target.expiresAt)
			throw new HttpError(403, 'forbidden', 'Upload URL expired: request a new one');
		const hash = createHash('sha256');
		let bytes = 0;
		for await (const chunk of req as AsyncIterable<Buffer>) {
			hash.update(chunk);
			bytes += chunk.length;
			this.metrics.count('bytesUploaded', chunk.length);
		}
		const sha256 = hash.digest('hex');
		this.assets.set(target.filePath, {
			filePath: target.filePath,
			type: target.type,
			extension: target.extension,
			bytes,
			sha256,
			contentType: req.headers['content-type'],
			storedAt: Date.now(),
			generated: false,
		});
		return json(200, undefined, { etag: `"${sha256.slice(0, 32)}"` });
	}

	/** Registers an asset the emulator produced itself (e.g. a detected face crop). */
	registerGenerated(filePath: string, type: AssetType, extension: string, bytes: number): void {
		this.assets.set(filePath, {
			filePath,
			type,
			extension,
			bytes,
			sha256: '',
			storedAt: Date.now(),
			generated: true,
		});
	}

	get(filePath: string): StoredAsset | undefined {
		return this.assets.get(filePath);
	}

	list(): StoredAsset[] {
		return [...this.assets.values()];
	}

	clear(): void {
		this.pending.clear();
		this.assets.clear();
	}
}

/**
 * Why an input file value cannot be used, or undefined if it can. Only `api-assets/...` and
 * `saved-items/...` paths are checked (URLs are assumed reachable): they must have been uploaded,
 * non-empty, or be an asset of the saved library.
 */
export function inputFileProblem(
	store: UploadStore,
	field: string,
	value: string,
): string | undefined {
	if (value.startsWith('saved-items/'))
		return isSavedItemPath(value)
			? undefined
			: `${field}: saved item file '${value}' does not exist`;
	if (!value.startsWith('api-assets/')) return undefined;
	const asset = store.get(value);
	if (!asset) return `${field}: file '${value}' was never uploaded`;
	if (asset.bytes === 0) return `${field}: file '${value}' is empty`;
	return undefined;
}

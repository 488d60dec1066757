import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { acceptedExtensions, extensionOf, uploadTypeFor } from '../catalog/fileFormats';
import type { FileInputSlot, FileSpec, ProjectKind, ToolDeclaration } from '../catalog/types';
import { cancelSignalOf, magicHourRequest } from '../transport/apiRequest';
import { linkSignals, type LinkedSignal } from '../transport/cancellation';
import { discard, failedAnswer, sendTransfer, transferWithRetries } from '../transport/transfer';
import { binaryFieldName } from './binaryNames';

/** A binary file that must be uploaded before the job is created. */
export interface PendingUpload {
	key: string;
	label: string;
	binaryProperty: string;
	binary: IBinaryData;
	uploadType: ProjectKind;
	extension: string;
	size: number;
}

export interface CollectedFiles {
	/** File values for buildBody: URL as given, or a placeholder path for binaries not yet uploaded. */
	values: Record<string, string>;
	pending: PendingUpload[];
}

function topLevelSlots(
	ctx: IExecuteFunctions,
	tool: ToolDeclaration,
	itemIndex: number,
): FileInputSlot[] {
	return tool.files.map((input) => {
		const chosen = ctx.getNodeParameter(
			`${input.name}Source`,
			itemIndex,
			input.required ? 'url' : 'none',
		) as string;
		// A saved item is a permanent file path, used like a URL: nothing to upload. A YouTube
		// link (version 2's one video choice) is no file.
		const source: FileSpec['source'] =
			chosen === 'savedItem'
				? 'url'
				: chosen === 'youtube'
					? 'none'
					: (chosen as FileSpec['source']);
		const urlParameter = chosen === 'savedItem' ? `${input.name}SavedItem` : `${input.name}Url`;
		return {
			key: input.name,
			label: input.displayName,
			assetType: input.assetType,
			extraExtensions: input.extraExtensions,
			spec: {
				source,
				url:
					source === 'url'
						? String(ctx.getNodeParameter(urlParameter, itemIndex, '')).trim()
						: undefined,
				binaryProperty:
					source === 'binary'
						? String(ctx.getNodeParameter(`${input.name}BinaryProperty`, itemIndex, 'data')).trim()
						: undefined,
			},
		};
	});
}

async function binarySize(ctx: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	if (typeof binary.bytes === 'number') return binary.bytes;
	if (binary.id) return (await ctx.helpers.getBinaryMetadata(binary.id)).fileSize;
	return Buffer.byteLength(binary.data ?? '', 'base64');
}

/**
 * Reads every file input of the item and checks binaries (present, non-empty, accepted format)
 * before anything is sent, so bad input costs no upload and no credits.
 */
export async function collectFileInputs(
	ctx: IExecuteFunctions,
	tool: ToolDeclaration,
	fields: IDataObject,
	options: IDataObject,
	itemIndex: number,
): Promise<CollectedFiles> {
	return collectFileSlots(
		ctx,
		[...topLevelSlots(ctx, tool, itemIndex), ...(tool.nestedFiles?.(fields, options) ?? [])],
		itemIndex,
	);
}

export async function collectFileSlots(
	ctx: IExecuteFunctions,
	slots: FileInputSlot[],
	itemIndex: number,
): Promise<CollectedFiles> {
	const values: Record<string, string> = {};
	const pending: PendingUpload[] = [];
	for (const slot of slots) {
		if (slot.spec.source === 'none') {
			values[slot.key] = '';
			continue;
		}
		if (slot.spec.source === 'url') {
			values[slot.key] = slot.spec.url ?? '';
			continue;
		}
		const property = binaryFieldName(
			ctx.getNode(),
			slot.spec.binaryProperty,
			`${slot.label} Input Binary Field`,
			itemIndex,
		);
		const item = ctx.getInputData()[itemIndex];
		if (!item?.binary || !Object.prototype.hasOwnProperty.call(item.binary, property)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${slot.label}: the input item has no binary field "${property}"`,
				{
					itemIndex,
					description: `Set "${slot.label} Input Binary Field" to the name of the binary field that holds the file, or switch the source to URL.`,
				},
			);
		}
		const binary = ctx.helpers.assertBinaryData(itemIndex, property);
		const extension = extensionOf(binary.fileName, binary.mimeType);
		const accepted = acceptedExtensions(slot.assetType, slot.extraExtensions);
		if (!extension || !accepted.includes(extension)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${slot.label}: ${binary.fileName ?? 'the file'} (${binary.mimeType || 'unknown type'}) is not a format Magic Hour accepts here`,
				{ itemIndex, description: `Accepted formats: ${accepted.join(', ')}.` },
			);
		}
		const size = await binarySize(ctx, binary);
		if (size <= 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${slot.label}: the binary file "${property}" is empty`,
				{ itemIndex },
			);
		}
		values[slot.key] = `api-assets/pending/${slot.key}.${extension}`;
		pending.push({
			key: slot.key,
			label: slot.label,
			binaryProperty: property,
			binary,
			uploadType: uploadTypeFor(slot.assetType, extension),
			extension,
			size,
		});
	}
	return { values, pending };
}

interface UploadUrlsResponse {
	items: Array<{ upload_url: string; file_path: string }>;
}

const MAX_PUT_ATTEMPTS = 3;
const PUT_TIMEOUT_MS = 10 * 60_000;

/**
 * PUTs one file to its presigned URL: stops at once on cancel (or when the run or a sibling upload stops), retries
 * network errors and transient statuses after a backoff, never a refusal (other 4xx: the link will not
 * change its mind), and closes the file stream of every attempt.
 */
async function putFile(
	ctx: IExecuteFunctions,
	upload: PendingUpload,
	url: string,
	itemIndex: number,
	uploads: LinkedSignal,
): Promise<void> {
	const signal = uploads.signal;
	await transferWithRetries({
		maxAttempts: MAX_PUT_ATTEMPTS,
		signal,
		attempt: async () => {
			// A stream can be read once: every attempt opens the stored file again.
			const body = upload.binary.id
				? await ctx.helpers.getBinaryStream(upload.binary.id)
				: await ctx.helpers.getBinaryDataBuffer(itemIndex, upload.binaryProperty);
			try {
				const response = await sendTransfer(
					ctx,
					{
						method: 'PUT',
						url,
						body,
						headers: {
							'Content-Type': upload.binary.mimeType || 'application/octet-stream',
							'Content-Length': upload.size,
						},
						timeout: PUT_TIMEOUT_MS,
					},
					signal,
				);
				if ('ok' in response) return response;
				if (response.statusCode >= 200 && response.statusCode < 300)
					return { ok: true, value: undefined };
				return failedAnswer(response, 'the upload link');
			} finally {
				discard(body);
			}
		},
		gaveUp: (attempts, problem) => {
			const error = new NodeOperationError(
				ctx.getNode(),
				`${upload.label}: uploading the file to Magic Hour failed`,
				{
					itemIndex,
					description: `Tried ${attempts} time${attempts === 1 ? '' : 's'}: ${problem}. Nothing was created or charged for this item.`,
				},
			);
			// The item fails: its other uploads stop too.
			uploads.abort(error);
			return error;
		},
	});
}

/**
 * Uploads the item's binaries (one upload-URL request for all of them) and returns their file
 * paths. `stop` ends every upload of the item with its reason (e.g. another item failed).
 */
export async function uploadPendingFiles(
	ctx: IExecuteFunctions,
	pending: PendingUpload[],
	itemIndex: number,
	stop?: AbortSignal,
): Promise<Record<string, string>> {
	if (pending.length === 0) return {};
	const response = await magicHourRequest<UploadUrlsResponse>(ctx, {
		method: 'POST',
		path: '/v1/files/upload-urls',
		body: {
			items: pending.map((upload) => ({ type: upload.uploadType, extension: upload.extension })),
		},
		itemIndex,
		idempotent: true,
		signal: stop,
	});
	const link = linkSignals({ cancel: cancelSignalOf(ctx), stop });
	try {
		const paths: Record<string, string> = {};
		await Promise.all(
			pending.map(async (upload, index) => {
				const target = response.items?.[index];
				if (!target?.upload_url || !target.file_path) {
					throw new NodeOperationError(ctx.getNode(), 'Magic Hour returned no upload URL', {
						itemIndex,
					});
				}
				await putFile(ctx, upload, target.upload_url, itemIndex, link);
				paths[upload.key] = target.file_path;
			}),
		);
		return paths;
	} finally {
		link.dispose();
	}
}

/**
 * n8n's binary data store refusing a downloaded file. Unlike a broken transfer, downloading the
 * file again does not help, so it is not retried.
 */

/** A store that cannot take the file: disk full, quota, file too big, read-only, no permission. */
const STORAGE_ERROR_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EACCES', 'EPERM']);

/** n8n's setting that caps one file in `database` binary data mode (queue mode's default). */
const DATABASE_LIMIT_SETTING = 'N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE';

const MiB = 1024 * 1024;

interface ResponseBody {
	readableEnded?: boolean;
	errored?: unknown;
}

/**
 * Whether storing failed in n8n's binary data store rather than in the transfer: the whole body
 * arrived (n8n's database store reads all of it before it checks the size), or the store failed
 * with a storage error code. A transfer that breaks off leaves the body unfinished or errored.
 */
export function isStoreRefusal(error: unknown, body: unknown): boolean {
	const stream = body as ResponseBody | undefined;
	if (stream?.readableEnded === true && !stream.errored) return true;
	const code = (error as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' && STORAGE_ERROR_CODES.has(code);
}

/** A number of MiB the way n8n writes it in its message ("600 MB", "1.5 MB"). */
function megabytes(value: number): string {
	return `${Math.round(value * 100) / 100} MB`;
}

/**
 * What n8n's size refusal says (n8n-core's FileTooLargeError: "… its size of 600 MB exceeds the
 * max size limit of 512 MB set for `database` mode …"), or undefined for any other error.
 */
function databaseSizeRefusal(message: string): { fileSize?: string; limit?: string } | undefined {
	if (!message.includes(DATABASE_LIMIT_SETTING)) return undefined;
	const number = (pattern: RegExp) => {
		const match = pattern.exec(message);
		return match ? megabytes(Number(match[1])) : undefined;
	};
	return { fileSize: number(/size of ([\d.]+) MB/), limit: number(/limit of ([\d.]+) MB/) };
}

export interface StoreRefusal {
	error: unknown;
	/** Output number as the user counts: 1, 2, … */
	output: number;
	projectId: string;
	/** The file's size as announced by the download server (Content-Length), when known. */
	bytes?: number;
}

const DOWNLOAD_LATER =
	'The job itself succeeded (its credits are charged) and its output stays at Magic Hour: once n8n can store it, download it with Magic Hour → Project → Download and the project ID below (or turn off "Download Outputs" to pass on the download links instead of the file).';

/** The message and description of the error the user sees, naming what to change in n8n. */
export function storeRefusalMessage({ error, output, projectId, bytes }: StoreRefusal): {
	message: string;
	description: string;
} {
	const n8nMessage = (error as Error | undefined)?.message ?? String(error);
	const sizeRefusal = databaseSizeRefusal(n8nMessage);
	const fileSize = bytes !== undefined ? megabytes(bytes / MiB) : sizeRefusal?.fileSize;
	const sized = fileSize ? ` (${fileSize})` : '';
	if (sizeRefusal) {
		const limit = sizeRefusal.limit ? ` of ${sizeRefusal.limit}` : '';
		return {
			message: `The finished file${sized} is larger than n8n's limit${limit} for files kept in its database`,
			description: `n8n refused to store file ${output} of project ${projectId}, so it was downloaded once and not again. Whoever runs n8n can raise ${DATABASE_LIMIT_SETTING} (in MB, at most 1024), or use filesystem or S3 binary data mode (N8N_DEFAULT_BINARY_DATA_MODE; in queue mode S3, as filesystem storage is not shared between processes). ${DOWNLOAD_LATER}`,
		};
	}
	return {
		message: `n8n could not save the finished file${sized}`,
		description: `n8n's binary data storage refused file ${output} of project ${projectId} ("${n8nMessage}"), so it was downloaded once and not again. Whoever runs n8n can check that storage (free disk space, the database, the S3 bucket; N8N_DEFAULT_BINARY_DATA_MODE). ${DOWNLOAD_LATER}`,
	};
}

/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: tests */
/**
 * Binary data modes other than the filesystem, plugged into n8n-core's real BinaryDataService the
 * way n8n's own start-up does (`binaryDataService.setManager(mode, …)`).
 *
 * `database` (queue mode's default) has its manager in the `n8n` package, not in n8n-core:
 * - n8n's own DatabaseManager from the installed pinned n8n (`npm run install:n8n`),
 *   unchanged; only its table is an in-memory map instead of Postgres;
 * - always, and alone where n8n is not installed (a clean clone runs `npm test` before installing
 *   it): a replica of that manager's store(): the whole stream read with n8n's `binaryToBuffer`,
 *   the same MiB comparison, n8n-core's own FileTooLargeError.
 * A full disk: a store that writes like n8n's filesystem store, into /dev/full.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

import { n8nCacheDir } from '../../scripts/e2e/n8nVersions';
import { binaryDataService, core, ensureBinaryData } from './n8nRuntime';

type Manager = core.BinaryData.Manager;
type Location = core.BinaryData.FileLocation;

interface StoredRow {
	fileId: string;
	data: Buffer;
	mimeType: string | null;
	fileName: string | null;
	fileSize: number;
}

/** n8n's BinaryDataRepository, as far as DatabaseManager uses it to store and read a file. */
class InMemoryBinaryDataTable {
	readonly rows = new Map<string, StoredRow>();

	async insert(row: StoredRow): Promise<void> {
		this.rows.set(row.fileId, row);
	}

	async findOneOrFail({ where }: { where: { fileId: string } }): Promise<StoredRow> {
		const row = this.rows.get(where.fileId);
		if (!row) throw new Error(`binary_data has no row ${where.fileId}`);
		return row;
	}
}

const requireFromCore = (id: string): unknown =>
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require(require.resolve(id, { paths: [dirname(require.resolve('n8n-core'))] }));

/** DatabaseManager.store() of n8n 2.40.7 (packages/cli/src/binary-data/database.manager.ts), step by step. */
class DatabaseManagerReplica implements Partial<Manager> {
	constructor(
		private readonly table: InMemoryBinaryDataTable,
		private readonly config: { dbMaxFileSize: number },
	) {}

	async store(
		_location: Location,
		bufferOrStream: Buffer | Readable,
		metadata: { fileName?: string; mimeType?: string },
	) {
		const { binaryToBuffer } = requireFromCore('@n8n/backend-network') as {
			binaryToBuffer: (body: Buffer | Readable) => Promise<Buffer>;
		};
		const buffer = await binaryToBuffer(bufferOrStream);
		const fileSizeMb = buffer.length / (1024 * 1024);
		const fileId = randomUUID();
		if (fileSizeMb > this.config.dbMaxFileSize) {
			throw new core.FileTooLargeError({
				fileSizeMb,
				maxFileSizeMb: this.config.dbMaxFileSize,
				fileId,
				fileName: metadata.fileName,
			});
		}
		await this.table.insert({
			fileId,
			data: buffer,
			mimeType: metadata.mimeType ?? null,
			fileName: metadata.fileName ?? null,
			fileSize: buffer.length,
		});
		return { fileId, fileSize: buffer.length };
	}

	async getAsBuffer(fileId: string): Promise<Buffer> {
		return (await this.table.findOneOrFail({ where: { fileId } })).data;
	}
}

const installedN8n = resolve(n8nCacheDir(), 'app/node_modules/n8n');

type ManagerClass = new (
	table: InMemoryBinaryDataTable,
	config: { dbMaxFileSize: number },
) => Manager;

export interface DatabaseManagerSource {
	name: string;
	managerClass: ManagerClass;
}

/**
 * The DatabaseManagers to test with: the replica always, n8n's own when n8n is installed. Loading
 * n8n's takes seconds: call this at the top of a test file, before any emulator connection idles.
 */
export function databaseManagerSources(): DatabaseManagerSource[] {
	const sources: DatabaseManagerSource[] = [
		{
			name: "a replica of n8n 2.40.7's DatabaseManager.store()",
			managerClass: DatabaseManagerReplica as unknown as ManagerClass,
		},
	];
	const manager = join(installedN8n, 'dist/binary-data/database.manager.js');
	if (existsSync(manager)) {
		const { version } = JSON.parse(readFileSync(join(installedN8n, 'package.json'), 'utf8')) as {
			version: string;
		};
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { DatabaseManager } = require(manager) as { DatabaseManager: ManagerClass };
		sources.push({ name: `n8n ${version}'s own DatabaseManager`, managerClass: DatabaseManager });
	}
	return sources;
}

interface ServiceModes {
	mode: string;
	managers: Record<string, Manager | undefined>;
}

/** Stores with `manager` in `mode` until `restore()`. */
async function enterMode(mode: string, manager: Manager): Promise<{ restore: () => void }> {
	await ensureBinaryData(); // its init() would reset the mode
	const service = binaryDataService() as unknown as ServiceModes;
	const before = service.mode;
	service.managers[mode] = manager;
	service.mode = mode;
	return {
		restore: () => {
			service.mode = before;
			delete service.managers[mode];
		},
	};
}

/**
 * Switches n8n-core's BinaryDataService to `database` mode with a limit of `maxFileSizeMiB`
 * (N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE); `restore()` goes back to the mode before.
 */
export async function enterDatabaseMode(source: DatabaseManagerSource, maxFileSizeMiB: number) {
	const table = new InMemoryBinaryDataTable();
	const { restore } = await enterMode(
		'database',
		new source.managerClass(table, { dbMaxFileSize: maxFileSizeMiB }),
	);
	return { table, restore };
}

/**
 * A store on a full disk: it writes the stream the way n8n's filesystem store does
 * (`fs.writeFile(path, stream)`), into /dev/full, so the kernel answers ENOSPC.
 */
export async function enterFullDiskMode() {
	const fullDisk: Partial<Manager> = {
		store: async (_location, stream) => {
			await writeFile('/dev/full', stream);
			throw new Error('/dev/full took the file');
		},
	};
	return await enterMode('filesystem-full', fullDisk as Manager);
}

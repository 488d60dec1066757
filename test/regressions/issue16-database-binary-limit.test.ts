/**
 * Issue 16 (found in queue mode): binary data in the database refuses files past
 * N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE. That refusal is not a broken transfer: the file is
 * downloaded once, and the item fails at once with what the user can do and the project ID.
 * Real HTTP to the emulator, n8n-core's real execute context and BinaryDataService in `database`
 * mode (see test/harness/databaseBinaryMode.ts for which DatabaseManager runs).
 */
import {
	databaseManagerSources,
	enterDatabaseMode,
	enterFullDiskMode,
} from '../harness/binaryDataModes';
import { executeNode, failureOf, readBinary } from '../harness/executeNode';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';
import { createJob, credentialsFor, downloadsServed, WaitNode } from '../engine/engineHarness';

const emu = useFastEmulator();
const MiB = 1024 * 1024;
const LIMIT_MIB = 2;

const sources = databaseManagerSources();

function waitForProject(id: string, continueOnFail = false) {
	return executeNode({
		nodeType: new WaitNode(),
		parameters: { executionSettings: FAST_POLLING } as never,
		items: [{ json: { id } }],
		credentials: credentialsFor(emu),
		continueOnFail,
	});
}

async function completedVideo(bytes: number) {
	emu.setOutputBytes({ video: bytes });
	return await createJob(emu, 'video', { durationMs: 0 });
}

describe.each(sources)('binary data in the database, $name', (source) => {
	let mode: Awaited<ReturnType<typeof enterDatabaseMode>>;
	beforeEach(async () => {
		mode = await enterDatabaseMode(source, LIMIT_MIB);
	});
	afterEach(() => mode.restore());

	it('stores a file under the limit in the database (one download)', async () => {
		const job = await completedVideo(1 * MiB);
		const { output } = await waitForProject(job.id);
		const binary = output[0][0].binary!.data;
		expect(binary.id).toMatch(/^database:/);
		expect(binary.bytes).toBe(1 * MiB);
		expect((await readBinary(binary)).length).toBe(1 * MiB);
		expect(mode.table.rows.size).toBe(1);
		expect(downloadsServed(emu)).toHaveLength(1);
	});

	it('still retries a transfer that broke off', async () => {
		const job = await completedVideo(1 * MiB);
		emu.faults.add({
			match: 'GET /downloads/*',
			times: 1,
			fault: { type: 'truncate', afterBytes: 64 * 1024 },
		});
		const { output } = await waitForProject(job.id);
		expect(output[0][0].binary!.data.bytes).toBe(1 * MiB);
		expect(downloadsServed(emu).map((entry) => entry.fault ?? 'ok')).toEqual(['truncate', 'ok']);
	});

	it('a file past N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE: downloaded once, a clear error with the project ID', async () => {
		const job = await completedVideo(3 * MiB);
		const error = await failureOf(waitForProject(job.id));
		expect(downloadsServed(emu)).toHaveLength(1);
		expect(mode.table.rows.size).toBe(0);
		const text = `${error.message} ${error.description}`;
		expect(error.description).toContain(`project ${job.id}`);
		expect(text).toContain('3 MB'); // the file's size
		expect(text).toContain(`${LIMIT_MIB} MB`); // n8n's limit
		expect(text).toContain('N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE');
		expect(text).toMatch(/filesystem or S3/);
		expect(text).toMatch(/job itself succeeded/i);
		expect(text).toContain('Magic Hour → Project → Download');
		expect(error.description).toContain(`Project ID ${job.id}`);
		expect(error.context).toMatchObject({ projectId: job.id, kind: 'video', status: 'complete' });

		const { output } = await waitForProject(job.id, true);
		expect(downloadsServed(emu)).toHaveLength(2);
		expect(output[0][0].binary).toBeUndefined();
		expect(output[0][0].json).toMatchObject({
			id: job.id,
			kind: 'video',
			status: 'complete',
			error: error.message,
		});
	});
});

describe('binary data on a full disk', () => {
	it("is not downloaded again: the error names n8n's storage and the project ID", async () => {
		const mode = await enterFullDiskMode();
		try {
			const job = await completedVideo(1 * MiB);
			const error = await failureOf(waitForProject(job.id));
			expect(downloadsServed(emu)).toHaveLength(1);
			expect(error.message).toBe('n8n could not save the finished file (1 MB)');
			expect(error.description).toContain(
				`file 1 of project ${job.id} ("ENOSPC: no space left on device, write")`,
			);
			expect(error.description).toMatch(/job itself succeeded/);
			expect(error.description).toContain(`Project ID ${job.id}`);
			expect(error.context).toMatchObject({ projectId: job.id, kind: 'video' });
		} finally {
			mode.restore();
		}
	});
});

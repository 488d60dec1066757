/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Every workflow in examples/ runs in a real n8n 2.x (our package installed as a community
 * node, credentials pointing at the local emulator) and its execution data is checked.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';

import { start, type Emulator } from '../../emulator';
import {
	emulatorCredential,
	loadExamples,
	N8nInstance,
	type ExecutionResult,
	type NodeItem,
} from '../../scripts/e2e/n8n';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

let emu: Emulator;
let n8n: N8nInstance;

beforeAll(async () => {
	emu = await start({ speed: 50, quiet: true });
	n8n = await N8nInstance.create();
	n8n.copyExampleFiles();
	await n8n.importCredentials([emulatorCredential(emu)]);
	await n8n.importWorkflows(loadExamples().map(({ workflow }) => workflow));
});

afterAll(async () => {
	await n8n?.dispose();
	await emu?.stop();
});

/** Binary metadata of an item and the file its "Write File" node wrote. */
function expectBinaryFile(
	item: NodeItem,
	written: NodeItem,
	mime: string,
	magic?: Buffer,
): { path: string; bytes: number } {
	const binary = item.binary?.data;
	expect(binary).toBeDefined();
	expect(binary!.mimeType).toBe(mime);
	expect(binary!.id ?? binary!.data).toBeTruthy();
	const path = n8n.localPath(String(written.json.fileName));
	expect(existsSync(path)).toBe(true);
	const bytes = statSync(path).size;
	expect(bytes).toBeGreaterThan(100);
	if (binary!.bytes !== undefined) expect(binary!.bytes).toBe(bytes);
	if (magic) expect(readFileSync(path).subarray(0, magic.length)).toEqual(magic);
	return { path, bytes };
}

function expectSuccess(run: ExecutionResult): void {
	if (run.error)
		throw new Error(
			`execution failed: ${JSON.stringify(run.error).slice(0, 2000)}\n${n8n.logTail()}`,
		);
	expect(run.status).toBe('success');
}

test('every example is a valid workflow with fixed ids and the shared credential', () => {
	const examples = loadExamples();
	expect(examples.length).toBeGreaterThanOrEqual(5);
	for (const { file, workflow } of examples) {
		expect({ file, id: typeof workflow.id }).toEqual({ file, id: 'string' });
		for (const node of workflow.nodes) {
			if (String(node.type).startsWith('n8n-nodes-magic-hour.')) {
				expect({ file, node: node.name, credentials: node.credentials }).toEqual({
					file,
					node: node.name,
					credentials: {
						magicHourCommunityApi: { id: 'mhCredEmulator01', name: 'Magic Hour account' },
					},
				});
			}
		}
	}
});

test('Create an image and save it: one PNG generated, downloaded and written to disk', async () => {
	const before = emu.counters();
	const run = await n8n.execute('mhExampleImage01');
	expectSuccess(run);

	const [created] = run.output('Create Image');
	expect(created.json).toMatchObject({
		kind: 'image',
		tool: 'aiImageGenerator',
		status: 'complete',
		error: null,
	});
	expect(created.json.credits_charged).toBeGreaterThan(0);
	expect(emu.getProject(created.json.id)).toBeDefined();

	const [saved] = run.output('Save Image');
	expect(saved.pairedItem).toMatchObject({ item: 0 });
	const { path } = expectBinaryFile(created, saved, 'image/png', PNG_MAGIC);
	expect(path).toContain(`image-${created.json.id}.png`);

	const after = emu.counters();
	expect(after.jobsCreated - before.jobsCreated).toBe(1);
});

test('Face swap a photo from disk: both photos uploaded as binaries, result written', async () => {
	const before = emu.counters();
	const run = await n8n.execute('mhExampleSwap001');
	expectSuccess(run);

	const [merged] = run.output('Photo and Face');
	expect(Object.keys(merged.binary ?? {}).sort()).toEqual(['face', 'target']);

	const [swapped] = run.output('Face Swap Photo');
	expect(swapped.json).toMatchObject({ kind: 'image', tool: 'faceSwapPhoto', status: 'complete' });
	const project = emu.getProject(swapped.json.id);
	expect(project).toBeDefined();

	const [saved] = run.output('Save Result');
	expectBinaryFile(swapped, saved, 'image/png', PNG_MAGIC);

	const after = emu.counters();
	expect(
		after.byRoute['POST /v1/files/upload-urls'] -
			(before.byRoute['POST /v1/files/upload-urls'] ?? 0),
	).toBeGreaterThanOrEqual(1);
	// The two PNG files of examples/files went up byte for byte.
	const sent =
		readFileSync(`${__dirname}/../../examples/files/target-photo.png`).length +
		readFileSync(`${__dirname}/../../examples/files/source-face.png`).length;
	expect(after.bytesUploaded - before.bytesUploaded).toBe(sent);
});

test('Start a video, wait for it, save it: create without waiting, then Wait for Project downloads the MP4', async () => {
	const run = await n8n.execute('mhExampleVideo01');
	expectSuccess(run);

	const [started] = run.output('Start Text to Video');
	expect(started.json).toMatchObject({ kind: 'video', tool: 'textToVideo', status: 'queued' });
	expect(started.binary).toBeUndefined();

	const [waited] = run.output('Wait for Project');
	expect(waited.json.id).toBe(started.json.id);
	expect(waited.json.status).toBe('complete');

	const [saved] = run.output('Save Video');
	const { bytes } = expectBinaryFile(waited, saved, 'video/mp4');
	const file = readFileSync(n8n.localPath(String(saved.json.fileName)));
	expect(file.subarray(4, 8).toString('latin1')).toBe('ftyp');
	expect(bytes).toBe(file.length);
});

test('A batch of prompts: the empty prompt leaves on the error output, costs nothing, the others are saved', async () => {
	const before = emu.counters();
	const run = await n8n.execute('mhExampleBatch01');
	expectSuccess(run);

	expect(run.output('Prompts')).toHaveLength(4);
	const succeeded = run.output('Create Images', 0);
	const failed = run.output('Create Images', 1);
	// Items pair with their input items across both outputs.
	expect(succeeded.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
	expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 2 }]);
	for (const item of succeeded) {
		expect(item.json).toMatchObject({ status: 'complete', tool: 'aiImageGenerator', error: null });
		expect(item.binary?.data?.mimeType).toBe('image/png');
	}
	// n8n's error output: the error, our details, and the json of the input item that failed.
	expect(failed[0].json).toMatchObject({
		index: 2,
		prompt: '',
		details: { id: null, kind: 'image', tool: 'aiImageGenerator' },
	});
	expect(String(failed[0].json.error)).toMatch(/"Prompt" is required/);
	expect(String(failed[0].json.details.description)).toMatch(/Nothing was sent to Magic Hour/);

	const saved = run.output('Save Images');
	expect(saved).toHaveLength(3);
	saved.forEach((item, index) => expectBinaryFile(succeeded[index], item, 'image/png', PNG_MAGIC));
	expect(saved.map((item) => /batch-(\d)-/.exec(String(item.json.fileName))?.[1])).toEqual([
		'0',
		'1',
		'3',
	]);
	expect(run.output('Failed Prompts')).toHaveLength(1);

	expect(emu.counters().jobsCreated - before.jobsCreated).toBe(3);
});

test('The same batch with "On Error: Continue" (regular output): 4 items in input order, one error item', async () => {
	const example = loadExamples().find(
		({ workflow }) => workflow.id === 'mhExampleBatch01',
	)!.workflow;
	const variant = JSON.parse(JSON.stringify(example));
	variant.id = 'mhE2eBatchRegul1';
	variant.name = 'e2e: batch with continueRegularOutput';
	variant.nodes.find((node: { name: string }) => node.name === 'Create Images').onError =
		'continueRegularOutput';
	variant.nodes = variant.nodes.filter(
		(node: { name: string; type: string }) =>
			node.name === 'Prompts' ||
			node.name === 'Create Images' ||
			node.type.endsWith('manualTrigger'),
	);
	variant.connections = {
		[variant.nodes.find((node: { type: string }) => node.type.endsWith('manualTrigger')).name]: {
			main: [[{ node: 'Prompts', type: 'main', index: 0 }]],
		},
		Prompts: { main: [[{ node: 'Create Images', type: 'main', index: 0 }]] },
	};
	await n8n.importWorkflows([variant]);

	const run = await n8n.execute(variant.id);
	expectSuccess(run);
	const results = run.output('Create Images');
	expect(results).toHaveLength(4);
	expect(results.map((item) => item.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
		{ item: 3 },
	]);
	expect(results.map((item) => (item.json.error ? 'error' : item.json.status))).toEqual([
		'complete',
		'complete',
		'error',
		'complete',
	]);
	expect(results[2].json).toMatchObject({ id: null, kind: 'image', tool: 'aiImageGenerator' });
});

test('A prompt sheet with a budget: 3 of 6 rows fit 150 credits, the others leave unstarted and free', async () => {
	const before = emu.counters();
	const logBefore = emu.log.length;
	const run = await n8n.execute('mhExampleBudget1');
	expectSuccess(run);

	expect(run.output('One Item per Row')).toHaveLength(6);
	const made = run.output('Create Images (max 150 credits)', 0);
	const notStarted = run.output('Create Images (max 150 credits)', 1);
	expect(made).toHaveLength(3);
	expect(notStarted).toHaveLength(3);
	for (const item of made) {
		expect(item.json).toMatchObject({
			status: 'complete',
			credits_charged: 50,
			run_credits_charged: 150,
		});
	}
	for (const item of notStarted) {
		expect(item.json.error).toBe(
			'Not started: budget of 150 credits reached (150 spent by this run)',
		);
		expect(item.json).toMatchObject({ prompt: expect.any(String), details: { id: null } });
	}
	const written = run.output('Save Images');
	expect(written).toHaveLength(3);
	written.forEach((item, index) => expectBinaryFile(made[index], item, 'image/png', PNG_MAGIC));
	expect(run.output('Run Cost').map((item) => item.json.credits_spent)).toEqual([150]);

	// Three jobs, 150 credits, and one balance check before the batch.
	expect(emu.counters().jobsCreated - before.jobsCreated).toBe(3);
	expect(emu.counters().creditsCharged - before.creditsCharged).toBe(150);
	expect(emu.log.slice(logBefore).filter((entry) => entry.path === '/v1/account')).toHaveLength(1);
});

test('Translate a video: AI Video Translator renders the clip, the MP4 is written to disk', async () => {
	const before = emu.counters();
	const run = await n8n.execute('mhExampleTrans01');
	expectSuccess(run);

	const [translated] = run.output('Translate Video');
	expect(translated.json).toMatchObject({
		kind: 'video',
		tool: 'aiVideoTranslator',
		status: 'complete',
		error: null,
	});
	// 15 s from 5 s to 20 s at 30 frames per second.
	expect(translated.json.credits_charged).toBe(450);

	const [saved] = run.output('Save Translated Video');
	const { path } = expectBinaryFile(translated, saved, 'video/mp4');
	expect(readFileSync(path).subarray(4, 8).toString('latin1')).toBe('ftyp');
	expect(
		emu.counters().byRoute['POST /v1/ai-video-translator'] -
			(before.byRoute['POST /v1/ai-video-translator'] ?? 0),
	).toBe(1);
});

test('Animate the newest saved character: its permanent file path goes into Image to Video, no upload', async () => {
	const before = emu.counters();
	const run = await n8n.execute('mhExampleSaved01');
	expectSuccess(run);

	const [character] = run.output('List Saved Characters');
	expect(character.json).toMatchObject({ type: 'character', name: 'Alex', media_kind: 'IMAGE' });
	expect(String(character.json.file_path)).toMatch(/^saved-items\/.+\/front\.png$/);

	const [video] = run.output('Animate Character');
	expect(video.json).toMatchObject({ kind: 'video', tool: 'imageToVideo', status: 'complete' });
	const [saved] = run.output('Save Video');
	expectBinaryFile(video, saved, 'video/mp4');

	const after = emu.counters();
	expect(
		(after.byRoute['POST /v1/files/upload-urls'] ?? 0) -
			(before.byRoute['POST /v1/files/upload-urls'] ?? 0),
	).toBe(0);
	expect(after.jobsCreated - before.jobsCreated).toBe(1);
});

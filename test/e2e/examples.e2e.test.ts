/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Every workflow in examples/ runs in a real n8n 2.x (our package installed as a community
 * node, credentials pointing at the local emulator) and its execution data is checked.
 */
import { readFileSync } from 'node:fs';

import { start, type Emulator } from '../../emulator';
import { emulatorCredential, loadExamples, N8nInstance } from '../../scripts/e2e/n8n';
import {
	checkInstalledLikeN8n,
	EXAMPLE_CHECKS,
	expectBinaryFile,
	expectSuccess,
	PNG_MAGIC,
	type E2eContext,
} from './exampleChecks';

let emu: Emulator;
let n8n: N8nInstance;
const ctx = {} as E2eContext;

beforeAll(async () => {
	emu = await start({ speed: 50, quiet: true });
	n8n = await N8nInstance.create();
	n8n.copyExampleFiles();
	await n8n.importCredentials([emulatorCredential(emu)]);
	await n8n.importWorkflows(loadExamples().map(({ workflow }) => workflow));
	Object.assign(ctx, { n8n, emu });
});

afterAll(async () => {
	await n8n?.dispose();
	await emu?.stop();
});

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

test('the package is installed as n8n installs it: nothing bundled, zod 3.25.x from n8n', () => {
	checkInstalledLikeN8n(ctx);
});

test.each(EXAMPLE_CHECKS.map((example) => [example.title, example.check]))(
	'%s',
	async (_title, check) => {
		await check(ctx);
	},
);

test('Face swap a photo from disk: both photos uploaded as binaries, result written', async () => {
	const before = emu.counters();
	const run = await n8n.execute('mhExampleSwap001');
	expectSuccess(ctx, run);

	const [merged] = run.output('Photo and Face');
	expect(Object.keys(merged.binary ?? {}).sort()).toEqual(['face', 'target']);

	const [swapped] = run.output('Face Swap Photo');
	expect(swapped.json).toMatchObject({ kind: 'image', tool: 'faceSwapPhoto', status: 'complete' });
	const project = emu.getProject(swapped.json.id);
	expect(project).toBeDefined();

	const [saved] = run.output('Save Result');
	expectBinaryFile(ctx, swapped, saved, 'image/png', PNG_MAGIC);

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
	expectSuccess(ctx, run);
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
	expectSuccess(ctx, run);

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
		expect(item.json.error.message).toBe(
			'Not started: budget of 150 credits reached (150 spent by this run)',
		);
		expect(item.json).toMatchObject({ prompt: expect.any(String), error: { id: null } });
	}
	const written = run.output('Save Images');
	expect(written).toHaveLength(3);
	written.forEach((item, index) =>
		expectBinaryFile(ctx, made[index], item, 'image/png', PNG_MAGIC),
	);
	expect(run.output('Run Cost').map((item) => item.json.credits_spent)).toEqual([150]);

	// Three jobs, 150 credits, and one balance check before the batch.
	expect(emu.counters().jobsCreated - before.jobsCreated).toBe(3);
	expect(emu.counters().creditsCharged - before.creditsCharged).toBe(150);
	expect(emu.log.slice(logBefore).filter((entry) => entry.path === '/v1/account')).toHaveLength(1);
});

test('Translate a video: AI Video Translator renders the clip, the MP4 is written to disk', async () => {
	const before = emu.counters();
	const run = await n8n.execute('mhExampleTrans01');
	expectSuccess(ctx, run);

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
	const { path } = expectBinaryFile(ctx, translated, saved, 'video/mp4');
	expect(readFileSync(path).subarray(4, 8).toString('latin1')).toBe('ftyp');
	expect(
		emu.counters().byRoute['POST /v1/ai-video-translator'] -
			(before.byRoute['POST /v1/ai-video-translator'] ?? 0),
	).toBe(1);
});

test('Animate the newest saved character: its permanent file path goes into Image to Video, no upload', async () => {
	const before = emu.counters();
	const run = await n8n.execute('mhExampleSaved01');
	expectSuccess(ctx, run);

	const [character] = run.output('List Saved Characters');
	expect(character.json).toMatchObject({ type: 'character', name: 'Alex', media_kind: 'IMAGE' });
	expect(String(character.json.file_path)).toMatch(/^saved-items\/.+\/front\.png$/);

	const [video] = run.output('Animate Character');
	expect(video.json).toMatchObject({ kind: 'video', tool: 'imageToVideo', status: 'complete' });
	const [saved] = run.output('Save Video');
	expectBinaryFile(ctx, video, saved, 'video/mp4');

	const after = emu.counters();
	expect(
		(after.byRoute['POST /v1/files/upload-urls'] ?? 0) -
			(before.byRoute['POST /v1/files/upload-urls'] ?? 0),
	).toBe(0);
	expect(after.jobsCreated - before.jobsCreated).toBe(1);
});

/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Checks of example workflows in a real n8n, shared by the examples e2e (the pinned n8n) and the
 * smoke subset of the version matrix (test/matrix): each runs one example with `n8n execute`
 * and checks its execution data, the files it wrote and the emulator's counters.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Emulator } from '../../emulator';
import {
	majorOf,
	PACKAGE_NAME,
	providedByN8n,
	type ExecutionResult,
	type N8nInstance,
	type NodeItem,
} from '../../scripts/e2e/n8n';

export interface E2eContext {
	n8n: N8nInstance;
	emu: Emulator;
}

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** Binary metadata of an item and the file its "Write File" node wrote. */
export function expectBinaryFile(
	ctx: E2eContext,
	item: NodeItem,
	written: NodeItem,
	mime: string,
	magic?: Buffer,
): { path: string; bytes: number } {
	const binary = item.binary?.data;
	expect(binary).toBeDefined();
	expect(binary!.mimeType).toBe(mime);
	expect(binary!.id ?? binary!.data).toBeTruthy();
	const path = ctx.n8n.localPath(String(written.json.fileName));
	expect(existsSync(path)).toBe(true);
	const bytes = statSync(path).size;
	expect(bytes).toBeGreaterThan(100);
	if (binary!.bytes !== undefined) expect(binary!.bytes).toBe(bytes);
	if (magic) expect(readFileSync(path).subarray(0, magic.length)).toEqual(magic);
	return { path, bytes };
}

export function expectSuccess(ctx: E2eContext, run: ExecutionResult): void {
	if (run.error)
		throw new Error(
			`execution failed: ${JSON.stringify(run.error).slice(0, 2000)}\n${ctx.n8n.logTail()}`,
		);
	expect(run.status).toBe('success');
}

/**
 * The package as n8n's installer leaves it (scripts/e2e/n8n.ts installPackageInto): built files in
 * place, no node_modules of its own (no runtime dependencies), and zod, which the nodes import,
 * provided by n8n on its module paths in the 3.25 line the nodes are written against.
 */
export function checkInstalledLikeN8n(ctx: E2eContext): void {
	const installed = join(ctx.n8n.n8nFolder, 'nodes', 'node_modules', PACKAGE_NAME);
	expect(existsSync(join(installed, 'dist', 'nodes', 'MagicHour', 'MagicHour.node.js'))).toBe(true);
	const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
	expect(manifest.devDependencies).toBeUndefined();
	const bundled = join(installed, 'node_modules');
	expect(existsSync(bundled) ? readdirSync(bundled) : []).toEqual([]);
	const ledger = JSON.parse(readFileSync(join(ctx.n8n.n8nFolder, 'nodes', 'package.json'), 'utf8'));
	expect(ledger.dependencies[PACKAGE_NAME]).toBe(manifest.version);
	expect(providedByN8n(ctx.n8n.install, 'zod')).toMatch(/^3\.25\./);
}

/** Example 01: Create an image and save it: one PNG generated, downloaded and written to disk */
export async function checkCreateImage(ctx: E2eContext): Promise<void> {
	const before = ctx.emu.counters();
	const run = await ctx.n8n.execute('mhExampleImage01');
	expectSuccess(ctx, run);

	const [created] = run.output('Create Image');
	expect(created.json).toMatchObject({
		kind: 'image',
		tool: 'aiImageGenerator',
		status: 'complete',
		error: null,
	});
	expect(created.json.credits_charged).toBeGreaterThan(0);
	expect(ctx.emu.getProject(created.json.id)).toBeDefined();

	const [saved] = run.output('Save Image');
	expect(saved.pairedItem).toMatchObject({ item: 0 });
	const { path } = expectBinaryFile(ctx, created, saved, 'image/png', PNG_MAGIC);
	expect(path).toContain(`image-${created.json.id}.png`);

	const after = ctx.emu.counters();
	expect(after.jobsCreated - before.jobsCreated).toBe(1);
}

/** Example 03: Start a video, wait for it, save it: create without waiting, then Wait for Project downloads the MP4 */
export async function checkVideoWait(ctx: E2eContext): Promise<void> {
	const run = await ctx.n8n.execute('mhExampleVideo01');
	expectSuccess(ctx, run);

	const [started] = run.output('Start Text to Video');
	expect(started.json).toMatchObject({ kind: 'video', tool: 'textToVideo', status: 'queued' });
	expect(started.binary).toBeUndefined();

	const [waited] = run.output('Wait for Project');
	expect(waited.json.id).toBe(started.json.id);
	expect(waited.json.status).toBe('complete');

	const [saved] = run.output('Save Video');
	const { bytes } = expectBinaryFile(ctx, waited, saved, 'video/mp4');
	const file = readFileSync(ctx.n8n.localPath(String(saved.json.fileName)));
	expect(file.subarray(4, 8).toString('latin1')).toBe('ftyp');
	expect(bytes).toBe(file.length);
}

/** Example 05: A batch of prompts: the empty prompt leaves on the error output, costs nothing, the others are saved */
export async function checkBatchErrorOutput(ctx: E2eContext): Promise<void> {
	const before = ctx.emu.counters();
	const run = await ctx.n8n.execute('mhExampleBatch01');
	expectSuccess(ctx, run);

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
	// n8n's error output: our error (message and project) and the json of the input item that failed.
	expect(failed[0].json).toMatchObject({
		index: 2,
		prompt: '',
		error: { id: null, kind: 'image', tool: 'aiImageGenerator' },
	});
	expect(String(failed[0].json.error.message)).toMatch(/"Prompt" is required/);
	expect(String(failed[0].json.error.description)).toMatch(/Nothing was sent to Magic Hour/);

	const saved = run.output('Save Images');
	expect(saved).toHaveLength(3);
	saved.forEach((item, index) =>
		expectBinaryFile(ctx, succeeded[index], item, 'image/png', PNG_MAGIC),
	);
	// "Save Images" names each file after the prompt's index, `$('Prompts').item.json.index`.
	// Known difference, not ours to fix: n8n 1.123.x resolves that expression to nothing here
	// (files `batch--<id>.png`), although the items' pairedItem is the same as in 2.x (checked above).
	const indices = majorOf(ctx.n8n.install) === 1 ? ['', '', ''] : ['0', '1', '3'];
	expect(saved.map((item) => /batch-(\d?)-/.exec(String(item.json.fileName))?.[1])).toEqual(
		indices,
	);
	expect(run.output('Failed Prompts')).toHaveLength(1);

	expect(ctx.emu.counters().jobsCreated - before.jobsCreated).toBe(3);
}

/** The example checks with their test titles. */
export const EXAMPLE_CHECKS = [
	{
		id: 'mhExampleImage01',
		title: 'Create an image and save it: one PNG generated, downloaded and written to disk',
		check: checkCreateImage,
	},
	{
		id: 'mhExampleVideo01',
		title:
			'Start a video, wait for it, save it: create without waiting, then Wait for Project downloads the MP4',
		check: checkVideoWait,
	},
	{
		id: 'mhExampleBatch01',
		title:
			'A batch of prompts: the empty prompt leaves on the error output, costs nothing, the others are saved',
		check: checkBatchErrorOutput,
	},
] as const;

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { signWebhook, type Emulator } from '../../emulator';
import { REPO_ROOT, type Json } from '../../scripts/e2e/n8n';
import type { QueueCluster } from '../../scripts/queue/cluster';

export const sleep = async (ms: number) =>
	await new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs = 120_000,
	everyMs = 500,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

export interface ExecutionRow {
	id: string;
	status: string;
	mode: string;
	finished: boolean | number;
}

const DONE = new Set(['success', 'error', 'crashed', 'canceled']);

/** Executions of a workflow created after `afterId`, once none of them is still new or running
 * and the count has not changed for `quietMs`. */
export async function settledExecutions(
	cluster: QueueCluster,
	workflowId: string,
	afterId = 0,
	quietMs = 3_000,
	timeoutMs = 120_000,
): Promise<ExecutionRow[]> {
	let last = -1;
	let stableSince = Date.now();
	return await waitFor(
		`the executions of ${workflowId} to settle`,
		async () => {
			const rows = (await cluster.n8n.executions(workflowId)).filter(
				(row) => Number(row.id) > afterId,
			) as ExecutionRow[];
			if (rows.length !== last) {
				last = rows.length;
				stableSince = Date.now();
			}
			const settled = rows.every((row) => DONE.has(row.status));
			return settled && Date.now() - stableSince >= quietMs ? rows : undefined;
		},
		timeoutMs,
	);
}

export async function lastExecutionId(cluster: QueueCluster): Promise<number> {
	const [row] = await cluster.n8n.query<{ id: string | null }>(
		'SELECT max(id) AS id FROM execution_entity',
	);
	return Number(row?.id ?? 0);
}

/** How many deliveries the Trigger's ledger in the workflow's static data (in the database) remembers. */
export async function rememberedDeliveries(
	cluster: QueueCluster,
	workflowId: string,
	nodeName: string,
): Promise<number> {
	const [row] = await cluster.n8n.query<{ staticData: unknown }>(
		'SELECT "staticData" FROM workflow_entity WHERE id = ?',
		[workflowId],
	);
	const staticData = (
		typeof row?.staticData === 'string' ? JSON.parse(row.staticData) : row?.staticData
	) as Json | null;
	return Number(staticData?.[`node:${nodeName}`]?.magicHourLedger?.count ?? 0);
}

/** Output items of a node in an execution's run data (first output, last run unless told). */
export function nodeItems(data: Json, nodeName: string, output = 0, run?: number): Json[] {
	const runs = data.data.resultData.runData[nodeName];
	if (!runs?.length)
		throw new Error(
			`node "${nodeName}" did not run (ran: ${Object.keys(data.data.resultData.runData).join(', ')})`,
		);
	return runs[run ?? runs.length - 1].data?.main?.[output] ?? [];
}

export async function postJson(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: res.status, text: await res.text() };
}

/** SHA-256 of a URL's body, streamed. */
export async function sha256OfUrl(url: string): Promise<{ sha256: string; bytes: number }> {
	const res = await fetch(url);
	if (!res.ok || !res.body) throw new Error(`GET ${url}: ${res.status}`);
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
		hash.update(chunk);
		bytes += chunk.length;
	}
	return { sha256: hash.digest('hex'), bytes };
}

/** SHA-256 and size of the first output of a finished project, as Magic Hour serves it. */
export async function servedOutput(
	emu: Emulator,
	kind: string,
	id: string,
): Promise<{ sha256: string; bytes: number }> {
	const res = await fetch(`${emu.baseUrl}/v1/${kind}-projects/${id}`, {
		headers: { authorization: `Bearer ${emu.apiKey}` },
	});
	const project = (await res.json()) as Json;
	return await sha256OfUrl(project.downloads[0].url);
}

/** A completed image job at the emulator and its `image.completed` event body, as Magic Hour sends it. */
export async function completedImageEvent(
	emu: Emulator,
	prompt: string,
): Promise<{ projectId: string; body: string }> {
	const created = await fetch(`${emu.baseUrl}/v1/ai-image-generator`, {
		method: 'POST',
		headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify({ image_count: 1, aspect_ratio: '1:1', style: { prompt } }),
	});
	if (created.status !== 200)
		throw new Error(`create failed: ${created.status} ${await created.text()}`);
	const { id } = (await created.json()) as { id: string };
	const payload = await waitFor(
		`image ${id} to complete`,
		async () => {
			const res = await fetch(`${emu.baseUrl}/v1/image-projects/${id}`, {
				headers: { authorization: `Bearer ${emu.apiKey}` },
			});
			const project = (await res.json()) as Json;
			return project.status === 'complete' ? project : undefined;
		},
		60_000,
		100,
	);
	return { projectId: id, body: JSON.stringify({ type: 'image.completed', payload }) };
}

export function signedHeaders(
	secret: string,
	body: string,
	timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
	return {
		'magic-hour-event-timestamp': String(timestamp),
		'magic-hour-event-signature': signWebhook(secret, timestamp, body),
	};
}

/** Resident memory of a process, from /proc (KiB → MiB): now and the high-water mark. */
export function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = (name: string) =>
		Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
	return { rssMiB: Math.round(field('VmRSS')), hwmMiB: Math.round(field('VmHWM')) };
}

/** Samples the peak RSS of some processes until stopped. */
export function sampleMemory(pids: number[], everyMs = 50): { stop: () => Record<number, number> } {
	const peaks: Record<number, number> = Object.fromEntries(pids.map((pid) => [pid, 0]));
	const timer = setInterval(() => {
		for (const pid of pids) {
			try {
				peaks[pid] = Math.max(peaks[pid], memoryOf(pid).rssMiB);
			} catch {
				// exited
			}
		}
	}, everyMs);
	return {
		stop: () => {
			clearInterval(timer);
			return peaks;
		},
	};
}

/** Measurements of `npm run test:queue`, for the report (git-ignored). */
export const RESULTS_FILE = join(REPO_ROOT, '.n8n-queue', 'results.json');

export function recordResult(key: string, value: unknown): void {
	mkdirSync(join(REPO_ROOT, '.n8n-queue'), { recursive: true });
	const all = existsSync(RESULTS_FILE)
		? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>)
		: {};
	all[key] = { ...(value as object), at: new Date().toISOString() };
	writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
	process.stderr.write(`[queue result] ${key}: ${JSON.stringify(value)}\n`);
}

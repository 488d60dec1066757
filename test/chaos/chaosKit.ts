/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Shared machinery of the chaos suite: secrets worth leaking, the emulator, a runner that
 * executes real nodes in n8n-core's ExecuteContext (with client timeouts shortened, see
 * TIMEOUT_CAP_MS), the per-scenario checks (one result per item, no duplicate job, no corrupt
 * binary, no leak) and the summary table.
 */
import { randomBytes } from 'node:crypto';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { start, type Emulator, type EmulatorExtras, type RequestLogEntry } from '../../emulator';
import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { binaryKeyFor } from '../../nodes/shared/engine/downloads';
import { executeNode, readBinary } from '../harness/executeNode';

// ------------------------------------------------------------------ secrets

/** Long, unique, random: if any of these shows up anywhere, it leaked. */
export const SECRETS = {
	apiKey: `mhk_live_${randomBytes(32).toString('hex')}`,
	webhookSecret: `whsec_${randomBytes(32).toString('base64url')}`,
	/** A key the user mistyped: refused by the API, and must not be echoed either. */
	wrongApiKey: `mhk_live_${randomBytes(32).toString('hex')}`,
} as const;

type SecretName = keyof typeof SECRETS;

/** Every form a secret could leak in: as is, base64, URL-encoded, or any 16-character piece of it. */
const needles: Array<{ secret: SecretName; needle: string }> = (
	Object.entries(SECRETS) as Array<[SecretName, string]>
).flatMap(([secret, value]) => {
	const forms = new Set([value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]);
	const body = value.slice(value.indexOf('_', 5) + 1);
	for (let i = 0; i + 16 <= body.length; i += 4) forms.add(body.slice(i, i + 16));
	return [...forms].map((needle) => ({ secret, needle }));
});

export function leaksIn(text: string): SecretName[] {
	const found = new Set<SecretName>();
	for (const { secret, needle } of needles) if (text.includes(needle)) found.add(secret);
	return [...found];
}

// ------------------------------------------------------------------ everything the suite produced

/** Texts the suite produced (outputs, errors, logs, responses), per scenario. */
export const corpus: Array<{ scenario: string; label: string; text: string }> = [];

/** Serializes anything (errors with all their own fields, causes, contexts) for the leak scan. */
export function deepText(value: unknown): string {
	const seen = new WeakSet<object>();
	const walk = (v: unknown, depth: number): unknown => {
		if (v === null || v === undefined) return v;
		if (typeof v === 'bigint') return String(v);
		if (typeof v === 'function') return undefined;
		if (typeof v !== 'object') return v;
		if (Buffer.isBuffer(v)) return `<${v.length} bytes>`;
		if (seen.has(v) || depth > 12) return '[seen]';
		seen.add(v);
		if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
		const out: Record<string, unknown> = {};
		const keys = new Set([...Object.getOwnPropertyNames(v), ...Object.keys(v)]);
		if (v instanceof Error)
			for (const key of ['message', 'stack', 'description', 'cause', 'context']) keys.add(key);
		for (const key of keys) {
			try {
				out[key] = walk((v as Record<string, unknown>)[key], depth + 1);
			} catch {
				out[key] = '[unreadable]';
			}
		}
		return out;
	};
	return JSON.stringify(walk(value, 0)) ?? '';
}

let currentScenario = '(setup)';
export function record(label: string, value: unknown): void {
	corpus.push({
		scenario: currentScenario,
		label,
		text: typeof value === 'string' ? value : deepText(value),
	});
}

/** Everything n8n logs through its logger proxy, and everything written to the console, is captured too. */
export function captureProcessOutput(): () => void {
	LoggerProxy.init({
		error: (m: string, meta?: object) => record('n8n log', `${m} ${deepText(meta)}`),
		warn: (m: string, meta?: object) => record('n8n log', `${m} ${deepText(meta)}`),
		info: (m: string, meta?: object) => record('n8n log', `${m} ${deepText(meta)}`),
		debug: (m: string, meta?: object) => record('n8n log', `${m} ${deepText(meta)}`),
	} as never);
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const originals = methods.map((name) => console[name]);
	methods.forEach((name, i) => {
		console[name] = (...args: unknown[]) => {
			record(`console.${name}`, args);
			originals[i].apply(console, args);
		};
	});
	const stdoutWrite = process.stdout.write.bind(process.stdout);
	const stderrWrite = process.stderr.write.bind(process.stderr);
	process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
		record('stdout', String(chunk));
		return (stdoutWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof process.stdout.write;
	process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
		record('stderr', String(chunk));
		return (stderrWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof process.stderr.write;
	return () => {
		methods.forEach((name, i) => (console[name] = originals[i]));
		process.stdout.write = stdoutWrite;
		process.stderr.write = stderrWrite;
	};
}

// ------------------------------------------------------------------ summary

export interface Row {
	scenario: string;
	itemsIn: number;
	itemsOut: number;
	errors: number;
	duplicates: number;
	leaks: number;
	/** Jobs the emulator created (tools) or executions started (trigger). */
	jobs: number | string;
	/** Binaries whose bytes differ from what the emulator serves. */
	corrupt: number | string;
}

export const rows: Row[] = [];

export function scenario(name: string): void {
	currentScenario = name;
}

export function leaksOf(name: string): number {
	return corpus
		.filter((entry) => entry.scenario === name)
		.reduce((n, entry) => n + leaksIn(entry.text).length, 0);
}

export function addRow(row: Omit<Row, 'leaks'>): Row {
	const full = { ...row, leaks: leaksOf(row.scenario) };
	rows.push(full);
	return full;
}

export function summaryTable(): string {
	const header = [
		'Scenario',
		'Items in',
		'Items out',
		'Errors',
		'Duplicates',
		'Leaks',
		'Jobs / executions',
		'Corrupt binaries',
	];
	const lines = [
		`| ${header.join(' | ')} |`,
		`|${header.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
		...rows.map(
			(r) =>
				`| ${r.scenario} | ${r.itemsIn} | ${r.itemsOut} | ${r.errors} | ${r.duplicates} | ${r.leaks} | ${r.jobs} | ${r.corrupt} |`,
		),
	];
	const total = rows.reduce(
		(t, r) => ({
			itemsIn: t.itemsIn + r.itemsIn,
			itemsOut: t.itemsOut + r.itemsOut,
			errors: t.errors + r.errors,
			duplicates: t.duplicates + r.duplicates,
			leaks: t.leaks + r.leaks,
			corrupt: t.corrupt + (typeof r.corrupt === 'number' ? r.corrupt : 0),
		}),
		{ itemsIn: 0, itemsOut: 0, errors: 0, duplicates: 0, leaks: 0, corrupt: 0 },
	);
	lines.push(
		`| **Total (${rows.length} scenarios)** | ${total.itemsIn} | ${total.itemsOut} | ${total.errors} | ${total.duplicates} | ${total.leaks} | | ${total.corrupt} |`,
	);
	return lines.join('\n');
}

// ------------------------------------------------------------------ emulator

export type Emu = Emulator & EmulatorExtras;

export const ENDPOINTS = {
	aiImageGenerator: '/v1/ai-image-generator',
	faceSwapPhoto: '/v1/face-swap-photo',
	aiVoiceGenerator: '/v1/ai-voice-generator',
	textToVideo: '/v1/text-to-video',
} as const;

/** Real ms a job takes: long enough for a few status checks, short enough for a fast suite. */
export const JOB_MS = 250;

export async function startEmulator(): Promise<Emu> {
	return await start({
		speed: 1000,
		quiet: true,
		tier: 'business',
		credits: 10_000_000,
		apiKey: SECRETS.apiKey,
	});
}

export function resetEmulator(emu: Emu): void {
	emu.reset();
	for (const endpoint of Object.values(ENDPOINTS)) emu.jobs.setDurationMs(endpoint, JOB_MS);
}

export function credentials(
	emu: Emu,
	apiKey: string = SECRETS.apiKey,
): ICredentialDataDecryptedObject {
	return {
		apiKey,
		environment: 'custom',
		baseUrl: emu.baseUrl,
		webhookSecret: SECRETS.webhookSecret,
	};
}

/** Calls the emulator's API the way a user's other tools would (the key stays in this process). */
export async function api(
	emu: Emu,
	method: string,
	path: string,
): Promise<{ status: number; body: IDataObject }> {
	const response = await fetch(`${emu.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${SECRETS.apiKey}` },
	});
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : {}) as IDataObject };
}

/** Every project the emulator holds (its control endpoint), with the job name the node sent. */
/** Fault rules not used up yet. */
export async function leftoverFaults(
	emu: Emu,
): Promise<Array<{ match: string; remaining: number }>> {
	const response = await fetch(`${emu.baseUrl}/__emulator/state`);
	return ((await response.json()) as { faults: Array<{ match: string; remaining: number }> })
		.faults;
}

export async function projects(
	emu: Emu,
): Promise<Array<{ id: string; name: string; endpoint: string; deleted: boolean }>> {
	const response = await fetch(`${emu.baseUrl}/__emulator/state`);
	const state = (await response.json()) as { projects: Array<{ id: string }> };
	return state.projects.map(({ id }) => {
		const project = emu.getProject(id)!;
		return { id, name: project.name, endpoint: project.endpoint, deleted: project.deleted };
	});
}

/**
 * Calls `handler` synchronously for every request the emulator logs (while it handles the
 * request, before it answers), so whatever the handler arranges is in place before the node
 * can send its next request. Stops with the returned function (or the next emulator reset).
 */
export function onEachRequest(emu: Emu, handler: (entry: RequestLogEntry) => void): () => void {
	let active = true;
	const log = emu.log;
	const push = log.push;
	log.push = function (this: RequestLogEntry[], ...entries: RequestLogEntry[]) {
		const length = push.apply(this, entries);
		if (active) entries.forEach(handler);
		return length;
	};
	return () => {
		active = false;
	};
}

/** Calls `handler` once per project, at the node's first status request for it. */
export function onEachPolledProject(
	emu: Emu,
	handler: (id: string, kind: string) => void,
): () => void {
	const seen = new Set<string>();
	return onEachRequest(emu, (entry) => {
		const match = /^\/v1\/(image|video|audio)-projects\/([^/]+)$/.exec(entry.path);
		if (entry.method === 'GET' && match && !seen.has(match[2])) {
			seen.add(match[2]);
			handler(match[2], match[1]);
		}
	});
}

// ------------------------------------------------------------------ running nodes

export const NODES: Record<
	'image' | 'video' | 'audio' | 'utility',
	INodeType | IVersionedNodeType
> = {
	image: new MagicHourImage(),
	video: new MagicHourVideo(),
	audio: new MagicHourAudio(),
	utility: new MagicHour(),
};

/**
 * Every client-side timeout is cut to this (the node's 60 s request timeout and 5 min download
 * idle timeout), the way the emulator's `speed` shortens jobs: "slower than the timeout" then
 * costs seconds, not minutes. Nothing else about n8n's HTTP client changes.
 */
export const TIMEOUT_CAP_MS = 2_000;
/** A response slower than the (capped) timeout. */
export const SLOWER_THAN_TIMEOUT_MS = 4_500;

function capTimeouts(ctx: IExecuteFunctions): void {
	const helpers = ctx.helpers as unknown as Record<
		string,
		(...args: unknown[]) => Promise<unknown>
	>;
	const cap = (options: IHttpRequestOptions): IHttpRequestOptions => ({
		...options,
		timeout: Math.min(options.timeout ?? TIMEOUT_CAP_MS, TIMEOUT_CAP_MS),
	});
	const httpRequest = helpers.httpRequest;
	helpers.httpRequest = async function (this: unknown, options: unknown, ...rest: unknown[]) {
		return await httpRequest.call(this, cap(options as IHttpRequestOptions), ...rest);
	};
	const withAuth = helpers.httpRequestWithAuthentication;
	helpers.httpRequestWithAuthentication = async function (
		this: unknown,
		type: unknown,
		options: unknown,
		...rest: unknown[]
	) {
		return await withAuth.call(this, type, cap(options as IHttpRequestOptions), ...rest);
	};
}

/** Execution settings every scenario uses: fixed fast polling. */
export const FAST_SETTINGS = { pollingMode: 'fixed', pollIntervalSeconds: 0.05 };
/** Options every tool scenario uses: the item's tag as job name. */
export const RUN_OPTIONS = { jobName: '={{ $json.tag }}' };

export interface NodeRun {
	output: INodeExecutionData[];
	thrown?: Error;
	logs: string[];
	ms: number;
}

export async function runNode(
	emu: Emu,
	node: keyof typeof NODES,
	parameters: INodeParameters,
	items: INodeExecutionData[],
	{
		continueOnFail = true,
		apiKey = SECRETS.apiKey,
	}: { continueOnFail?: boolean; apiKey?: string } = {},
): Promise<NodeRun> {
	const started = Date.now();
	let logs: string[] = [];
	try {
		const result = await executeNode({
			nodeType: NODES[node],
			parameters,
			items,
			credentials: credentials(emu, apiKey),
			continueOnFail,
			onContext: (ctx, captured) => {
				logs = captured;
				capTimeouts(ctx);
			},
		});
		record('output', result.output);
		record('node logs', logs);
		return { output: result.output[0] ?? [], logs, ms: Date.now() - started };
	} catch (error) {
		record('thrown', error);
		record('node logs', logs);
		return { output: [], thrown: error as Error, logs, ms: Date.now() - started };
	}
}

export function tagged(
	prefix: string,
	count: number,
	extra: (i: number) => Partial<INodeExecutionData> = () => ({}),
) {
	return Array.from(
		{ length: count },
		(_, i) => ({ json: { tag: `${prefix}-${i}` }, ...extra(i) }) as INodeExecutionData,
	);
}

// ------------------------------------------------------------------ checks

/** File signatures of what the emulator generates, by MIME type. */
function signatureMatches(mime: string, bytes: Buffer): boolean {
	const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
	switch (mime) {
		case 'image/png':
			return bytes
				.subarray(0, 8)
				.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		case 'image/jpeg':
			return (
				bytes[0] === 0xff &&
				bytes[1] === 0xd8 &&
				bytes[bytes.length - 2] === 0xff &&
				bytes[bytes.length - 1] === 0xd9
			);
		case 'image/gif':
			return /^GIF8[79]a$/.test(ascii(0, 6)) && bytes[bytes.length - 1] === 0x3b;
		case 'image/webp':
			return (
				ascii(0, 4) === 'RIFF' &&
				ascii(8, 12) === 'WEBP' &&
				bytes.readUInt32LE(4) + 8 === bytes.length
			);
		case 'video/mp4':
		case 'video/quicktime':
			return ascii(4, 8) === 'ftyp';
		case 'video/webm':
			return bytes.readUInt32BE(0) === 0x1a45dfa3;
		case 'audio/mpeg':
			return ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0);
		case 'audio/wav':
		case 'audio/x-wav':
			return (
				ascii(0, 4) === 'RIFF' &&
				ascii(8, 12) === 'WAVE' &&
				bytes.readUInt32LE(4) + 8 === bytes.length
			);
		default:
			return bytes.length > 0;
	}
}

/**
 * Checks one emitted item's binaries against the emulator: one binary per output, each
 * byte-for-byte what the emulator serves for that output (fresh download), with a matching
 * Content-Length and file signature. Returns the number of corrupt or missing binaries.
 */
export async function corruptBinaries(
	emu: Emu,
	item: INodeExecutionData,
	kind: string,
	id: string,
	prefix = 'data',
): Promise<string[]> {
	const detail = await api(emu, 'GET', `/v1/${kind}-projects/${id}`);
	const downloads = (detail.body.downloads ?? []) as Array<{ url: string }>;
	const binaries = item.binary ?? {};
	const problems: string[] = [];
	if (Object.keys(binaries).length !== downloads.length) {
		problems.push(
			`${id}: ${Object.keys(binaries).length} binaries for ${downloads.length} outputs`,
		);
	}
	for (let index = 0; index < downloads.length; index++) {
		const key = binaryKeyFor(prefix, index);
		const binary: IBinaryData | undefined = binaries[key];
		if (!binary) {
			problems.push(`${id}: no binary "${key}"`);
			continue;
		}
		const emitted = await readBinary(binary);
		const response = await fetch(downloads[index].url);
		const served = Buffer.from(await response.arrayBuffer());
		const length = Number(response.headers.get('content-length'));
		const checks: Record<string, boolean> = {
			'served 200': response.status === 200,
			'length = Content-Length': emitted.length === length,
			'bytes = served bytes': emitted.equals(served),
			'metadata size': binary.bytes === emitted.length,
			'MIME type': binary.mimeType === response.headers.get('content-type')?.split(';')[0],
			'file signature': signatureMatches(binary.mimeType, emitted),
		};
		const failed = Object.entries(checks)
			.filter(([, ok]) => !ok)
			.map(([name]) => name);
		if (failed.length) {
			problems.push(
				`${id} ${key}: ${failed.join(', ')} (emitted ${emitted.length} bytes, served ${served.length}, Content-Length ${length})`,
			);
		}
	}
	return problems;
}

export interface Outcome {
	row: Row;
	ok: INodeExecutionData[];
	errors: INodeExecutionData[];
	/** Emulator projects by tag (job name). */
	byTag: Map<string, Array<{ id: string; deleted: boolean }>>;
	byIndex: Array<{ item: INodeExecutionData; ok: boolean }>;
}

/**
 * The rule of every scenario: each input item ends as exactly one output item or one error
 * item (in input order, paired to its input), no tag got two jobs, every emitted binary is
 * intact, every error item says what happened and carries the project ID when the node knew it.
 */
export async function settle(
	emu: Emu,
	name: string,
	run: NodeRun,
	items: INodeExecutionData[],
	{ kind, endpoint }: { kind: string; endpoint?: string },
): Promise<Outcome> {
	if (run.thrown) throw run.thrown;
	expect(run.output).toHaveLength(items.length);
	expect(run.output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));

	const all = await projects(emu);
	const byTag = new Map<string, Array<{ id: string; deleted: boolean }>>();
	for (const project of all) {
		if (endpoint && project.endpoint !== endpoint) continue;
		byTag.set(project.name, [
			...(byTag.get(project.name) ?? []),
			{ id: project.id, deleted: project.deleted },
		]);
	}
	const tags = new Set(items.map((item) => String(item.json.tag)));
	const strangers = [...byTag.keys()].filter((tag) => !tags.has(tag));
	expect(strangers).toEqual([]);
	const duplicates = [...byTag.values()].reduce((n, list) => n + Math.max(0, list.length - 1), 0);

	const byIndex = run.output.map((item) => ({ item, ok: typeof item.json.error !== 'string' }));
	const problems: string[] = [];
	for (const [index, { item, ok }] of byIndex.entries()) {
		const tag = String(items[index].json.tag);
		const jobs = byTag.get(tag) ?? [];
		if (ok) {
			expect(item.json.status).toBe('complete');
			expect(jobs.map((job) => job.id)).toEqual([item.json.id]);
			problems.push(...(await corruptBinaries(emu, item, kind, String(item.json.id))));
		} else {
			expect(String(item.json.error).length).toBeGreaterThan(10);
			expect(item.binary).toBeUndefined();
			if (item.json.id !== null && item.json.id !== undefined)
				expect(jobs.map((job) => job.id)).toContain(item.json.id);
		}
	}
	const ok = byIndex.filter((entry) => entry.ok).map((entry) => entry.item);
	const errors = byIndex.filter((entry) => !entry.ok).map((entry) => entry.item);
	const row = addRow({
		scenario: name,
		itemsIn: items.length,
		itemsOut: ok.length,
		errors: errors.length,
		duplicates,
		jobs: [...byTag.values()].reduce((n, list) => n + list.length, 0),
		corrupt: problems.length,
	});
	expect(row.itemsOut + row.errors).toBe(row.itemsIn);
	expect(row.duplicates).toBe(0);
	expect(problems).toEqual([]);
	expect(row.leaks).toBe(0);
	return { row, ok, errors, byTag, byIndex };
}

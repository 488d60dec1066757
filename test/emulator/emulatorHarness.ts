/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/** Shared helpers for the emulator server tests. */
import http from 'node:http';
import { start, type EmulatorExtras } from '../../emulator';
import type { Emulator, EmulatorOptions } from '../../emulator/types';

export type TestEmulator = Emulator & EmulatorExtras;

/** A quiet emulator where a 20 s median job takes 20 ms. */
export function startFast(options: EmulatorOptions = {}): Promise<TestEmulator> {
	return start({ speed: 1000, quiet: true, ...options });
}

export interface ApiResponse {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	text: string;
}

export async function call(
	emu: Emulator,
	method: string,
	path: string,
	options: {
		body?: unknown;
		rawBody?: string;
		apiKey?: string | null;
		headers?: Record<string, string>;
		signal?: AbortSignal;
	} = {},
): Promise<ApiResponse> {
	const headers: Record<string, string> = { ...options.headers };
	const key = options.apiKey === undefined ? emu.apiKey : options.apiKey;
	if (key !== null) headers.authorization = `Bearer ${key}`;
	let body: string | undefined;
	if (options.rawBody !== undefined) body = options.rawBody;
	else if (options.body !== undefined) body = JSON.stringify(options.body);
	if (body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(emu.baseUrl + path, { method, headers, body, signal: options.signal });
	const text = await res.text();
	let parsed: unknown;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = undefined;
	}
	return { status: res.status, headers: res.headers, body: parsed, text };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a project until its status is one of `statuses`. */
export async function waitForStatus(
	emu: Emulator,
	kind: 'image' | 'video' | 'audio',
	id: string,
	statuses: string[] = ['complete', 'error', 'canceled'],
	timeoutMs = 5000,
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const res = await call(emu, 'GET', `/v1/${kind}-projects/${id}`);
		if (res.status !== 200) throw new Error(`GET project answered ${res.status}: ${res.text}`);
		if (statuses.includes(res.body.status)) return res.body;
		if (Date.now() > deadline)
			throw new Error(`project ${id} still ${res.body.status} after ${timeoutMs} ms`);
		await sleep(5);
	}
}

/** Waits until `predicate` holds (for timer-driven effects such as webhooks). */
export async function eventually(
	predicate: () => boolean,
	timeoutMs = 5000,
	what = 'condition',
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(5);
	}
}

/** GET with node:http, collecting up to `keep` leading bytes and counting the rest. */
export function rawGet(
	url: string,
	keep = 64,
): Promise<{
	status: number;
	headers: http.IncomingHttpHeaders;
	head: Buffer;
	received: number;
	error?: Error;
}> {
	return new Promise((resolve, reject) => {
		const req = http.get(url, { agent: false }, (res) => {
			const parts: Buffer[] = [];
			let kept = 0;
			let received = 0;
			let finished = false;
			const finish = (error?: Error) => {
				if (finished) return;
				finished = true;
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					head: Buffer.concat(parts),
					received,
					error,
				});
			};
			res.on('data', (chunk: Buffer) => {
				received += chunk.length;
				if (kept < keep) {
					parts.push(chunk.subarray(0, keep - kept));
					kept += Math.min(chunk.length, keep - kept);
				}
			});
			res.on('end', () => finish(res.complete ? undefined : new Error('incomplete body')));
			res.on('aborted', () => finish(new Error('aborted')));
			res.on('error', (e) => finish(e));
			res.on('close', () =>
				finish(
					res.complete ? undefined : new Error('connection closed before the body was complete'),
				),
			);
		});
		req.on('error', reject);
	});
}

export const bodies = {
	image: { image_count: 1, style: { prompt: 'a lighthouse at dusk' } },
	video: { end_seconds: 5, style: { prompt: 'waves rolling onto a beach' } },
	audio: { style: { prompt: 'Hello from the emulator', voice_name: 'Elon Musk' } },
};

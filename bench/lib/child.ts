/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Each benchmark phase runs in a child process of its own (`node -r ts-node/register/transpile-only`),
 * so memory peaks and loaded modules never leak from one phase to the next.
 * The parent passes a JSON config in BENCH_CONFIG; the child writes its JSON result to BENCH_OUT.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BENCH_DIR = resolve(__dirname, '..');
export const TMP_DIR = join(BENCH_DIR, 'tmp');

export interface ChildOptions {
	/** Extra node flags, e.g. --max-old-space-size. */
	nodeFlags?: string[];
	/** Prefix of the child's log lines. */
	label?: string;
}

let counter = 0;

export async function runChild<T>(
	script: string,
	config: unknown,
	options: ChildOptions = {},
): Promise<T> {
	mkdirSync(TMP_DIR, { recursive: true });
	const id = `${process.pid}-${++counter}`;
	const out = join(TMP_DIR, `result-${id}.json`);
	const userFolder = join(TMP_DIR, `n8n-${id}`);
	mkdirSync(userFolder, { recursive: true });
	const args = [
		...(options.nodeFlags ?? []),
		'-r',
		require.resolve('ts-node/register/transpile-only'),
		'-r',
		join(__dirname, 'tsFirst.ts'),
		join(BENCH_DIR, script),
	];
	const label = options.label ?? script;
	try {
		await new Promise<void>((resolvePromise, reject) => {
			const child = spawn(process.execPath, args, {
				cwd: resolve(BENCH_DIR, '..'),
				env: {
					...process.env,
					BENCH_CONFIG: JSON.stringify(config),
					BENCH_OUT: out,
					N8N_USER_FOLDER: userFolder,
					N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
					TS_NODE_TRANSPILE_ONLY: 'true',
				},
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			const forward = (stream: NodeJS.ReadableStream, target: NodeJS.WritableStream) => {
				let rest = '';
				stream.on('data', (chunk: Buffer) => {
					const lines = (rest + chunk.toString('utf8')).split('\n');
					rest = lines.pop() ?? '';
					for (const line of lines) target.write(`  [${label}] ${line}\n`);
				});
				stream.on('end', () => rest && target.write(`  [${label}] ${rest}\n`));
			};
			forward(child.stdout, process.stdout);
			forward(child.stderr, process.stderr);
			child.on('error', reject);
			child.on('exit', (code, signal) =>
				code === 0 ? resolvePromise() : reject(new Error(`${label} exited with ${signal ?? code}`)),
			);
		});
		return JSON.parse(readFileSync(out, 'utf8')) as T;
	} finally {
		rmSync(out, { force: true });
		rmSync(userFolder, { recursive: true, force: true });
	}
}

/** Child side: runs `main` with the parent's config, writes the result and exits. */
export function childMain<C, R>(main: (config: C) => Promise<R>): void {
	const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as C;
	main(config).then(
		(result) => {
			writeFileSync(process.env.BENCH_OUT ?? join(TMP_DIR, 'result.json'), JSON.stringify(result));
			process.exit(0);
		},
		(error: unknown) => {
			process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
			process.exit(1);
		},
	);
}

export function log(message: string): void {
	process.stdout.write(`${message}\n`);
}

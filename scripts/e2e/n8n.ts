/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Drives a real n8n (installed by scripts/install-n8n.sh) with this package loaded as a
 * community node, for `npm run demo`, `npm run test:e2e` and `npm run screenshots`.
 *
 *   const n8n = await N8nInstance.create();          // fresh user folder, package installed
 *   await n8n.importCredentials([emulatorCredential(emu)]);
 *   await n8n.importWorkflows(loadExamples());
 *   const run = await n8n.execute('mhExampleImage01');  // `n8n execute --id --rawOutput`
 *   run.output('Save Image')                            // items of a node
 *   const server = await n8n.start();                   // `n8n start` on a free port
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const PACKAGE_NAME = 'n8n-nodes-magic-hour';

/** The folder the example workflows read from and write to: n8n's default allowed folder
 * (`~/.n8n-files`, N8N_RESTRICT_FILE_ACCESS_TO) in the official Docker image. The runner points
 * it at a folder of its own instance. */
export const EXAMPLE_FILES_DIR = '/home/node/.n8n-files/magic-hour';

/** The credential the examples reference (by id and name). */
export const EXAMPLE_CREDENTIAL = { id: 'mhCredEmulator01', name: 'Magic Hour account' } as const;

export interface N8nInstall {
	node: string;
	n8n: string;
	appDir: string;
	/** From the cache's installed.json marker. */
	versions: { node: string; n8n: string };
}

const installs = new Map<string, N8nInstall>();

/**
 * Runs scripts/install-n8n.sh (a no-op when cached) for an n8n version (default: MH_N8N_VERSION,
 * else the pinned one) and returns the paths it prints.
 */
export function ensureN8nInstalled(
	options: { version?: string; log?: (line: string) => void } = {},
): N8nInstall {
	const version = options.version ?? process.env.MH_N8N_VERSION ?? '';
	const cached = installs.get(version);
	if (cached) return cached;
	const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const started = Date.now();
	let stdout: string;
	try {
		stdout = execFileSync(
			'bash',
			[join(REPO_ROOT, 'scripts', 'install-n8n.sh'), ...(version ? [version] : [])],
			{
				cwd: REPO_ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'inherit'],
				maxBuffer: 16 * 1024 * 1024,
			},
		);
	} catch (error) {
		throw new Error(`scripts/install-n8n.sh ${version} failed: ${(error as Error).message}`);
	}
	const lines = stdout.trim().split('\n');
	const [node, n8n] = lines.slice(-2);
	if (!node || !n8n || !existsSync(node) || !existsSync(n8n)) {
		throw new Error(`scripts/install-n8n.sh did not print the node and n8n paths:\n${stdout}`);
	}
	const seconds = (Date.now() - started) / 1000;
	if (seconds > 5) log(`n8n installed in ${seconds.toFixed(0)} s`);
	const appDir = resolve(dirname(n8n), '..', '..', '..');
	const versions = JSON.parse(
		readFileSync(join(dirname(appDir), 'installed.json'), 'utf8'),
	) as N8nInstall['versions'];
	const found = { node, n8n, appDir, versions };
	installs.set(version, found);
	return found;
}

/** The major version of an installed n8n (1 or 2): a few CLI commands differ between them. */
export function majorOf(install: N8nInstall): number {
	return Number(install.versions.n8n.split('.')[0]);
}

/**
 * The version of a module as a community node resolves it inside this n8n: n8n puts the module
 * paths of its own code on NODE_PATH before it loads community packages, so a node's
 * `require('zod')` finds n8n's copy. Undefined when n8n provides none.
 */
export function providedByN8n(install: N8nInstall, moduleName: string): string | undefined {
	const script = `
		const Module = require('node:module');
		const paths = Module._nodeModulePaths(require('node:path').join(process.argv[1], 'dist'));
		try {
			const file = require.resolve(process.argv[2] + '/package.json', { paths });
			process.stdout.write(require(file).version);
		} catch {}`;
	const out = execFileSync(
		install.node,
		['-e', script, join(install.appDir, 'node_modules', 'n8n'), moduleName],
		{ encoding: 'utf8', cwd: tmpdir() },
	);
	return out || undefined;
}

function newestMtime(dir: string, accept: (name: string) => boolean): number {
	if (!existsSync(dir)) return 0;
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, accept));
		else if (accept(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

/** Runs `npm run build` when dist/ is missing or older than a source file. Returns whether it built. */
export function ensureBuilt(options: { log?: (line: string) => void } = {}): boolean {
	const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const built = newestMtime(join(REPO_ROOT, 'dist'), (name) => name.endsWith('.js'));
	const sources = Math.max(
		...['nodes', 'credentials', 'icons'].map((dir) =>
			newestMtime(join(REPO_ROOT, dir), (name) => /\.(ts|json|svg|png)$/.test(name)),
		),
		statSync(join(REPO_ROOT, 'package.json')).mtimeMs,
	);
	if (built >= sources && existsSync(join(REPO_ROOT, 'dist', 'nodes'))) return false;
	log(built ? 'dist/ is older than the sources: npm run build' : 'dist/ is missing: npm run build');
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	return true;
}

/** What n8n's installer runs `npm install` with, inside the package folder (1.123.x and 2.40.x). */
export const N8N_INSTALL_FLAGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

/**
 * Installs the built package into an n8n nodes folder (`~/.n8n/nodes`) the way n8n's Community
 * Nodes installer does (CommunityPackagesService.downloadPackage, the same steps in 1.123.x and
 * 2.40.x): the `npm pack` tarball lands in the nodes folder and is extracted into
 * node_modules/<name>; its package.json loses devDependencies, peerDependencies and
 * optionalDependencies; `npm install` runs there with n8n's flags; the nodes folder's
 * package.json records the version; the tarball is deleted. Only the source of the tarball
 * differs: n8n packs from the registry, this packs the working tree.
 */
export function installPackageInto(nodesDir: string, options: { npmPath?: string } = {}): string {
	if (
		!existsSync(join(REPO_ROOT, 'dist', 'package.json')) &&
		!existsSync(join(REPO_ROOT, 'dist', 'nodes'))
	) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	mkdirSync(nodesDir, { recursive: true });
	const ledger = join(nodesDir, 'package.json');
	if (!existsSync(ledger)) {
		writeFileSync(
			ledger,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
	const npmEnv: NodeJS.ProcessEnv = { ...process.env, PATH: options.npmPath ?? process.env.PATH };
	for (const key of Object.keys(npmEnv)) if (key.startsWith('npm_')) delete npmEnv[key];
	const out = execFileSync(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', nodesDir, '--loglevel=error'],
		{ cwd: REPO_ROOT, encoding: 'utf8', env: npmEnv },
	);
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	const tarball = join(nodesDir, filename);
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
	try {
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', filename, '-C', target, '--strip-components=1'], {
			cwd: nodesDir,
		});
		const manifestPath = join(target, 'package.json');
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
		for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
			delete manifest[key];
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		execFileSync('npm', ['install', ...N8N_INSTALL_FLAGS, '--loglevel=error'], {
			cwd: target,
			env: npmEnv,
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		const installed = JSON.parse(readFileSync(ledger, 'utf8')) as {
			dependencies: Record<string, string>;
		};
		installed.dependencies[PACKAGE_NAME] = String(manifest.version);
		writeFileSync(ledger, JSON.stringify(installed, null, 2));
		return target;
	} finally {
		rmSync(tarball, { force: true });
	}
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

export interface CredentialSpec {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** Credentials "Magic Hour API" pointing at an emulator (Environment = Custom Base URL). */
export function emulatorCredential(
	emulator: { baseUrl: string; apiKey: string },
	webhookSecret = 'whsec_e2e_local_secret',
): CredentialSpec {
	return {
		...EXAMPLE_CREDENTIAL,
		type: 'magicHourCommunityApi',
		data: {
			apiKey: emulator.apiKey,
			environment: 'custom',
			baseUrl: emulator.baseUrl,
			webhookSecret,
		},
	};
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface WorkflowFile {
	file: string;
	workflow: Json;
}

/** Every workflow in examples/*.json. */
export function loadExamples(dir = EXAMPLES_DIR): WorkflowFile[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({
			file: join(dir, name),
			workflow: JSON.parse(readFileSync(join(dir, name), 'utf8')),
		}));
}

export interface NodeItem {
	json: Json;
	binary?: Record<
		string,
		{
			mimeType: string;
			fileName?: string;
			fileExtension?: string;
			fileSize?: string;
			bytes?: number;
			id?: string;
			data?: string;
		}
	>;
	pairedItem?: { item: number; input?: number } | Array<{ item: number; input?: number }>;
	error?: Json;
}

/** The result of one workflow execution (n8n's IRun). */
export class ExecutionResult {
	constructor(
		readonly run: Json,
		readonly ms: number,
	) {}

	get status(): string {
		return this.run.status;
	}

	get error(): Json {
		return this.run.data?.resultData?.error;
	}

	get runData(): Record<string, Json[]> {
		return this.run.data?.resultData?.runData ?? {};
	}

	/** Output items of a node's last run (first output unless told). */
	output(nodeName: string, outputIndex = 0): NodeItem[] {
		const runs = this.runData[nodeName];
		if (!runs?.length)
			throw new Error(
				`Node "${nodeName}" did not run (ran: ${Object.keys(this.runData).join(', ')})`,
			);
		const last = runs[runs.length - 1];
		if (last.error) throw new Error(`Node "${nodeName}" failed: ${last.error.message}`);
		return (last.data?.main?.[outputIndex] ?? []) as NodeItem[];
	}

	nodeError(nodeName: string): Json {
		const runs = this.runData[nodeName];
		return runs?.[runs.length - 1]?.error;
	}
}

export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

export interface N8nInstanceOptions {
	/** The N8N_USER_FOLDER. Default: a new temporary folder. */
	dir?: string;
	/** Extra environment for every n8n process. */
	env?: NodeJS.ProcessEnv;
	/** Skip installing the package (already there). */
	skipPackage?: boolean;
	/** The n8n version (an install of scripts/install-n8n.sh). Default: MH_N8N_VERSION, else the pinned one. */
	version?: string;
	/** n8n's database as the n8n processes are configured to use it. Default: the SQLite file. */
	database?: (instance: N8nInstance) => N8nDatabase;
}

/** Read access to n8n's own database (SQL with `?` placeholders, quoted camelCase columns). */
export interface N8nDatabase {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
	close?(): Promise<void>;
}

/** The processes this module started, killed (whole process groups) when the test process exits. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** Tracks a child started with `detached: true` (its own process group) until it exits. */
export function trackProcessGroup(child: ChildProcess): void {
	if (child.pid === undefined) return;
	const pid = child.pid;
	liveGroups.add(pid);
	child.once('exit', () => liveGroups.delete(pid));
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', () => {
		for (const group of liveGroups) killGroup(group, 'SIGKILL');
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			for (const group of liveGroups) killGroup(group, 'SIGKILL');
			process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
		});
	}
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs`. Resolves once the leader exited. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 20_000): Promise<void> {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
	killGroup(child.pid, 'SIGTERM');
	const timer = setTimeout(
		() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'),
		graceMs,
	);
	await exited;
	clearTimeout(timer);
	// Children of the leader (n8n's task runners) that outlived it.
	killGroup(child.pid, 'SIGKILL');
}

/** n8n's default database: the SQLite file in the user folder, read with the sqlite3 module n8n ships. */
export function sqliteDatabase(instance: N8nInstance): N8nDatabase {
	return {
		async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
			const script = `
			const sqlite3 = require('sqlite3');
			const [file, sql, params] = JSON.parse(process.argv[1]);
			const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
				if (error) { console.error(error.message); process.exit(1); }
				db.configure('busyTimeout', 5000);
				db.all(sql, params, (err, rows) => {
					if (err) { console.error(err.message); process.exit(1); }
					process.stdout.write(JSON.stringify(rows));
					db.close();
				});
			});`;
			const payload = JSON.stringify([join(instance.n8nFolder, 'database.sqlite'), sql, params]);
			const out = await new Promise<string>((resolveQuery, reject) => {
				execFile(
					instance.install.node,
					['-e', script, payload],
					{
						cwd: join(instance.install.appDir, 'node_modules', 'n8n'),
						encoding: 'utf8',
						maxBuffer: 256 * 1024 * 1024,
					},
					(error, stdout, stderr) =>
						error ? reject(new Error(`${error.message}\n${stderr}`)) : resolveQuery(stdout),
				);
			});
			return JSON.parse(out) as T[];
		},
	};
}

/** Which n8n command a long-running process runs. */
export type N8nProcessKind = 'start' | 'worker' | 'webhook';

export interface SpawnOptions {
	/** The port its HTTP server (editor/webhooks, or a worker's health server) listens on. */
	port?: number;
	args?: string[];
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
	/** A name for logs and errors, e.g. "worker-1". */
	name?: string;
}

/** One n8n user folder (database, settings, installed nodes) and the processes run on it. */
export class N8nInstance {
	readonly filesDir: string;
	readonly logFile: string;
	readonly database: N8nDatabase;
	private readonly servers = new Set<N8nServer>();

	private constructor(
		readonly install: N8nInstall,
		readonly userFolder: string,
		private readonly extraEnv: NodeJS.ProcessEnv,
		database: ((instance: N8nInstance) => N8nDatabase) | undefined,
	) {
		this.filesDir = join(userFolder, 'n8n-files');
		this.logFile = join(userFolder, 'n8n.log');
		mkdirSync(join(this.filesDir, 'magic-hour'), { recursive: true });
		this.database = (database ?? sqliteDatabase)(this);
	}

	static async create(options: N8nInstanceOptions = {}): Promise<N8nInstance> {
		const found = ensureN8nInstalled({ version: options.version });
		const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'mh-n8n-e2e-'));
		mkdirSync(join(dir, '.n8n', 'nodes'), { recursive: true });
		const instance = new N8nInstance(found, dir, options.env ?? {}, options.database);
		if (!options.skipPackage)
			installPackageInto(join(dir, '.n8n', 'nodes'), {
				npmPath: `${dirname(found.node)}:${process.env.PATH ?? ''}`,
			});
		return instance;
	}

	/** Copies examples/files/* (the photos the examples read) into the instance's files folder. */
	copyExampleFiles(): string[] {
		const from = join(EXAMPLES_DIR, 'files');
		return readdirSync(from).map((name) => {
			const to = join(this.filesDir, 'magic-hour', name);
			copyFileSync(join(from, name), to);
			return to;
		});
	}

	get n8nFolder(): string {
		return join(this.userFolder, '.n8n');
	}

	/** Where a path of the examples (EXAMPLE_FILES_DIR/...) lands for this instance. */
	localPath(examplePath: string): string {
		return examplePath.startsWith(EXAMPLE_FILES_DIR)
			? join(this.filesDir, 'magic-hour', examplePath.slice(EXAMPLE_FILES_DIR.length))
			: examplePath;
	}

	/** The environment of every n8n process: quiet, local, files restricted to filesDir. */
	env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		const base: NodeJS.ProcessEnv = {};
		for (const [key, value] of Object.entries(process.env)) {
			// npm's own variables (npm run …) would leak settings such as nodedir into n8n's npm use;
			// jest sets NODE_ENV=test, under which n8n's CLI commands refuse to load nodes and do nothing.
			if (
				key.startsWith('npm_') ||
				key.startsWith('N8N_') ||
				['NODE_OPTIONS', 'NODE_ENV', 'JEST_WORKER_ID'].includes(key)
			)
				continue;
			base[key] = value;
		}
		const env: NodeJS.ProcessEnv = {
			...base,
			// The task runner that runs Code nodes is spawned as `node`: it must be Node 24 too.
			PATH: `${dirname(this.install.node)}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_RESTRICT_FILE_ACCESS_TO: this.filesDir,
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
			N8N_LOG_OUTPUT: 'file',
			N8N_LOG_FILE_LOCATION: this.logFile,
			N8N_LOG_LEVEL: 'info',
			N8N_NO_COLOR: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			DB_SQLITE_POOL_SIZE: '2',
			...this.extraEnv,
			...extra,
		};
		// An extra value of `undefined` removes a default (n8n then applies its own).
		for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
		return env;
	}

	/** Runs one n8n CLI command to its end. */
	async run(
		args: string[],
		options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
	): Promise<RunResult> {
		const started = Date.now();
		// Each n8n process gets its own task-broker port (default 5679), so that runs can overlap.
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...options.env });
		return await new Promise((resolveRun) => {
			execFile(
				this.install.node,
				[this.install.n8n, ...args],
				{
					cwd: this.userFolder,
					env,
					encoding: 'utf8',
					maxBuffer: 256 * 1024 * 1024,
					timeout: options.timeoutMs ?? 5 * 60_000,
					killSignal: 'SIGKILL',
				},
				(error, stdout, stderr) => {
					const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
					resolveRun({ code, stdout, stderr, ms: Date.now() - started });
				},
			);
		});
	}

	private async runOrThrow(
		args: string[],
		options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
	): Promise<RunResult> {
		const result = await this.run(args, options);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}\n--- log\n${this.logTail()}`,
			);
		}
		return result;
	}

	logTail(chars = 4000): string {
		return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').slice(-chars) : '(no log)';
	}

	private writeInput(name: string, data: unknown): string {
		const file = join(this.userFolder, `${name}-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async importCredentials(credentials: CredentialSpec[]): Promise<void> {
		const file = this.writeInput('credentials', credentials);
		try {
			await this.runOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true }); // it holds the API key in clear
		}
	}

	/**
	 * Imports workflows, with the examples' file folder pointed at this instance's.
	 * `activeFromJson` (queue mode only, n8n's `--activeState=fromJson`) publishes those whose
	 * `active` is true in the same command.
	 */
	async importWorkflows(
		workflows: Json[],
		options: { activeFromJson?: boolean } = {},
	): Promise<void> {
		const text = JSON.stringify(workflows)
			.split(EXAMPLE_FILES_DIR)
			.join(join(this.filesDir, 'magic-hour'));
		const file = this.writeInput('workflows', JSON.parse(text));
		await this.runOrThrow([
			'import:workflow',
			`--input=${file}`,
			...(options.activeFromJson ? ['--activeState=fromJson'] : []),
		]);
	}

	/** Makes an imported workflow active (its triggers and webhooks run under `n8n start`). */
	async publish(workflowId: string): Promise<void> {
		// n8n 1.x has no publish:workflow; its update:workflow --active=true activates.
		await this.runOrThrow(
			majorOf(this.install) === 1
				? ['update:workflow', `--id=${workflowId}`, '--active=true']
				: ['publish:workflow', `--id=${workflowId}`],
		);
	}

	/** The node types n8n registered (`n8n export:nodes`), e.g. to see the `…Tool` variants. */
	async nodeTypes(): Promise<Array<{ name: string; version: number | number[] }>> {
		const file = join(this.userFolder, `node-types-${randomBytes(4).toString('hex')}.json`);
		try {
			await this.runOrThrow(['export:nodes', `--output=${file}`]);
			return JSON.parse(readFileSync(file, 'utf8'));
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** `n8n execute --id=… --rawOutput`: runs a workflow that starts with a Manual Trigger. */
	async execute(
		workflowId: string,
		options: { timeoutMs?: number } = {},
	): Promise<ExecutionResult> {
		const result = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		const start = result.stdout.search(/^\{/m);
		if (result.code === 0 && start >= 0) {
			return new ExecutionResult(JSON.parse(result.stdout.slice(start)), result.ms);
		}
		// A failed execution is in the database with its run data.
		const last = await this.latestExecution(workflowId);
		if (last) return new ExecutionResult(last, result.ms);
		throw new Error(
			`n8n execute --id=${workflowId} exited with ${result.code}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}\n--- log\n${this.logTail()}`,
		);
	}

	/** Runs SQL on n8n's database (read-only use; `?` placeholders). */
	async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
		return await this.database.query<T>(sql, params);
	}

	/** Executions of a workflow as the database records them (newest last). */
	async executions(
		workflowId: string,
	): Promise<Array<{ id: string; status: string; mode: string; finished: number }>> {
		return await this.query(
			'SELECT id, status, mode, finished FROM execution_entity WHERE "workflowId" = ? ORDER BY id',
			[workflowId],
		);
	}

	/** One execution with its run data (n8n stores it serialised with `flatted`). */
	async executionData(executionId: string | number): Promise<Json> {
		const rows = await this.query<{ data: string; status: string; mode: string; finished: number }>(
			'SELECT d.data AS data, e.status AS status, e.mode AS mode, e.finished AS finished FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e.id = ?',
			[Number(executionId)],
		);
		if (!rows.length) return undefined;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const flatted = require(join(this.install.appDir, 'node_modules', 'flatted')) as {
			parse(text: string): Json;
		};
		return {
			status: rows[0].status,
			mode: rows[0].mode,
			finished: !!rows[0].finished,
			data: flatted.parse(rows[0].data),
		};
	}

	async latestExecution(workflowId: string): Promise<Json> {
		const all = await this.executions(workflowId).catch(() => []);
		const last = all[all.length - 1];
		return last ? await this.executionData(last.id) : undefined;
	}

	/** `n8n start` on a free port; resolves when the editor and webhooks answer. */
	async start(options: SpawnOptions = {}): Promise<N8nServer> {
		return await this.spawnProcess('start', options);
	}

	/**
	 * A long-running n8n process (`n8n start`, `n8n worker`, `n8n webhook`) in a process group of
	 * its own; resolves when its `/healthz/readiness` answers (a worker's health server, which it
	 * only opens with QUEUE_HEALTH_CHECK_ACTIVE, listens on `port` too).
	 */
	async spawnProcess(kind: N8nProcessKind, options: SpawnOptions = {}): Promise<N8nServer> {
		const port = options.port ?? (await freePort());
		const baseUrl = `http://127.0.0.1:${port}`;
		const name = options.name ?? kind;
		const logFile =
			kind === 'start' && !options.name ? this.logFile : join(this.userFolder, `n8n-${name}.log`);
		const env = this.env({
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_LOG_FILE_LOCATION: logFile,
			...(kind === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: {}),
			...options.env,
		});
		const child = spawn(this.install.node, [this.install.n8n, kind, ...(options.args ?? [])], {
			cwd: this.userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		trackProcessGroup(child);
		const server = new N8nServer(child, baseUrl, port, name, logFile);
		this.servers.add(server);
		child.once('exit', () => this.servers.delete(server));
		try {
			await server.waitReady(options.timeoutMs ?? 180_000);
		} catch (error) {
			await server.stop();
			throw new Error(
				`${(error as Error).message}\n--- output\n${server.output.slice(-4000)}\n--- log\n${server.logTail()}`,
			);
		}
		return server;
	}

	async stopAll(): Promise<void> {
		await Promise.all([...this.servers].map(async (server) => await server.stop()));
	}

	/** Stops its servers and deletes the user folder. */
	async dispose(): Promise<void> {
		await this.stopAll();
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** A running `n8n start`, `n8n worker` or `n8n webhook`. */
export class N8nServer {
	output = '';
	private exited = false;
	private readonly exitPromise: Promise<void>;

	constructor(
		readonly child: ChildProcess,
		readonly baseUrl: string,
		readonly port: number,
		readonly name = 'start',
		readonly logFile?: string,
	) {
		const keep = (chunk: Buffer) => {
			this.output = (this.output + chunk.toString('utf8')).slice(-200_000);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		this.exitPromise = new Promise((resolveExit) =>
			child.once('exit', () => {
				this.exited = true;
				resolveExit();
			}),
		);
	}

	/** The production URL of a webhook node (what n8n shows as "Production URL"). */
	webhookUrl(webhookId: string, path: string): string {
		return `${this.baseUrl}/webhook/${webhookId}/${path}`;
	}

	async waitReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited) throw new Error(`n8n ${this.name} exited with ${this.child.exitCode}`);
			try {
				const res = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (res.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		throw new Error(`n8n ${this.name} did not become ready within ${timeoutMs} ms`);
	}

	/** Its log file (N8N_LOG_OUTPUT=file). */
	log(): string {
		return this.logFile && existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
	}

	logTail(chars = 4000): string {
		return this.log().slice(-chars) || '(no log)';
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get running(): boolean {
		return !this.exited;
	}

	/** Ends the process group at once (a crash, as `kill -9` would). */
	async kill(): Promise<void> {
		if (this.exited || this.child.pid === undefined) return;
		process.kill(-this.child.pid, 'SIGKILL');
		await this.exitPromise;
	}

	/**
	 * Waits until a production webhook answers something other than 404: n8n reports ready before
	 * it has registered the webhooks of active workflows. Posts an empty JSON object (a trigger that
	 * verifies signatures answers it 401 and starts nothing).
	 */
	async waitForWebhook(url: string, timeoutMs = 60_000): Promise<number> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			}).catch(() => undefined);
			if (res && res.status !== 404) return res.status;
			if (Date.now() > deadline)
				throw new Error(`webhook ${url} is still not registered after ${timeoutMs} ms`);
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	async stop(): Promise<void> {
		if (this.exited) return;
		await stopProcessGroup(this.child);
	}
}

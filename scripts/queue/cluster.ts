/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * A real n8n queue-mode cluster on loopback, for `npm run test:queue` and `npm run bench`:
 * PostgreSQL 17 and Redis (scripts/queue/services.ts), then one main process (`n8n start`),
 * workers (`n8n worker`) and webhook processes (`n8n webhook`), each on ports of its own, with
 * this package installed as a community node (scripts/e2e/n8n.ts does the n8n part).
 *
 *   const cluster = await QueueCluster.start({ credentials, workflows, publish: ['wfId'] });
 *   cluster.webhooks[0].webhookUrl(webhookId, path)       // production webhooks
 *   await cluster.n8n.executions('wfId')                  // rows of n8n's Postgres database
 *   await cluster.stop();                                 // every process, also after a failure
 *
 * Every process runs in a process group of its own; all groups are killed when the calling
 * process exits, however it exits.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import {
	ensureN8nInstalled,
	N8nInstance,
	type CredentialSpec,
	type Json,
	type N8nProcessKind,
	type N8nServer,
	type SpawnOptions,
} from '../e2e/n8n';
import { registerProcessGroup } from './process-registry';
import { withRollback } from './rollback';
import { startServices, type PostgresServer, type RedisServer } from './services';

export interface QueueClusterOptions {
	workers?: number;
	webhooks?: number;
	/** `n8n worker --concurrency` (n8n's minimum is 5 in effect for lower values it warns about). */
	workerConcurrency?: number;
	/** Extra environment for every n8n process (e.g. N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE). */
	env?: NodeJS.ProcessEnv;
	credentials?: CredentialSpec[];
	workflows?: Json[];
	/** Workflow ids to make active before the processes start. */
	publish?: string[];
	log?: (line: string) => void;
}

const stderrLog = (line: string) => process.stderr.write(`[queue] ${line}\n`);

export class QueueCluster {
	readonly workers: N8nServer[] = [];
	readonly webhooks: N8nServer[] = [];
	main?: N8nServer;
	private workerCount = 0;

	private constructor(
		readonly n8n: N8nInstance,
		readonly postgres: PostgresServer,
		readonly redis: RedisServer,
		private readonly options: QueueClusterOptions,
	) {}

	/**
	 * Starts everything; on any failure stops what was started (the latest first, after waiting
	 * for the starts still under way) and rethrows.
	 */
	static async start(options: QueueClusterOptions = {}): Promise<QueueCluster> {
		const log = options.log ?? stderrLog;
		const install = ensureN8nInstalled();
		const began = Date.now();
		return await withRollback(async (started) => {
			const { postgres, redis } = await startServices({ install, log });
			started.add('redis', redis, async (r) => await r.stop());
			started.add('postgres', postgres, async (p) => await p.stop());
			const n8n = await N8nInstance.create({
				env: {
					...postgres.n8nEnv,
					...redis.n8nEnv,
					EXECUTIONS_MODE: 'queue',
					N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
					// n8n's own default in queue mode is the database: drop the e2e driver's 'filesystem'.
					N8N_DEFAULT_BINARY_DATA_MODE: undefined,
					// Production webhooks are served by the webhook processes only, as behind a load balancer.
					N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
					// Lets a workflow record which process evaluated it ({{ $env.MH_PROCESS_NAME }}).
					N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
					DB_POSTGRESDB_POOL_SIZE: '4',
					...options.env,
				},
				database: () => postgres.database(install),
			});
			started.add('n8n', n8n, async (instance) => {
				await instance.database.close?.().catch(() => undefined);
				await instance.dispose();
			});
			const cluster = new QueueCluster(n8n, postgres, redis, options);
			const spawn = async (kind: N8nProcessKind, spawnOptions: SpawnOptions & { name: string }) =>
				started.add(
					`n8n ${spawnOptions.name}`,
					await cluster.spawnRegistered(kind, spawnOptions),
					async (p) => await p.stop(),
				);
			if (options.credentials?.length) await n8n.importCredentials(options.credentials);
			cluster.main = await spawn('start', { name: 'main', env: { MH_PROCESS_NAME: 'main' } });
			const active = new Set(options.publish ?? []);
			// `--activeState=fromJson` publishes the version named by `versionId`; main, running by
			// then, registers the webhooks of what is published (published before main starts,
			// they stayed unregistered here).
			const workflows = (options.workflows ?? []).map((wf) => ({
				versionId: randomUUID(),
				...wf,
				active: active.has(wf.id),
			}));
			await started.all([
				...(workflows.length ? [n8n.importWorkflows(workflows, { activeFromJson: true })] : []),
				...Array.from({ length: options.workers ?? 2 }, async () =>
					started.add('n8n worker', await cluster.addWorker(), async (w) => await w.stop()),
				),
				...Array.from({ length: options.webhooks ?? 2 }, async (_, i) => {
					const name = `webhook-${i + 1}`;
					cluster.webhooks.push(await spawn('webhook', { name, env: { MH_PROCESS_NAME: name } }));
				}),
			]);
			cluster.webhooks.sort((a, b) => a.name.localeCompare(b.name));
			log(
				`n8n ${install.versions.n8n} queue mode up in ${((Date.now() - began) / 1000).toFixed(0)} s: main :${cluster.main.port}, ` +
					`workers ${cluster.workers.map((w) => `:${w.port}`).join(' ')}, webhooks ${cluster.webhooks.map((w) => `:${w.port}`).join(' ')}`,
			);
			return cluster;
		});
	}

	/** An n8n process, recorded for test/queue's globalTeardown (scripts/queue/process-registry.ts). */
	private async spawnRegistered(
		kind: N8nProcessKind,
		options: SpawnOptions & { name: string },
	): Promise<N8nServer> {
		const server = await this.n8n.spawnProcess(kind, options);
		if (server.pid !== undefined) registerProcessGroup(server.pid, `n8n ${options.name}`);
		return server;
	}

	/** Starts one more `n8n worker` (e.g. to replace a killed one). */
	async addWorker(): Promise<N8nServer> {
		const name = `worker-${++this.workerCount}`;
		const worker = await this.spawnRegistered('worker', {
			name,
			args: [`--concurrency=${this.options.workerConcurrency ?? 10}`],
			env: { MH_PROCESS_NAME: name },
		});
		this.workers.push(worker);
		return worker;
	}

	/** Every n8n process of the cluster. */
	get processes(): N8nServer[] {
		return [...(this.main ? [this.main] : []), ...this.workers, ...this.webhooks];
	}

	/** Counts of n8n's Bull queue in Redis (jobs waiting for a worker, jobs a worker holds). */
	async queueCounts(): Promise<{ waiting: number; active: number }> {
		const [waiting, active] = await Promise.all([
			this.redis.command(['LLEN', 'bull:jobs:wait']),
			this.redis.command(['LLEN', 'bull:jobs:active']),
		]);
		return { waiting: Number(waiting), active: Number(active) };
	}

	/** Which process logged "Worker started execution <id>" (the worker that ran it), if any. */
	workersThatStarted(executionId: string | number): string[] {
		const line = new RegExp(`Worker started execution ${executionId} \\(job`);
		return this.processes.filter((p) => line.test(p.log())).map((p) => p.name);
	}

	/** Stops every n8n process, then Redis and Postgres, and deletes their folders. */
	async stop(): Promise<void> {
		await Promise.allSettled(this.processes.map(async (p) => await p.stop()));
		await this.n8n.database.close?.().catch(() => undefined);
		await Promise.allSettled([this.redis.stop(), this.postgres.stop()]);
		if (process.env.MH_QUEUE_KEEP !== '1') await this.n8n.dispose();
	}
}

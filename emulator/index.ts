/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Local emulator of the Magic Hour API (see CONTRACT.md): `start()` returns a running
 * instance with a real node:http server and handles to steer it from tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Account } from './account';
import { buildApiRouter } from './apiRoutes';
import type { EmulatorContext, Settings } from './context';
import { DownloadLinks } from './downloads';
import { FaceDetections } from './faceDetection';
import { FaultBook } from './faults';
import { defaultOutputBytes } from './media';
import { Metrics } from './metrics';
import { ProjectStore } from './projects';
import { RequestPipeline } from './server';
import { TimerSet } from './timers';
import type { Emulator, EmulatorOptions, MediaKind, ProjectRecord } from './types';
import { SavedItems } from './savedItems';
import { UploadStore, type StoredAsset } from './uploads';
import { sign, WebhookDispatcher } from './webhooks';

export type * from './types';
export type { StoredAsset } from './uploads';
export { sign as signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhooks';

export const DEFAULT_API_KEY = 'mhk_test_emulator';
export const DEFAULT_CREDITS = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Extra handles beyond CONTRACT.md (additive). */
export interface EmulatorExtras {
	/** Size and SHA-256 of an uploaded (or emulator-generated) `api-assets/...` file. */
	getUpload(filePath: string): StoredAsset | undefined;
	/** Changes the size of outputs generated from now on. */
	setOutputBytes(bytes: Partial<Record<MediaKind, number>>): void;
	/** Returns at most this many saved items per page, whatever `limit` asks (until reset). */
	setSavedItemsPageCap(items: number): void;
	/** Every project created since the last reset, in creation order (deleted ones included). */
	listProjects(): ProjectRecord[];
}

function definedSizes(
	sizes: Partial<Record<MediaKind, number>> | undefined,
): Partial<Record<MediaKind, number>> {
	const out: Partial<Record<MediaKind, number>> = {};
	for (const [kind, bytes] of Object.entries(sizes ?? {})) {
		if (typeof bytes !== 'number') continue;
		if (!(bytes >= 0) || !Number.isSafeInteger(Math.floor(bytes)))
			throw new RangeError(`outputBytes.${kind} must be a non-negative integer`);
		out[kind as MediaKind] = Math.floor(bytes);
	}
	return out;
}

function resolveSettings(options: EmulatorOptions): Settings {
	const speed = options.speed ?? 1;
	if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
	return {
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		apiKey: options.apiKey ?? DEFAULT_API_KEY,
		speed,
		startingCredits: options.credits ?? DEFAULT_CREDITS,
		tier: options.tier ?? 'creator',
		downloadUrlTtlMs: options.downloadUrlTtlMs ?? DAY_MS,
		outputBytes: { ...defaultOutputBytes, ...definedSizes(options.outputBytes) },
		quiet: options.quiet,
		baseUrl: '',
	};
}

function buildContext(settings: Settings): EmulatorContext {
	const startingOutputBytes = { ...settings.outputBytes };
	const account = new Account(settings.startingCredits, settings.tier);
	const metrics = new Metrics();
	const timers = new TimerSet();
	const faults = new FaultBook();
	const webhooks = new WebhookDispatcher(timers, () => settings.speed);
	const uploads = new UploadStore(() => settings.baseUrl, metrics);
	// The project store is created right below; the resolver only runs on download requests.
	const projectStore: { current?: ProjectStore } = {};
	const downloads = new DownloadLinks(
		() => settings.baseUrl,
		() => settings.downloadUrlTtlMs,
		(target) => {
			if (target.type === 'file') return { spec: target.spec, bytes: target.bytes };
			const output = projectStore.current?.output(target.projectId, target.index);
			return output ? { spec: output, bytes: settings.outputBytes[output.kind] } : undefined;
		},
	);
	const projects = new ProjectStore({
		account,
		metrics,
		timers,
		downloads,
		webhooks,
		speed: () => settings.speed,
	});
	projectStore.current = projects;
	const faces = new FaceDetections(uploads, downloads, projects);
	const ctx: EmulatorContext = {
		settings,
		account,
		metrics,
		timers,
		faults,
		webhooks,
		downloads,
		uploads,
		projects,
		faces,
		savedItems: new SavedItems(downloads),
		reset() {
			ctx.projects.reset();
			faces.reset();
			uploads.clear();
			downloads.clear();
			faults.clear();
			metrics.reset();
			webhooks.reset();
			account.reset();
			ctx.savedItems.pageCap = 100;
			settings.outputBytes = { ...startingOutputBytes };
		},
	};
	return ctx;
}

export async function start(options: EmulatorOptions = {}): Promise<Emulator & EmulatorExtras> {
	const settings = resolveSettings(options);
	const ctx = buildContext(settings);
	const pipeline = new RequestPipeline(ctx, buildApiRouter(ctx));
	const server = http.createServer(pipeline.handle);
	server.keepAliveTimeout = 5_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(settings.port, settings.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	settings.port = address.port;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	settings.baseUrl = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;

	let stopped: Promise<void> | undefined;
	const emulator: Emulator & EmulatorExtras = {
		baseUrl: settings.baseUrl,
		apiKey: settings.apiKey,
		stop() {
			stopped ??= new Promise<void>((resolve) => {
				ctx.timers.clearAll();
				ctx.webhooks.stop();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return stopped;
		},
		reset: () => ctx.reset(),
		setCredits: (n) => ctx.account.setCredits(n),
		get credits() {
			return ctx.account.credits;
		},
		faults: {
			add: (rule) => ctx.faults.add(rule),
			clear: () => ctx.faults.clear(),
		},
		jobs: {
			failNext: (opts) => ctx.projects.failNext(opts),
			cancelNext: (opts) => ctx.projects.cancelNext(opts),
			setDurationMs: (endpoint, ms) => ctx.projects.setDurationMs(endpoint, ms),
			finalCreditsNext: (opts) => ctx.projects.finalCreditsNext(opts),
		},
		webhooks: {
			subscribe: (sub) => ctx.webhooks.subscribe(sub).unsubscribe,
			duplicateNext: (n) => ctx.webhooks.duplicateNext(n),
			sign,
			get deliveries() {
				return ctx.webhooks.deliveries;
			},
		},
		get log() {
			return ctx.metrics.log;
		},
		counters: () => ctx.metrics.snapshot(),
		getProject: (id) => ctx.projects.get(id),
		getUpload: (filePath) => ctx.uploads.get(filePath),
		setSavedItemsPageCap: (items) => {
			ctx.savedItems.pageCap = items;
		},
		listProjects: () => ctx.projects.list(),
		setOutputBytes: (bytes) => {
			Object.assign(settings.outputBytes, definedSizes(bytes));
		},
	};
	return emulator;
}

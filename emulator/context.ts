/** Everything one emulator instance holds, shared by the HTTP handlers. */
import type { Account } from './account';
import type { DownloadLinks } from './downloads';
import type { FaceDetections } from './faceDetection';
import type { FaultBook } from './faults';
import type { Metrics } from './metrics';
import type { ProjectStore } from './projects';
import type { SavedItems } from './savedItems';
import type { TimerSet } from './timers';
import type { MediaKind, Tier } from './types';
import type { UploadStore } from './uploads';
import type { WebhookDispatcher } from './webhooks';

export interface Settings {
	host: string;
	port: number;
	apiKey: string;
	speed: number;
	startingCredits: number;
	tier: Tier;
	downloadUrlTtlMs: number;
	outputBytes: Record<MediaKind, number>;
	/** true: never print; false: print one line per request (the CLI); undefined: print only unexpected errors. */
	quiet: boolean | undefined;
	/** Set once the server listens. */
	baseUrl: string;
}

export interface EmulatorContext {
	settings: Settings;
	account: Account;
	metrics: Metrics;
	timers: TimerSet;
	faults: FaultBook;
	webhooks: WebhookDispatcher;
	downloads: DownloadLinks;
	uploads: UploadStore;
	projects: ProjectStore;
	faces: FaceDetections;
	savedItems: SavedItems;
	/**
	 * Back to the state start() left: no projects, face detections, uploads, download links,
	 * faults, job directives or duration overrides, empty log and counters, no webhook
	 * subscriptions or deliveries, starting balance and output sizes. Same URL and key.
	 */
	reset(): void;
}

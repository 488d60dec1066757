/** Public types of the Magic Hour emulator (see CONTRACT.md). */

export type MediaKind = 'image' | 'video' | 'audio';
export type ProjectKind = MediaKind;
export type Tier = 'free' | 'creator' | 'pro' | 'business';

export interface EmulatorOptions {
	host?: string;
	port?: number;
	apiKey?: string;
	speed?: number;
	credits?: number;
	tier?: Tier;
	downloadUrlTtlMs?: number;
	outputBytes?: Partial<Record<MediaKind, number>>;
	quiet?: boolean;
}

export type Fault =
	| { type: 'status'; status: number; body?: unknown }
	| { type: 'rate-limit'; retryAfterSeconds?: number }
	| { type: 'reset' }
	| { type: 'reset-after-accept' }
	| { type: 'slow-headers'; delayMs: number }
	| { type: 'truncate'; afterBytes: number }
	| { type: 'length-mismatch' }
	| { type: 'expire' }
	/** Handle the request normally (a job is created and charged), then answer its JSON without `omit` and with `set` merged in. */
	| { type: 'rewrite-body'; omit?: string[]; set?: Record<string, unknown> };

export interface FaultRule {
	match: string;
	times?: number;
	fault: Fault;
}

export interface RequestLogEntry {
	seq: number;
	method: string;
	path: string;
	route: string;
	status: number;
	start: number;
	end: number;
	fault?: Fault['type'];
}

export interface WebhookDelivery {
	url: string;
	type: string;
	/** HTTP status answered by the receiver, 0 when the request failed at network level. */
	status: number;
	attempt: number;
	at: number;
	error?: string;
}

export interface WebhookSubscription {
	url: string;
	events: string[];
	secret: string;
}

export type ProjectStatus = 'queued' | 'rendering' | 'complete' | 'error' | 'canceled';

export interface OutputSpec {
	ext: string;
	mime: string;
	kind: MediaKind;
}

export type ProjectOutcome =
	| { status: 'complete' }
	| { status: 'error'; code: string; message: string }
	| { status: 'canceled' };

export interface ProjectRecord {
	id: string;
	kind: ProjectKind;
	/** Create endpoint path, e.g. '/v1/face-swap'. */
	endpoint: string;
	projectType: string;
	name: string;
	body: Record<string, unknown>;
	createdAt: number;
	/** Real ms after createdAt at which rendering starts. */
	renderAtMs: number;
	/** Real ms after createdAt at which the job reaches its final status. */
	finishAtMs: number;
	outcome: ProjectOutcome;
	outputs: OutputSpec[];
	creditsCharged: number;
	/** What the job charges once complete, when it differs from the create's estimate (finalCreditsNext). */
	finalCredits?: number;
	refunded: boolean;
	deleted: boolean;
	/** Highest status whose side effects (webhooks, refund) were applied. */
	settled: ProjectStatus;
}

export interface Counters {
	byRoute: Record<string, number>;
	creates: number;
	jobsCreated: number;
	creditsCharged: number;
	/** Addition to CONTRACT.md: credits given back for failed jobs. */
	creditsRefunded: number;
	bytesServed: number;
	bytesUploaded: number;
}

export interface Emulator {
	baseUrl: string;
	apiKey: string;
	stop(): Promise<void>;
	reset(): void;
	setCredits(n: number): void;
	readonly credits: number;
	faults: {
		add(rule: FaultRule): void;
		clear(): void;
	};
	jobs: {
		failNext(opts: { endpoint?: string; code: string; message?: string }): void;
		cancelNext(opts?: { endpoint?: string }): void;
		setDurationMs(endpoint: string, ms: number): void;
		/** The next job (of `endpoint`) charges `credits` when it completes: a video estimate that changes. */
		finalCreditsNext(opts: { endpoint?: string; credits: number }): void;
	};
	webhooks: {
		subscribe(sub: WebhookSubscription): () => void;
		duplicateNext(n: number): void;
		sign(secret: string, timestamp: number, rawBody: string): string;
		deliveries: WebhookDelivery[];
	};
	log: RequestLogEntry[];
	counters(): Counters;
	getProject(id: string): ProjectRecord | undefined;
}

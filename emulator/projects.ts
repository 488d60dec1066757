/**
 * Project (job) lifecycle: queued → rendering → complete | error | canceled on a clock.
 *
 * The status is computed lazily from the clock whenever a project is read, and timers
 * drive the same transitions so webhooks fire without anyone polling. Each transition's
 * side effects (webhook, refund) run exactly once, whichever comes first.
 */
import type { Account } from './account';
import type { DownloadLink, DownloadLinks } from './downloads';
import { notFound } from './http';
import { newId } from './ids';
import type { Metrics } from './metrics';
import type { TimerSet } from './timers';
import type {
	MediaKind,
	OutputSpec,
	ProjectKind,
	ProjectOutcome,
	ProjectRecord,
	ProjectStatus,
} from './types';
import type { WebhookDispatcher } from './webhooks';

/** Rendering starts after this fraction of the job's duration. */
export const RENDER_START_FRACTION = 0.1;

export interface ProjectDeps {
	account: Account;
	metrics: Metrics;
	timers: TimerSet;
	downloads: DownloadLinks;
	webhooks: WebhookDispatcher;
	speed: () => number;
}

export interface FailDirective {
	endpoint?: string;
	code: string;
	message?: string;
}

export interface FinalCreditsDirective {
	endpoint?: string;
	credits: number;
}

export interface NewProject {
	endpoint: string;
	kind: ProjectKind;
	projectType: string;
	medianSeconds: number;
	body: Record<string, unknown>;
	outputs: OutputSpec[];
	credits: number;
	/** Why an input file is unusable; the job then ends in error `invalid_file_format`. */
	inputProblem?: string;
}

const rank: Record<ProjectStatus, number> = {
	queued: 0,
	rendering: 1,
	complete: 2,
	error: 2,
	canceled: 2,
};

const videoDimensions: Record<string, [number, number]> = {
	'480p': [854, 480],
	'720p': [1280, 720],
	'1080p': [1920, 1080],
	'4k': [3840, 2160],
};

function toolName(endpoint: string): string {
	return endpoint
		.replace(/^\/v1\//, '')
		.split('-')
		.map((w) => (w === 'ai' ? 'AI' : w[0].toUpperCase() + w.slice(1)))
		.join(' ');
}

const num = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Takes the first directive that applies to `endpoint` (unscoped ones apply to any endpoint unless `scopedOnly`). */
export function takeDirective<T extends { endpoint?: string }>(
	list: T[],
	endpoint: string,
	scopedOnly = false,
): T | undefined {
	const index = list.findIndex((d) =>
		d.endpoint === undefined ? !scopedOnly : d.endpoint === endpoint,
	);
	return index < 0 ? undefined : list.splice(index, 1)[0];
}

export class ProjectStore {
	private projects = new Map<string, ProjectRecord>();
	private pendingTimers = new Map<string, NodeJS.Timeout[]>();
	private failDirectives: FailDirective[] = [];
	private cancelDirectives: Array<{ endpoint?: string }> = [];
	private finalCreditDirectives: FinalCreditsDirective[] = [];
	private durationOverrides = new Map<string, number>();

	constructor(private readonly deps: ProjectDeps) {}

	failNext(directive: FailDirective): void {
		this.failDirectives.push({ ...directive });
	}

	cancelNext(opts: { endpoint?: string } = {}): void {
		this.cancelDirectives.push({ ...opts });
	}

	/** The next job (of `endpoint`) charges `credits` when it completes instead of its create estimate. */
	finalCreditsNext(directive: FinalCreditsDirective): void {
		this.finalCreditDirectives.push({ ...directive });
	}

	setDurationMs(endpoint: string, ms: number): void {
		this.durationOverrides.set(endpoint, Math.max(0, ms));
	}

	/** Real milliseconds a job of this endpoint takes: the override, or median / speed. */
	durationFor(endpoint: string, medianSeconds: number): number {
		return (
			this.durationOverrides.get(endpoint) ??
			(medianSeconds * 1000) / Math.max(this.deps.speed(), 1e-9)
		);
	}

	/** Consumes a pending failNext directive for `endpoint` (used by face detection too). */
	takeFailDirective(endpoint: string, scopedOnly = false): FailDirective | undefined {
		return takeDirective(this.failDirectives, endpoint, scopedOnly);
	}

	pendingDirectives(): {
		failNext: FailDirective[];
		cancelNext: Array<{ endpoint?: string }>;
		finalCreditsNext: FinalCreditsDirective[];
		durations: Record<string, number>;
	} {
		return {
			failNext: [...this.failDirectives],
			cancelNext: [...this.cancelDirectives],
			finalCreditsNext: [...this.finalCreditDirectives],
			durations: Object.fromEntries(this.durationOverrides),
		};
	}

	create(input: NewProject): ProjectRecord {
		const duration = this.durationFor(input.endpoint, input.medianSeconds);
		const renderAtMs = Math.round(duration * RENDER_START_FRACTION);
		let finishAtMs = Math.round(duration);

		let outcome: ProjectOutcome = { status: 'complete' };
		const fail = this.takeFailDirective(input.endpoint);
		if (fail) {
			outcome = {
				status: 'error',
				code: fail.code,
				message: fail.message ?? `Job failed (${fail.code})`,
			};
		} else if (input.inputProblem) {
			outcome = { status: 'error', code: 'invalid_file_format', message: input.inputProblem };
		} else if (takeDirective(this.cancelDirectives, input.endpoint)) {
			outcome = { status: 'canceled' };
			finishAtMs = Math.round(renderAtMs + (finishAtMs - renderAtMs) / 2);
		}

		const createdAt = Date.now();
		const name =
			typeof input.body.name === 'string'
				? input.body.name
				: `${toolName(input.endpoint)} - ${new Date(createdAt).toISOString()}`;
		const project: ProjectRecord = {
			id: newId(),
			kind: input.kind,
			endpoint: input.endpoint,
			projectType: input.projectType,
			name,
			body: input.body,
			createdAt,
			renderAtMs,
			finishAtMs,
			outcome,
			outputs: input.outputs,
			creditsCharged: input.credits,
			finalCredits: takeDirective(this.finalCreditDirectives, input.endpoint)?.credits,
			refunded: false,
			deleted: false,
			settled: 'queued',
		};
		this.projects.set(project.id, project);
		this.deps.metrics.count('jobsCreated');
		this.schedule(project);
		return project;
	}

	/** Raw record (also for deleted projects). */
	get(id: string): ProjectRecord | undefined {
		return this.projects.get(id);
	}

	list(): ProjectRecord[] {
		return [...this.projects.values()];
	}

	/** GET /v1/{kind}-projects/:id body. */
	view(kind: ProjectKind, id: string): Record<string, unknown> {
		const project = this.live(kind, id);
		this.advance(project, Date.now());
		return this.serialize(project, project.settled);
	}

	/** DELETE /v1/{kind}-projects/:id */
	delete(kind: ProjectKind, id: string): void {
		const project = this.live(kind, id);
		project.deleted = true;
		this.clearTimers(project.id);
		this.deps.downloads.revokeProject(project.id);
	}

	/** Resolves an output for the download server; undefined once the project is gone or not complete. */
	output(projectId: string, index: number): OutputSpec | undefined {
		const project = this.projects.get(projectId);
		if (!project || project.deleted) return undefined;
		this.advance(project, Date.now());
		if (project.settled !== 'complete') return undefined;
		return project.outputs[index];
	}

	/** Forgets projects, failNext/cancelNext directives and duration overrides. */
	reset(): void {
		for (const id of [...this.pendingTimers.keys()]) this.clearTimers(id);
		this.projects.clear();
		this.failDirectives = [];
		this.cancelDirectives = [];
		this.finalCreditDirectives = [];
		this.durationOverrides.clear();
	}

	/** Status the clock says the project has reached at `now`. */
	clockStatus(project: ProjectRecord, now: number): ProjectStatus {
		const elapsed = now - project.createdAt;
		if (elapsed >= project.finishAtMs) return project.outcome.status;
		if (elapsed >= project.renderAtMs) return 'rendering';
		return 'queued';
	}

	/** Applies every transition reached by `now` that has not been applied yet. */
	advance(project: ProjectRecord, now: number): void {
		if (project.deleted) return;
		const target = this.clockStatus(project, now);
		if (rank[target] <= rank[project.settled]) return;
		if (project.settled === 'queued') {
			project.settled = 'rendering';
			this.deps.webhooks.emit(`${project.kind}.started`, this.serialize(project, 'rendering'));
		}
		if (rank[target] === 2) {
			project.settled = target;
			this.clearTimers(project.id);
			if (target === 'complete' && project.finalCredits !== undefined) this.settleCharge(project);
			if (project.outcome.status === 'error' && !project.refunded) {
				project.refunded = true;
				this.deps.account.refund(project.creditsCharged);
				this.deps.metrics.count('creditsRefunded', project.creditsCharged);
			}
			if (target === 'complete')
				this.deps.webhooks.emit(`${project.kind}.completed`, this.serialize(project, target));
			if (target === 'error')
				this.deps.webhooks.emit(`${project.kind}.errored`, this.serialize(project, target));
		}
	}

	/** A video's charge is an estimate until it completes: the account pays or gets back the difference. */
	private settleCharge(project: ProjectRecord): void {
		const difference = (project.finalCredits ?? project.creditsCharged) - project.creditsCharged;
		this.deps.account.adjust(difference);
		if (difference > 0) this.deps.metrics.count('creditsCharged', difference);
		if (difference < 0) this.deps.metrics.count('creditsRefunded', -difference);
		project.creditsCharged += difference;
	}

	private live(kind: ProjectKind, id: string): ProjectRecord {
		const project = this.projects.get(id);
		if (!project || project.deleted || project.kind !== kind) throw notFound();
		return project;
	}

	private schedule(project: ProjectRecord): void {
		const fireAt = (offset: number) =>
			this.deps.timers.set(
				() => this.advance(project, Math.max(Date.now(), project.createdAt + offset)),
				offset,
			);
		this.pendingTimers.set(project.id, [fireAt(project.renderAtMs), fireAt(project.finishAtMs)]);
	}

	private clearTimers(id: string): void {
		for (const handle of this.pendingTimers.get(id) ?? []) this.deps.timers.clear(handle);
		this.pendingTimers.delete(id);
	}

	private downloadLinks(project: ProjectRecord): DownloadLink[] {
		return project.outputs.map((output, index) =>
			this.deps.downloads.issue(
				{ type: 'project-output', projectId: project.id, index },
				project.outputs.length === 1
					? `${project.id}.${output.ext}`
					: `${project.id}-${index}.${output.ext}`,
			),
		);
	}

	/** The project as the API shows it, with `status` forced (webhook payloads of earlier transitions). */
	serialize(project: ProjectRecord, status: ProjectStatus): Record<string, unknown> {
		const credits = project.refunded ? 0 : project.creditsCharged;
		const downloads = status === 'complete' ? this.downloadLinks(project) : [];
		const error =
			status === 'error' && project.outcome.status === 'error'
				? { code: project.outcome.code, message: project.outcome.message }
				: null;
		const common = {
			id: project.id,
			name: project.name,
			status,
			type: project.projectType,
			created_at: new Date(project.createdAt).toISOString(),
			enabled: !project.deleted,
			credits_charged: credits,
			total_frame_cost: credits,
			downloads,
			error,
		};
		const body = project.body;
		if (project.kind === 'video') {
			const [width, height] = this.videoSize(body);
			return {
				...common,
				width,
				height,
				fps: num(body.fps) ?? 30,
				start_seconds: num(body.start_seconds) ?? 0,
				end_seconds: num(body.end_seconds) ?? 5,
				download: downloads[0] ?? null,
			};
		}
		if (project.kind === 'image') {
			return { ...common, image_count: num(body.image_count) ?? project.outputs.length };
		}
		return common;
	}

	private videoSize(body: Record<string, unknown>): [number, number] {
		const width = num(body.width);
		const height = num(body.height);
		if (width !== undefined && height !== undefined) return [width, height];
		const dims = typeof body.resolution === 'string' ? videoDimensions[body.resolution] : undefined;
		if (!dims) return [-1, -1];
		const [long, short] = dims;
		if (body.aspect_ratio === '9:16') return [short, long];
		if (body.aspect_ratio === '1:1') return [short, short];
		return [long, short];
	}
}

export const kindOfProjectsPath: Record<string, MediaKind> = {
	'video-projects': 'video',
	'image-projects': 'image',
	'audio-projects': 'audio',
};

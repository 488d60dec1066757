import type { IDataObject } from 'n8n-workflow';

import type { ProjectKind } from '../catalog/types';

export type ProjectStatus = 'draft' | 'queued' | 'rendering' | 'complete' | 'error' | 'canceled';

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['complete', 'error', 'canceled']);

/** GET /v1/{kind}-projects/{id} */
export interface ProjectDetail extends IDataObject {
	id: string;
	status: ProjectStatus;
	credits_charged: number;
	downloads: Array<{ url: string; expires_at: string }>;
	error: { code: string; message: string } | null;
}

export function projectPath(kind: ProjectKind, id: string): string {
	return `/v1/${kind}-projects/${encodeURIComponent(id)}`;
}

/** Default time limits per kind when the user sets none. */
export const DEFAULT_TIMEOUT_MINUTES: Record<ProjectKind, number> = {
	image: 10,
	audio: 10,
	video: 60,
};

/** Upper bound of the Automatic polling interval per kind (documented poll intervals). */
export const MAX_POLL_INTERVAL_MS: Record<ProjectKind, number> = {
	image: 3_000,
	audio: 3_000,
	video: 10_000,
};

/** A duration as people read it: `2.5s`, `3m`, `1m 20s`. */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${Math.max(0, Math.round(ms / 100) / 10)}s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest ? `${minutes}m ${rest}s` : `${minutes}m`;
}

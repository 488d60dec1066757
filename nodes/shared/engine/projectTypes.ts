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

/** A duration as people read it: `2.5s`, `3m`, `1m 20s`. */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${Math.max(0, Math.round(ms / 100) / 10)}s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest ? `${minutes}m ${rest}s` : `${minutes}m`;
}

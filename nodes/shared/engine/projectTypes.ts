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

/** Test nodes and helpers for the wait-and-download engine (real n8n ExecuteContext + emulator). */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Emulator } from '../../emulator';
import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import type { ProjectKind } from '../../nodes/shared/catalog/types';
import { downloadOutputs } from '../../nodes/shared/engine/downloads';
import {
	ProjectPoller,
	type PollerSettings,
	type WaitRequest,
} from '../../nodes/shared/engine/projectPoller';
import { itemDeadline } from '../../nodes/shared/engine/pollSchedule';
import { projectPath, type ProjectDetail } from '../../nodes/shared/engine/projectTypes';
import { magicHourRequest } from '../../nodes/shared/transport/apiRequest';

const baseDescription = {
	group: ['transform'],
	version: 1,
	description: 'test only',
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'magicHourCommunityApi', required: true }],
};

/** The Magic Hour node, whose defaults are "Project → Wait for Project". */
export class WaitNode extends MagicHour {}

export interface PollerProbeResult {
	results: Array<{
		id: string;
		ok: boolean;
		status?: string;
		error?: string;
		description?: string;
		doneAt: number;
		bytes?: number[];
	}>;
	stats: ProjectPoller['stats'];
}

/**
 * Drives ProjectPoller directly the way tool nodes do: jobs (parameter `jobs`, JSON) are added
 * one after another (after `addAfterMs`), all waits share one poller.
 */
export class PollerProbe implements INodeType {
	static settings: PollerSettings = {};
	static download = false;

	description = {
		...baseDescription,
		displayName: 'Poller Probe',
		name: 'pollerProbe',
		defaults: { name: 'Poller Probe' },
		properties: [{ displayName: 'Jobs', name: 'jobs', type: 'json', default: '[]' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('jobs', 0) as string | IDataObject[];
		const jobs = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<
			Omit<WaitRequest, 'deadline'> & { addAfterMs?: number; timeoutMinutes?: number }
		>;
		const poller = new ProjectPoller(this, PollerProbe.settings);
		const started = Date.now();
		const results = await Promise.all(
			jobs.map(async (job) => {
				if (job.addAfterMs) await sleep(job.addAfterMs);
				try {
					const deadline = itemDeadline(job.kind, job.timeoutMinutes ?? 0, Date.now());
					const project = await poller.waitFor({ ...job, deadline });
					let bytes: number[] | undefined;
					if (PollerProbe.download) {
						const binary = await downloadOutputs(this, project, {
							kind: job.kind,
							itemIndex: job.itemIndex,
							refresh: async () =>
								await magicHourRequest<ProjectDetail>(this, {
									method: 'GET',
									path: projectPath(job.kind, job.id),
								}),
						});
						bytes = Object.values(binary).map((b) => b.bytes ?? -1);
					}
					return {
						id: job.id,
						ok: true,
						status: project.status,
						doneAt: Date.now() - started,
						bytes,
					};
				} catch (error) {
					return {
						id: job.id,
						ok: false,
						error: (error as Error).message,
						description: (error as { description?: string }).description,
						doneAt: Date.now() - started,
					};
				}
			}),
		);
		const result: PollerProbeResult = { results, stats: { ...poller.stats } };
		return [[{ json: result as unknown as IDataObject, pairedItem: { item: 0 } }]];
	}
}

export const BODIES = {
	image: { image_count: 1, style: { prompt: 'a lighthouse at dusk' } },
	gif: { style: { prompt: 'a dancing cat' } },
	video: { end_seconds: 5, style: { prompt: 'waves rolling onto a beach' } },
	audio: { style: { prompt: 'Hello from the emulator', voice_name: 'Elon Musk' } },
};

export const ENDPOINTS = {
	image: '/v1/ai-image-generator',
	gif: '/v1/ai-gif-generator',
	video: '/v1/text-to-video',
	audio: '/v1/ai-voice-generator',
} as const;

export const KIND_OF: Record<keyof typeof ENDPOINTS, ProjectKind> = {
	image: 'image',
	gif: 'image',
	video: 'video',
	audio: 'audio',
};

/** Creates a job straight against the emulator (what a tool node did earlier in the workflow). */
export async function createJob(
	emu: Emulator,
	tool: keyof typeof ENDPOINTS,
	options: { durationMs?: number; body?: IDataObject } = {},
): Promise<{ id: string; kind: ProjectKind }> {
	const endpoint = ENDPOINTS[tool];
	if (options.durationMs !== undefined) emu.jobs.setDurationMs(endpoint, options.durationMs);
	const res = await fetch(emu.baseUrl + endpoint, {
		method: 'POST',
		headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify({ ...BODIES[tool], ...options.body }),
	});
	const body = (await res.json()) as { id: string };
	if (res.status !== 200)
		throw new Error(`create ${endpoint} answered ${res.status}: ${JSON.stringify(body)}`);
	return { id: body.id, kind: KIND_OF[tool] };
}

export const credentialsFor = (emu: Emulator) => ({
	apiKey: emu.apiKey,
	environment: 'custom',
	baseUrl: emu.baseUrl,
});

/** Log entries of status polls (GET /v1/*-projects/:id). */
export function polls(emu: Emulator, id?: string) {
	return emu.log.filter(
		(entry) =>
			entry.method === 'GET' &&
			/^\/v1\/(image|video|audio)-projects\//.test(entry.path) &&
			(!id || entry.path.endsWith(`/${id}`)),
	);
}

export function downloadsServed(emu: Emulator) {
	return emu.log.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/downloads/'));
}

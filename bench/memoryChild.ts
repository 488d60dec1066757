/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Phase 4, one download per child process so every RSS peak is this download's alone.
 * All modes run inside n8n-core's real ExecuteContext and store the file through n8n's real
 * BinaryDataService in filesystem mode (N8N_DEFAULT_BINARY_DATA_MODE=filesystem):
 *
 * - `stream`: our Magic Hour node, Project → Download (downloadOutputs streams the body to disk);
 * - `sdk`: what the official Node SDK's download helper does (`fetch` → `arrayBuffer()` → write),
 *   with the write being n8n's `prepareBinaryData(buffer)`;
 * - `n8nBuffer`: the usual n8n-node way, `helpers.httpRequest({ encoding: 'arraybuffer' })` →
 *   `prepareBinaryData(buffer)`.
 */
import { readFileSync } from 'node:fs';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { MagicHour } from '../nodes/MagicHour/MagicHour.node';
import { storedSize } from '../nodes/shared/engine/downloads';
import { executeNode } from '../test/harness/executeNode';
import { ensureBinaryData } from '../test/harness/n8nRuntime';
import { childMain } from './lib/child';

export type MemoryMode = 'stream' | 'sdk' | 'n8nBuffer';

export interface MemoryConfig {
	mode: MemoryMode;
	baseUrl: string;
	apiKey: string;
	projectId: string;
	downloadUrl: string;
}

export interface MemoryResult {
	mode: MemoryMode;
	bytes: number;
	seconds: number;
	/** RSS just before the download started (modules loaded, binary data service ready). */
	rssBeforeMiB: number;
	/** Highest RSS sampled (every 5 ms) while the download ran. */
	peakRssMiB: number;
	/** The kernel's high-water mark of the process (VmHWM), start-up included. */
	vmHwmMiB: number;
}

const MIB = 1024 * 1024;

function vmHwmBytes(): number {
	try {
		const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
		return match ? Number(match[1]) * 1024 : NaN;
	} catch {
		return NaN;
	}
}

/** The two in-memory baselines as a node, so they write through the same ExecuteContext helpers. */
class InMemoryDownload implements INodeType {
	static url = '';
	static mode: MemoryMode = 'sdk';
	description = {
		displayName: 'In-Memory Download (baseline)',
		name: 'inMemoryDownload',
		group: ['transform'],
		version: 1,
		description: 'benchmark baseline',
		defaults: { name: 'In-Memory Download' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let body: Buffer;
		if (InMemoryDownload.mode === 'sdk') {
			const response = await fetch(InMemoryDownload.url);
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			body = Buffer.from(await response.arrayBuffer());
		} else {
			body = (await this.helpers.httpRequest({
				method: 'GET',
				url: InMemoryDownload.url,
				encoding: 'arraybuffer',
			})) as Buffer;
		}
		const binary = await this.helpers.prepareBinaryData(body, 'output.mp4', 'video/mp4');
		return [[{ json: {}, binary: { data: binary } }]];
	}
}

childMain(async (config: MemoryConfig): Promise<MemoryResult> => {
	await ensureBinaryData();
	const credentials = { apiKey: config.apiKey, environment: 'custom', baseUrl: config.baseUrl };
	InMemoryDownload.url = config.downloadUrl;
	InMemoryDownload.mode = config.mode;
	const run = async () =>
		config.mode === 'stream'
			? await executeNode({
					nodeType: new MagicHour(),
					parameters: {
						resource: 'project',
						operation: 'download',
						projectId: config.projectId,
						projectKind: 'video',
					},
					credentials,
				})
			: await executeNode({
					nodeType: new InMemoryDownload(),
					typeName: 'bench.inMemoryDownload',
					parameters: {},
					credentials,
				});

	global.gc?.();
	const rssBefore = process.memoryUsage.rss();
	let peak = rssBefore;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 5);
	const started = performance.now();
	const { output } = await run();
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage.rss());
	const binary = output[0][0].binary?.data;
	if (!binary) throw new Error(`${config.mode}: no binary output`);
	return {
		mode: config.mode,
		bytes: storedSize(binary) ?? NaN,
		seconds: Math.round(seconds * 100) / 100,
		rssBeforeMiB: Math.round(rssBefore / MIB),
		peakRssMiB: Math.round(peak / MIB),
		vmHwmMiB: Math.round(vmHwmBytes() / MIB),
	};
});

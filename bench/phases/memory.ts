/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Phase 4 host: one emulator (in this process) serves a 1 GiB video output; each download
 * strategy runs in its own child process (../memoryChild.ts) so RSS peaks are clean.
 */
import { start } from '../../emulator';
import type { MemoryConfig, MemoryMode, MemoryResult } from '../memoryChild';
import { log, runChild } from '../lib/child';

export interface MemoryBenchResult {
	outputBytes: number;
	runs: MemoryResult[];
}

export async function runMemory(
	outputBytes: number,
	modes: MemoryMode[],
): Promise<MemoryBenchResult> {
	const emu = await start({
		quiet: true,
		tier: 'business',
		credits: 1_000_000,
		outputBytes: { video: outputBytes },
	});
	try {
		emu.jobs.setDurationMs('/v1/text-to-video', 0);
		const headers = { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' };
		const created = (await (
			await fetch(`${emu.baseUrl}/v1/text-to-video`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ end_seconds: 5, style: { prompt: 'a dog running on a beach' } }),
			})
		).json()) as { id: string };
		let detail: { status: string; downloads: Array<{ url: string }> } | undefined;
		for (let attempt = 0; attempt < 100 && detail?.status !== 'complete'; attempt++) {
			if (attempt) await new Promise((resolve) => setTimeout(resolve, 20));
			detail = (await (
				await fetch(`${emu.baseUrl}/v1/video-projects/${created.id}`, { headers })
			).json()) as typeof detail;
		}
		if (detail?.status !== 'complete') throw new Error('the 1 GiB video job did not complete');

		const runs: MemoryResult[] = [];
		for (const mode of modes) {
			const config: MemoryConfig = {
				mode,
				baseUrl: emu.baseUrl,
				apiKey: emu.apiKey,
				projectId: created.id,
				downloadUrl: detail.downloads[0].url,
			};
			const result = await runChild<MemoryResult>('memoryChild.ts', config, {
				label: `memory ${mode}`,
			});
			log(
				`memory ${mode}: ${(result.bytes / 1024 ** 3).toFixed(2)} GiB in ${result.seconds} s, RSS ${result.rssBeforeMiB} → peak ${result.peakRssMiB} MiB (VmHWM ${result.vmHwmMiB} MiB)`,
			);
			runs.push(result);
		}
		return { outputBytes, runs };
	} finally {
		await emu.stop();
	}
}

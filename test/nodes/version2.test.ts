import type { IDataObject } from 'n8n-workflow';

import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { durationText, runProgressText } from '../../nodes/shared/engine/runSummary';
import { executeNode } from '../harness/executeNode';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();

function run(nodeType: MagicHourImage | MagicHourVideo, parameters: IDataObject, typeVersion = 2) {
	return executeNode({
		nodeType,
		typeVersion,
		parameters: { executionSettings: FAST_POLLING, ...parameters } as never,
		items: [{ json: {} }],
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
	});
}

describe('version 2 of the tool nodes (tools grouped under a resource)', () => {
	it('runs a tool chosen by resource and operation, and sums the run up above the output', async () => {
		const { output, hints } = await run(new MagicHourImage(), {
			resource: 'generate',
			operation: 'aiImageGenerator',
			prompt: 'A lighthouse at dusk',
			imageCount: 1,
		});
		const [item] = output[0];
		expect(item.json).toMatchObject({ status: 'complete', kind: 'image' });
		expect(item.binary).toBeDefined();
		const credits = item.json.credits_charged as number;
		expect(hints).toEqual([
			{
				type: 'info',
				location: 'outputPane',
				message: expect.stringMatching(
					new RegExp(
						`^Magic Hour: this run charged ${credits} credits \\(1 job\\) · 1 complete · took \\d+ s\\.$`,
					),
				),
			},
		]);
	});
});

describe('the run progress in the hint under the output', () => {
	it('counts finished, started and failed items and says how long the run took', () => {
		const items = [
			{ json: { id: 'a', status: 'complete', credits_charged: 150 } },
			{ json: { id: 'b', status: 'queued', credits_charged: 150 } },
			{ json: { id: null, error: 'Invalid parameter' } },
		];
		expect(runProgressText(items, 95_000)).toBe(
			'1 complete, 1 started (not waited for), 1 failed · took 1 min 35 s',
		);
	});

	it('writes durations as a user reads them', () => {
		expect(durationText(16_942)).toBe('17 s');
		expect(durationText(120_000)).toBe('2 min');
	});
});

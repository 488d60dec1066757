/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: tests */
import { runBatch } from '../../nodes/shared/engine/batch';

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('runBatch: the one way the nodes fan out items', () => {
	it('keeps at most `concurrency` items in flight and returns outcomes in input order', async () => {
		let inFlight = 0;
		let most = 0;
		const { outcomes, stoppedBy } = await runBatch({
			count: 6,
			concurrency: 2,
			run: async (index) => {
				inFlight += 1;
				most = Math.max(most, inFlight);
				await tick();
				inFlight -= 1;
				return index * 10;
			},
			stops: () => true,
		});
		expect(most).toBe(2);
		expect(stoppedBy).toBeUndefined();
		expect(outcomes).toEqual([0, 10, 20, 30, 40, 50].map((value) => ({ ok: true, value })));
	});

	it('after a stopping failure starts no further item, lets the ones in flight finish, calls onStop once', async () => {
		const started: number[] = [];
		const stops: number[] = [];
		const { outcomes, stoppedBy } = await runBatch({
			count: 5,
			concurrency: 2,
			run: async (index) => {
				started.push(index);
				await tick();
				if (index === 0) throw new Error('boom');
				await tick();
				return index;
			},
			stops: () => true,
			onStop: (_error, index) => stops.push(index),
		});
		expect(started).toEqual([0, 1]);
		expect(stops).toEqual([0]);
		expect(stoppedBy?.index).toBe(0);
		expect(outcomes[1]).toEqual({ ok: true, value: 1 });
		expect(outcomes.slice(2)).toEqual([undefined, undefined, undefined]);
	});

	it("a failure that does not stop the batch (Continue On Fail) becomes that item's outcome", async () => {
		const { outcomes, stoppedBy } = await runBatch({
			count: 3,
			concurrency: 1,
			run: async (index) => {
				if (index === 1) throw new Error('bad item');
				return index;
			},
			stops: () => false,
		});
		expect(stoppedBy).toBeUndefined();
		expect(outcomes.map((outcome) => outcome?.ok)).toEqual([true, false, true]);
	});

	it('Infinity starts every item at once', async () => {
		let inFlight = 0;
		let most = 0;
		await runBatch({
			count: 7,
			concurrency: Infinity,
			run: async () => {
				inFlight += 1;
				most = Math.max(most, inFlight);
				await tick();
				inFlight -= 1;
			},
			stops: () => true,
		});
		expect(most).toBe(7);
	});
});

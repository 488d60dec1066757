import { BudgetReachedError, SpendGuard } from '../../nodes/shared/engine/spendGuard';
import type { PriceEstimate } from '../../nodes/shared/catalog/prices';

const costs = (credits: number): PriceEstimate => ({ known: true, credits });
const unpriced = (atLeast = 0): PriceEstimate => ({ known: false, atLeast, why: 'not documented' });

/** Whether a promise has settled after the microtasks queued so far. */
async function state(promise: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
	let result: 'pending' | 'resolved' | 'rejected' = 'pending';
	promise.then(
		() => (result = 'resolved'),
		() => (result = 'rejected'),
	);
	for (let i = 0; i < 10; i++) await Promise.resolve();
	return result;
}

describe('SpendGuard (Max Credits per Run)', () => {
	it('without a budget admits everything at once and only adds up the charges', async () => {
		const guard = new SpendGuard();
		await guard.admit(0, costs(1_000_000));
		await guard.admit(1, unpriced());
		guard.settle(0, 30);
		guard.settle(1, 12);
		expect(guard.total).toBe(42);
	});

	it('reserves before the create, so concurrent creates never pass the budget together', async () => {
		const guard = new SpendGuard(100);
		await guard.admit(0, costs(40));
		await guard.admit(1, costs(40));
		// 80 reserved, 40 more would pass 100: it waits for the creates in flight…
		const third = guard.admit(2, costs(40));
		expect(await state(third)).toBe('pending');
		// …and is refused once they are settled at their charge.
		guard.settle(0, 40);
		expect(await state(third)).toBe('pending');
		guard.settle(1, 40);
		await expect(third).rejects.toThrow(
			'Not started: budget of 100 credits reached (80 spent by this run)',
		);
		expect(guard.total).toBe(80);
	});

	it('a create that charged less than reserved lets a waiting one start', async () => {
		const guard = new SpendGuard(100);
		await guard.admit(0, costs(60));
		const second = guard.admit(1, costs(50));
		expect(await state(second)).toBe('pending');
		guard.settle(0, 45);
		expect(await state(second)).toBe('resolved');
		expect(guard.total).toBe(95);
	});

	it('a create that failed without a job frees its reservation; one that may have created a job keeps it', async () => {
		const guard = new SpendGuard(100);
		await guard.admit(0, costs(60));
		guard.release(0);
		await guard.admit(1, costs(60));
		guard.keep(1);
		await expect(guard.admit(2, costs(60))).rejects.toThrow(/60 spent by this run/);
	});

	it('once one item is refused, every later item is refused, even a cheaper one', async () => {
		const guard = new SpendGuard(100);
		await guard.admit(0, costs(90));
		guard.settle(0, 90);
		await expect(guard.admit(1, costs(20))).rejects.toBeInstanceOf(BudgetReachedError);
		await expect(guard.admit(2, costs(5))).rejects.toThrow(/budget of 100 credits reached/);
	});

	it('a create of unknown price runs alone and holds all that is left until its charge is known', async () => {
		const guard = new SpendGuard(100);
		await guard.admit(0, costs(30));
		const unknown = guard.admit(1, unpriced(10));
		expect(await state(unknown)).toBe('pending');
		guard.settle(0, 30);
		expect(await state(unknown)).toBe('resolved');
		expect(guard.total).toBe(100);
		const next = guard.admit(2, costs(10));
		expect(await state(next)).toBe('pending');
		guard.settle(1, 25);
		expect(await state(next)).toBe('resolved');
		expect(guard.total).toBe(65);
	});

	it('refuses an unknown price whose documented minimum no longer fits, and one when nothing is left', async () => {
		const guard = new SpendGuard(50);
		await guard.admit(0, costs(45));
		guard.settle(0, 45);
		await expect(guard.admit(1, unpriced(10))).rejects.toThrow(/45 spent/);
		const empty = new SpendGuard(10);
		await empty.admit(0, costs(10));
		empty.settle(0, 10);
		await expect(empty.admit(1, unpriced(0))).rejects.toThrow(/10 spent/);
	});

	it('the next create of unknown price needs as much left as the priciest one before charged', async () => {
		const guard = new SpendGuard(250);
		await guard.admit(0, unpriced());
		guard.settle(0, 150);
		// 100 left, but the same kind of job just charged 150: it would pass the budget.
		await expect(guard.admit(1, unpriced())).rejects.toThrow(
			'Not started: budget of 250 credits reached (150 spent by this run)',
		);
	});

	it('a free create fits a full budget', async () => {
		const guard = new SpendGuard(10);
		await guard.admit(0, costs(10));
		guard.settle(0, 10);
		await expect(guard.admit(1, costs(0))).resolves.toBeUndefined();
	});

	it('a retry after a wait is refused when a video final charge grew meanwhile', async () => {
		const guard = new SpendGuard(100);
		await guard.admit(0, costs(50));
		guard.settle(0, 50);
		await guard.admit(1, costs(50));
		expect(() => guard.checkStillFits(1)).not.toThrow();
		guard.settle(0, 70); // the video's final charge
		expect(() => guard.checkStillFits(1)).toThrow(
			'Not started: budget of 100 credits reached (70 spent by this run)',
		);
		expect(guard.total).toBe(70);
	});

	it('a waiting admission ends with the stop reason when the run stops', async () => {
		const guard = new SpendGuard(10);
		await guard.admit(0, costs(10));
		const stop = new AbortController();
		const waiting = guard.admit(1, costs(5), stop.signal);
		expect(await state(waiting)).toBe('pending');
		stop.abort(new Error('another item failed'));
		await expect(waiting).rejects.toThrow('another item failed');
	});
});

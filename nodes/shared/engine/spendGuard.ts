import type { PriceEstimate } from '../catalog/prices';
import { throwIfCancelled } from '../transport/cancellation';

/** Why a create was not started: the run's budget would be passed. */
export class BudgetReachedError extends Error {
	constructor(
		readonly budget: number,
		readonly spent: number,
	) {
		super(`Not started: budget of ${budget} credits reached (${spent} spent by this run)`);
		this.name = 'BudgetReachedError';
	}
}

/**
 * The credits of one run ("Max Credits per Run"): what each item's job costs, as far as known.
 * A create is admitted only when its price fits beside everything already counted, and its price
 * is reserved before it is sent, so creates running at the same time cannot overshoot together;
 * Magic Hour's answer then replaces the reservation (`settle`), and a video's final charge
 * replaces its estimate. A create whose price is not known runs alone and holds all that is left
 * until Magic Hour says what it charged; the next one starts only when the most such a create
 * charged in this run is still left. Once one item is refused, every later one is refused too. Without a budget it only adds up the charges (`total`) and admits everything at once.
 */
export class SpendGuard {
	/** Credits counted per item: reserved while its create is in flight, then as reported. */
	private readonly counted = new Map<number, number>();
	/** The sum of `counted`, kept as it changes. */
	private sum = 0;
	private readonly inFlight = new Set<number>();
	/** The item whose create of unknown price is in flight, holding all that was left. */
	private alone: number | undefined;
	/** The most a create of unknown price charged in this run: the least the next one is taken to cost. */
	private unknownPriceSeen = 0;
	private refusal: BudgetReachedError | undefined;
	private waiters: Array<() => void> = [];

	/** `budget` undefined: no limit. */
	constructor(readonly budget?: number) {}

	/** Credits this run charged (estimates for creates in flight and unfinished videos). */
	get total(): number {
		return this.sum;
	}

	/**
	 * Resolves once the item's create may be sent (its price is then reserved); waits while
	 * creates in flight may still change the figures; throws BudgetReachedError when the price does
	 * not fit, and the stop signal's reason when the run stops meanwhile.
	 */
	async admit(itemIndex: number, price: PriceEstimate, stop?: AbortSignal): Promise<void> {
		const budget = this.budget;
		if (budget === undefined) return;
		for (;;) {
			throwIfCancelled(stop);
			if (this.refusal) throw new BudgetReachedError(budget, this.refusal.spent);
			const committed = this.total;
			const left = budget - committed;
			if (price.known) {
				if (this.alone === undefined && price.credits <= left) {
					this.reserve(itemIndex, price.credits);
					return;
				}
			} else if (
				this.inFlight.size === 0 &&
				left > 0 &&
				Math.max(price.atLeast, this.unknownPriceSeen) <= left
			) {
				this.alone = itemIndex;
				this.reserve(itemIndex, left);
				return;
			}
			if (this.inFlight.size === 0) {
				this.refusal = new BudgetReachedError(budget, committed);
				throw new BudgetReachedError(budget, committed);
			}
			await this.nextChange(stop);
		}
	}

	/**
	 * Before a further attempt of an admitted create (after a 429 wait): throws BudgetReachedError
	 * when the reported charges have grown meanwhile (a video's final charge) so that this create
	 * no longer fits; the reservation is then released.
	 */
	checkStillFits(itemIndex: number): void {
		const budget = this.budget;
		if (budget === undefined || !this.inFlight.has(itemIndex)) return;
		const committed = this.total;
		if (committed <= budget) return;
		const spent = committed - (this.counted.get(itemIndex) ?? 0);
		this.release(itemIndex);
		this.refusal ??= new BudgetReachedError(budget, spent);
		throw new BudgetReachedError(budget, spent);
	}

	/** Magic Hour reported the item's charge (create answer, or a video's final charge). */
	settle(itemIndex: number, credits: number): void {
		if (this.alone === itemIndex) this.unknownPriceSeen = Math.max(this.unknownPriceSeen, credits);
		this.count(itemIndex, credits);
		this.done(itemIndex);
	}

	/** The create failed and created no job: its reservation is freed. */
	release(itemIndex: number): void {
		this.count(itemIndex, 0);
		this.counted.delete(itemIndex);
		this.done(itemIndex);
	}

	/** The create may have created a job whose charge is unknown: its reservation stays counted. */
	keep(itemIndex: number): void {
		this.done(itemIndex);
	}

	private count(itemIndex: number, credits: number): void {
		this.sum += credits - (this.counted.get(itemIndex) ?? 0);
		this.counted.set(itemIndex, credits);
	}

	private reserve(itemIndex: number, credits: number): void {
		this.count(itemIndex, credits);
		this.inFlight.add(itemIndex);
	}

	private done(itemIndex: number): void {
		this.inFlight.delete(itemIndex);
		if (this.alone === itemIndex) this.alone = undefined;
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	private async nextChange(stop?: AbortSignal): Promise<void> {
		await new Promise<void>((resolve) => {
			const wake = () => {
				stop?.removeEventListener('abort', wake);
				resolve();
			};
			this.waiters.push(wake);
			stop?.addEventListener('abort', wake, { once: true });
		});
	}
}

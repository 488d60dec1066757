/** The single emulated account: credit balance, tier, and GET /v1/account. */
import type { Tier } from './types';

const plans: Record<Exclude<Tier, 'free'>, { name: string; amount: number }> = {
	creator: { name: 'Creator', amount: 1500 },
	pro: { name: 'Pro', amount: 4900 },
	business: { name: 'Business', amount: 24900 },
};

export class Account {
	readonly id = 'cacct0emulator0000000000';
	readonly email = 'developer@emulator.invalid';
	private balance: number;

	constructor(
		private readonly startingCredits: number,
		readonly tier: Tier,
	) {
		this.balance = startingCredits;
	}

	get credits(): number {
		return this.balance;
	}

	setCredits(n: number): void {
		if (!Number.isFinite(n) || n < 0)
			throw new RangeError(`credits must be a non-negative number, got ${n}`);
		this.balance = Math.floor(n);
	}

	/** Takes `cost` credits if the balance allows it. */
	tryCharge(cost: number): boolean {
		if (this.balance < cost) return false;
		this.balance -= cost;
		return true;
	}

	/** Takes (or, when negative, gives back) a difference in charge; the balance stops at 0. */
	adjust(difference: number): void {
		this.balance = Math.max(0, this.balance - difference);
	}

	refund(amount: number): void {
		this.balance += amount;
	}

	reset(): void {
		this.balance = this.startingCredits;
	}

	/** Body of GET /v1/account. */
	toJson(): Record<string, unknown> {
		const plan = this.tier === 'free' ? undefined : plans[this.tier];
		return {
			id: this.id,
			email: this.email,
			tier: this.tier,
			credits: this.balance,
			subscription: plan
				? {
						name: plan.name,
						status: 'active',
						price: { amount: plan.amount, currency: 'usd' },
						discount: null,
						billing_interval: 'month',
						current_period_end: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
						cancel_at_period_end: false,
					}
				: null,
		};
	}
}

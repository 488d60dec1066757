/** Fault injection: rules matched against each request, applied in the order they were added. */
import { z } from 'zod';
import type { Fault, FaultRule } from './types';

interface ActiveRule {
	match: string;
	pattern: RegExp;
	remaining: number;
	fault: Fault;
}

/** '*' matches any run of characters (including '/' and spaces); everything else is literal. */
export function patternToRegExp(match: string): RegExp {
	const escaped = match
		.trim()
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${escaped}$`, 'i');
}

export const faultSchema: z.ZodType<Fault> = z.union([
	z.object({
		type: z.literal('status'),
		status: z.number().int().min(100).max(599),
		body: z.unknown().optional(),
	}),
	z.object({
		type: z.literal('rate-limit'),
		retryAfterSeconds: z.number().nonnegative().optional(),
	}),
	z.object({ type: z.literal('reset') }),
	z.object({ type: z.literal('reset-after-accept') }),
	z.object({ type: z.literal('slow-headers'), delayMs: z.number().nonnegative() }),
	z.object({ type: z.literal('truncate'), afterBytes: z.number().int().nonnegative() }),
	z.object({ type: z.literal('length-mismatch') }),
	z.object({ type: z.literal('expire') }),
	z.object({
		type: z.literal('rewrite-body'),
		omit: z.array(z.string()).optional(),
		set: z.record(z.unknown()).optional(),
	}),
]) as z.ZodType<Fault>;

export const faultRuleSchema: z.ZodType<FaultRule> = z.object({
	match: z.string().min(1),
	times: z.number().int().positive().optional(),
	fault: faultSchema,
}) as z.ZodType<FaultRule>;

export class FaultBook {
	private rules: ActiveRule[] = [];

	add(rule: FaultRule): void {
		const parsed = faultRuleSchema.parse(rule);
		this.rules.push({
			match: parsed.match,
			pattern: patternToRegExp(parsed.match),
			remaining: parsed.times ?? 1,
			fault: parsed.fault,
		});
	}

	clear(): void {
		this.rules = [];
	}

	/**
	 * The fault for this request, if any: the first rule (in insertion order) with uses
	 * left whose pattern matches `METHOD /path` or `METHOD /normalized/:route`.
	 */
	take(method: string, path: string, route: string): Fault | undefined {
		const candidates = [`${method} ${path}`, route];
		const rule = this.rules.find(
			(r) => r.remaining > 0 && candidates.some((c) => r.pattern.test(c)),
		);
		if (!rule) return undefined;
		rule.remaining -= 1;
		this.rules = this.rules.filter((r) => r.remaining > 0);
		return rule.fault;
	}

	list(): Array<{ match: string; remaining: number; fault: Fault }> {
		return this.rules.map(({ match, remaining, fault }) => ({ match, remaining, fault }));
	}
}

import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

export interface NumberRule {
	/** The field's name as the user sees it. */
	label: string;
	min: number;
	max?: number;
	integer?: boolean;
	/** Where the field is, as in "Set <label> <where>". Default: in the node's Execution Settings. */
	where?: string;
}

export const NUMBER_RULES = {
	maxConcurrency: { label: 'Max Concurrent Jobs', min: 1, max: 50, integer: true },
	pollIntervalSeconds: { label: 'Poll Every (Seconds)', min: 0.05 },
	checkEverySeconds: { label: 'Check Status Every (Seconds)', min: 0 },
	expectedSeconds: { label: 'Expected Duration (Seconds)', min: 0 },
	timeoutMinutes: { label: 'Timeout (Minutes)', min: 0 },
	savedItemsLimit: { label: 'Limit', min: 1, integer: true, where: 'in the node' },
	maxCreditsPerRun: { label: 'Max Credits per Run', min: 0 },
} satisfies Record<string, NumberRule>;

function shown(value: unknown): string {
	const text =
		typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * A number option as the node uses it: unset gives `fallback`; a number (or numeric text, as an
 * expression may return) within the rule's range is taken; anything else fails naming the field,
 * before any request (an option that is not a number must not quietly turn into another setting).
 */
export function numberOption(
	node: INode,
	value: unknown,
	fallback: number,
	rule: NumberRule,
	itemIndex: number,
): number {
	if (value === undefined || value === null) return fallback;
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim()
				? Number(value)
				: NaN;
	const range = rule.max === undefined ? `${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
	const fail = (problem: string) =>
		new NodeOperationError(node, `"${rule.label}" ${problem}`, {
			itemIndex,
			description: `Set "${rule.label}" ${rule.where ?? "in the node's Execution Settings"} to a number ${range}; an expression there must return a number. Nothing was sent to Magic Hour and no credits were used.`,
		});
	if (!Number.isFinite(number)) throw fail(`must be a number, but it is ${shown(value)}`);
	if (number < rule.min || (rule.max !== undefined && number > rule.max))
		throw fail(`must be ${range}, but it is ${number}`);
	return rule.integer ? Math.floor(number) : number;
}

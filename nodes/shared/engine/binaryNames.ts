import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IBinaryKeyData, INode } from 'n8n-workflow';

/** Names that would reach an object's prototype machinery instead of a field of its own. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_LENGTH = 200;

/**
 * Why `name` cannot be a binary field name, if it cannot: reserved (`binary['__proto__'] = …`
 * would set the prototype and the file would vanish), too long, or holding control characters.
 */
function problemWith(name: string): string | undefined {
	if (RESERVED.has(name)) return 'is a reserved name';
	if (name.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
	// eslint-disable-next-line no-control-regex -- control characters are what is refused
	if (/[\u0000-\u001f\u007f]/.test(name)) return 'holds control characters';
	return undefined;
}

/**
 * A binary field name the user set (an output prefix or an input field), trimmed; unset or blank
 * gives `fallback`. Anything else that cannot be a field of its own fails naming the setting,
 * before any request.
 */
export function binaryFieldName(
	node: INode,
	value: unknown,
	label: string,
	itemIndex: number,
	fallback = 'data',
): string {
	if (value === undefined || value === null) return fallback;
	const name = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const problem =
		typeof value === 'string' || typeof value === 'number' ? problemWith(name) : 'is not text';
	if (problem === undefined) return name || fallback;
	const shown = String(JSON.stringify(value) ?? value).slice(0, 60);
	throw new NodeOperationError(
		node,
		`"${label}" ${shown} is not a valid binary field name: it ${problem}`,
		{
			itemIndex,
			description:
				'Use a name such as "data" (letters, digits, "_" or "-"). Nothing was sent to Magic Hour.',
		},
	);
}

/** Stores a file under `key` as a field of its own, whatever the key (never the prototype). */
export function setBinaryField(binary: IBinaryKeyData, key: string, data: IBinaryData): void {
	Object.defineProperty(binary, key, {
		value: data,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

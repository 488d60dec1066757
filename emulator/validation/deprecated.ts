/**
 * Request values the emulator accepts although the spec does not list them.
 *
 * The live spec keeps its deprecated fields (flagged `deprecated`, kept in spec.json), so they need
 * no entry here. What remains are values older clients still send that the spec dropped without a
 * deprecation: every entry is an explicit, per-endpoint exception; anything else not in the spec
 * stays an `unknown field` or an invalid value.
 *
 * `schema` adds an optional field at `path`; `extraEnum` widens an existing enum at `path`.
 */
import type { JsonSchema } from './schema-to-zod';

export interface DeprecatedExtra {
	path: string;
	schema?: JsonSchema;
	extraEnum?: string[];
	why: string;
}

export const DEPRECATED_EXTRAS: Readonly<Record<string, ReadonlyArray<DeprecatedExtra>>> = {
	'/v1/ai-voice-generator': [
		{
			path: 'style.voice_name',
			extraEnum: ['Bob Barker'],
			why: 'voice still listed by SDK 0.43.1, dropped from the spec',
		},
	],
};

function clone<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}

/** The endpoint's schema with its deprecated extras merged in (the input is not modified). */
export function withDeprecated(
	schema: JsonSchema,
	extras: ReadonlyArray<DeprecatedExtra> | undefined,
): JsonSchema {
	const out = clone(schema);
	for (const extra of extras ?? []) {
		const parts = extra.path.split('.');
		const leaf = parts.pop() as string;
		let node = out;
		for (const part of parts) {
			const next = node.properties?.[part];
			if (!next) throw new Error(`deprecated extra ${extra.path}: no object at ${part}`);
			node = next;
		}
		if (extra.schema) {
			if (node.properties?.[leaf])
				throw new Error(`deprecated extra ${extra.path}: already in the spec`);
			node.properties = { ...(node.properties ?? {}), [leaf]: clone(extra.schema) };
		}
		if (extra.extraEnum) {
			const target = node.properties?.[leaf];
			if (!target?.enum) throw new Error(`deprecated extra ${extra.path}: no enum to widen`);
			target.enum = [...target.enum, ...extra.extraEnum.filter((v) => !target.enum!.includes(v))];
		}
	}
	return out;
}

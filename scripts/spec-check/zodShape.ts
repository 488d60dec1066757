/**
 * What a tool's zod schema accepts, flattened like `flatten()` of the OpenAPI side: every field by
 * dotted path (array items as `[]`) with the values it knows when the field is an enum (closed
 * `z.enum`, a union of literals, or an `openEnum` of the catalog).
 */
import type { z } from 'zod';

import { knownValuesOf } from '../../nodes/shared/catalog/schemaHelpers';

export interface ZodField {
	path: string;
	values?: string[];
}

interface Def {
	typeName?: string;
	innerType?: z.ZodTypeAny;
	schema?: z.ZodTypeAny;
	shape?: () => Record<string, z.ZodTypeAny>;
	type?: z.ZodTypeAny;
	values?: unknown;
	options?: z.ZodTypeAny[];
	value?: unknown;
}

const defOf = (schema: z.ZodTypeAny): Def => (schema as unknown as { _def: Def })._def;

/** The schema under optional/nullable/default/refinements. */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
	let node = schema;
	for (;;) {
		const def = defOf(node);
		const inner = def.innerType ?? (def.typeName === 'ZodEffects' ? def.schema : undefined);
		if (!inner) return node;
		node = inner;
	}
}

function valuesOf(schema: z.ZodTypeAny): string[] | undefined {
	const known = knownValuesOf(schema);
	if (known) return [...known];
	const def = defOf(schema);
	if (def.typeName === 'ZodEnum' && Array.isArray(def.values)) return def.values.map(String);
	if (
		def.typeName === 'ZodUnion' &&
		def.options?.every((option) => defOf(unwrap(option)).typeName === 'ZodLiteral')
	) {
		return def.options.map((option) => String(defOf(unwrap(option)).value));
	}
	return undefined;
}

export function zodFields(schema: z.ZodTypeAny, prefix = ''): ZodField[] {
	const node = unwrap(schema);
	const def = defOf(node);
	const out: ZodField[] = [];
	if (def.typeName === 'ZodObject' && def.shape) {
		for (const [key, child] of Object.entries(def.shape())) {
			const p = prefix ? `${prefix}.${key}` : key;
			const inner = unwrap(child);
			const values = valuesOf(inner);
			out.push({ path: p, ...(values ? { values } : {}) });
			out.push(...zodFields(inner, p));
		}
	} else if (def.typeName === 'ZodArray' && def.type) {
		const item = unwrap(def.type);
		const itemPath = `${prefix}.[]`;
		const values = valuesOf(item);
		if (values) out.push({ path: itemPath, values });
		else out.push(...zodFields(item, itemPath));
	}
	return out;
}

/**
 * A deliberately small JSON-schema → zod converter, covering exactly the keywords that
 * `scripts/derive-emulator-spec.ts` keeps in `spec.json`:
 * type, properties, required, enum, minimum, maximum, multipleOf, minLength, maxLength,
 * pattern, format (uri), items, minItems, maxItems, nullable. (`default` and `deprecated` are
 * informational: the validator never fills defaults in, the rules read them where they matter;
 * deprecated fields are accepted like the others.)
 *
 * Objects are strict: a key the schema does not know is an error (`style.promt: unknown field`).
 * `issueToFailure` turns the first zod issue into `{ field, message }` with a dotted field path.
 */
import { z } from 'zod';

export interface JsonSchema {
	type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
	properties?: Record<string, JsonSchema>;
	required?: string[];
	enum?: Array<string | number | boolean>;
	minimum?: number;
	maximum?: number;
	multipleOf?: number;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	format?: string;
	items?: JsonSchema;
	minItems?: number;
	maxItems?: number;
	nullable?: boolean;
	default?: unknown;
	deprecated?: boolean;
}

/** Long enums (1,267 voices, 101 meme templates) are cut in messages after this many values. */
const MAX_LISTED_VALUES = 12;

export function listValues(values: ReadonlyArray<unknown>): string {
	const shown = values.slice(0, MAX_LISTED_VALUES).map((v) => String(v));
	const rest = values.length - shown.length;
	return rest > 0 ? `${shown.join(', ')}, … (${values.length} values in all)` : shown.join(', ');
}

/** Floating-point tolerant `value is a multiple of step` (0.15 is a multiple of 0.05). */
export function isMultipleOf(value: number, step: number): boolean {
	const q = value / step;
	return Math.abs(q - Math.round(q)) < 1e-9;
}

function numberSchema(s: JsonSchema): z.ZodTypeAny {
	let n = z.number();
	if (s.type === 'integer') n = n.int();
	if (s.minimum !== undefined) n = n.gte(s.minimum);
	if (s.maximum !== undefined) n = n.lte(s.maximum);
	let out: z.ZodTypeAny = n;
	if (s.multipleOf !== undefined) {
		const step = s.multipleOf;
		out = out.refine((v: number) => isMultipleOf(v, step), {
			message: `must be a multiple of ${step}`,
		});
	}
	return out;
}

function stringSchema(s: JsonSchema): z.ZodTypeAny {
	let str = z.string();
	if (s.minLength !== undefined) str = str.min(s.minLength);
	if (s.maxLength !== undefined) str = str.max(s.maxLength);
	if (s.pattern !== undefined)
		str = str.regex(new RegExp(s.pattern), { message: `must match ${s.pattern}` });
	if (s.format === 'uri') str = str.url({ message: 'must be a valid URI' });
	return str;
}

function withEnum(base: z.ZodTypeAny, values: ReadonlyArray<unknown>): z.ZodTypeAny {
	const allowed = new Set(values);
	return base.refine((v: unknown) => allowed.has(v), {
		message: `must be one of: ${listValues(values)}`,
	});
}

export function schemaToZod(s: JsonSchema): z.ZodTypeAny {
	let out: z.ZodTypeAny;
	switch (s.type) {
		case 'object': {
			const shape: Record<string, z.ZodTypeAny> = {};
			const required = new Set(s.required ?? []);
			for (const [key, sub] of Object.entries(s.properties ?? {})) {
				const child = schemaToZod(sub);
				shape[key] = required.has(key) ? child : child.optional();
			}
			out = z.object(shape).strict();
			break;
		}
		case 'array': {
			let arr = z.array(s.items ? schemaToZod(s.items) : z.unknown());
			if (s.minItems !== undefined) arr = arr.min(s.minItems);
			if (s.maxItems !== undefined) arr = arr.max(s.maxItems);
			out = arr;
			break;
		}
		case 'string':
			out = stringSchema(s);
			break;
		case 'number':
		case 'integer':
			out = numberSchema(s);
			break;
		case 'boolean':
			out = z.boolean();
			break;
		default:
			out = z.unknown();
	}
	if (s.enum) out = withEnum(out, s.enum);
	if (s.nullable) out = out.nullable();
	return out;
}

export function dotted(path: ReadonlyArray<string | number>): string {
	return path.map(String).join('.');
}

function describeType(t: string): string {
	switch (t) {
		case 'float':
			return 'a number with decimals';
		case 'array':
			return 'an array';
		case 'object':
			return 'an object';
		case 'integer':
			return 'an integer';
		default:
			return `a ${t}`;
	}
}

function sizeMessage(issue: z.ZodTooSmallIssue | z.ZodTooBigIssue, small: boolean): string {
	const limit = small ? (issue as z.ZodTooSmallIssue).minimum : (issue as z.ZodTooBigIssue).maximum;
	const inclusive = issue.inclusive;
	switch (issue.type) {
		case 'string':
			return small
				? `must be at least ${limit} character${limit === 1 ? '' : 's'} long`
				: `must be at most ${limit} characters long`;
		case 'array':
			return small
				? `must have at least ${limit} item${limit === 1 ? '' : 's'}`
				: `must have at most ${limit} items`;
		default:
			if (small) return inclusive ? `must be >= ${limit}` : `must be > ${limit}`;
			return inclusive ? `must be <= ${limit}` : `must be < ${limit}`;
	}
}

/** One zod issue → the dotted field it concerns and a message naming what is wrong. */
export function issueToFailure(issue: z.ZodIssue): { field: string; message: string } {
	const here = dotted(issue.path);
	switch (issue.code) {
		case 'unrecognized_keys': {
			const field = here ? `${here}.${issue.keys[0]}` : issue.keys[0];
			return { field, message: 'unknown field' };
		}
		case 'invalid_type':
			if (issue.received === 'undefined') return { field: here, message: 'is required' };
			if (issue.expected === 'integer' && issue.received === 'float')
				return { field: here, message: 'must be an integer' };
			return {
				field: here,
				message: `must be ${describeType(issue.expected)}, got ${issue.received}`,
			};
		case 'too_small':
			return { field: here, message: sizeMessage(issue, true) };
		case 'too_big':
			return { field: here, message: sizeMessage(issue, false) };
		case 'invalid_string':
			return { field: here, message: issue.message };
		case 'not_multiple_of':
			return { field: here, message: `must be a multiple of ${issue.multipleOf}` };
		default:
			return { field: here, message: issue.message };
	}
}

/** The issue reported to the client: unknown fields first (a typo also makes its real key "missing"), then document order. */
export function firstIssue(issues: ReadonlyArray<z.ZodIssue>): z.ZodIssue | undefined {
	return issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
}

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Reading Magic Hour's OpenAPI document: request-body schemas, query parameters, enums, and the
 * flattened view (dotted field → enum values and limits) that the drift check compares.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface SchemaNode {
	type?: string;
	enum?: unknown[];
	properties?: Record<string, SchemaNode>;
	items?: SchemaNode;
	required?: string[];
	deprecated?: boolean;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	pattern?: string;
	[key: string]: unknown;
}

interface Operation {
	operationId?: string;
	tags?: string[];
	parameters?: Array<{ name: string; in: string; schema?: SchemaNode }>;
	requestBody?: { required?: boolean; content?: Record<string, { schema?: SchemaNode }> };
}

export interface OpenApi {
	info?: { version?: string };
	paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'delete' | 'patch', Operation>>>;
}

export const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

/** "POST /v1/face-swap" for every operation of the document. */
export function operations(openapi: OpenApi): string[] {
	const out: string[] = [];
	for (const [p, item] of Object.entries(openapi.paths)) {
		for (const method of METHODS) if (item[method]) out.push(`${method.toUpperCase()} ${p}`);
	}
	return out.sort();
}

export function operation(openapi: OpenApi, method: string, p: string): Operation | undefined {
	return openapi.paths[p]?.[method as (typeof METHODS)[number]];
}

export function requestSchema(openapi: OpenApi, p: string): SchemaNode | undefined {
	return operation(openapi, 'post', p)?.requestBody?.content?.['application/json']?.schema;
}

/** Project kind of a create endpoint, from its tag; undefined for other operations. */
export function createKind(openapi: OpenApi, p: string): 'video' | 'image' | 'audio' | undefined {
	const tags = operation(openapi, 'post', p)?.tags ?? [];
	if (tags.includes('Video Projects')) return 'video';
	if (tags.includes('Image Projects')) return 'image';
	if (tags.includes('Audio Projects')) return 'audio';
	return undefined;
}

export function schemaAt(schema: SchemaNode | undefined, dotted: string): SchemaNode | undefined {
	let node = schema;
	for (const part of dotted.split('.')) {
		if (part === '[]') node = node?.items;
		else node = node?.properties?.[part];
	}
	return node;
}

/** Enum values of a request-body field (post) or a query parameter (get). */
export function enumAt(
	openapi: OpenApi,
	method: 'get' | 'post',
	p: string,
	field: string,
): string[] {
	const node =
		method === 'post'
			? schemaAt(requestSchema(openapi, p), field)
			: operation(openapi, 'get', p)?.parameters?.find((param) => param.name === field)?.schema;
	if (!Array.isArray(node?.enum) || node.enum.length === 0) {
		throw new Error(`no enum at ${method.toUpperCase()} ${p} ${field}`);
	}
	return node.enum.map(String);
}

/** One request-body field, flattened: where it is and what the schema checks. */
export interface FlatField {
	path: string;
	deprecated: boolean;
	enum?: string[];
	limits: Record<string, number>;
}

const LIMIT_KEYWORDS = [
	'minimum',
	'maximum',
	'minLength',
	'maxLength',
	'minItems',
	'maxItems',
] as const;

/** Every leaf and object field of a schema, by dotted path (array items as `[]`). */
export function flatten(
	schema: SchemaNode | undefined,
	prefix = '',
	inheritedDeprecated = false,
): FlatField[] {
	if (!schema) return [];
	const out: FlatField[] = [];
	for (const [name, sub] of Object.entries(schema.properties ?? {})) {
		const p = prefix ? `${prefix}.${name}` : name;
		const deprecated = inheritedDeprecated || sub.deprecated === true;
		const limits: Record<string, number> = {};
		for (const keyword of LIMIT_KEYWORDS)
			if (typeof sub[keyword] === 'number') limits[keyword] = sub[keyword] as number;
		out.push({
			path: p,
			deprecated,
			...(Array.isArray(sub.enum) ? { enum: sub.enum.map(String) } : {}),
			limits,
		});
		if (sub.properties) out.push(...flatten(sub, p, deprecated));
		if (sub.items) {
			const itemPath = `${p}.[]`;
			if (sub.items.properties) out.push(...flatten(sub.items, itemPath, deprecated));
			else if (Array.isArray(sub.items.enum)) {
				out.push({ path: itemPath, deprecated, enum: sub.items.enum.map(String), limits: {} });
			}
		}
	}
	return out;
}

/**
 * `../shared/magic-hour/<name>` beside the clone (as in CI); from a worktree nested deeper, the
 * nearest ancestor's `shared/magic-hour/<name>`. Undefined when there is none.
 */
export function sharedMagicHourFile(
	name: string,
	from = path.resolve(__dirname, '../..'),
): string | undefined {
	for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'shared', 'magic-hour', name);
		if (fs.existsSync(candidate)) return candidate;
		if (path.dirname(dir) === dir) return undefined;
	}
}

export function readOpenApi(file: string): OpenApi {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApi;
}

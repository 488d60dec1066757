/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Derives `emulator/validation/spec.json` from Magic Hour's newest OpenAPI document.
 *
 *   npx ts-node --transpile-only scripts/derive-emulator-spec.ts [path/to/openapi.json]
 *
 * For every POST endpoint that takes a JSON body (the 28 create tools, face detection and the
 * upload-URL endpoint) it keeps only the machine-checkable part of the request-body schema:
 * human prose (`description`, `example`, `title`, …) is dropped, validation keywords are kept,
 * and so is the `deprecated` flag (the live spec keeps deprecated fields; the emulator accepts
 * them, the drift check does not expect the nodes to offer them). Query parameters of the GET
 * list endpoints (saved items) are kept the same way.
 * The emulator reads only the generated file, never the OpenAPI document itself.
 */
import * as fs from 'fs';
import * as path from 'path';

import { sharedMagicHourFile } from './spec-check/openapi';

const ROOT = path.resolve(__dirname, '..');
const TARGET = path.resolve(ROOT, 'emulator/validation/spec.json');

/** JSON-schema keywords that carry validation meaning; everything else is dropped. */
const KEPT_KEYWORDS = [
	'type',
	'deprecated',
	'nullable',
	'enum',
	'default',
	'format',
	'minimum',
	'maximum',
	'multipleOf',
	'minLength',
	'maxLength',
	'pattern',
	'minItems',
	'maxItems',
	'required',
	'properties',
	'items',
] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: unknown): v is JsonObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strip(schema: Json, where: string): JsonObject {
	if (!isObject(schema)) throw new Error(`${where}: schema is not an object`);
	for (const combinator of ['anyOf', 'oneOf', 'allOf', 'not', '$ref']) {
		if (combinator in schema) throw new Error(`${where}: unsupported keyword ${combinator}`);
	}
	const out: JsonObject = {};
	for (const key of KEPT_KEYWORDS) {
		if (!(key in schema)) continue;
		const value = schema[key];
		if (key === 'properties') {
			if (!isObject(value)) throw new Error(`${where}.properties is not an object`);
			const props: JsonObject = {};
			for (const [name, sub] of Object.entries(value)) props[name] = strip(sub, `${where}.${name}`);
			out.properties = props;
		} else if (key === 'items') {
			out.items = strip(value, `${where}[]`);
		} else {
			out[key] = value;
		}
	}
	return out;
}

function kindOf(p: string, tags: Json): string {
	const tagList = Array.isArray(tags) ? tags : [];
	if (tagList.includes('Video Projects')) return 'video';
	if (tagList.includes('Image Projects')) return 'image';
	if (tagList.includes('Audio Projects')) return 'audio';
	if (p === '/v1/face-detection') return 'face-detection';
	if (p === '/v1/files/upload-urls') return 'upload';
	throw new Error(`${p}: cannot tell the endpoint kind (tags ${JSON.stringify(tags)})`);
}

/** Query parameters of GET endpoints without a path parameter (lists such as saved items). */
function listQueries(paths: JsonObject): JsonObject {
	const lists: JsonObject = {};
	for (const [p, item] of Object.entries(paths)) {
		if (p.includes('{') || !isObject(item) || !isObject(item.get)) continue;
		const params = Array.isArray(item.get.parameters) ? item.get.parameters : [];
		const query: JsonObject = {};
		for (const param of params) {
			if (isObject(param) && param.in === 'query' && typeof param.name === 'string') {
				query[param.name] = strip(param.schema ?? {}, `${p}?${param.name}`);
			}
		}
		if (Object.keys(query).length > 0)
			lists[p] = { operationId: item.get.operationId ?? null, query };
	}
	return lists;
}

export function derive(openapi: JsonObject, sourceName = 'openapi-2026-10.json'): JsonObject {
	const paths = openapi.paths;
	if (!isObject(paths)) throw new Error('openapi.paths missing');
	const endpoints: JsonObject = {};
	for (const [p, item] of Object.entries(paths)) {
		if (!isObject(item) || !isObject(item.post)) continue;
		const op = item.post;
		const body = op.requestBody;
		if (!isObject(body)) continue;
		const content = body.content;
		if (!isObject(content) || !isObject(content['application/json'])) continue;
		const schema = (content['application/json'] as JsonObject).schema;
		endpoints[p] = {
			operationId: op.operationId ?? null,
			kind: kindOf(p, op.tags ?? null),
			bodyRequired: body.required === true,
			schema: strip(schema, p),
		};
	}
	const info = isObject(openapi.info) ? openapi.info : {};
	return {
		generatedBy: 'scripts/derive-emulator-spec.ts',
		source: sourceName,
		apiVersion: (info.version as Json) ?? null,
		endpoints,
		lists: listQueries(paths),
	};
}

function main(): void {
	const source = path.resolve(
		process.argv[2] ?? sharedMagicHourFile('openapi-2026-10.json') ?? 'openapi.json',
	);
	const openapi = JSON.parse(fs.readFileSync(source, 'utf8')) as JsonObject;
	const result = derive(openapi, path.basename(source));
	fs.mkdirSync(path.dirname(TARGET), { recursive: true });
	fs.writeFileSync(TARGET, JSON.stringify(result, null, '\t') + '\n');
	const count = Object.keys(result.endpoints as JsonObject).length;
	console.log(`wrote ${path.relative(ROOT, TARGET)} (${count} endpoints)`);
}

if (require.main === module) main();

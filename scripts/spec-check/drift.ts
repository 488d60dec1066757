/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Drift between a Magic Hour OpenAPI document and what this package knows: the catalog (tools,
 * their request fields and enum values, the other operations the nodes call, the generated value
 * lists) and the emulator (routes, spec.json).
 *
 * Each finding has a stable `key` ("<area> <kind> <operation> [field] [value]") that the
 * accepted-drift file can list with a reason.
 */
import * as fs from 'fs';
import * as path from 'path';

import { buildApiRouter } from '../../emulator/apiRoutes';
import type { EmulatorContext } from '../../emulator/context';
import { spec as emulatorSpec } from '../../emulator/validation';
import { createEndpoints } from '../../emulator/validation/endpoints';
import { OTHER_API_OPERATIONS } from '../../nodes/shared/catalog/apiOperations';
import { jobNameBody } from '../../nodes/shared/catalog/requestBody';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { derive } from '../derive-emulator-spec';
import { generatedFiles } from '../generate-spec-lists';
import {
	createKind,
	flatten,
	operations,
	requestSchema,
	type FlatField,
	type OpenApi,
	type SchemaNode,
} from './openapi';
import { zodFields } from './zodShape';

export type DriftArea = 'catalog' | 'emulator' | 'generated';
export type DriftKind =
	| 'missing-operation'
	| 'extra-operation'
	| 'missing-field'
	| 'extra-field'
	| 'missing-value'
	| 'removed-value'
	| 'changed-limit'
	| 'stale-file';

export interface Drift {
	key: string;
	area: DriftArea;
	kind: DriftKind;
	operation: string;
	field?: string;
	value?: string;
	detail?: string;
}

function drift(
	area: DriftArea,
	kind: DriftKind,
	operation: string,
	field?: string,
	value?: string,
	detail?: string,
): Drift {
	const key = [area, kind, operation, field, value].filter((part) => part !== undefined).join(' ');
	return {
		key,
		area,
		kind,
		operation,
		...(field ? { field } : {}),
		...(value !== undefined ? { value } : {}),
		...(detail ? { detail } : {}),
	};
}

const ROOT = path.resolve(__dirname, '../..');

/** Compares two value lists; `missing` in `have`, `removed` (in `have`, not in `want`). */
function compareValues(want: string[], have: string[]) {
	return {
		missing: want.filter((v) => !have.includes(v)),
		removed: have.filter((v) => !want.includes(v)),
	};
}

// ---------------------------------------------------------------------------------------------
// catalog
// ---------------------------------------------------------------------------------------------

function catalogOperations(): string[] {
	return [...TOOLS.map((tool) => `POST ${tool.endpoint}`), ...OTHER_API_OPERATIONS];
}

function catalogFieldDrift(openapi: OpenApi, endpoint: string): Drift[] {
	const tool = TOOLS.find((t) => t.endpoint === endpoint);
	if (!tool) return [];
	const operation = `POST ${endpoint}`;
	const out: Drift[] = [];
	const specFields = flatten(requestSchema(openapi, endpoint));
	const ours = new Map(
		[...zodFields(jobNameBody), ...zodFields(tool.schema)].map((field) => [field.path, field]),
	);
	const theirs = new Map(specFields.map((field) => [field.path, field]));
	for (const field of specFields) {
		const mine = ours.get(field.path);
		if (!mine) {
			// Deprecated fields are accepted by Magic Hour for old clients; the nodes do not offer them.
			if (!field.deprecated) out.push(drift('catalog', 'missing-field', operation, field.path));
			continue;
		}
		if (field.enum && !field.deprecated) {
			if (!mine.values) {
				out.push(
					drift(
						'catalog',
						'missing-value',
						operation,
						field.path,
						'*',
						'the spec lists values, the catalog checks none',
					),
				);
				continue;
			}
			const { missing, removed } = compareValues(field.enum, mine.values);
			for (const value of missing)
				out.push(drift('catalog', 'missing-value', operation, field.path, value));
			for (const value of removed)
				out.push(drift('catalog', 'removed-value', operation, field.path, value));
		}
	}
	for (const field of ours.values()) {
		if (!theirs.has(field.path)) out.push(drift('catalog', 'extra-field', operation, field.path));
	}
	return out;
}

function generatedDrift(openapi: OpenApi, source: string): Drift[] {
	const out: Drift[] = [];
	for (const [file, render] of Object.entries(generatedFiles(openapi, source))) {
		const stale = (detail: string) =>
			drift('generated', 'stale-file', path.relative(ROOT, file), undefined, undefined, detail);
		let text: string;
		try {
			text = render();
		} catch (error) {
			out.push(stale((error as Error).message));
			continue;
		}
		const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
		// The first line names the source file; only the lists matter.
		const body = (t: string) => t.split('\n').slice(1).join('\n');
		if (body(current) !== body(text)) out.push(stale('run scripts/generate-spec-lists.ts'));
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// emulator
// ---------------------------------------------------------------------------------------------

/** The emulator's route table, without a running emulator (handlers are not called). */
function emulatorHandles(operation: string): boolean {
	const router = buildApiRouter({} as EmulatorContext);
	const [method, template] = operation.split(' ');
	return router.match(method, template.replace(/\{[^}]+\}/g, 'x')) !== undefined;
}

function limitsText(field: FlatField): string {
	return Object.entries(field.limits)
		.map(([keyword, value]) => `${keyword} ${value}`)
		.join(', ');
}

function schemaDrift(
	operation: string,
	want: SchemaNode | undefined,
	have: SchemaNode | undefined,
): Drift[] {
	const out: Drift[] = [];
	const theirs = new Map(flatten(want).map((field) => [field.path, field]));
	const ours = new Map(flatten(have).map((field) => [field.path, field]));
	for (const field of theirs.values()) {
		const mine = ours.get(field.path);
		if (!mine) {
			out.push(drift('emulator', 'missing-field', operation, field.path));
			continue;
		}
		const { missing, removed } = compareValues(field.enum ?? [], mine.enum ?? []);
		for (const value of missing)
			out.push(drift('emulator', 'missing-value', operation, field.path, value));
		for (const value of removed)
			out.push(drift('emulator', 'removed-value', operation, field.path, value));
		if (limitsText(field) !== limitsText(mine)) {
			out.push(
				drift(
					'emulator',
					'changed-limit',
					operation,
					field.path,
					undefined,
					`spec: ${limitsText(field) || 'none'}; emulator: ${limitsText(mine) || 'none'}`,
				),
			);
		}
	}
	for (const field of ours.values()) {
		if (!theirs.has(field.path)) out.push(drift('emulator', 'extra-field', operation, field.path));
	}
	return out;
}

function emulatorSpecDrift(openapi: OpenApi): Drift[] {
	const derived = derive(openapi as never) as unknown as typeof emulatorSpec & {
		lists?: Record<string, { query: Record<string, SchemaNode> }>;
	};
	const current = emulatorSpec as typeof emulatorSpec & {
		lists?: Record<string, { query: Record<string, SchemaNode> }>;
	};
	const out: Drift[] = [];
	const paths = new Set([...Object.keys(derived.endpoints), ...Object.keys(current.endpoints)]);
	for (const p of paths) {
		const operation = `POST ${p}`;
		const want = derived.endpoints[p];
		const have = current.endpoints[p];
		if (!want)
			out.push(
				drift(
					'emulator',
					'extra-operation',
					operation,
					undefined,
					undefined,
					'in spec.json, not in the spec',
				),
			);
		else if (!have)
			out.push(
				drift('emulator', 'missing-operation', operation, undefined, undefined, 'not in spec.json'),
			);
		else out.push(...schemaDrift(operation, want.schema as SchemaNode, have.schema as SchemaNode));
	}
	const lists = new Set([...Object.keys(derived.lists ?? {}), ...Object.keys(current.lists ?? {})]);
	for (const p of lists) {
		const asObject = (query?: Record<string, SchemaNode>): SchemaNode | undefined =>
			query ? { properties: query } : undefined;
		out.push(
			...schemaDrift(
				`GET ${p}`,
				asObject(derived.lists?.[p]?.query),
				asObject(current.lists?.[p]?.query),
			).map((d) => ({ ...d, key: d.key.replace(/^emulator /, 'emulator query ') })),
		);
	}
	if (out.length === 0 && JSON.stringify(derived.endpoints) !== JSON.stringify(current.endpoints)) {
		out.push(
			drift(
				'emulator',
				'stale-file',
				'emulator/validation/spec.json',
				undefined,
				undefined,
				'run scripts/derive-emulator-spec.ts',
			),
		);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------

export function findDrift(openapi: OpenApi, source: string): Drift[] {
	const out: Drift[] = [];
	const specOps = operations(openapi);
	const ours = catalogOperations();
	for (const operation of specOps) {
		if (!ours.includes(operation)) out.push(drift('catalog', 'missing-operation', operation));
		if (!emulatorHandles(operation))
			out.push(
				drift(
					'emulator',
					'missing-operation',
					operation,
					undefined,
					undefined,
					'no emulator route',
				),
			);
	}
	for (const operation of ours) {
		if (!specOps.includes(operation)) out.push(drift('catalog', 'extra-operation', operation));
	}
	for (const endpoint of createEndpoints.map((e) => e.path)) {
		if (!specOps.includes(`POST ${endpoint}`))
			out.push(
				drift(
					'emulator',
					'extra-operation',
					`POST ${endpoint}`,
					undefined,
					undefined,
					'emulator create endpoint',
				),
			);
	}
	for (const operation of specOps) {
		const [method, p] = operation.split(' ');
		if (method === 'POST' && createKind(openapi, p)) out.push(...catalogFieldDrift(openapi, p));
	}
	out.push(...emulatorSpecDrift(openapi));
	out.push(...generatedDrift(openapi, source));
	return out;
}

export interface AcceptedDrift {
	key: string;
	reason: string;
}

export const ACCEPTED_DRIFT_FILE = path.resolve(__dirname, 'accepted-drift.json');

export function readAccepted(file = ACCEPTED_DRIFT_FILE): AcceptedDrift[] {
	const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { accepted?: AcceptedDrift[] };
	const accepted = parsed.accepted ?? [];
	for (const entry of accepted) {
		if (
			typeof entry.key !== 'string' ||
			typeof entry.reason !== 'string' ||
			entry.reason.trim().length < 10
		) {
			throw new Error(
				`${path.relative(ROOT, file)}: every entry needs a key and a reason (${JSON.stringify(entry)})`,
			);
		}
	}
	return accepted;
}

export interface DriftReport {
	unaccepted: Drift[];
	accepted: Array<Drift & { reason: string }>;
	/** Accepted entries that match nothing any more (the drift is gone: remove them). */
	stale: AcceptedDrift[];
}

export function checkDrift(
	openapi: OpenApi,
	source: string,
	accepted = readAccepted(),
): DriftReport {
	const found = findDrift(openapi, source);
	const reasons = new Map(accepted.map((entry) => [entry.key, entry.reason]));
	return {
		unaccepted: found.filter((d) => !reasons.has(d.key)),
		accepted: found
			.filter((d) => reasons.has(d.key))
			.map((d) => ({ ...d, reason: reasons.get(d.key)! })),
		stale: accepted.filter((entry) => !found.some((d) => d.key === entry.key)),
	};
}

export function formatReport(report: DriftReport, source: string): string {
	const lines = [`Drift against ${source}:`];
	if (report.unaccepted.length === 0) lines.push('  nothing unaccepted');
	for (const d of report.unaccepted) lines.push(`  ✗ ${d.key}${d.detail ? ` (${d.detail})` : ''}`);
	if (report.accepted.length > 0) {
		lines.push(`Accepted (${path.relative(ROOT, ACCEPTED_DRIFT_FILE)}):`);
		for (const d of report.accepted) lines.push(`  ✓ ${d.key}: ${d.reason}`);
	}
	if (report.stale.length > 0) {
		lines.push('Accepted entries that no longer match anything (remove them):');
		for (const entry of report.stale) lines.push(`  - ${entry.key}`);
	}
	return lines.join('\n');
}

/**
 * The emulator's own validator of create-request bodies, independent of the n8n node code.
 *
 *   spec.json        request-body schemas of every POST create endpoint, generated from
 *                    openapi-latest.json by scripts/derive-emulator-spec.ts (prose stripped)
 *   deprecated.ts    explicit allowlist of deprecated fields older clients still send
 *   schema-to-zod.ts JSON schema → strict zod
 *   rules.ts         rules the spec states only in prose (per-model tables in models.ts)
 *   credits.ts       credits_charged estimate; outputs.ts: outputs and input-file fields
 *
 * Failures: 400 `invalid_request` when the body is not a JSON object; 422
 * `unprocessable_entity` with `message: '<dotted.field>: <what is wrong>'` otherwise; 402
 * `plan_upgrade_required` for options the caller's plan does not include (lip-sync standard/pro,
 * 4x upscale and paid image models on the free plan).
 */
import type { z } from 'zod';

import rawSpec from './spec.json';
import { DEPRECATED_EXTRAS, withDeprecated } from './deprecated';
import { runRules } from './rules';
import { firstIssue, issueToFailure, schemaToZod, type JsonSchema } from './schema-to-zod';

export { createEndpoints, type CreateEndpoint, type ProjectKind } from './endpoints';
import { estimateCredits as creditsFor } from './credits';
import { fileFields as filesIn, outputsFor as outputsOf, type OutputFile } from './outputs';
export type { OutputFile } from './outputs';

export type SpecEndpointKind = 'video' | 'image' | 'audio' | 'face-detection' | 'upload';

export interface SpecEndpoint {
	operationId: string | null;
	kind: SpecEndpointKind;
	bodyRequired: boolean;
	schema: JsonSchema;
}

export interface EmulatorSpec {
	generatedBy: string;
	source: string;
	apiVersion: string | null;
	endpoints: Record<string, SpecEndpoint>;
}

export const spec = rawSpec as unknown as EmulatorSpec;

export type ValidationResult =
	| { ok: true; body: Record<string, unknown> }
	| { ok: false; status: 400 | 402 | 422; code: string; message: string; field: string };

export interface ValidationContext {
	tier: string;
}

const compiled = new Map<string, z.ZodTypeAny>();

function validatorFor(path: string): z.ZodTypeAny | undefined {
	let v = compiled.get(path);
	if (!v) {
		const endpoint = spec.endpoints[path];
		if (!endpoint) return undefined;
		v = schemaToZod(withDeprecated(endpoint.schema, DEPRECATED_EXTRAS[path]));
		compiled.set(path, v);
	}
	return v;
}

/** `/v1/face-swap/` and `/v1/face-swap?x=1` are the same endpoint as `/v1/face-swap`. */
export function normalizePath(path: string): string {
	const bare = path.split('?')[0];
	return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

function unprocessable(field: string, message: string): ValidationResult {
	return {
		ok: false,
		status: 422,
		code: 'unprocessable_entity',
		message: field ? `${field}: ${message}` : message,
		field,
	};
}

export function validateCreateBody(
	path: string,
	body: unknown,
	ctx: ValidationContext,
): ValidationResult {
	const p = normalizePath(path);
	const validator = validatorFor(p);
	if (!validator) {
		return {
			ok: false,
			status: 400,
			code: 'invalid_request',
			message: `${p} is not a create endpoint`,
			field: '',
		};
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return {
			ok: false,
			status: 400,
			code: 'invalid_request',
			message: 'body: the request body must be a JSON object',
			field: 'body',
		};
	}
	const parsed = validator.safeParse(body);
	if (!parsed.success) {
		const issue = firstIssue(parsed.error.issues);
		const { field, message } = issue
			? issueToFailure(issue)
			: { field: '', message: 'invalid body' };
		return unprocessable(field, message);
	}
	const data = parsed.data as Record<string, unknown>;
	const broken = runRules(p, data, { tier: ctx?.tier ?? 'creator' });
	if (broken) {
		if (broken.status === 402) {
			return {
				ok: false,
				status: 402,
				code: broken.code ?? 'plan_upgrade_required',
				message: `${broken.field}: ${broken.message}`,
				field: broken.field,
			};
		}
		return unprocessable(broken.field, broken.message);
	}
	return { ok: true, body: data };
}

/** Credits the create costs (`credits_charged`; an estimate for video). Expects a validated body. */
export function estimateCredits(path: string, body: Record<string, unknown>): number {
	return creditsFor(normalizePath(path), body);
}

/** The files a finished job of this request delivers, in `downloads` order. */
export function outputsFor(path: string, body: Record<string, unknown>): OutputFile[] {
	return outputsOf(normalizePath(path), body);
}

/** Every input-file value in the body (URLs or `api-assets/...` paths) with its dotted field. */
export function fileFields(
	path: string,
	body: Record<string, unknown>,
): Array<{ field: string; value: string }> {
	return filesIn(normalizePath(path), body);
}

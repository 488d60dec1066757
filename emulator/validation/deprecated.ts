/**
 * Deprecated request fields the emulator accepts although the published spec no longer lists them.
 *
 * Magic Hour strips deprecated fields from its published spec, but its official Node SDK 0.43.1
 * (still the newest on npm) and several of its own code samples keep sending them — e.g. the SDK
 * *requires* `orientation` on ai-image-generator/text-to-video and `style.enhancement` on the
 * upscaler. The live API evidently keeps serving those clients, so the emulator must accept them.
 * Every entry below is an explicit, per-endpoint exception (sources: spec_vs_sdk.txt and the SDK's
 * request types); anything not listed stays an `unknown field`.
 *
 * `schema` adds an optional field at `path`; `extraEnum` widens an existing enum at `path`.
 * Deprecated fields are accepted and otherwise ignored by the rules (except where noted in rules.ts
 * / credits.ts: upscaler `style.enhancement`, ai-image-editor `assets.image_file_path`/`style.model`,
 * `orientation` as an aspect-ratio fallback).
 */
import type { JsonSchema } from './schema-to-zod';

export interface DeprecatedExtra {
	path: string;
	schema?: JsonSchema;
	extraEnum?: string[];
	why: string;
}

const ORIENTATION: JsonSchema = { type: 'string', enum: ['landscape', 'portrait', 'square'] };
const LEGACY_SIZE: JsonSchema = { type: 'integer', nullable: true };
const LEGACY_SIZE_WHY = 'width/height: deprecated, no longer influence the output; SDK 0.43.1 still sends them';

export const DEPRECATED_EXTRAS: Readonly<Record<string, ReadonlyArray<DeprecatedExtra>>> = {
	'/v1/ai-image-generator': [
		{ path: 'orientation', schema: ORIENTATION, why: 'replaced by aspect_ratio; SDK 0.43.1 requires it' },
		{ path: 'style.quality_mode', schema: { type: 'string', enum: ['pro', 'standard'] }, why: 'replaced by model/resolution; SDK 0.43.1' },
	],
	'/v1/text-to-video': [
		{ path: 'orientation', schema: ORIENTATION, why: 'replaced by aspect_ratio; SDK 0.43.1 requires it, code samples still show it' },
		{ path: 'style.quality_mode', schema: { type: 'string', enum: ['quick', 'studio'] }, why: 'quick=720p, studio=1080p; replaced by resolution' },
	],
	'/v1/image-to-video': [
		{ path: 'width', schema: LEGACY_SIZE, why: LEGACY_SIZE_WHY },
		{ path: 'height', schema: LEGACY_SIZE, why: LEGACY_SIZE_WHY },
		{ path: 'style.high_quality', schema: { type: 'boolean' }, why: 'false=720p, true=1080p; replaced by resolution' },
		{ path: 'style.quality_mode', schema: { type: 'string', enum: ['quick', 'studio'] }, why: 'quick=720p, studio=1080p; replaced by resolution' },
	],
	'/v1/face-swap': [
		{ path: 'width', schema: LEGACY_SIZE, why: LEGACY_SIZE_WHY },
		{ path: 'height', schema: LEGACY_SIZE, why: LEGACY_SIZE_WHY },
	],
	'/v1/lip-sync': [
		{ path: 'width', schema: LEGACY_SIZE, why: LEGACY_SIZE_WHY },
		{ path: 'height', schema: LEGACY_SIZE, why: LEGACY_SIZE_WHY },
	],
	'/v1/video-to-video': [
		{ path: 'width', schema: LEGACY_SIZE, why: LEGACY_SIZE_WHY },
		{ path: 'height', schema: LEGACY_SIZE, why: LEGACY_SIZE_WHY },
	],
	'/v1/ai-talking-photo': [
		{ path: 'style.intensity', schema: { type: 'number' }, why: 'only meaningful for the deprecated `expressive` mode; SDK 0.43.1' },
	],
	'/v1/ai-image-upscaler': [
		{
			path: 'style.enhancement',
			schema: { type: 'string', enum: ['Balanced', 'Creative', 'Resemblance'] },
			why: 'replaced by style.mode; SDK 0.43.1 requires it, code samples still show it',
		},
	],
	'/v1/ai-image-editor': [
		{ path: 'assets.image_file_path', schema: { type: 'string', minLength: 1 }, why: 'single input image; replaced by image_file_paths[]' },
		{ path: 'style.model', schema: { type: 'string', enum: ['Nano Banana', 'Seedream', 'default'] }, why: 'replaced by top-level model' },
	],
	'/v1/ai-voice-generator': [
		{ path: 'style.voice_name', extraEnum: ['Bob Barker'], why: 'voice still listed by SDK 0.43.1, dropped from the spec' },
	],
};

function clone<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}

/** The endpoint's schema with its deprecated extras merged in (the input is not modified). */
export function withDeprecated(schema: JsonSchema, extras: ReadonlyArray<DeprecatedExtra> | undefined): JsonSchema {
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
			if (node.properties?.[leaf]) throw new Error(`deprecated extra ${extra.path}: already in the spec`);
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

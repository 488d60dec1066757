/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import * as path from 'path';

import { checkDrift, findDrift, formatReport } from '../../scripts/spec-check/drift';
import {
	readOpenApi,
	requestSchema,
	sharedMagicHourFile,
	type OpenApi,
} from '../../scripts/spec-check/openapi';

const NEWEST = 'openapi-2026-10.json';
// CI keeps Magic Hour's reference files in ../shared beside the clone.
const source = sharedMagicHourFile(NEWEST, path.resolve(__dirname, '../..'));

describe('drift check (npm run spec:check)', () => {
	it(`finds ../shared/magic-hour/${NEWEST}`, () => {
		expect(source).toBeDefined();
	});

	it(`reports no drift against ${NEWEST} that accepted-drift.json does not list with a reason`, () => {
		const report = checkDrift(readOpenApi(source!), source!);
		const text = formatReport(report, NEWEST);
		expect({
			unaccepted: report.unaccepted.map((d) => d.key),
			stale: report.stale.map((e) => e.key),
		}).toEqual({
			unaccepted: [],
			stale: [],
		});
		expect(text).toContain('nothing unaccepted');
	});

	it('reports a newer spec: a new endpoint, field, enum value, removed value and changed limit', () => {
		const openapi = JSON.parse(JSON.stringify(readOpenApi(source!))) as OpenApi;
		openapi.paths['/v1/ai-sound-effects'] = {
			post: {
				operationId: 'aiSoundEffects.create',
				tags: ['Audio Projects'],
				requestBody: {
					content: {
						'application/json': {
							schema: { type: 'object', properties: { prompt: { type: 'string' } } },
						},
					},
				},
			},
		};
		const t2v = requestSchema(openapi, '/v1/text-to-video')!;
		t2v.properties!.model.enum = [...t2v.properties!.model.enum!, 'wan-4.0'];
		t2v.properties!.seed = { type: 'integer' };
		t2v.properties!.style.properties!.prompt.maxLength = 30000;
		const voices = requestSchema(openapi, '/v1/ai-voice-generator')!.properties!.style.properties!
			.voice_name;
		voices.enum = voices.enum!.filter((name) => name !== 'Morgan Freeman');

		const keys = findDrift(openapi, 'openapi-next.json').map((d) => d.key);
		expect(keys).toEqual(
			expect.arrayContaining([
				'catalog missing-operation POST /v1/ai-sound-effects',
				'emulator missing-operation POST /v1/ai-sound-effects',
				'catalog missing-value POST /v1/text-to-video model wan-4.0',
				'emulator missing-value POST /v1/text-to-video model wan-4.0',
				'catalog missing-field POST /v1/text-to-video seed',
				'emulator missing-field POST /v1/text-to-video seed',
				'emulator changed-limit POST /v1/text-to-video style.prompt',
				'catalog removed-value POST /v1/ai-voice-generator style.voice_name Morgan Freeman',
				'emulator removed-value POST /v1/ai-voice-generator style.voice_name Morgan Freeman',
				'generated stale-file nodes/shared/catalog/generated/voices.ts',
				'generated stale-file nodes/shared/catalog/generated/specLists.ts',
			]),
		);
	});

	it('does not expect the nodes to offer deprecated fields', () => {
		const keys = findDrift(readOpenApi(source!), source!).map((d) => d.key);
		expect(
			keys.filter((key) => key.includes('orientation') || key.includes('quality_mode')),
		).toEqual([]);
	});
});

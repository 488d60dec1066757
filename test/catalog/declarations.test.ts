/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { toolRequestBody } from '../../nodes/shared/catalog/requestBody';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { validateCreateBody } from '../../emulator/validation';
import specJson from '../../emulator/validation/spec.json';
import { placeholderFiles, type ToolFixture } from './toolFixture';

function fixturesOf(operation: string): ToolFixture[] {
	const file = join(__dirname, 'fixtures', `${operation}.ts`);
	if (!existsSync(file)) return [];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(file) as { fixtures: ToolFixture[] }).fixtures;
}

function bodyFor(fixture: ToolFixture) {
	const tool = TOOLS.find((t) => t.operation === fixture.operation)!;
	const p = fixture.parameters as IDataObject;
	const fields: IDataObject = {};
	for (const field of tool.fields) fields[field.name] = p[field.name] ?? field.default;
	const options = (p.options ?? {}) as IDataObject;
	const nested = tool.nestedFiles?.(fields, options) ?? [];
	const files = placeholderFiles(
		fixture,
		tool.files.map((f) => f.name),
		nested,
	);
	return { tool, body: toolRequestBody(tool, { fields, options, files }, '') };
}

describe('tool catalog', () => {
	it('declares exactly the create endpoints of the API', () => {
		const specPaths = Object.keys(
			(specJson as { endpoints?: Record<string, unknown> }).endpoints ?? specJson,
		)
			.filter((path) => !['/v1/face-detection', '/v1/files/upload-urls'].includes(path))
			.sort();
		expect(TOOLS.map((t) => t.endpoint).sort()).toEqual(specPaths);
	});

	it('has unique operations, actions and loadOptions names', () => {
		const operations = TOOLS.map((t) => t.operation);
		expect(new Set(operations).size).toBe(operations.length);
		const actions = TOOLS.map((t) => t.action.toLowerCase());
		expect(new Set(actions).size).toBe(actions.length);
		const methods = TOOLS.flatMap((t) => Object.keys(t.loadOptions ?? {}));
		expect(new Set(methods).size).toBe(methods.length);
	});

	describe.each(TOOLS.map((t) => [t.operation, t] as const))('%s', (operation) => {
		const fixtures = fixturesOf(operation);

		it('has at least one realistic fixture', () => {
			expect(fixtures.length).toBeGreaterThan(0);
		});

		it.each(fixtures.map((f, i) => [i, f] as const))(
			'fixture %i passes our schema and the emulator',
			(_i, fixture) => {
				const { tool, body } = bodyFor(fixture);
				const ours = tool.schema.safeParse(body);
				expect(ours.success ? 'ok' : JSON.stringify(ours.error.issues)).toBe('ok');
				const theirs = validateCreateBody(tool.endpoint, body, { tier: 'business' });
				expect(theirs.ok ? 'ok' : theirs.message).toBe('ok');
			},
		);
	});
});

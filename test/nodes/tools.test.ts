/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IBinaryKeyData, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { start, type Emulator } from '../../emulator';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import type { ProjectKind } from '../../nodes/shared/catalog/types';
import type { ToolFixture } from '../catalog/toolFixture';
import { binaryFromBuffer, executeNode, readBinary } from '../harness/executeNode';
import { sampleFile } from '../harness/sampleFiles';

const NODES: Record<ProjectKind, INodeType | IVersionedNodeType> = {
	image: new MagicHourImage(),
	video: new MagicHourVideo(),
	audio: new MagicHourAudio(),
};

const fixtureDir = join(__dirname, '..', 'catalog', 'fixtures');
const fixtures: ToolFixture[] = readdirSync(fixtureDir)
	.filter((file) => file.endsWith('.ts'))
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	.flatMap((file) => (require(join(fixtureDir, file)) as { fixtures: ToolFixture[] }).fixtures);

let emu: Emulator;
beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true, tier: 'business', credits: 10_000_000 });
});
afterAll(async () => emu.stop());
beforeEach(() => emu.reset());

async function inputBinaries(fixture: ToolFixture): Promise<IBinaryKeyData | undefined> {
	if (!fixture.binaries) return undefined;
	const binary: IBinaryKeyData = {};
	for (const [property, file] of Object.entries(fixture.binaries)) {
		binary[property] = await binaryFromBuffer(
			sampleFile(file.mimeType),
			file.fileName,
			file.mimeType,
		);
	}
	return binary;
}

describe('every tool, driven through its node with realistic parameters', () => {
	it('covers every tool of the catalog', () => {
		const covered = new Set(fixtures.map((f) => f.operation));
		expect(TOOLS.filter((t) => !covered.has(t.operation)).map((t) => t.operation)).toEqual([]);
	});

	it.each(fixtures.map((f, i) => [`${f.operation} #${i}`, f] as const))(
		'%s',
		async (_name, fixture) => {
			const tool = TOOLS.find((t) => t.operation === fixture.operation)!;
			const binary = await inputBinaries(fixture);
			const { output } = await executeNode({
				nodeType: NODES[tool.kind],
				parameters: {
					...fixture.parameters,
					executionSettings: { pollingMode: 'fixed', pollIntervalSeconds: 0.05 },
				},
				items: [{ json: { row: 1 }, ...(binary ? { binary } : {}) }],
				credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
			});

			const [item] = output[0];
			expect(item.json).toEqual(
				expect.objectContaining({ kind: tool.kind, tool: tool.operation, status: 'complete' }),
			);
			expect(item.pairedItem).toEqual({ item: 0 });
			const counters = emu.counters();
			expect(counters.byRoute[`POST ${tool.endpoint}`]).toBe(1);
			expect(counters.jobsCreated).toBe(1);
			expect(counters.byRoute['POST /v1/files/upload-urls'] ?? 0).toBe(fixture.binaries ? 1 : 0);

			const outputs = Object.values(item.binary ?? {});
			expect(outputs.length).toBe((item.json.downloads as unknown[]).length);
			expect(outputs.length).toBeGreaterThan(0);
			for (const file of outputs) {
				const bytes = await readBinary(file);
				expect(bytes.length).toBeGreaterThan(0);
				expect(file.mimeType).toMatch(/^(image|video|audio)\//);
			}
		},
	);
});

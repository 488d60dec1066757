/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Our package and Magic Hour's own community node installed side by side in one real n8n.
 * n8n keys credential types by name across packages; the official node's type is
 * `magicHourApi`. Ours must keep its own name, so our nodes keep using our credential's base
 * URL (here: the local emulator) instead of the other package's fixed production URL.
 */
import { join } from 'node:path';

import { start, type Emulator } from '../../emulator';
import { emulatorCredential, N8nInstance } from '../../scripts/e2e/n8n';
import {
	installOfficialNodeStandIn,
	STAND_IN_CREDENTIAL_TYPE,
	STAND_IN_NODE_TYPE,
} from '../../scripts/e2e/officialNodeStandIn';

const WORKFLOW_ID = 'mhE2eCoexist0001';

let emu: Emulator;
let n8n: N8nInstance;

beforeAll(async () => {
	emu = await start({ speed: 50, quiet: true });
	n8n = await N8nInstance.create();
	installOfficialNodeStandIn(join(n8n.n8nFolder, 'nodes'));
	await n8n.importCredentials([
		emulatorCredential(emu),
		{
			id: 'mhCredOfficial01',
			name: 'Official Magic Hour',
			type: STAND_IN_CREDENTIAL_TYPE,
			data: { apiKey: 'mhk_live_other_package' },
		},
	]);
	const ours = { magicHourCommunityApi: { id: 'mhCredEmulator01', name: 'Magic Hour account' } };
	await n8n.importWorkflows([
		{
			id: WORKFLOW_ID,
			name: 'e2e: both Magic Hour packages in one workflow',
			active: false,
			settings: { executionOrder: 'v1' },
			connections: {
				Start: { main: [[{ node: 'Official Node', type: 'main', index: 0 }]] },
				'Official Node': { main: [[{ node: 'Our Account', type: 'main', index: 0 }]] },
				'Our Account': { main: [[{ node: 'Our Image', type: 'main', index: 0 }]] },
			},
			nodes: [
				{
					id: 'c0e1d2a3-0000-4000-8000-000000000001',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'c0e1d2a3-0000-4000-8000-000000000002',
					name: 'Official Node',
					type: STAND_IN_NODE_TYPE,
					typeVersion: 1,
					position: [200, 0],
					parameters: {},
					credentials: {
						[STAND_IN_CREDENTIAL_TYPE]: { id: 'mhCredOfficial01', name: 'Official Magic Hour' },
					},
				},
				{
					id: 'c0e1d2a3-0000-4000-8000-000000000003',
					name: 'Our Account',
					type: 'n8n-nodes-magic-hour.magicHour',
					typeVersion: 1,
					position: [400, 0],
					parameters: { resource: 'account', operation: 'get' },
					credentials: ours,
				},
				{
					id: 'c0e1d2a3-0000-4000-8000-000000000004',
					name: 'Our Image',
					type: 'n8n-nodes-magic-hour.magicHourImage',
					typeVersion: 1,
					position: [600, 0],
					parameters: {
						operation: 'aiImageGenerator',
						prompt: 'A lighthouse at dusk',
						waitForCompletion: true,
						downloadOutputs: false,
						options: {},
					},
					credentials: ours,
				},
			],
		},
	]);
});

afterAll(async () => {
	await n8n?.dispose();
	await emu?.stop();
});

test("both packages load, and our nodes send every request to our credential's base URL", async () => {
	const before = emu.counters();
	const run = await n8n.execute(WORKFLOW_ID);
	if (run.error)
		throw new Error(
			`execution failed: ${JSON.stringify(run.error).slice(0, 2000)}\n${n8n.logTail()}`,
		);
	expect(run.status).toBe('success');

	// The other package's node ran with its own `magicHourApi` credential.
	expect(run.output('Official Node')[0].json).toEqual({
		standIn: '@magichourhq/n8n-nodes-magichour',
		hasKey: true,
	});

	// Ours reached the emulator (the base URL of our credential), not api.magichour.ai.
	expect(run.output('Our Account')[0].json).toMatchObject({ credits: expect.any(Number) });
	const [image] = run.output('Our Image');
	expect(image.json).toMatchObject({ tool: 'aiImageGenerator', status: 'complete' });
	expect(emu.getProject(String(image.json.id))).toBeDefined();
	const after = emu.counters();
	expect(after.jobsCreated - before.jobsCreated).toBe(1);
	expect((after.byRoute['GET /v1/account'] ?? 0) - (before.byRoute['GET /v1/account'] ?? 0)).toBe(
		1,
	);
});

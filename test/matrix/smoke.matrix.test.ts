/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The smoke subset of the version matrix (`npm run test:matrix`): for every "smoke" version of
 * .ci/n8n-versions (or MH_N8N_VERSIONS), one real n8n with the package installed the way n8n's
 * Community Nodes installer does, against one shared emulator: examples 01, 03 and 05, the
 * Trigger with an authentic and a forged event, the agent tool variants registered.
 */
import { start, type Emulator } from '../../emulator';
import {
	emulatorCredential,
	loadExamples,
	N8nInstance,
	PACKAGE_NAME,
	type N8nServer,
} from '../../scripts/e2e/n8n';
import { smokeN8nVersions } from '../../scripts/e2e/n8nVersions';
import { checkInstalledLikeN8n, EXAMPLE_CHECKS, type E2eContext } from '../e2e/exampleChecks';
import { createImageJob, postSignedEvent, sleep, waitFor } from '../e2e/triggerHelpers';

const TRIGGER_ID = 'mhExampleTrigr01';
const SECRET = 'whsec_e2e_matrix_secret';
const NODE_TYPES = ['magicHour', 'magicHourImage', 'magicHourVideo', 'magicHourAudio'];

let emu: Emulator;

beforeAll(async () => {
	emu = await start({ speed: 50, quiet: true });
});

afterAll(async () => {
	await emu?.stop();
});

describe.each(smokeN8nVersions())('n8n %s', (version) => {
	let n8n: N8nInstance;
	let server: N8nServer | undefined;
	const ctx = {} as E2eContext;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ version });
		n8n.copyExampleFiles();
		await n8n.importCredentials([emulatorCredential(emu, SECRET)]);
		await n8n.importWorkflows(loadExamples().map(({ workflow }) => workflow));
		Object.assign(ctx, { n8n, emu });
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test('is the version asked for', () => {
		expect(n8n.install.versions.n8n).toBe(version);
	});

	test('installed as n8n installs it: nothing bundled, zod 3.25.x from n8n', () => {
		checkInstalledLikeN8n(ctx);
	});

	test.each(EXAMPLE_CHECKS.map((example) => [example.title, example.check]))(
		'%s',
		async (_title, check) => {
			await check(ctx);
		},
	);

	test('the agent tool variants are registered (no setting needed)', async () => {
		const names = new Set((await n8n.nodeTypes()).map((type) => type.name));
		for (const type of NODE_TYPES) {
			expect(names).toContain(`${PACKAGE_NAME}.${type}`);
			expect(names).toContain(`${PACKAGE_NAME}.${type}Tool`);
		}
		expect(names).not.toContain(`${PACKAGE_NAME}.magicHourTriggerTool`);
	});

	test('the Trigger runs on an authentic event and answers a forged one 401', async () => {
		await n8n.publish(TRIGGER_ID);
		server = await n8n.start();
		const trigger = loadExamples()
			.find(({ workflow }) => workflow.id === TRIGGER_ID)!
			.workflow.nodes.find((node: { type: string }) => node.type.endsWith('.magicHourTrigger'));
		const url = server.webhookUrl(trigger.webhookId, 'webhook');
		expect(await server.waitForWebhook(url)).toBe(401);

		const unsubscribe = emu.webhooks.subscribe({
			url,
			events: ['image.completed'],
			secret: SECRET,
		});
		try {
			const id = await createImageJob(emu, `A paper boat on n8n ${version}`);
			const [execution] = await waitFor(
				'the execution of the authentic event',
				async () => {
					const done = (await n8n.executions(TRIGGER_ID)).filter(
						(e) => e.status !== 'running' && e.status !== 'new',
					);
					return done.length ? done : undefined;
				},
				() => n8n.logTail(),
			);
			expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
			const data = await n8n.executionData(execution.id);
			const [item] = data.data.resultData.runData['Magic Hour Trigger'][0].data.main[0];
			expect(item.json).toMatchObject({ event: 'image.completed', status: 'completed' });
			expect(item.json.project.id).toBe(id);
		} finally {
			unsubscribe();
		}

		expect(await postSignedEvent(emu, url, 'not-the-secret')).toBe(401);
		await sleep(2_000);
		expect(await n8n.executions(TRIGGER_ID)).toHaveLength(1);
		await server.stop();
	});
});

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * `npm run demo`: the README's first command. On a fresh clone it builds the package, installs
 * a real n8n into .cache/n8n (once, ~10 minutes; cached after), starts the local Magic Hour
 * emulator, imports the workflows of examples/ with credentials pointing at the emulator, runs
 * "Create an image and save it" headlessly and prints what happened. No API key, no internet.
 *
 *   npm run demo                 # run the example, print the job, credits, time and file
 *   npm run demo -- --serve      # then keep n8n (editor on http://127.0.0.1:5678) and the emulator running,
 *                                # with example 08's chat published (a scripted chat model stands in for OpenAI)
 */
import { rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { start } from '../emulator';
import {
	emulatorCredential,
	ensureBuilt,
	EXAMPLE_FILES_DIR,
	ensureN8nInstalled,
	loadExamples,
	N8nInstance,
	REPO_ROOT,
} from './e2e/n8n';
import {
	ScriptedChatModel,
	scriptedModelCredential,
	socialPostScript,
} from './e2e/scriptedChatModel';

const DEMO_WORKFLOW = 'mhExampleImage01';
const AGENT_WORKFLOW = 'mhExampleAgent01';
// Real time: jobs take as long as at Magic Hour, so the node's Automatic polling (which expects
// Magic Hour's documented timings) shows the time a user will really see.
const SPEED = 1;

function say(line = ''): void {
	process.stdout.write(`${line}\n`);
}

function row(label: string, value: string): void {
	say(`  ${label.padEnd(12)}${value}`);
}

async function main(): Promise<void> {
	const serve = process.argv.includes('--serve');
	const began = Date.now();
	say('Magic Hour demo: a real n8n with this package, against the local Magic Hour emulator');
	say('(no API key, no internet)');
	say();

	if (ensureBuilt({ log: (line) => say(`- ${line}`) })) say('- built dist/');
	say(
		'- n8n: from ~/.cache/n8n-nodes-magic-hour (the first run installs it there: 10 to 20 minutes on 2 cores) ...',
	);
	const install = ensureN8nInstalled({ log: (line) => say(`- ${line}`) });

	const emulator = await start({ speed: SPEED, quiet: true });
	const dir = join(REPO_ROOT, '.cache', 'demo');
	rmSync(dir, { recursive: true, force: true });
	const n8n = await N8nInstance.create({ dir });
	let chatModel: ScriptedChatModel | undefined;
	try {
		n8n.copyExampleFiles();
		await n8n.importCredentials([emulatorCredential(emulator)]);
		const examples = loadExamples();
		await n8n.importWorkflows(examples.map(({ workflow }) => workflow));
		const demo = examples.find(({ workflow }) => workflow.id === DEMO_WORKFLOW);
		if (!demo) throw new Error(`examples/ has no workflow ${DEMO_WORKFLOW}`);

		row('emulator', `${emulator.baseUrl}  (jobs take as long as at Magic Hour)`);
		row(
			'n8n',
			`n8n ${install.versions.n8n} on Node ${install.versions.node} (${relative(REPO_ROOT, install.n8n)})`,
		);
		row('n8n folder', relative(REPO_ROOT, dir));
		row(
			'workflows',
			`${examples.length} imported from examples/: ${examples.map(({ file }) => relative(join(REPO_ROOT, 'examples'), file)).join(', ')}`,
		);
		say();
		say(`Running "${demo.workflow.name}" (n8n execute --id=${DEMO_WORKFLOW}) ...`);

		const creditsBefore = emulator.credits;
		const run = await n8n.execute(DEMO_WORKFLOW);
		if (run.error) {
			throw new Error(
				`the workflow failed: ${run.error.message ?? JSON.stringify(run.error)}\n${run.error.description ?? ''}`,
			);
		}
		const [created] = run.output('Create Image');
		const [saved] = run.output('Save Image');
		const binary = created.binary?.data;
		const file = n8n.localPath(String(saved.json.fileName));
		const project = emulator.getProject(created.json.id);

		row('job id', String(created.json.id));
		row('status', String(created.json.status));
		row(
			'credits',
			`${created.json.credits_charged} charged (balance ${creditsBefore} -> ${emulator.credits})`,
		);
		const nodeMs = Number(run.runData['Create Image']?.[0]?.executionTime ?? 0);
		row(
			'time',
			`${(run.ms / 1000).toFixed(1)} s for the whole \`n8n execute\` (n8n start-up included)`,
		);
		row(
			'',
			`${(nodeMs / 1000).toFixed(1)} s in the Magic Hour Image node` +
				(project
					? `, for a job the emulator finished after ${(project.finishAtMs / 1000).toFixed(1)} s`
					: ''),
		);
		row(
			'',
			'Automatic polling first checks when a job of the tool usually finishes at Magic Hour;',
		);
		row('', 'Execution Settings > Polling Interval = Fixed polls on your own schedule.');
		row('file', `${file}`);
		row(
			'',
			`${binary?.mimeType}, ${statSync(file).size} bytes (the example writes to ${EXAMPLE_FILES_DIR}/; here that folder is ${relative(REPO_ROOT, join(n8n.filesDir, 'magic-hour'))}/)`,
		);
		say();
		say(
			`Done in ${((Date.now() - began) / 1000).toFixed(0)} s. Other examples: see examples/ and the README.`,
		);

		if (serve) {
			// Example 08's agent needs a chat model: a scripted one that makes the post's image and voice-over.
			chatModel = await ScriptedChatModel.start();
			chatModel.play(socialPostScript());
			await n8n.importCredentials([scriptedModelCredential(chatModel.baseUrl)]);
			await n8n.publish(AGENT_WORKFLOW);
			const server = await n8n.start({ port: 5678 });
			const chatTrigger = examples
				.find(({ workflow }) => workflow.id === AGENT_WORKFLOW)
				?.workflow.nodes.find((node: { type: string }) => node.type.endsWith('.chatTrigger'));
			say();
			say(`n8n editor: ${server.baseUrl}  (create the owner account on first visit)`);
			say(`emulator:   ${emulator.baseUrl}  (API key ${emulator.apiKey})`);
			if (chatTrigger)
				say(
					`agent chat: ${server.webhookUrl(chatTrigger.webhookId, 'chat')}  (example 08; chat model: a script on ${chatModel.baseUrl})`,
				);
			say('Press Ctrl-C to stop both.');
			await new Promise<void>((resolve) => {
				process.once('SIGINT', resolve);
				process.once('SIGTERM', resolve);
			});
		}
	} finally {
		await n8n.stopAll();
		await chatModel?.stop();
		await emulator.stop();
	}
}

main().catch((error) => {
	process.stderr.write(`\nDemo failed: ${(error as Error).message}\n`);
	process.exitCode = 1;
});

/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Issue 26: a Trigger set-up that refuses every delivery says so where the user looks. Listening
 * and activation (n8n's checkExists, through n8n-core's real HookContext) refuse a missing
 * signing secret; a delivery refused on the Test URL fails the test execution with the reason
 * (the editor shows it on the node), while on the Production URL it is answered 401 and starts
 * nothing. Signatures come from the emulator's signer.
 */
import { Workflow, type INodeParameters, type IWebhookData } from 'n8n-workflow';

import { start, type Emulator } from '../../emulator';
import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import { additionalDataFor, core, nodeOf, StaticNodeTypes } from '../harness/n8nRuntime';
import { TriggerHost } from '../harness/webhookRunner';

const SECRET = 'whsec_test_setup_7c1e9a3b5d';
const TRIGGER_TYPE = 'n8n-nodes-magic-hour.magicHourTrigger';
const SIG = 'magic-hour-event-signature';
const TS = 'magic-hour-event-timestamp';

let emu: Emulator;
let host: TriggerHost;

const credentials = (extra: Record<string, string> = {}) => ({
	apiKey: 'mhk_test_emulator',
	environment: 'custom',
	baseUrl: emu.baseUrl,
	webhookSecret: SECRET,
	...extra,
});

beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
	host = await TriggerHost.start({
		nodeType: new MagicHourTrigger(),
		parameters: { events: ['image.completed'], options: {} },
		credentials: credentials(),
	});
});

afterAll(async () => {
	await host?.stop();
	await emu?.stop();
});

beforeEach(() => {
	host.clear();
	host.parameters = { events: ['image.completed'], options: {} };
	host.credentials = credentials();
});

const now = () => Math.floor(Date.now() / 1000);
let counter = 0;
const eventBody = (type = 'image.completed') =>
	JSON.stringify({ type, payload: { id: `cm_setup_${(counter += 1)}`, status: 'complete' } });
const signed = (body: string, timestamp = now(), secret = SECRET) => ({
	'content-type': 'application/json',
	[SIG]: emu.webhooks.sign(secret, timestamp, body),
	[TS]: String(timestamp),
});
const message = (body: string) => (JSON.parse(body) as { message: string }).message;

async function checkExists(
	options: INodeParameters,
	creds: ReturnType<typeof credentials>,
	mode: 'manual' | 'webhook',
) {
	const nodeType = new MagicHourTrigger();
	const node = nodeOf(TRIGGER_TYPE, { events: ['image.completed'], options });
	const workflow = new Workflow({
		id: 'wf-issue26',
		nodes: [node],
		connections: {},
		active: mode === 'webhook',
		nodeTypes: new StaticNodeTypes({ [TRIGGER_TYPE]: nodeType }),
	});
	const webhookData = {
		node: node.name,
		webhookDescription: nodeType.description.webhooks![0],
	} as IWebhookData;
	const context = new core.HookContext(
		workflow,
		node,
		additionalDataFor(creds),
		mode,
		mode === 'manual' ? 'manual' : 'activate',
		webhookData,
	);
	return await nodeType.webhookMethods.default.checkExists.call(context);
}

describe('listening and activation', () => {
	it.each(['manual', 'webhook'] as const)(
		'refuse (%s) while verification is on and the credentials have no signing secret',
		async (mode) => {
			const refused = checkExists({}, credentials({ webhookSecret: '  ' }), mode);
			await expect(refused).rejects.toThrow(/Add the Webhook Signing Secret/);
			await expect(refused).rejects.toMatchObject({
				description: expect.stringMatching(/1\. .*Webhooks.*2\. .*3\. .*Webhook Signing Secret/),
			});
		},
	);

	it('go ahead with a secret, or with verification turned off', async () => {
		await expect(checkExists({}, credentials(), 'webhook')).resolves.toBe(true);
		await expect(
			checkExists({ verifySignature: false }, credentials({ webhookSecret: '' }), 'manual'),
		).resolves.toBe(true);
	});
});

describe('a delivery to the Test URL that the Trigger refuses', () => {
	const testDelivery = async (body: string, headers: Record<string, string>) => {
		await host.postToTestUrl(body, headers);
		const request = host.requests.at(-1)!;
		expect(request.outcome).toBe('failed');
		expect(host.executions).toEqual([]);
		return request.error as Error & { description?: string };
	};

	it('fails the test execution with the reason when the signing secret is wrong', async () => {
		const body = eventBody();
		const error = await testDelivery(body, signed(body, now(), 'whsec_another_webhook'));
		expect(error.message).toBe(
			'Test delivery refused: The signature of the delivery does not match the Webhook Signing Secret in the Magic Hour credentials',
		);
		expect(error.description).toMatch(
			/Copy the signing secret of the webhook that points at this URL/,
		);
		expect(`${error.message} ${error.description}`).not.toContain(SECRET);
	});

	it('fails the test execution when the delivery is unsigned', async () => {
		const error = await testDelivery(eventBody(), { 'content-type': 'application/json' });
		expect(error.message).toMatch(/not signed/);
		expect(error.description).toMatch(/turn off "Verify Signature" while you test/);
	});

	it('fails the test execution naming the clock difference', async () => {
		const body = eventBody();
		const error = await testDelivery(body, signed(body, now() - 900));
		expect(error.message).toMatch(/signed 9\d\d s ago, more than the allowed 300 s/);
		expect(error.description).toMatch(/clock of the n8n server/);
	});

	it('fails the test execution when the event is not ticked', async () => {
		const body = eventBody('image.errored');
		const error = await testDelivery(body, signed(body));
		expect(error.message).toBe(
			'Test delivery refused: Magic Hour sent "image.errored", which is not ticked in Events; ignored',
		);
		expect(error.description).toMatch(/starts only for: image\.completed/);
	});

	it('fails the test execution when the credentials have no secret (set after listening began)', async () => {
		host.credentials = credentials({ webhookSecret: '' });
		const body = eventBody();
		const error = await testDelivery(body, signed(body));
		expect(error.message).toMatch(/no Webhook Signing Secret/);
	});
});

describe('the same deliveries to the Production URL', () => {
	it('are answered with the reason and start nothing (no failed execution either)', async () => {
		const body = eventBody();
		const wrong = await host.post(body, signed(body, now(), 'whsec_another_webhook'));
		expect(wrong.status).toBe(401);
		expect(message(wrong.body)).toMatch(/does not match the Webhook Signing Secret/);
		const stale = await host.post(body, signed(body, now() - 900));
		expect(stale.status).toBe(401);
		const other = eventBody('image.errored');
		const ignored = await host.post(other, signed(other));
		expect(ignored.status).toBe(200);
		expect(message(ignored.body)).toMatch(/not ticked in Events; ignored/);
		expect(host.requests.map((r) => r.outcome)).toEqual([
			'answered-by-node',
			'answered-by-node',
			'ignored',
		]);
		expect(host.executions).toEqual([]);
	});

	it('a signed delivery of a ticked event starts the test execution', async () => {
		const body = eventBody();
		await host.postToTestUrl(body, signed(body));
		expect(host.executions.map((e) => e.mode)).toEqual(['manual']);
	});
});

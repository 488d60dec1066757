import {
	createRunExecutionData,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
} from 'n8n-workflow';

import { MagicHourCommunityApi } from '../../credentials/MagicHourCommunityApi.credentials';
import { start, type Emulator } from '../../emulator';
import {
	baseUrlFromCredentials,
	MOCK_SERVER_BASE_URL,
	PRODUCTION_BASE_URL,
} from '../../nodes/shared/transport/baseUrl';
import { TransportProbe } from '../harness/probeNode';
import { nodeOf, StaticNodeTypes } from '../harness/n8nRuntime';

const credentialType = new MagicHourCommunityApi();

/** Resolves a credential expression with n8n's own expression engine, as the credential test does. */
function resolve(value: string, credentials: ICredentialDataDecryptedObject): string {
	const node = nodeOf('probe', {});
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new StaticNodeTypes({ probe: new TransportProbe() }),
	});
	return workflow.expression.getParameterValue(
		value,
		createRunExecutionData(),
		0,
		0,
		node.name,
		[],
		'internal',
		{
			$credentials: credentials,
		},
	) as string;
}

/** Sends the credential's test request the way n8n would: resolved base URL + authenticate headers. */
async function credentialTest(credentials: ICredentialDataDecryptedObject) {
	const request = credentialType.test.request;
	const baseUrl = resolve(String(request.baseURL), credentials);
	const headers = Object.fromEntries(
		Object.entries(
			(credentialType.authenticate as { properties: { headers: Record<string, string> } })
				.properties.headers,
		).map(([name, value]) => [name, resolve(value, credentials)]),
	);
	return fetch(`${baseUrl}${request.url}`, { method: request.method, headers });
}

describe('Magic Hour API credentials', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await start({ speed: 1000, quiet: true });
	});
	afterAll(async () => emu.stop());

	it('accepts a right key without creating a job or spending credits', async () => {
		const before = emu.credits;
		const response = await credentialTest({
			apiKey: emu.apiKey,
			environment: 'custom',
			baseUrl: `${emu.baseUrl}/`,
		});
		expect(response.status).toBe(200);
		expect(emu.credits).toBe(before);
		expect(emu.counters().jobsCreated).toBe(0);
	});

	it('tells a wrong key apart', async () => {
		const response = await credentialTest({
			apiKey: 'wrong-key',
			environment: 'custom',
			baseUrl: emu.baseUrl,
		});
		expect(response.status).toBe(401);
	});

	it('resolves the same base URL in the test request as the transport uses', () => {
		const cases: ICredentialDataDecryptedObject[] = [
			{},
			{ environment: 'production' },
			{ environment: 'mock' },
			...[
				'http://127.0.0.1:4010//',
				' http://localhost:4010 ',
				'HTTP://LOCALHOST',
				'http://127.9.8.7/emulator/',
				'http://[::1]:4010',
				'https://proxy.example.com',
				'https://proxy.example.com:8443/magic-hour/',
			].map((baseUrl) => ({ environment: 'custom', baseUrl })),
		];
		for (const credentials of cases) {
			expect(resolve(String(credentialType.test.request.baseURL), credentials)).toBe(
				baseUrlFromCredentials(credentials),
			);
		}
		expect(baseUrlFromCredentials({ environment: 'production' })).toBe(PRODUCTION_BASE_URL);
		expect(baseUrlFromCredentials({ environment: 'mock' })).toBe(MOCK_SERVER_BASE_URL);
	});

	it('refuses in the test request every base URL the transport refuses', () => {
		const refused = [
			'',
			'ftp://x',
			'127.0.0.1:4010',
			'http://api.magichour.ai',
			'http://10.0.0.7:4010',
			'http://localhost.:4010',
			'http://localhost.evil.example',
			'http://127.0.0.1.evil.example',
			'http://127.0.0.1@evil.example',
			'https://user:pass@proxy.example.com',
			'https://proxy.example.com/?x=1',
			'https://proxy.example.com/#x',
			'https://proxy.example.com/a b',
		];
		for (const baseUrl of refused) {
			const credentials = { environment: 'custom', baseUrl };
			expect(() => baseUrlFromCredentials(credentials)).toThrow(/Custom Base URL/);
			expect(resolve(String(credentialType.test.request.baseURL), credentials)).toBe(
				'https://refused-base-url.invalid',
			);
		}
	});

	it('shows the plain-http notice exactly for the http:// addresses the transport refuses', () => {
		const notice = credentialType.properties.find(({ name }) => name === 'plainHttpNotice');
		expect(notice?.type).toBe('notice');
		const shownFor = (environment: string, baseUrl: string) =>
			NodeHelpers.displayParameter({ environment, baseUrl }, notice!, null, null);
		const shown = (baseUrl: string) => shownFor('custom', baseUrl);
		const refusedForHttp = [
			'http://api.magichour.ai',
			'HTTP://10.0.0.7:4010',
			' http://localhost.:4010',
			'http://localhost.evil.example',
			'http://127.0.0.1.evil.example',
		];
		for (const baseUrl of refusedForHttp) {
			expect(() => baseUrlFromCredentials({ environment: 'custom', baseUrl })).toThrow(
				/unencrypted/,
			);
			expect(shown(baseUrl)).toBe(true);
		}
		const accepted = [
			'http://127.0.0.1:4010',
			'HTTP://LOCALHOST',
			'http://[::1]:4010/x',
			'https://a.b',
		];
		for (const baseUrl of accepted) {
			expect(() => baseUrlFromCredentials({ environment: 'custom', baseUrl })).not.toThrow();
			expect(shown(baseUrl)).toBe(false);
		}
		expect(shownFor('production', 'http://x')).toBe(false);
	});

	it('has no emulator address as the default Base URL', () => {
		const baseUrl = credentialType.properties.find(({ name }) => name === 'baseUrl');
		expect(baseUrl?.default).toBe('');
		expect(String(baseUrl?.placeholder)).toMatch(/^https:\/\//);
	});

	it('says what to do when Magic Hour refuses the key in the connection test', () => {
		const rule = credentialType.test.rules?.find(
			(candidate) => candidate.type === 'responseCode' && candidate.properties.value === 401,
		);
		expect(rule?.properties.message).toMatch(/refused this API key/);
		expect(rule?.properties.message).toMatch(/magichour\.ai\/developer/);
	});

	it('refuses a custom base URL that is not http(s)', () => {
		expect(() => baseUrlFromCredentials({ environment: 'custom', baseUrl: 'ftp://x' })).toThrow(
			/not a valid http/,
		);
	});
});

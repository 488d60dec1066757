/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { NodeApiError } from 'n8n-workflow';

import { start, type Emulator } from '../../emulator';
import { executeNode } from '../harness/executeNode';
import { TransportProbe } from '../harness/probeNode';
import {
	backoffDelayMs,
	DEFAULT_RETRY_POLICY,
	isTransientError,
	isTransientStatus,
	parseRetryAfterMs,
} from '../../nodes/shared/transport/retryPolicy';
import { USER_AGENT, PACKAGE_VERSION } from '../../nodes/shared/transport/packageInfo';
import packageJson from '../../package.json';

const IMAGE_BODY = { image_count: 1, style: { prompt: 'a red bicycle' } };

let emu: Emulator;

beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true });
});
afterAll(async () => emu.stop());
beforeEach(() => emu.reset());

function run(parameters: Record<string, unknown>, apiKey = emu.apiKey, baseUrl = emu.baseUrl) {
	return executeNode({
		nodeType: new TransportProbe(),
		parameters: parameters as never,
		credentials: { apiKey, environment: 'custom', baseUrl },
	});
}

async function failure(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string; httpCode?: string };
	}
	throw new Error('expected the request to fail');
}

const calls = (route: string) => emu.counters().byRoute[route] ?? 0;

describe('transport against the emulator', () => {
	it('authenticates with the API key and returns the parsed body', async () => {
		const { output } = await run({ method: 'GET', path: '/v1/account' });
		expect(output[0][0].json).toEqual(expect.objectContaining({ credits: expect.any(Number) }));
	});

	it('turns a wrong key into an actionable 401 that never shows the key', async () => {
		const secretKey = 'mhk_live_wrong_0123456789abcdef';
		const error = await failure(run({ method: 'GET', path: '/v1/account' }, secretKey));
		expect(error.message).toMatch(/did not accept the API key/);
		expect(error.httpCode).toBe('401');
		expect(
			JSON.stringify({ ...error, message: error.message, description: error.description }),
		).not.toContain(secretKey);
	});

	it('retries GET on 5xx with backoff until it succeeds', async () => {
		emu.faults.add({ match: 'GET /v1/account', times: 2, fault: { type: 'status', status: 503 } });
		const { output } = await run({ method: 'GET', path: '/v1/account' });
		expect(output[0][0].json.credits).toEqual(expect.any(Number));
		expect(calls('GET /v1/account')).toBe(3);
	});

	it('retries GET on 429 after Retry-After', async () => {
		emu.faults.add({
			match: 'GET /v1/account',
			times: 1,
			fault: { type: 'rate-limit', retryAfterSeconds: 0 },
		});
		await run({ method: 'GET', path: '/v1/account' });
		expect(calls('GET /v1/account')).toBe(2);
	});

	it('retries a GET answered 408 like any transient status, but never a create (one rule: retryPolicy)', async () => {
		emu.faults.add({ match: 'GET /v1/account', times: 1, fault: { type: 'status', status: 408 } });
		await run({ method: 'GET', path: '/v1/account' });
		expect(calls('GET /v1/account')).toBe(2);

		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 1,
			fault: { type: 'status', status: 408 },
		});
		await failure(run({ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY }));
		expect(calls('POST /v1/ai-image-generator')).toBe(1);
	});

	it('gives up after the bounded number of attempts', async () => {
		emu.faults.add({ match: 'GET /v1/account', times: 50, fault: { type: 'status', status: 500 } });
		const error = await failure(run({ method: 'GET', path: '/v1/account' }));
		expect(error.message).toMatch(/server problem/);
		expect(calls('GET /v1/account')).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
	});

	it('never repeats a create after a 5xx, and says the job may exist', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 1,
			fault: { type: 'status', status: 502 },
		});
		const error = await failure(
			run({ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY }),
		);
		expect(calls('POST /v1/ai-image-generator')).toBe(1);
		expect(error.description).toMatch(/may have reached Magic Hour/);
	});

	it('never repeats a create after a 503 either: the job may exist', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 1,
			fault: { type: 'status', status: 503 },
		});
		const error = await failure(
			run({ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY }),
		);
		expect(calls('POST /v1/ai-image-generator')).toBe(1);
		expect(error.description).toMatch(/may have reached Magic Hour/);
	});

	it('explains a 403 on a create as a model or feature the plan lacks', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 1,
			fault: {
				type: 'status',
				status: 403,
				body: { code: 'forbidden', message: 'nano-banana-pro is not available on your plan' },
			},
		});
		const error = await failure(
			run({ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY }),
		);
		expect(calls('POST /v1/ai-image-generator')).toBe(1);
		expect(error.message).toMatch(
			/Your Magic Hour plan does not include this model, resolution or feature/,
		);
		expect(error.description).toMatch(/nano-banana-pro is not available on your plan/);
		expect(error.description).toMatch(/upgrade your plan at magichour.ai\/pricing/);
		expect(error.description).toMatch(/No job was created/);
	});

	it('explains a 402 plan_upgrade_required as a plan limit, not missing credits', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 1,
			fault: {
				type: 'status',
				status: 402,
				body: { code: 'plan_upgrade_required', message: 'Upgrade to use this model' },
			},
		});
		const error = await failure(
			run({ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY }),
		);
		expect(error.message).toBe('Your Magic Hour plan does not include this');
		expect(error.description).toMatch(/\(Magic Hour error plan_upgrade_required, HTTP 402\.\)$/);
	});

	it('never repeats a create whose response was lost after the server accepted it', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 1,
			fault: { type: 'reset-after-accept' },
		});
		const error = await failure(
			run({ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY }),
		);
		expect(calls('POST /v1/ai-image-generator')).toBe(1);
		expect(emu.counters().jobsCreated).toBe(1);
		expect(error.description).toMatch(/may have reached Magic Hour/);
	});

	it('does not repeat a create that timed out', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 1,
			fault: { type: 'slow-headers', delayMs: 1500 },
		});
		const error = await failure(
			run({ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY, timeoutMs: 300 }),
		);
		expect(error.message).toMatch(/did not answer in time/);
		expect(error.description).toMatch(/may have reached Magic Hour/);
		expect(calls('POST /v1/ai-image-generator')).toBe(1);
	});

	it('retries a GET that timed out', async () => {
		emu.faults.add({
			match: 'GET /v1/account',
			times: 1,
			fault: { type: 'slow-headers', delayMs: 1500 },
		});
		await run({ method: 'GET', path: '/v1/account', timeoutMs: 300 });
		expect(calls('GET /v1/account')).toBe(2);
	});

	it('retries a create on 429, creating exactly one job', async () => {
		emu.faults.add({
			match: 'POST /v1/ai-image-generator',
			times: 2,
			fault: { type: 'rate-limit', retryAfterSeconds: 0 },
		});
		const { output } = await run({
			method: 'POST',
			path: '/v1/ai-image-generator',
			body: IMAGE_BODY,
		});
		expect(output[0][0].json.id).toEqual(expect.any(String));
		expect(emu.counters().jobsCreated).toBe(1);
	});

	it('retries a create when the connection was refused (the request never left)', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as AddressInfo;
		await new Promise((resolve) => closed.close(resolve));
		const error = await failure(
			run(
				{ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY },
				emu.apiKey,
				`http://127.0.0.1:${port}`,
			),
		);
		expect(error.message).toBe('Magic Hour could not be reached');
		expect(error.description).toMatch(
			new RegExp(
				`Tried ${DEFAULT_RETRY_POLICY.maxAttempts} times\\..* Network error: ECONNREFUSED`,
			),
		);
	});

	it('shows the API message and the field on 422, with nothing charged', async () => {
		const before = emu.credits;
		const error = await failure(
			run({
				method: 'POST',
				path: '/v1/ai-image-generator',
				body: { image_count: 1, style: { prompt: '' } },
			}),
		);
		expect(error.httpCode).toBe('422');
		expect(error.message).toMatch(/did not accept a value of this item: .*style\.prompt/);
		expect(error.description).toMatch(/nothing was charged for this item/);
		expect(emu.credits).toBe(before);
	});

	it('explains 402 as missing credits', async () => {
		emu.setCredits(0);
		const error = await failure(
			run({ method: 'POST', path: '/v1/ai-image-generator', body: IMAGE_BODY }),
		);
		expect(error.httpCode).toBe('402');
		expect(error.message).toMatch(/Not enough Magic Hour credits/);
	});

	it('explains 404 on a project as an unknown project', async () => {
		const error = await failure(run({ method: 'GET', path: '/v1/image-projects/does-not-exist' }));
		expect(error.message).toMatch(/project not found/);
	});
});

describe('transport request shape', () => {
	it('sends Bearer auth, JSON and our user agent', async () => {
		let seen: IncomingHttpHeaders = {};
		const server = createServer((req, res) => {
			seen = req.headers;
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		try {
			await run(
				{ method: 'POST', path: '/v1/files/upload-urls', body: { items: [] } },
				'mhk_key',
				`http://127.0.0.1:${port}/`,
			);
		} finally {
			server.close();
		}
		expect(seen.authorization).toBe('Bearer mhk_key');
		expect(seen['user-agent']).toBe(USER_AGENT);
		expect(seen['content-type']).toMatch(/application\/json/);
	});

	it('keeps the user agent version in step with package.json', () => {
		expect(PACKAGE_VERSION).toBe(packageJson.version);
	});
});

describe('retry policy', () => {
	it('has one rule for transient: 408, 429, 5xx and API errors without an HTTP code (network)', () => {
		expect([408, 429, 500, 502, 503, 504].every(isTransientStatus)).toBe(true);
		expect([200, 301, 400, 401, 403, 404, 409, 410, 422].some(isTransientStatus)).toBe(false);
		const node = {
			name: 'n',
			type: 't',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		} as never;
		const apiError = (httpCode?: string) =>
			new NodeApiError(node, { message: 'x' }, httpCode ? { httpCode } : {});
		expect(isTransientError(apiError())).toBe(true);
		expect(isTransientError(apiError('408'))).toBe(true);
		expect(isTransientError(apiError('503'))).toBe(true);
		expect(isTransientError(apiError('404'))).toBe(false);
		expect(isTransientError(apiError('302'))).toBe(false);
		expect(isTransientError(new Error('not an API error'))).toBe(false);
	});

	it('backs off exponentially with jitter, capped', () => {
		const policy = DEFAULT_RETRY_POLICY;
		expect(backoffDelayMs(1, policy, () => 0)).toBe(250);
		expect(backoffDelayMs(1, policy, () => 1)).toBe(500);
		expect(backoffDelayMs(3, policy, () => 1)).toBe(2000);
		expect(backoffDelayMs(20, policy, () => 1)).toBe(policy.maxDelayMs);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfterMs('3')).toBe(3000);
		expect(parseRetryAfterMs(undefined)).toBeUndefined();
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfterMs('soon')).toBeUndefined();
	});
});

import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Letters of `word` in either case: n8n tests display conditions without regex flags. */
const anyCase = (word: string) =>
	word.replace(/[a-z]/gi, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`);

/**
 * Base URLs that show the plain-http notice: http:// to any host but this machine (the
 * transport's rule in baseUrl.ts; a test keeps both in step).
 */
export const PLAIN_HTTP_PATTERN = `^\\s*${anyCase('http')}://`;
export const LOOPBACK_HTTP_PATTERN = `${PLAIN_HTTP_PATTERN}(${anyCase('localhost')}|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?(/|$)`;

export class MagicHourCommunityApi implements ICredentialType {
	name = 'magicHourCommunityApi';

	// n8n names a new credential after this without "API" ("Magic Hour account") and titles the
	// dialog with it; the type name above stays unique to this package.
	displayName = 'Magic Hour API';

	icon: Icon = { light: 'file:../icons/magichour.svg', dark: 'file:../icons/magichour.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-magic-hour/n8n-nodes-magic-hour#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'Create one at magichour.ai/developer → API Keys',
			description:
				'Lets n8n start and read Magic Hour jobs for your account. Create a key in the Magic Hour Developer Hub (magichour.ai/developer, API Keys); a key is shown only once.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'The live Magic Hour API. Jobs spend credits.',
				},
				{
					name: 'Mock Server',
					value: 'mock',
					description:
						"The stateless mock server of Magic Hour's SDKs, hosted by a third party (Sideko, api.sideko.dev). Your real API key is sent there with every request: use a key you can revoke. Sample data, no credits.",
				},
				{
					name: 'Custom Base URL',
					value: 'custom',
					description:
						'Your own proxy in front of the Magic Hour API (https://), or the local Magic Hour emulator of this package (http://127.0.0.1:…)',
				},
			],
			default: 'production',
			hint: 'Keep Production unless you use a proxy or test without credits',
			description:
				'Which Magic Hour API the key is sent to: Production for real jobs, Mock Server to try the nodes with sample data, Custom Base URL for your own proxy or the local emulator of this package',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://magic-hour-proxy.example.com',
			hint: 'The address requests go to instead of https://api.magichour.ai (without /v1). https:// only; http:// only to this machine (localhost, 127.x.x.x).',
			description:
				'Must be https://, except http:// to this machine (localhost, 127.x.x.x, [::1]) so the API key never crosses a network unencrypted; no "?", "#", "@" (user:password) or spaces. If the test says ENOTFOUND, the host name does not exist: check the URL for typos.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName:
				'Plain http:// is accepted only for this machine (localhost, 127.x.x.x, [::1]): to any other host the API key would travel unencrypted, so the connection test and every node refuse this address. Use https://.',
			name: 'plainHttpNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				show: {
					environment: ['custom'],
					baseUrl: [{ _cnd: { regex: PLAIN_HTTP_PATTERN } }],
				},
				hide: { baseUrl: [{ _cnd: { regex: LOOPBACK_HTTP_PATTERN } }] },
			},
		},
		{
			displayName: 'Webhook Signing Secret (Only for the Trigger)',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			hint: 'Leave empty unless you use the Magic Hour Trigger',
			description:
				'Lets the Magic Hour Trigger check that a delivery really comes from Magic Hour. Magic Hour shows it once when you add a webhook in the Developer Hub (magichour.ai/developer → Webhooks).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// GET /v1/account answers with the balance and plan: it tells a wrong key from a right one
	// without creating a job or spending credits. A custom base URL the nodes refuse (plain
	// http to another machine; "?", "#", "@" or spaces) resolves to a reserved name that never
	// resolves (.invalid), so the test request cannot carry the key anywhere either.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.environment === "custom" ? (/^(https:\\/\\/[^\\s\\/?#@]+|http:\\/\\/(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?)(\\/[^\\s?#@]*)?$/i.test(String($credentials.baseUrl).trim()) ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : "https://refused-base-url.invalid") : $credentials.environment === "mock" ? "https://api.sideko.dev/v1/mock/magichour/magic-hour/latest" : "https://api.magichour.ai" }}',
			url: '/v1/account',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Magic Hour refused this API key (HTTP 401): it is mistyped, revoked, or for another environment. Copy the key again or create a new one at magichour.ai/developer → API Keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						"No Magic Hour API answers at this Base URL (HTTP 404). Use the address before /v1, e.g. https://api.magichour.ai or your proxy's root.",
				},
			},
		],
	};
}

import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class MagicHourCommunityApi implements ICredentialType {
	name = 'magicHourCommunityApi';

	displayName = 'Magic Hour Community Nodes API';

	icon: Icon = { light: 'file:../icons/magichour.svg', dark: 'file:../icons/magichour.dark.svg' };

	documentationUrl = 'https://docs.magichour.ai/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create a key in the Magic Hour Developer Hub (magichour.ai/developer, API keys)',
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
					description: 'A proxy (https://), or the local Magic Hour emulator of this package',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://127.0.0.1:4010',
			placeholder: 'http://127.0.0.1:4010',
			description:
				'Where requests go instead of https://api.magichour.ai. Must be https://, except http:// to this machine (localhost, 127.x.x.x, [::1]) so the API key never crosses a network unencrypted; no "?", "#", "@" (user:password) or spaces.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only needed by the Magic Hour Trigger: the signing secret Magic Hour shows once when you add a webhook in the Developer Hub',
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
	};
}

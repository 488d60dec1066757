import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const CREDENTIALS_TYPE = 'magicHourCommunityApi';

export const PRODUCTION_BASE_URL = 'https://api.magichour.ai';
export const MOCK_SERVER_BASE_URL = 'https://api.sideko.dev/v1/mock/magichour/magic-hour/latest';

export function baseUrlFromCredentials(credentials: ICredentialDataDecryptedObject): string {
	const environment = credentials.environment ?? 'production';
	if (environment === 'mock') return MOCK_SERVER_BASE_URL;
	if (environment === 'custom') {
		const custom = String(credentials.baseUrl ?? '').trim();
		if (!/^https?:\/\/[^\s]+$/i.test(custom)) {
			throw new Error(
				'The Magic Hour credentials use "Custom Base URL" but the Base URL is not a valid http(s) address',
			);
		}
		return custom.replace(/\/+$/, '');
	}
	return PRODUCTION_BASE_URL;
}

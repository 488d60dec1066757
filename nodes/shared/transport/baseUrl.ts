import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const PRODUCTION_BASE_URL = 'https://api.magichour.ai';
export const MOCK_SERVER_BASE_URL = 'https://api.sideko.dev/v1/mock/magichour/magic-hour/latest';

/** Plain http is accepted only for hosts that never leave this machine. */
const LOOPBACK_HTTP = /^http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?(\/|$)/i;

function refused(reason: string): Error {
	return new Error(`The Magic Hour credentials use "Custom Base URL", but ${reason}`);
}

/**
 * The custom base URL, checked so the API key only travels encrypted (or stays on this
 * machine) and every request goes where its path says. The credential type's test request
 * applies the same rules in an expression; a test keeps both in step.
 */
function customBaseUrl(value: unknown): string {
	const text = String(value ?? '').trim();
	if (/\s/.test(text)) throw refused('the Base URL contains a space. Remove it.');
	if (!/^https?:\/\/[^/]/i.test(text) || !URL.canParse(text)) {
		throw refused('the Base URL is not a valid http(s) address.');
	}
	if (/[?#]/.test(text)) {
		throw refused(
			'the Base URL contains "?" or "#". Request paths are added after the base URL, so a query or fragment would change where requests go. Remove it.',
		);
	}
	if (text.includes('@')) {
		throw refused(
			'the Base URL contains "@" (a user name or password, user:password@). Remove it: the API key is all Magic Hour needs.',
		);
	}
	if (/^http:/i.test(text) && !LOOPBACK_HTTP.test(text)) {
		throw refused(
			`the Base URL uses http:// to ${new URL(text).host}, which would send the API key unencrypted (in clear) over the network. Use https://, or http:// only for this machine (localhost, 127.x.x.x or [::1]).`,
		);
	}
	return text.replace(/\/+$/, '');
}

export function baseUrlFromCredentials(credentials: ICredentialDataDecryptedObject): string {
	const environment = credentials.environment ?? 'production';
	if (environment === 'mock') return MOCK_SERVER_BASE_URL;
	if (environment === 'custom') return customBaseUrl(credentials.baseUrl);
	return PRODUCTION_BASE_URL;
}

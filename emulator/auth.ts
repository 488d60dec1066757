/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/** Bearer-token check for /v1 routes. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { errorReply, type JsonReply } from './http';

export function isAuthorized(req: IncomingMessage, apiKey: string): boolean {
	const header = req.headers.authorization;
	if (typeof header !== 'string') return false;
	const match = /^Bearer\s+(.+)$/i.exec(header.trim());
	if (!match) return false;
	const given = Buffer.from(match[1].trim());
	const expected = Buffer.from(apiKey);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unauthorizedReply(): JsonReply {
	return errorReply(401, 'unauthorized', 'Unauthorized');
}

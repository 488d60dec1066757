/** Random identifiers and URL tokens. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A CUID-looking id: 'c' followed by 24 lower-case base-36 characters. */
export function newId(): string {
	const bytes = randomBytes(24);
	let id = 'c';
	for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
	return id;
}

/** An unguessable URL-safe token for pre-signed upload and download URLs. */
export function newToken(): string {
	return randomBytes(18).toString('base64url');
}

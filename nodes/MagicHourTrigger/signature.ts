import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying the hex HMAC-SHA256 of `"{timestamp}.{raw body}"`. */
export const SIGNATURE_HEADER = 'magic-hour-event-signature';
/** Header carrying the Unix time (seconds) the delivery was signed at. */
export const TIMESTAMP_HEADER = 'magic-hour-event-timestamp';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export type SignatureFailure =
	| 'missing_signature'
	| 'missing_timestamp'
	| 'malformed_timestamp'
	| 'timestamp_too_old'
	| 'timestamp_in_future'
	| 'malformed_signature'
	| 'signature_mismatch';

export type SignatureCheck =
	| { valid: true }
	| { valid: false; reason: SignatureFailure; message: string };

export interface SignatureInput {
	secret: string;
	/** The exact bytes of the request body as received. */
	rawBody: Buffer;
	signatureHeader: string | string[] | undefined;
	timestampHeader: string | string[] | undefined;
	/** Current Unix time in seconds. */
	nowSeconds: number;
	/** Largest accepted distance between the signed timestamp and now, both directions. */
	toleranceSeconds: number;
}

/** HMAC-SHA256 over `"{timestamp}.{raw body}"`, computed on the bytes (never re-serialised JSON). */
export function computeSignature(secret: string, timestamp: string, rawBody: Buffer): Buffer {
	return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody).digest();
}

function singleHeader(value: string | string[] | undefined): string | undefined {
	if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
	return value;
}

function failure(reason: SignatureFailure, message: string): SignatureCheck {
	return { valid: false, reason, message };
}

/**
 * Checks a delivery's signature headers against the signing secret. The comparison runs in
 * constant time over equal-length buffers; nothing about the secret or the expected signature
 * appears in the returned messages.
 */
export function verifySignature(input: SignatureInput): SignatureCheck {
	const signature = singleHeader(input.signatureHeader)?.trim();
	const timestamp = singleHeader(input.timestampHeader)?.trim();

	if (!signature) {
		return failure('missing_signature', `Missing ${SIGNATURE_HEADER} header`);
	}
	if (!timestamp) {
		return failure('missing_timestamp', `Missing ${TIMESTAMP_HEADER} header`);
	}
	if (!/^\d{1,12}$/.test(timestamp)) {
		return failure(
			'malformed_timestamp',
			`The ${TIMESTAMP_HEADER} header is not a Unix time in seconds`,
		);
	}

	const age = input.nowSeconds - Number(timestamp);
	if (age > input.toleranceSeconds) {
		return failure('timestamp_too_old', 'The delivery timestamp is too old (possible replay)');
	}
	if (-age > input.toleranceSeconds) {
		return failure('timestamp_in_future', 'The delivery timestamp is too far in the future');
	}

	if (!/^[0-9a-f]{64}$/i.test(signature)) {
		return failure(
			'malformed_signature',
			`The ${SIGNATURE_HEADER} header is not a hex SHA-256 signature`,
		);
	}

	const received = Buffer.from(signature, 'hex');
	const expected = computeSignature(input.secret, timestamp, input.rawBody);
	if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
		return failure('signature_mismatch', 'The signature does not match the request body');
	}
	return { valid: true };
}

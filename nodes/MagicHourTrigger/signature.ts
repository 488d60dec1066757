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
	| { valid: false; reason: SignatureFailure; message: string; fix: string };

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

const UNSIGNED_FIX =
	'Magic Hour signs every delivery it sends. If you send test requests yourself, sign them like Magic Hour does, or turn off "Verify Signature" while you test.';
const SECRET_FIX =
	'Copy the signing secret of the webhook that points at this URL (magichour.ai/developer → Webhooks; each webhook has its own secret) into "Webhook Signing Secret" of the Magic Hour credentials.';
const CLOCK_FIX =
	'Check that the clock of the n8n server is right (synchronized with NTP), or raise "Timestamp Tolerance (Seconds)" in the Trigger\'s options.';

function failure(reason: SignatureFailure, message: string, fix: string): SignatureCheck {
	return { valid: false, reason, message, fix };
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
		return failure(
			'missing_signature',
			`The delivery is not signed (no ${SIGNATURE_HEADER} header), so it may not come from Magic Hour`,
			UNSIGNED_FIX,
		);
	}
	if (!timestamp) {
		return failure(
			'missing_timestamp',
			`The delivery has no signing time (no ${TIMESTAMP_HEADER} header), so it may not come from Magic Hour`,
			UNSIGNED_FIX,
		);
	}
	if (!/^\d{1,12}$/.test(timestamp)) {
		return failure(
			'malformed_timestamp',
			`The signing time of the delivery (${TIMESTAMP_HEADER} header) is not a Unix time in seconds`,
			UNSIGNED_FIX,
		);
	}

	const age = input.nowSeconds - Number(timestamp);
	const allowed = `the allowed ${input.toleranceSeconds} s`;
	if (age > input.toleranceSeconds) {
		return failure(
			'timestamp_too_old',
			`The delivery was signed ${age} s ago, more than ${allowed}: it is too old (a replayed delivery, or the n8n server's clock is ahead)`,
			CLOCK_FIX,
		);
	}
	if (-age > input.toleranceSeconds) {
		return failure(
			'timestamp_in_future',
			`The delivery was signed ${-age} s in the future, more than ${allowed} (the n8n server's clock is behind)`,
			CLOCK_FIX,
		);
	}

	if (!/^[0-9a-f]{64}$/i.test(signature)) {
		return failure(
			'malformed_signature',
			`The signature of the delivery (${SIGNATURE_HEADER} header) is not a hex SHA-256 signature`,
			UNSIGNED_FIX,
		);
	}

	const received = Buffer.from(signature, 'hex');
	const expected = computeSignature(input.secret, timestamp, input.rawBody);
	if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
		return failure(
			'signature_mismatch',
			'The signature of the delivery does not match the Webhook Signing Secret in the Magic Hour credentials',
			SECRET_FIX,
		);
	}
	return { valid: true };
}

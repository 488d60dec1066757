/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: runs in tests or on the developer's machine, never inside n8n */
/** What the Trigger e2e and the smoke subset of the version matrix do to an active Magic Hour Trigger. */
import { signWebhook, type Emulator } from '../../emulator';

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something; on timeout the error ends with `context()`. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	context: () => string,
	timeoutMs = 60_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${context()}`);
		await sleep(500);
	}
}

/** Starts an image job at the emulator directly (as another app would); returns its project ID. */
export async function createImageJob(emu: Emulator, prompt: string): Promise<string> {
	const res = await fetch(`${emu.baseUrl}/v1/ai-image-generator`, {
		method: 'POST',
		headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify({ image_count: 1, aspect_ratio: '1:1', style: { prompt } }),
	});
	const body = (await res.json()) as { id: string };
	if (res.status !== 200) throw new Error(`the emulator answered ${res.status}`);
	return body.id;
}

/**
 * Posts an image.completed event signed with `secret` at `timestamp` (seconds) to a Trigger's
 * production URL; returns the HTTP status n8n answered.
 */
export async function postSignedEvent(
	emu: Emulator,
	url: string,
	secret: string,
	timestamp = Math.floor(Date.now() / 1000),
): Promise<number> {
	const body = JSON.stringify({
		type: 'image.completed',
		payload: {
			id: 'forged-project',
			status: 'complete',
			downloads: [{ url: `${emu.baseUrl}/nothing.png`, expires_at: null }],
		},
	});
	const res = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'magic-hour-event-timestamp': String(timestamp),
			'magic-hour-event-signature': signWebhook(secret, timestamp, body),
		},
		body,
	});
	return res.status;
}

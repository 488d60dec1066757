/** Releases a response or file stream nobody will read (a no-op for buffers). */
export function discard(body: unknown): void {
	const stream = body as { destroy?: () => void } | undefined;
	try {
		stream?.destroy?.();
	} catch {
		// nothing to release
	}
}

/**
 * Runs `work` for indexes 0..count-1 with at most `limit` in flight. After the first failure
 * (when `stopOnError`), no new index starts; the ones in flight finish. Resolves to per-index outcomes.
 */
export async function runWithConcurrency<T>(
	count: number,
	limit: number,
	work: (index: number) => Promise<T>,
	stopOnError: boolean,
): Promise<Array<{ ok: true; value: T } | { ok: false; error: unknown } | undefined>> {
	const outcomes: Array<{ ok: true; value: T } | { ok: false; error: unknown } | undefined> = new Array(count);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < count && !(stopOnError && failed)) {
			const index = next++;
			try {
				outcomes[index] = { ok: true, value: await work(index) };
			} catch (error) {
				outcomes[index] = { ok: false, error };
				failed = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	return outcomes;
}

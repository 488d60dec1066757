export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface Batch<T> {
	count: number;
	/** Items in flight at once (Infinity: all at once). */
	concurrency: number;
	run: (index: number) => Promise<T>;
	/** Whether this failure ends the batch: no further item starts and `onStop` runs, once. */
	stops: (error: unknown) => boolean;
	onStop?: (error: unknown, index: number) => void;
}

export interface BatchResult<T> {
	/** Per item; undefined for an item that never started because the batch stopped. */
	outcomes: Array<Outcome<T> | undefined>;
	stoppedBy?: { index: number; error: unknown };
}

/**
 * The one way the nodes fan out items: up to `concurrency` at once, in input order. After a
 * failure that stops the batch no new item starts; the ones in flight are let finish (the caller
 * aborts their waits in `onStop`), so nothing runs on after the node has returned.
 */
export async function runBatch<T>(batch: Batch<T>): Promise<BatchResult<T>> {
	const result: BatchResult<T> = { outcomes: new Array(batch.count) };
	let next = 0;
	const worker = async () => {
		while (next < batch.count && !result.stoppedBy) {
			const index = next++;
			try {
				result.outcomes[index] = { ok: true, value: await batch.run(index) };
			} catch (error) {
				result.outcomes[index] = { ok: false, error };
				if (!result.stoppedBy && batch.stops(error)) {
					result.stoppedBy = { index, error };
					batch.onStop?.(error, index);
				}
			}
		}
	};
	const workers = Math.max(1, Math.min(batch.concurrency, batch.count));
	await Promise.all(Array.from({ length: workers }, worker));
	return result;
}

/** A tiny semaphore (p-limit style): at most `concurrency` of the tasks run at once, in call order. */
export function limiter(concurrency: number) {
	let active = 0;
	const queue: Array<() => void> = [];
	const next = () => {
		if (active >= concurrency) return;
		const start = queue.shift();
		if (start) {
			active += 1;
			start();
		}
	};
	return async <T>(task: () => Promise<T>): Promise<T> =>
		await new Promise<T>((resolve, reject) => {
			queue.push(() => {
				task()
					.then(resolve, reject)
					.finally(() => {
						active -= 1;
						next();
					});
			});
			next();
		});
}

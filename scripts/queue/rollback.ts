/* eslint-disable @n8n/community-nodes/require-node-api-error -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Transactional start-up: each thing that started registers how to stop it; when a later step
 * fails, everything registered is stopped, the latest first, and the failure is rethrown.
 *
 *   return await withRollback(async (started) => {
 *     const redis = started.add('redis', await RedisServer.start(), (r) => r.stop());
 *     await started.all([startA(), startB()]);   // waits for all, also when one fails
 *     return { redis };
 *   });
 */
export class Rollback {
	private readonly stops: Array<{ name: string; stop: () => Promise<void> }> = [];

	/** Registers something that started; returns it. */
	add<T>(name: string, resource: T, stop: (resource: T) => Promise<void>): T {
		this.stops.push({ name, stop: async () => await stop(resource) });
		return resource;
	}

	/**
	 * Waits for every start running in parallel, not only until the first fails (one still
	 * starting would otherwise come up after the rollback); then rethrows the first failure.
	 */
	async all(starts: Array<Promise<unknown>>): Promise<void> {
		const failed = (await Promise.allSettled(starts)).find(
			(result) => result.status === 'rejected',
		);
		if (failed) throw failed.reason;
	}

	/** Stops everything registered, the latest first; a failing stop does not keep the rest running. */
	async undo(): Promise<string[]> {
		const failures: string[] = [];
		for (const { name, stop } of this.stops.splice(0).reverse()) {
			try {
				await stop();
			} catch (error) {
				failures.push(`${name}: ${(error as Error).message}`);
			}
		}
		return failures;
	}
}

export async function withRollback<T>(body: (started: Rollback) => Promise<T>): Promise<T> {
	const started = new Rollback();
	try {
		return await body(started);
	} catch (error) {
		const failures = await started.undo();
		if (failures.length && error instanceof Error)
			error.message += `\n(also failed to stop after it: ${failures.join('; ')})`;
		throw error;
	}
}

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

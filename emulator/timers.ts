/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: runs in tests or on the developer's machine, never inside n8n */
/** Unref'd timers that can all be cleared at once (on reset and stop). */
export class TimerSet {
	private readonly active = new Set<NodeJS.Timeout>();

	set(fn: () => void, ms: number): NodeJS.Timeout {
		const handle = setTimeout(
			() => {
				this.active.delete(handle);
				fn();
			},
			Math.max(0, ms),
		);
		handle.unref();
		this.active.add(handle);
		return handle;
	}

	clear(handle: NodeJS.Timeout | undefined): void {
		if (!handle) return;
		clearTimeout(handle);
		this.active.delete(handle);
	}

	/** Resolves after `ms`; never resolves if the timer set is cleared first. */
	delay(ms: number): Promise<void> {
		return new Promise((resolve) => this.set(resolve, ms));
	}

	clearAll(): void {
		for (const handle of this.active) clearTimeout(handle);
		this.active.clear();
	}
}

/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: tests */
import { getEventListeners } from 'node:events';

import {
	DeadlineReachedError,
	ExecutionCancelledError,
	cancellableSleep,
	linkSignals,
} from '../../nodes/shared/transport/cancellation';

describe('linkSignals', () => {
	it('adds no listener that outlives dispose()', () => {
		const execution = new AbortController();
		const stop = new AbortController();
		for (let run = 0; run < 50; run++) {
			linkSignals({
				cancel: execution.signal,
				stop: stop.signal,
				deadline: { startedAt: Date.now(), at: Date.now() + 60_000 },
			}).dispose();
		}
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
		expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
	});

	it("aborts with the execution's cancel as ExecutionCancelledError (n8n aborts without a reason)", () => {
		const execution = new AbortController();
		const link = linkSignals({ cancel: execution.signal });
		execution.abort();
		expect(link.signal.reason).toBeInstanceOf(ExecutionCancelledError);
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
	});

	it("aborts with the stop signal's own reason", () => {
		const stop = new AbortController();
		const reason = new Error('item 2 failed');
		const link = linkSignals({ stop: stop.signal });
		stop.abort(reason);
		expect(link.signal.reason).toBe(reason);
	});

	it('aborts at the deadline with DeadlineReachedError, and at once when it has passed', async () => {
		expect(
			linkSignals({ deadline: { startedAt: 0, at: Date.now() - 1 } }).signal.reason,
		).toBeInstanceOf(DeadlineReachedError);
		const link = linkSignals({ deadline: { startedAt: Date.now(), at: Date.now() + 100 } });
		await expect(cancellableSleep(30_000, link.signal)).rejects.toBeInstanceOf(
			DeadlineReachedError,
		);
		link.dispose();
	});

	it('can be aborted by its owner (a sibling transfer failed)', () => {
		const execution = new AbortController();
		const link = linkSignals({ cancel: execution.signal });
		const reason = new Error('the other upload failed');
		link.abort(reason);
		expect(link.signal.reason).toBe(reason);
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
	});
});

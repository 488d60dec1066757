/** Child process of the time-scaled phases (1–3, see lib/scaledClock.ts); each phase sets its own scale. */
import { childMain } from './lib/child';
import { runPolling, type PollingConfig, type PollingResult } from './phases/polling';
import { runThroughput, type ThroughputConfig, type ThroughputResult } from './phases/throughput';

export interface TimedConfig {
	polling: PollingConfig[];
	throughput?: ThroughputConfig;
}

export interface TimedResult {
	polling: PollingResult[];
	throughput?: ThroughputResult;
}

childMain(async (config: TimedConfig): Promise<TimedResult> => {
	const polling: PollingResult[] = [];
	for (const kind of config.polling) polling.push(await runPolling(kind));
	const throughput = config.throughput ? await runThroughput(config.throughput) : undefined;
	return { polling, throughput };
});

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The process groups a `npm run test:queue` run started, in a file its jest globalTeardown reads
 * to end whatever is still running. Needed because jest runs test code with a copy of `process`:
 * exit hooks registered there (trackProcessGroup's in scripts/e2e/n8n.ts) never run, so a
 * process a failed or killed test did not stop would outlive jest.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** The registry file, set by test/queue/globalSetup.ts; without it nothing is recorded. */
export const PROCESS_REGISTRY_ENV = 'MH_QUEUE_PROCESS_REGISTRY';

/** When the process started (field 22 of /proc/<pid>/stat): tells a reused pid from ours. */
function startTime(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

/** Records a process group leader (a child started with `detached: true`). */
export function registerProcessGroup(pid: number, name: string): void {
	const file = process.env[PROCESS_REGISTRY_ENV];
	const started = startTime(pid);
	if (file && started) appendFileSync(file, `${pid} ${started} ${name}\n`);
}

/** Kills (SIGKILL) every recorded group whose leader still runs; returns what it killed. */
export function killRegisteredGroups(file: string): string[] {
	if (!existsSync(file)) return [];
	const killed: string[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		const [pid, started, name] = line.split(' ');
		if (!name || startTime(Number(pid)) !== started) continue;
		try {
			process.kill(-Number(pid), 'SIGKILL');
			killed.push(`${name} (pid ${pid})`);
		} catch {
			// ended meanwhile
		}
	}
	return killed;
}

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import http from 'node:http';
import { bodies, call, startFast, waitForStatus, type TestEmulator } from './emulatorHarness';

const TWO_GIB = 2 * 1024 ** 3;
const MIB = 1024 * 1024;

let emu: TestEmulator;

beforeAll(async () => {
	emu = await startFast({ outputBytes: { video: TWO_GIB } });
});
afterAll(() => emu.stop());

/** Reads a URL to the end, discarding the bytes, while sampling this process's RSS. */
function drain(
	url: string,
): Promise<{ status: number; length: number; received: number; head: Buffer; peakRss: number }> {
	return new Promise((resolve, reject) => {
		let peakRss = process.memoryUsage.rss();
		const sampler = setInterval(() => {
			peakRss = Math.max(peakRss, process.memoryUsage.rss());
		}, 25);
		http
			.get(url, { agent: false }, (res) => {
				let received = 0;
				let head = Buffer.alloc(0);
				res.on('data', (chunk: Buffer) => {
					if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
					received += chunk.length;
				});
				res.on('end', () => {
					clearInterval(sampler);
					peakRss = Math.max(peakRss, process.memoryUsage.rss());
					resolve({
						status: res.statusCode ?? 0,
						length: Number(res.headers['content-length']),
						received,
						head,
						peakRss,
					});
				});
				res.on('error', (e) => {
					clearInterval(sampler);
					reject(e);
				});
			})
			.on('error', (e) => {
				clearInterval(sampler);
				reject(e);
			});
	});
}

it('streams a 2 GiB video with flat memory and an exact Content-Length', async () => {
	emu.jobs.setDurationMs('/v1/text-to-video', 0);
	const created = await call(emu, 'POST', '/v1/text-to-video', { body: bodies.video });
	const project = await waitForStatus(emu, 'video', created.body.id, ['complete']);

	const baseline = process.memoryUsage.rss();

	const result = await drain(project.downloads[0].url);
	expect(result.status).toBe(200);
	expect(result.length).toBe(TWO_GIB);
	expect(result.received).toBe(TWO_GIB);
	expect(result.head.subarray(4, 8).toString('latin1')).toBe('ftyp');
	expect(emu.counters().bytesServed).toBe(TWO_GIB);
	process.stdout.write(`RSS growth ${((result.peakRss - baseline) / MIB).toFixed(1)} MiB\n`);
	expect(result.peakRss - baseline).toBeLessThan(150 * MIB);
}, 120_000);

/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from '../../emulator/cli';

describe('emulator CLI', () => {
	it('parses flags, falling back on env and then on the defaults (speed 10, port 4010)', () => {
		expect(parseArgs([], {})).toMatchObject({ speed: 10, port: 4010, quiet: false });
		expect(
			parseArgs(['--port', '0', '--speed=50', '--credits', '12', '--tier', 'free'], {}),
		).toMatchObject({
			port: 0,
			speed: 50,
			credits: 12,
			tier: 'free',
		});
		expect(
			parseArgs([], {
				MH_EMULATOR_PORT: '4555',
				MH_EMULATOR_SPEED: '2',
				MH_EMULATOR_CREDITS: '99',
			}),
		).toMatchObject({
			port: 4555,
			speed: 2,
			credits: 99,
		});
		expect(parseArgs(['--speed', '3'], { MH_EMULATOR_SPEED: '2' }).speed).toBe(3);
		expect(() => parseArgs(['--speed', 'fast'], {})).toThrow(/speed/);
		expect(() => parseArgs(['--tier', 'gold'], {})).toThrow(/tier/);
		expect(() => parseArgs(['--bogus', '1'], {})).toThrow(/bogus/);
	});

	it('prints the base URL and the demo API key, serves, and stops on SIGINT', async () => {
		const root = join(__dirname, '..', '..');
		const child = spawn(
			process.execPath,
			['-r', 'ts-node/register/transpile-only', 'emulator/cli.ts', '--port', '0', '--quiet'],
			{
				cwd: root,
				env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			let out = '';
			const banner = await new Promise<string>((resolve, reject) => {
				child.stdout.on('data', (d) => {
					out += d;
					if (out.includes('API key')) resolve(out);
				});
				child.stderr.on('data', (d) => (out += d));
				child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
			});
			const baseUrl = /base URL\s*:\s*(http:\/\/\S+)/.exec(banner)?.[1];
			const apiKey = /API key\s*:\s*(\S+)/.exec(banner)?.[1];
			expect(apiKey).toBe('mhk_test_emulator');
			const res = await fetch(`${baseUrl}/v1/account`, {
				headers: { authorization: `Bearer ${apiKey}` },
			});
			expect(res.status).toBe(200);
			const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
			child.kill('SIGINT');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 30_000);
});

/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * `npm run emulator [-- --port 4010 (default) --speed 10 --credits 10000 --tier creator --host 127.0.0.1]`
 * Env equivalents: MH_EMULATOR_PORT, MH_EMULATOR_SPEED, MH_EMULATOR_CREDITS, MH_EMULATOR_TIER,
 * MH_EMULATOR_HOST, MH_EMULATOR_API_KEY. Runs until Ctrl-C.
 */
import { start } from './index';
import type { EmulatorOptions, Tier } from './types';

/** The CLI's default: a demo image (median ~8–20 s) finishes in about a second or two. */
const DEFAULT_CLI_SPEED = 10;
const DEFAULT_CLI_PORT = 4010;
const TIERS: readonly Tier[] = ['free', 'creator', 'pro', 'business'];

function usage(): string {
	return [
		'Usage: npm run emulator -- [--port N] [--speed X] [--credits N] [--tier free|creator|pro|business]',
		'                           [--host ADDR] [--api-key KEY] [--quiet]',
		'Env: MH_EMULATOR_PORT, MH_EMULATOR_SPEED, MH_EMULATOR_CREDITS, MH_EMULATOR_TIER, MH_EMULATOR_HOST, MH_EMULATOR_API_KEY',
	].join('\n');
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): EmulatorOptions {
	const flags = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') throw new Error(usage());
		if (arg === '--quiet') {
			flags.set('quiet', 'true');
			continue;
		}
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		if (!m) throw new Error(`Unknown argument '${arg}'\n${usage()}`);
		const value = m[2] ?? argv[++i];
		if (value === undefined) throw new Error(`Missing value for --${m[1]}`);
		flags.set(m[1], value);
	}
	const pick = (flag: string, envName: string): string | undefined =>
		flags.get(flag) ?? env[envName];
	const number = (flag: string, envName: string): number | undefined => {
		const raw = pick(flag, envName);
		if (raw === undefined || raw === '') return undefined;
		const n = Number(raw);
		if (!Number.isFinite(n) || n < 0)
			throw new Error(`--${flag} must be a non-negative number, got '${raw}'`);
		return n;
	};
	const tier = pick('tier', 'MH_EMULATOR_TIER');
	if (tier !== undefined && !TIERS.includes(tier as Tier))
		throw new Error(`--tier must be one of ${TIERS.join(', ')}`);
	const speed = number('speed', 'MH_EMULATOR_SPEED') ?? DEFAULT_CLI_SPEED;
	if (speed <= 0) throw new Error('--speed must be > 0');
	for (const known of flags.keys()) {
		if (!['port', 'speed', 'credits', 'tier', 'host', 'api-key', 'quiet'].includes(known)) {
			throw new Error(`Unknown flag --${known}\n${usage()}`);
		}
	}
	return {
		host: pick('host', 'MH_EMULATOR_HOST'),
		port: number('port', 'MH_EMULATOR_PORT') ?? DEFAULT_CLI_PORT,
		speed,
		credits: number('credits', 'MH_EMULATOR_CREDITS'),
		tier: tier as Tier | undefined,
		apiKey: pick('api-key', 'MH_EMULATOR_API_KEY'),
		quiet: flags.has('quiet') ? true : false,
	};
}

async function main(): Promise<void> {
	let options: EmulatorOptions;
	try {
		options = parseArgs(process.argv.slice(2), process.env);
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n`);
		process.exitCode = 2;
		return;
	}
	const emulator = await start(options);
	process.stdout.write(
		[
			'Magic Hour API emulator running',
			`  base URL : ${emulator.baseUrl}`,
			`  API key  : ${emulator.apiKey}`,
			`  speed    : ${options.speed}x   credits: ${emulator.credits}`,
			`  control  : ${emulator.baseUrl}/__emulator/state`,
			'Press Ctrl-C to stop.',
			'',
		].join('\n'),
	);
	const shutdown = () => {
		void emulator.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

if (require.main === module) void main();

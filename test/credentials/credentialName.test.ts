/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MagicHourCommunityApi } from '../../credentials/MagicHourCommunityApi.credentials';
import { CREDENTIALS_TYPE } from '../../nodes/shared/transport/apiRequest';

// n8n keys credential types by name across every installed package: Magic Hour's own node
// (@magichourhq/n8n-nodes-magichour) declares `magicHourApi`. A generic name here would let the
// other package's definition (its base URL, its fields) silently replace ours.
const TAKEN_OR_GENERIC = /^(magicHour|magichour|magic_hour)(Api|OAuth2Api|ApiKey)?$/i;
const ROOT = join(__dirname, '../..');

function filesUnder(dir: string, ending: RegExp): string[] {
	return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: false })
		.map(String)
		.filter((file) => ending.test(file))
		.map((file) => join(ROOT, dir, file));
}

describe('credential type name', () => {
	const credential = new MagicHourCommunityApi();

	it('is tied to this package, not a generic Magic Hour name', () => {
		expect(credential.name).toBe('magicHourCommunityApi');
		expect(credential.name).not.toMatch(TAKEN_OR_GENERIC);
		expect(CREDENTIALS_TYPE).toBe(credential.name);
	});

	// n8n names a new credential "<display name without API> account" and titles the dialog and
	// the node's "Connect to …" button with it: a user should read "Magic Hour", not a package
	// term. Two packages may share a display name; the type name above keeps them apart.
	it("reads as Magic Hour in the dialog, the button and the new credential's name", () => {
		expect(credential.displayName).toBe('Magic Hour API');
		const appName = credential.displayName
			.split(' ')
			.filter((word) => !['API', 'OAuth1', 'OAuth2'].includes(word))
			.join(' ');
		expect(`${appName} account`).toBe('Magic Hour account');
	});

	it('is the only credential type every node, example and package entry names', () => {
		const sources = [
			...filesUnder('nodes', /\.ts$/),
			...filesUnder('examples', /\.json$/),
			join(ROOT, 'package.json'),
		];
		const generic: string[] = [];
		for (const file of sources) {
			const text = readFileSync(file, 'utf8');
			if (/['"]magicHourApi['"]|MagicHourApi\.credentials/.test(text)) generic.push(file);
		}
		expect(generic).toEqual([]);
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
		expect(pkg.n8n.credentials).toEqual(['dist/credentials/MagicHourCommunityApi.credentials.js']);
	});
});

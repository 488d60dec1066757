/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests, never inside n8n */
/**
 * A stand-in for Magic Hour's own community package (`@magichourhq/n8n-nodes-magichour`), whose
 * source is not reachable from this machine. It declares what matters for coexistence: a
 * credential type named `magicHourApi` (an API key only, always https://api.magichour.ai) and a
 * node that uses it. The node itself sends nothing: it answers with a marker item, so a workflow
 * can prove that n8n loaded it next to ours.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STAND_IN_PACKAGE = '@magichourhq/n8n-nodes-magichour';
export const STAND_IN_NODE_TYPE = `${STAND_IN_PACKAGE}.magicHour`;
export const STAND_IN_CREDENTIAL_TYPE = 'magicHourApi';

const CREDENTIAL_JS = `
class MagicHourApi {
	constructor() {
		this.name = 'magicHourApi';
		this.displayName = 'Magic Hour API';
		this.properties = [
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', required: true },
		];
		this.authenticate = { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } };
		this.test = { request: { baseURL: 'https://api.magichour.ai/v1', url: '/image-projects', method: 'GET' } };
	}
}
exports.MagicHourApi = MagicHourApi;
`;

const NODE_JS = `
class MagicHour {
	constructor() {
		this.description = {
			displayName: 'Magic Hour (official stand-in)',
			name: 'magicHour',
			group: ['transform'],
			version: 1,
			description: 'Stand-in for the official Magic Hour node',
			defaults: { name: 'Magic Hour Official' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'magicHourApi', required: true }],
			properties: [],
		};
	}
	async execute() {
		const credentials = await this.getCredentials('magicHourApi');
		return [[{ json: { standIn: '${STAND_IN_PACKAGE}', hasKey: Boolean(credentials.apiKey) } }]];
	}
}
exports.MagicHour = MagicHour;
`;

/** Writes the stand-in package into n8n's community nodes folder (`<.n8n>/nodes`). */
export function installOfficialNodeStandIn(nodesDir: string): string {
	const root = join(nodesDir, 'node_modules', ...STAND_IN_PACKAGE.split('/'));
	mkdirSync(join(root, 'dist', 'credentials'), { recursive: true });
	mkdirSync(join(root, 'dist', 'nodes', 'MagicHour'), { recursive: true });
	writeFileSync(
		join(root, 'package.json'),
		JSON.stringify(
			{
				name: STAND_IN_PACKAGE,
				version: '0.2.0',
				keywords: ['n8n-community-node-package'],
				n8n: {
					n8nNodesApiVersion: 1,
					credentials: ['dist/credentials/MagicHourApi.credentials.js'],
					nodes: ['dist/nodes/MagicHour/MagicHour.node.js'],
				},
				peerDependencies: { 'n8n-workflow': '*' },
			},
			null,
			2,
		),
	);
	writeFileSync(join(root, 'dist', 'credentials', 'MagicHourApi.credentials.js'), CREDENTIAL_JS);
	writeFileSync(join(root, 'dist', 'nodes', 'MagicHour', 'MagicHour.node.js'), NODE_JS);
	return root;
}

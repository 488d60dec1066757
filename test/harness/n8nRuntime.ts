/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * Runs node code inside n8n-core's real execution contexts: real parameter resolution, real
 * `httpRequestWithAuthentication` (n8n's own HTTP client), real binary-data service on disk.
 * Only the credentials store is ours: it hands the node the credentials a test chooses.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

const userFolder = mkdtempSync(join(tmpdir(), 'mh-n8n-'));
process.env.N8N_USER_FOLDER ??= userFolder;
process.env.N8N_DEFAULT_BINARY_DATA_MODE ??= 'filesystem';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

// eslint-disable-next-line @typescript-eslint/no-require-imports
require('reflect-metadata');
// n8n-core carries its own copy of the DI container; services must come from that one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(
	require.resolve('@n8n/di', {
		paths: [dirname(require.resolve('n8n-core'))],
	}),
) as typeof import('@n8n/di');

import * as core from 'n8n-core';
import { MagicHourCommunityApi } from '../../credentials/MagicHourCommunityApi.credentials';

export { core, Container };

let binaryReady: Promise<void> | undefined;
export function binaryDataService(): core.BinaryDataService {
	return Container.get(core.BinaryDataService);
}
export async function ensureBinaryData(): Promise<void> {
	binaryReady ??= binaryDataService().init();
	await binaryReady;
}

export class StaticNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string) {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.getByName(nodeType);
		if ('nodeVersions' in type) return type.getNodeType(version);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

/** Applies a credential type's generic `authenticate` the way n8n's credentials helper does. */
function applyGenericAuthentication(
	type: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
): IHttpRequestOptions {
	const authenticate = type.authenticate;
	if (!authenticate || typeof authenticate === 'function' || authenticate.type !== 'generic') {
		throw new Error('test runtime supports generic authentication only');
	}
	const resolve = (template: string) =>
		template
			.replace(/^=/, '')
			.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) =>
				String(credentials[key] ?? ''),
			);
	const headers = { ...(options.headers ?? {}) } as Record<string, string>;
	for (const [name, value] of Object.entries(authenticate.properties.headers ?? {})) {
		headers[name] = resolve(String(value));
	}
	return { ...options, headers };
}

export function credentialsHelperFor(credentials: ICredentialDataDecryptedObject) {
	const type = new MagicHourCommunityApi();
	return {
		getParentTypes: () => [],
		// n8n-core 2.41 asks whether the node may use this credential type before handing it out.
		isCredentialUsableByNode: () => true,
		preAuthentication: async () => undefined,
		runPreAuthentication: async () => undefined,
		authenticate: async (
			creds: ICredentialDataDecryptedObject,
			_type: string,
			options: IHttpRequestOptions,
		) => applyGenericAuthentication(type, creds, options),
		getDecrypted: async () => ({ ...credentials }),
		getCredentials: async () => {
			throw new Error('not used');
		},
		updateCredentials: async () => undefined,
		updateCredentialsOauthTokenData: async () => undefined,
		getCredentialsProperties: () => type.properties,
	};
}

export function nodeOf(
	type: string,
	parameters: INode['parameters'],
	extra: Partial<INode> = {},
): INode {
	return {
		id: 'node-under-test',
		name: 'Node Under Test',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { magicHourCommunityApi: { id: '1', name: 'Magic Hour account' } },
		...extra,
	};
}

/** What n8n's execution engine hands a node context, with the test's credentials store. */
export function additionalDataFor(
	credentials: ICredentialDataDecryptedObject,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: credentialsHelperFor(credentials),
		restApiUrl: 'http://127.0.0.1/rest',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		instanceBaseUrl: 'http://127.0.0.1/',
		hooks: undefined,
		logAiEvent: () => undefined,
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

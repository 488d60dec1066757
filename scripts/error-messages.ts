/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not node code: runs on the developer's machine, never inside n8n */
/**
 * Every user-facing error message of the nodes, made by the code that makes it, for review
 * (issue 26). `npm run error-messages` prints them as JSON; with `--compare old.json` it prints a
 * Markdown table of the messages before (old.json, from an older checkout) and now.
 */
import { readFileSync } from 'node:fs';
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { MagicHourCommunityApi } from '../credentials/MagicHourCommunityApi.credentials';
import { verifySignature } from '../nodes/MagicHourTrigger/signature';
import { TOOLS } from '../nodes/shared/catalog/tools';
import {
	numberSetting,
	toolExecutionSettingsProperty,
} from '../nodes/shared/engine/executionSettings';
import { validateToolBody } from '../nodes/shared/engine/validateBody';
import {
	canceledError,
	renderFailedError,
	storeRefusalMessage,
	timedOutError,
	type WaitedProject,
} from '../nodes/shared/engine/errors';
import {
	apiRedirectError,
	apiStatusError,
	networkError,
	type FailedRequest,
} from '../nodes/shared/transport/apiErrors';
import { baseUrlFromCredentials } from '../nodes/shared/transport/baseUrl';
import { ExecutionCancelledError } from '../nodes/shared/transport/cancellation';

export interface ShownMessage {
	case: string;
	message: string;
	description: string;
}

const node: INode = {
	id: 'n',
	name: 'Magic Hour Image',
	type: 'n8n-nodes-magic-hour.magicHourImage',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const create: FailedRequest = {
	method: 'POST',
	path: '/v1/ai-image-generator',
	attempts: 1,
	isCreate: true,
	itemIndex: 0,
};
const read: FailedRequest = {
	method: 'GET',
	path: '/v1/image-projects/cm_abc123',
	attempts: 4,
	isCreate: false,
	itemIndex: 0,
};
/** An Execution Settings property by name. */
function setting(name: string): INodeProperties {
	const options = (toolExecutionSettingsProperty().options ?? []) as INodeProperties[];
	const found = options.find((option) => option.name === name);
	if (!found) throw new Error(`no execution setting ${name}`);
	return found;
}

const waited: WaitedProject = { id: 'cm_abc123', kind: 'image', status: 'rendering', itemIndex: 0 };

function shown(name: string, make: () => unknown): ShownMessage {
	let error: unknown;
	try {
		error = make();
	} catch (thrown) {
		error = thrown;
	}
	const described = error as { message?: string; description?: string | null };
	return {
		case: name,
		message: described?.message ?? String(error),
		description: described?.description ?? '',
	};
}

function collect(): ShownMessage[] {
	const messages: ShownMessage[] = [];
	const add = (name: string, make: () => unknown) => messages.push(shown(name, make));
	const apiSaid = (code: string, message: string) => ({ code, message });

	add('422 on a create', () =>
		apiStatusError(node, create, 422, apiSaid('invalid_parameters', 'style.prompt is required')),
	);
	add('401', () => apiStatusError(node, read, 401, apiSaid('unauthorized', 'Invalid API key')));
	add('402 credits', () =>
		apiStatusError(
			node,
			create,
			402,
			apiSaid(
				'insufficient_credits',
				'Insufficient credits: this request costs 50 credits and the balance is 10',
			),
		),
	);
	add('402 plan', () =>
		apiStatusError(node, create, 402, apiSaid('plan_upgrade_required', 'Upgrade to Pro to use 4K')),
	);
	add('403 on a create', () =>
		apiStatusError(node, create, 403, apiSaid('forbidden', 'Model not available on your plan')),
	);
	add('403 on a read', () => apiStatusError(node, read, 403, apiSaid('forbidden', 'Forbidden')));
	add('404 project', () =>
		apiStatusError(node, read, 404, apiSaid('not_found', 'Project not found')),
	);
	add('404 endpoint', () => apiStatusError(node, { ...read, path: '/v1/unknown' }, 404, {}));
	add('429', () =>
		apiStatusError(
			node,
			{ ...create, attempts: 5 },
			429,
			apiSaid('rate_limited', 'Too many requests'),
		),
	);
	add('500 on a create', () =>
		apiStatusError(node, create, 500, apiSaid('internal_error', 'Internal error')),
	);
	add('503 on a read', () => apiStatusError(node, read, 503, {}));
	add('418 (any other status)', () => apiStatusError(node, read, 418, {}));
	add('timeout on a create', () => networkError(node, create, 'ETIMEDOUT', true));
	add('connection refused on a read', () => networkError(node, read, 'ECONNREFUSED', false));
	add('redirect', () =>
		apiRedirectError(
			node,
			read,
			302,
			'https://elsewhere.example/v1?token=x',
			'https://api.magichour.ai/v1/account',
		),
	);
	add('render failed: no_source_face', () =>
		renderFailedError(
			node,
			waited,
			{
				id: 'cm_abc123',
				status: 'error',
				error: { code: 'no_source_face', message: 'No face detected' },
			} as IDataObject as never,
			42_000,
		),
	);
	add('render failed: unknown code', () =>
		renderFailedError(
			node,
			waited,
			{
				id: 'cm_abc123',
				status: 'error',
				error: { code: 'weird', message: 'Something' },
			} as IDataObject as never,
			42_000,
		),
	);
	add('canceled', () => canceledError(node, waited));
	add('timed out', () => timedOutError(node, waited, 600_000, 31));
	add('execution cancelled', () => new ExecutionCancelledError());
	add('store refused (database limit)', () =>
		storeRefusalMessage({
			error: new Error(
				'The file "x" its size of 600 MB exceeds the max size limit of 512 MB set for `database` mode. Increase N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE',
			),
			output: 1,
			projectId: 'cm_abc123',
		}),
	);
	add('store refused (disk full)', () =>
		storeRefusalMessage({
			error: Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
			output: 2,
			projectId: 'cm_abc123',
			bytes: 3 * 1024 * 1024,
		}),
	);
	const generator = TOOLS.find((tool) => tool.operation === 'aiImageGenerator')!;
	add('validation: prompt missing', () =>
		validateToolBody(node, generator, { image_count: 1, style: {} }, 0),
	);
	add('validation: out of range', () =>
		validateToolBody(node, generator, { image_count: 99, style: { prompt: 'x' } }, 0),
	);
	add('number setting not a number', () =>
		numberSetting(node, 'abc', setting('maxConcurrency'), 0),
	);
	add('number setting out of range', () =>
		numberSetting(node, 0.01, setting('pollIntervalSeconds'), 0),
	);
	add('base URL plain http to another host', () =>
		baseUrlFromCredentials({ environment: 'custom', baseUrl: 'http://10.0.0.7:4010' }),
	);
	add('base URL with a query', () =>
		baseUrlFromCredentials({ environment: 'custom', baseUrl: 'https://proxy.example.com/?x=1' }),
	);
	for (const rule of new MagicHourCommunityApi().test.rules ?? []) {
		if (rule.type === 'responseCode') {
			add(`credential test: HTTP ${rule.properties.value}`, () => ({
				message: rule.properties.message,
			}));
		}
	}
	const now = 1_800_000_000;
	const check = (name: string, headers: { signature?: string; timestamp?: string }) =>
		add(`Trigger: ${name}`, () => {
			const result = verifySignature({
				secret: 's',
				rawBody: Buffer.from('{}'),
				signatureHeader: headers.signature,
				timestampHeader: headers.timestamp,
				nowSeconds: now,
				toleranceSeconds: 300,
			});
			return result.valid
				? { message: 'valid' }
				: { message: result.message, description: (result as { fix?: string }).fix ?? '' };
		});
	check('unsigned delivery', {});
	check('stale delivery', { signature: 'a'.repeat(64), timestamp: String(now - 900) });
	check('wrong secret', { signature: 'a'.repeat(64), timestamp: String(now) });
	return messages;
}

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>') || '—';
}

function compare(beforeFile: string, after: ShownMessage[]): string {
	const before = new Map(
		(JSON.parse(readFileSync(beforeFile, 'utf8')) as ShownMessage[]).map((m) => [m.case, m]),
	);
	const rows = after.map((now) => {
		const old = before.get(now.case);
		const was = old ? `**${cell(old.message)}**<br>${cell(old.description)}` : '(new)';
		return `| ${now.case} | ${was} | **${cell(now.message)}**<br>${cell(now.description)} |`;
	});
	return ['| Case | Before | After |', '|---|---|---|', ...rows].join('\n');
}

const compareIndex = process.argv.indexOf('--compare');
const messages = collect();
process.stdout.write(
	`${compareIndex > 0 ? compare(process.argv[compareIndex + 1], messages) : JSON.stringify(messages, null, 2)}\n`,
);

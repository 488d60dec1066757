import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { errorItem } from '../../nodes/shared/engine/errors';

const node = (onError?: INode['onError']) => ({
	getNode: () =>
		({
			id: 'n',
			name: 'Magic Hour Image',
			type: 't',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			onError,
		}) as INode,
});
const json = {
	error: 'Magic Hour could not render this image',
	description: 'The project failed (Project ID cm_abc, image, 3 status checks.)',
	id: 'cm_abc',
	kind: 'image',
	status: 'error',
};

/**
 * n8n's rule for "Continue (using error output)" (WorkflowExecute.handleNodeErrorOutput), as
 * n8n-core 1.122.x (n8n 1.123.x) and 2.40.x ship it: the item goes to the error output when it
 * has `error` set, or when its json has these keys.
 */
const routesToErrorOutput = {
	'n8n 1.123.x': (item: INodeExecutionData) =>
		!!item.error ||
		(!!item.json.error && Object.keys(item.json).length === 1) ||
		(!!item.json.error && !!item.json.message && Object.keys(item.json).length === 2),
	'n8n 2.40.x': (item: INodeExecutionData) =>
		!!item.error ||
		(!!item.json.error &&
			Object.keys(item.json).every((key) => ['error', 'message', 'details'].includes(key))),
};

/** What n8n then puts on the error output: the input item's json under the item's own. */
const onErrorOutput = (item: INodeExecutionData, input: IDataObject): IDataObject => ({
	...input,
	...item.json,
});

test('continue (regular output) keeps every field at the top level', () => {
	expect(errorItem(node('continueRegularOutput'), json, 2)).toEqual({
		json,
		pairedItem: { item: 2 },
	});
	expect(errorItem(node(), json, 0)).toEqual({ json, pairedItem: { item: 0 } });
});

test('continue (using error output): one `error` object with the message and the project', () => {
	const item = errorItem(node('continueErrorOutput'), json, 1);
	expect(item).toEqual({
		json: {
			error: {
				message: json.error,
				description: json.description,
				id: 'cm_abc',
				kind: 'image',
				status: 'error',
			},
		},
		pairedItem: { item: 1 },
	});
	// The item's `error` property would make n8n replace the json with {error: message}.
	expect(item.error).toBeUndefined();
});

test.each(Object.entries(routesToErrorOutput))(
	'%s routes it to the error output, with the project ID and the input item',
	(_version, routes) => {
		const item = errorItem(node('continueErrorOutput'), json, 1);
		expect(routes(item)).toBe(true);
		expect(onErrorOutput(item, { prompt: 'a red fox', row: 7 })).toMatchObject({
			prompt: 'a red fox',
			row: 7,
			error: { message: json.error, id: 'cm_abc' },
		});
	},
);

test('the shape before issue 23 ({error, details}) is not routed by n8n 1.123.x', () => {
	const { error, ...details } = json;
	const old: INodeExecutionData = { json: { error, details } };
	expect(routesToErrorOutput['n8n 2.40.x'](old)).toBe(true);
	expect(routesToErrorOutput['n8n 1.123.x'](old)).toBe(false);
});

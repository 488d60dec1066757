import type { INode } from 'n8n-workflow';

import { errorItem } from '../../nodes/shared/engine/errorItem';

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
	error: 'AI Image Generator: "Prompt" is required',
	description: 'Nothing was sent',
	id: null,
	kind: 'image',
};

test('continue (regular output) keeps every field at the top level', () => {
	expect(errorItem(node('continueRegularOutput'), json, 2)).toEqual({
		json,
		pairedItem: { item: 2 },
	});
	expect(errorItem(node(), json, 0)).toEqual({ json, pairedItem: { item: 0 } });
});

test('continue (using error output) keeps only error + details, the shape n8n routes to the error output', () => {
	const item = errorItem(node('continueErrorOutput'), json, 1);
	expect(item).toEqual({
		json: {
			error: json.error,
			details: { description: 'Nothing was sent', id: null, kind: 'image' },
		},
		pairedItem: { item: 1 },
	});
	// n8n's rule (WorkflowExecute.handleNodeErrorOutput): json holds only error/message/details, no item.error.
	expect(Object.keys(item.json).every((key) => ['error', 'message', 'details'].includes(key))).toBe(
		true,
	);
	expect(item.error).toBeUndefined();
});

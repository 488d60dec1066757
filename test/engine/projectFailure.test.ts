import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { ExecutionCancelledError } from '../../nodes/shared/transport/cancellation';
import { aboutProject, failureItem, projectNote } from '../../nodes/shared/engine/errors';

const INODE = {
	id: 'n',
	name: 'Magic Hour',
	type: 't',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;
const ctx = { getNode: () => INODE };

describe('one mapping from a failure to project context and an error item', () => {
	it('names the project once in the description and records it in the context', () => {
		const error = new NodeOperationError(INODE, 'Magic Hour answered 500', {
			description: 'Try again later.',
		});
		aboutProject(error, { id: 'p1', kind: 'video', status: 'rendering' });
		aboutProject(error, { id: 'p1', kind: 'video' });
		expect(error.description).toBe(`Try again later. ${projectNote({ id: 'p1', kind: 'video' })}`);
		expect(error.description).toBe('Try again later. (Project ID p1, video.)');
		expect(error.context).toMatchObject({ projectId: 'p1', kind: 'video', status: 'rendering' });
	});

	it('leaves a cancellation as it is', () => {
		const cancelled = new ExecutionCancelledError();
		expect(aboutProject(cancelled, { id: 'p1', kind: 'image' })).toBe(cancelled);
		expect((cancelled as { description?: string }).description).toBeUndefined();
	});

	it("an error item carries the project, its status and Magic Hour's error code", () => {
		const error = new NodeOperationError(INODE, 'Magic Hour project p2 failed', {
			description: 'No face found.',
		});
		error.context.status = 'error';
		error.context.errorCode = 'no_source_face';
		const item = failureItem(ctx, error, 3, {
			id: 'p2',
			kind: 'image',
			tool: 'faceSwapPhoto',
			name: 'team',
		});
		expect(item).toEqual({
			json: {
				error: 'Magic Hour project p2 failed',
				description: 'No face found.',
				id: 'p2',
				kind: 'image',
				tool: 'faceSwapPhoto',
				name: 'team',
				status: 'error',
				code: 'no_source_face',
			},
			pairedItem: { item: 3 },
		});
	});

	it('an error item without any project holds the message and description only', () => {
		const item = failureItem(ctx, new Error('No binary data'), 0);
		expect(item.json).toEqual({ error: 'No binary data', description: null });
	});
});

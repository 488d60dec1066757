import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';
import type { ZodIssue } from 'zod';

import { bodyLabels, jobNameBody } from '../catalog/requestBody';
import type { ToolDeclaration } from '../catalog/types';

function labelOf(tool: ToolDeclaration, path: ReadonlyArray<string | number>): string {
	const labels = bodyLabels(tool);
	const dotted = path.join('.');
	const withoutIndexes = path.filter((part) => typeof part === 'string').join('.');
	return labels[dotted] ?? labels[withoutIndexes] ?? (dotted || 'Request');
}

function describeIssue(tool: ToolDeclaration, issue: ZodIssue): string {
	if (issue.code === 'unrecognized_keys') {
		return `${labelOf(tool, issue.path)}: unknown field ${issue.keys.join(', ')}`;
	}
	const message =
		issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message;
	return `${labelOf(tool, issue.path)}: ${message}`;
}

/** Checks a request body against the tool's schema; throws an error naming the field, before any request. */
export function validateToolBody(
	node: INode,
	tool: ToolDeclaration,
	body: IDataObject,
	itemIndex: number,
): void {
	const { name, ...toolBody } = body;
	const issues = [
		...(jobNameBody.safeParse({ name }).error?.issues ?? []),
		...(tool.schema.safeParse(toolBody).error?.issues ?? []),
	];
	if (issues.length === 0) return;
	const first = describeIssue(tool, issues[0]);
	throw new NodeOperationError(node, `Invalid parameter for ${tool.displayName}: ${first}`, {
		itemIndex,
		description: [
			...issues.map((issue) => `${describeIssue(tool, issue)} (${issue.path.join('.') || 'body'})`),
			'Nothing was sent to Magic Hour for this item and no credits were used.',
		].join('\n'),
	});
}

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';
import type { ZodIssue } from 'zod';

import { bodyLabels, jobNameBody } from '../catalog/requestBody';
import type { ToolDeclaration } from '../catalog/types';

function labelOf(tool: ToolDeclaration, path: ReadonlyArray<string | number>): string {
	const labels = bodyLabels(tool);
	const dotted = path.join('.');
	const withoutIndexes = path.filter((part) => typeof part === 'string').join('.');
	// The job name is checked apart from the tool's fields (jobNameBody); its option is "Job Name".
	const fallback = dotted === 'name' ? 'Job Name' : dotted || 'Request';
	return labels[dotted] ?? labels[withoutIndexes] ?? fallback;
}

function describeIssue(tool: ToolDeclaration, issue: ZodIssue): string {
	const label = `"${labelOf(tool, issue.path)}"`;
	if (issue.code === 'unrecognized_keys') {
		return `${label} has a field Magic Hour does not know: ${issue.keys.join(', ')}`;
	}
	if (issue.code === 'invalid_type' && issue.received === 'undefined')
		return `${label} is required`;
	return /^(is|must) /.test(issue.message)
		? `${label} ${issue.message}`
		: `${label}: ${issue.message}`;
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
	throw new NodeOperationError(node, `${tool.displayName}: ${first}`, {
		itemIndex,
		description: [
			...issues.map((issue) => describeIssue(tool, issue)),
			'Nothing was sent to Magic Hour for this item and no credits were used. Fix the field and run again.',
			`(Fields as Magic Hour names them: ${issues.map((issue) => issue.path.join('.') || 'body').join(', ')}.)`,
		].join('\n'),
	});
}

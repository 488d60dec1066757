import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { jobName } from './schemaHelpers';
import type { ToolDeclaration, ToolField, ToolInput } from './types';

function setPath(body: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let target = body;
	for (const key of keys.slice(0, -1)) {
		target[key] ??= {};
		target = target[key] as IDataObject;
	}
	target[keys[keys.length - 1]] = value as IDataObject[string];
}

/** Whether the user gave an option: an empty one is not sent, nor free text of only blanks. */
function isGiven(option: ToolField, value: unknown): boolean {
	if (value === undefined || value === '') return false;
	return option.type !== 'string' || String(value).trim() !== '';
}

/** The job name every create body may carry, checked apart from the tool's own schema. */
export const jobNameBody = z.object({ name: jobName });

/**
 * The create request body of one item: each parameter at its `body` path, then the tool's
 * `buildBody` for the rest, then the job name (the one place it is added).
 */
export function toolRequestBody(
	tool: ToolDeclaration,
	input: ToolInput,
	jobName: string,
): IDataObject {
	const body: IDataObject = {};
	for (const field of tool.fields) {
		if (field.body) setPath(body, field.body, input.fields[field.name]);
	}
	for (const file of tool.files) {
		const value = input.files[file.name];
		if (file.body && (file.required || value)) setPath(body, file.body, value);
	}
	for (const option of tool.optionalFields) {
		if (option.body && isGiven(option, input.options[option.name])) {
			setPath(body, option.body, input.options[option.name]);
		}
	}
	const built = tool.buildBody ? tool.buildBody(input, body) : body;
	return jobName ? { name: jobName, ...built } : built;
}

const LABELS = new WeakMap<ToolDeclaration, Record<string, string>>();

/** Readable names of body paths for error messages: each parameter's name at its `body` path. */
export function bodyLabels(tool: ToolDeclaration): Record<string, string> {
	let labels = LABELS.get(tool);
	if (!labels) {
		labels = { ...tool.labels };
		for (const parameter of [...tool.files, ...tool.fields, ...tool.optionalFields]) {
			// n8n wants "Name or ID" on listed parameters; messages use the plain name.
			if (parameter.body)
				labels[parameter.body] = parameter.displayName.replace(/ Name or ID$/, '');
		}
		LABELS.set(tool, labels);
	}
	return labels;
}

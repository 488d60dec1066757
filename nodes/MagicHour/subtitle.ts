import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from './v1/actions/router';

const RESOURCE_NAMES: Record<string, string> = {
	account: 'Account',
	file: 'File',
	project: 'Project',
};

/** A one-word operation gets its resource ("Get" of Project reads "Get Project"); "Wait for Project" stays. */
function operationTitle(resource: string, operation: string): string {
	return operation.includes(' ')
		? operation
		: `${operation} ${RESOURCE_NAMES[resource] ?? resource}`;
}

/**
 * The canvas subtitle of the Magic Hour node: the chosen operation in words ("Wait for Project",
 * "Get Project", "Upload File"), not the raw values ("waitFor: project").
 */
export function magicHourSubtitle(): string {
	const titles: Record<string, string> = {};
	for (const [resource, { description }] of Object.entries(RESOURCES)) {
		const operation = description.find(
			(property: INodeProperties) => property.name === 'operation',
		);
		for (const option of operation?.options ?? []) {
			if (!('value' in option)) continue;
			titles[`${resource}.${String(option.value)}`] = operationTitle(resource, option.name);
		}
	}
	return `={{ ${JSON.stringify(titles)}[$parameter["resource"] + "." + $parameter["operation"]] || $parameter["operation"] }}`;
}

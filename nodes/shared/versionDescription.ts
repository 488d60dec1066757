import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIALS_TYPE } from './transport/apiRequest';

/** Version 1 of a Magic Hour action node: its base description, one input, one output, the API key. */
export function versionOneDescription(
	baseDescription: INodeTypeBaseDescription,
	properties: INodeProperties[],
): INodeTypeDescription {
	return {
		...baseDescription,
		version: 1,
		defaults: { name: baseDescription.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIALS_TYPE, required: true }],
		properties,
	};
}

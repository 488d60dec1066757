import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

import { CREDENTIALS_TYPE } from './transport/apiRequest';

/** A version of a Magic Hour action node: its base description, one input, one output, the API key. */
export function actionNodeDescription(
	baseDescription: INodeTypeBaseDescription,
	properties: INodeProperties[],
	version = 1,
): INodeTypeDescription {
	return {
		...baseDescription,
		version,
		defaults: { name: baseDescription.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIALS_TYPE, required: true }],
		properties,
	};
}

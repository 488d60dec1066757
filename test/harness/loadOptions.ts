import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';

import { additionalDataFor, core, nodeOf, StaticNodeTypes } from './n8nRuntime';

/** Runs a node's loadOptions method in n8n-core's real LoadOptionsContext. */
export async function loadOptions(settings: {
	nodeType: INodeType | IVersionedNodeType;
	method: string;
	parameters?: Record<string, unknown>;
	credentials: ICredentialDataDecryptedObject;
}): Promise<INodePropertyOptions[]> {
	const typeName = 'n8n-nodes-magic-hour.underTest';
	const node = nodeOf(typeName, (settings.parameters ?? {}) as never);
	const nodeTypes = new StaticNodeTypes({ [typeName]: settings.nodeType });
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const context = new core.LoadOptionsContext(
		workflow,
		node,
		additionalDataFor(settings.credentials),
		'',
	);
	const type = nodeTypes.getByNameAndVersion(typeName, 1);
	const method = type.methods?.loadOptions?.[settings.method];
	if (!method) throw new Error(`no loadOptions method ${settings.method}`);
	return method.call(context as unknown as ILoadOptionsFunctions);
}

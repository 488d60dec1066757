import { NodeConnectionTypes, type INodeType, type IVersionedNodeType } from 'n8n-workflow';

/**
 * A node type as n8n registers its `usableAsTool` variant (n8n's convertNodeToAiTool: the name
 * gets "Tool" appended, no main input, an ai_tool output). That name is what turns on the
 * `@tool` display condition and what the node sees as `getNode().type` when an agent calls it.
 * The real conversion is exercised in test/e2e/agent.e2e.test.ts.
 */
export function asAgentTool(nodeType: INodeType | IVersionedNodeType, version = 1): INodeType {
	const base = 'nodeVersions' in nodeType ? nodeType.getNodeType(version) : nodeType;
	const description = {
		...base.description,
		name: `${base.description.name}Tool`,
		displayName: `${base.description.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
	};
	return Object.assign(Object.create(base) as INodeType, { description });
}

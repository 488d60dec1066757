import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runsAsAgentTool } from '../../../../shared/engine/agentTool';
import { binaryFieldName } from '../../../../shared/engine/binaryNames';
import { DEFAULT_BINARY_PREFIX, downloadOutputs } from '../../../../shared/engine/downloads';
import { projectPath, type ProjectDetail } from '../../../../shared/engine/projectTypes';
import { magicHourRequest } from '../../../../shared/transport/apiRequest';
import type { ItemOperation } from '../common';
import { projectOperationProperties, readProject } from './projectRef';

export const downloadProject: ItemOperation = {
	agentDescription:
		'Get the output file URLs of a finished Magic Hour project, given its ID and kind. Free.',
	returnsProject: true,
	description: projectOperationProperties('download', [
		{
			displayName: 'Binary Property Prefix',
			name: 'binaryPropertyPrefix',
			type: 'string',
			default: 'data',
			description:
				'Name of the binary field for the first output; further outputs get _1, _2, … appended',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const binaryPrefix = binaryFieldName(
			this.getNode(),
			this.getNodeParameter('binaryPropertyPrefix', itemIndex, DEFAULT_BINARY_PREFIX),
			'Binary Property Prefix',
			itemIndex,
			DEFAULT_BINARY_PREFIX,
		);
		const { id, kind, detail: project } = await readProject(this, itemIndex);
		// An agent gets JSON only: the project and its output URLs, no file fetched and thrown away.
		if (runsAsAgentTool(this))
			return { json: { ...project, kind }, pairedItem: { item: itemIndex } };
		if (project.status !== 'complete') {
			throw new NodeOperationError(
				this.getNode(),
				`Project ${id} is "${project.status}", not complete: nothing to download yet`,
				{
					itemIndex,
					description: 'Use "Wait for Project" to wait until it is done.',
				},
			);
		}
		const refresh = async () =>
			await magicHourRequest<ProjectDetail>(this, {
				method: 'GET',
				path: projectPath(kind, id),
				itemIndex,
			});
		const binary = await downloadOutputs(this, project, { kind, itemIndex, binaryPrefix, refresh });
		return { json: { ...project, kind }, binary, pairedItem: { item: itemIndex } };
	},
};

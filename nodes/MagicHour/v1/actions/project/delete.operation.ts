import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ProjectKind } from '../../../../shared/catalog/types';
import { projectPath } from '../../../../shared/engine/projectTypes';
import { magicHourRequest } from '../../../../shared/transport/apiRequest';
import { projectIdProperty, projectKindProperty, type ItemOperation } from '../common';

export const deleteProject: ItemOperation = {
	description: updateDisplayOptions({ show: { resource: ['project'], operation: ['delete'] } }, [projectIdProperty, projectKindProperty]),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const id = String(this.getNodeParameter('projectId', itemIndex)).trim();
		const kind = this.getNodeParameter('kind', itemIndex) as ProjectKind;
		await magicHourRequest(this, { method: 'DELETE', path: projectPath(kind, id), itemIndex });
		return { json: { id, kind, deleted: true }, pairedItem: { item: itemIndex } };
	},
};

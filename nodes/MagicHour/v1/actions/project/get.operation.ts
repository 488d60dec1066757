import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ProjectKind } from '../../../../shared/catalog/types';
import { projectPath, type ProjectDetail } from '../../../../shared/engine/projectTypes';
import { magicHourRequest } from '../../../../shared/transport/apiRequest';
import { projectIdProperty, projectKindProperty, type ItemOperation } from '../common';

export const getProject: ItemOperation = {
	description: updateDisplayOptions({ show: { resource: ['project'], operation: ['get'] } }, [projectIdProperty, projectKindProperty]),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const id = String(this.getNodeParameter('projectId', itemIndex)).trim();
		const kind = this.getNodeParameter('kind', itemIndex) as ProjectKind;
		const project = await magicHourRequest<ProjectDetail>(this, { method: 'GET', path: projectPath(kind, id), itemIndex });
		return { json: { ...project, kind }, pairedItem: { item: itemIndex } };
	},
};

import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemOperation } from '../common';
import { projectIdProperty, projectKindProperty, readProject } from './projectRef';

export const getProject: ItemOperation = {
	description: updateDisplayOptions({ show: { resource: ['project'], operation: ['get'] } }, [
		projectIdProperty,
		projectKindProperty,
	]),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const { kind, detail } = await readProject(this, itemIndex);
		return { json: { ...detail, kind }, pairedItem: { item: itemIndex } };
	},
};

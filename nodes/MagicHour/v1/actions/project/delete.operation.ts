import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { projectPath } from '../../../../shared/engine/projectTypes';
import { magicHourRequest } from '../../../../shared/transport/apiRequest';
import type { ItemOperation } from '../common';
import { detectKind, projectOperationProperties, readProjectRef } from './projectRef';

export const deleteProject: ItemOperation = {
	agentDescription:
		'Delete a Magic Hour project and its output files for good, given its ID and kind. Free; cannot be undone.',
	description: projectOperationProperties('delete'),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const ref = readProjectRef(this, itemIndex);
		// Detected by reading, never by trying DELETE on each kind.
		const kind = ref.kind ?? (await detectKind(this, ref.id, itemIndex)).kind;
		await magicHourRequest(this, { method: 'DELETE', path: projectPath(kind, ref.id), itemIndex });
		return { json: { id: ref.id, kind, deleted: true }, pairedItem: { item: itemIndex } };
	},
};

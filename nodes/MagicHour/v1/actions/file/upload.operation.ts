import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ProjectKind } from '../../../../shared/catalog/types';
import { collectFileSlots, uploadPendingFiles } from '../../../../shared/engine/fileInputs';
import { KIND_OPTIONS, type ItemOperation } from '../common';

export const uploadFile: ItemOperation = {
	agentDescription:
		"Upload a file from the workflow's binary data to Magic Hour and return its file path for other Magic Hour tools. Free.",
	description: updateDisplayOptions({ show: { resource: ['file'], operation: ['upload'] } }, [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to upload',
		},
		{
			displayName: 'File Type',
			name: 'assetType',
			type: 'options',
			options: KIND_OPTIONS,
			default: 'image',
			description:
				'What kind of file it is. The format is checked against what Magic Hour accepts.',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const binaryProperty = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data'));
		const assetType = this.getNodeParameter('assetType', itemIndex) as ProjectKind;
		const { pending } = await collectFileSlots(
			this,
			[
				{
					key: 'file',
					label: 'File',
					assetType,
					extraExtensions: assetType === 'video' ? ['gif'] : undefined,
					spec: { source: 'binary', binaryProperty },
				},
			],
			itemIndex,
		);
		const paths = await uploadPendingFiles(this, pending, itemIndex);
		const upload = pending[0];
		return {
			json: {
				file_path: paths.file,
				type: upload.uploadType,
				extension: upload.extension,
				file_name: upload.binary.fileName ?? null,
				bytes: upload.size,
			},
			pairedItem: { item: itemIndex },
		};
	},
};

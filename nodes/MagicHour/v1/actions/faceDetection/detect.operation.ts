import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fileInputProperties } from '../../../../shared/catalog/properties';
import type { ProjectKind } from '../../../../shared/catalog/types';
import { collectFileSlots, uploadPendingFiles } from '../../../../shared/engine/fileInputs';
import { cancelSignalOf, magicHourRequest } from '../../../../shared/transport/apiRequest';
import { cancellableSleep } from '../../../../shared/transport/cancellation';
import type { ItemOperation } from '../common';

const POLL_INTERVAL_MS = 1_000;
const TIMEOUT_MS = 5 * 60_000;

interface FaceDetection extends IDataObject {
	id: string;
	status: string;
	faces: Array<{ path: string; url: string }>;
}

export const detectFaces: ItemOperation = {
	agentDescription:
		'Find the faces in an image or video (by URL) before a multi-face swap; returns each face with its image path. Free.',
	description: updateDisplayOptions(
		{ show: { resource: ['faceDetection'], operation: ['detect'] } },
		[
			{
				displayName: 'Media Type',
				name: 'mediaType',
				type: 'options',
				options: [
					{ name: 'Image', value: 'image' },
					{ name: 'Video', value: 'video' },
				],
				default: 'image',
				description: 'Whether the faces are found in a photo or a video',
			},
			...fileInputProperties({
				name: 'target',
				displayName: 'Target',
				description:
					'The photo or video in which to find faces (the one that later gets new faces)',
				assetType: 'image',
				required: true,
			}),
			{
				displayName: 'Confidence Score',
				name: 'confidenceScore',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.5,
				description: 'Higher values keep fewer, more certain faces',
			},
		],
	),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
		const assetType = this.getNodeParameter('mediaType', itemIndex) as ProjectKind;
		const source = this.getNodeParameter('targetSource', itemIndex) as 'url' | 'binary';
		const files = await collectFileSlots(
			this,
			[
				{
					key: 'target',
					label: 'Target',
					assetType,
					spec: {
						source,
						url:
							source === 'url'
								? String(this.getNodeParameter('targetUrl', itemIndex, '')).trim()
								: undefined,
						binaryProperty:
							source === 'binary'
								? String(this.getNodeParameter('targetBinaryProperty', itemIndex, 'data'))
								: undefined,
					},
				},
			],
			itemIndex,
		);
		if (!files.values.target) {
			throw new NodeOperationError(this.getNode(), 'Target: a URL or a binary file is required', {
				itemIndex,
			});
		}
		const uploaded = await uploadPendingFiles(this, files.pending, itemIndex);
		const created = await magicHourRequest<{ id: string }>(this, {
			method: 'POST',
			path: '/v1/face-detection',
			body: {
				assets: { target_file_path: uploaded.target ?? files.values.target },
				confidence_score: this.getNodeParameter('confidenceScore', itemIndex, 0.5) as number,
			},
			itemIndex,
			idempotent: true, // face detection is free: a repeat costs nothing
		});
		const started = Date.now();
		for (;;) {
			const detection = await magicHourRequest<FaceDetection>(this, {
				method: 'GET',
				path: `/v1/face-detection/${encodeURIComponent(created.id)}`,
				itemIndex,
			});
			if (detection.status === 'complete')
				return { json: detection, pairedItem: { item: itemIndex } };
			if (detection.status === 'error') {
				throw new NodeOperationError(this.getNode(), `Face detection ${created.id} failed`, {
					itemIndex,
					description: 'Use a clear photo or video with visible, front-facing faces.',
				});
			}
			if (Date.now() - started > TIMEOUT_MS) {
				throw new NodeOperationError(
					this.getNode(),
					`Face detection ${created.id} did not finish within 5 minutes`,
					{ itemIndex },
				);
			}
			await cancellableSleep(POLL_INTERVAL_MS, cancelSignalOf(this));
		}
	},
};

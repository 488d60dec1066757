import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { numberSetting } from '../../../../shared/engine/executionSettings';
import { fetchSavedItems } from '../../../../shared/engine/savedItems';
import { SAVED_ITEM_TYPES } from '../../../../shared/catalog/generated/specLists';
import type { ItemOperation } from '../common';

const TYPE_NAMES: Record<(typeof SAVED_ITEM_TYPES)[number], string> = {
	character: 'Character',
	reference: 'Reference',
	voice: 'Voice',
	moodboard: 'Moodboard',
	brand_kit: 'Brand Kit',
};

const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const listSavedItems: ItemOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['file'], operation: ['listSavedItems'] } },
		[
			{
				displayName: 'Type',
				name: 'savedItemType',
				type: 'options',
				options: [
					{ name: 'All', value: '' },
					...SAVED_ITEM_TYPES.map((type) => ({ name: TYPE_NAMES[type] ?? type, value: type })),
				],
				default: '',
				description: 'Only list saved items of this type',
			},
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
			},
			limit,
		],
	),
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
		const type = String(this.getNodeParameter('savedItemType', itemIndex, '') ?? '').trim();
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const max = returnAll
			? undefined
			: numberSetting(
					this.getNode(),
					this.getNodeParameter('limit', itemIndex, limit.default),
					limit,
					itemIndex,
					'in the node',
				);
		const items = await fetchSavedItems(this, { type: type || undefined, max, itemIndex });
		return items.map((item) => {
			const primary = item.assets?.find((asset) => asset.is_primary) ?? item.assets?.[0];
			return {
				// `file_path` of the primary asset: permanent, usable in any file input's URL field.
				json: {
					...item,
					file_path: primary?.file_path ?? null,
					media_kind: primary?.media_kind ?? null,
				},
				pairedItem: { item: itemIndex },
			};
		});
	},
};

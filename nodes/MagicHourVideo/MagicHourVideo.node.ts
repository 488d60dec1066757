import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { toolSubtitle } from '../shared/actions/toolNode';
import { MagicHourVideoV1 } from './MagicHourVideoV1';

export class MagicHourVideo extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour Video',
			name: 'magicHourVideo',
			icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
			group: ['transform'],
			subtitle: toolSubtitle('video'),
			description: 'Create and edit videos with Magic Hour AI',
			usableAsTool: true,
			defaultVersion: 1,
		};
		super({ 1: new MagicHourVideoV1(baseDescription) }, baseDescription);
	}
}

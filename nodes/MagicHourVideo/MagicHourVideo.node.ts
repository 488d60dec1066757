import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { MagicHourToolNodeV1, toolSubtitle } from '../shared/toolNode';
import { docsUrl } from '../shared/transport/packageInfo';

export class MagicHourVideo extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour Video',
			name: 'magicHourVideo',
			icon: {
				light: 'file:../../icons/magichour.svg',
				dark: 'file:../../icons/magichour.dark.svg',
			},
			group: ['transform'],
			subtitle: toolSubtitle('video'),
			description: 'Create and edit videos with Magic Hour AI',
			documentationUrl: docsUrl('video'),
			usableAsTool: true,
			defaultVersion: 1,
		};
		super({ 1: new MagicHourToolNodeV1('video', baseDescription) }, baseDescription);
	}
}

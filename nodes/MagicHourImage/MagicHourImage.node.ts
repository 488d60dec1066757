import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { MagicHourToolNodeV1, toolSubtitle } from '../shared/toolNode';
import { docsUrl } from '../shared/transport/packageInfo';

export class MagicHourImage extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour Image',
			name: 'magicHourImage',
			icon: {
				light: 'file:../../icons/magichour.svg',
				dark: 'file:../../icons/magichour.dark.svg',
			},
			group: ['transform'],
			subtitle: toolSubtitle('image'),
			description: 'Create and edit images with Magic Hour AI',
			documentationUrl: docsUrl('image'),
			usableAsTool: true,
			defaultVersion: 1,
		};
		super({ 1: new MagicHourToolNodeV1('image', baseDescription) }, baseDescription);
	}
}

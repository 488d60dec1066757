import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { MagicHourToolNode, toolSubtitle } from '../shared/toolNode';
import { docsUrl } from '../shared/transport/packageInfo';

export class MagicHourImage extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour Image',
			name: 'magicHourImage',
			icon: {
				light: 'file:../../icons/magichour-image.svg',
				dark: 'file:../../icons/magichour-image.dark.svg',
			},
			group: ['transform'],
			subtitle: toolSubtitle('image'),
			description:
				'Generate, edit, upscale and face-swap images, remove backgrounds, make headshots with Magic Hour AI',
			documentationUrl: docsUrl('image'),
			usableAsTool: true,
			defaultVersion: 2,
		};
		super(
			{
				1: new MagicHourToolNode('image', baseDescription, 1),
				2: new MagicHourToolNode('image', baseDescription, 2),
			},
			baseDescription,
		);
	}
}

import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { MagicHourToolNode, toolSubtitle } from '../shared/toolNode';
import { docsUrl } from '../shared/transport/packageInfo';

export class MagicHourVideo extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour Video',
			name: 'magicHourVideo',
			icon: {
				light: 'file:../../icons/magichour-video.svg',
				dark: 'file:../../icons/magichour-video.dark.svg',
			},
			group: ['transform'],
			subtitle: toolSubtitle('video'),
			description:
				'Face swap, lip sync, talking photos, text or image to video, subtitles and dubbing with Magic Hour AI',
			documentationUrl: docsUrl('video'),
			usableAsTool: true,
			defaultVersion: 2,
		};
		super(
			{
				1: new MagicHourToolNode('video', baseDescription, 1),
				2: new MagicHourToolNode('video', baseDescription, 2),
			},
			baseDescription,
		);
	}
}

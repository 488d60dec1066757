import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { MagicHourToolNodeV1, toolSubtitle } from '../shared/toolNode';
import { docsUrl } from '../shared/transport/packageInfo';

export class MagicHourAudio extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour Audio',
			name: 'magicHourAudio',
			icon: {
				light: 'file:../../icons/magichour.svg',
				dark: 'file:../../icons/magichour.dark.svg',
			},
			group: ['transform'],
			subtitle: toolSubtitle('audio'),
			description: 'Generate and clone voices with Magic Hour AI',
			documentationUrl: docsUrl('audio'),
			usableAsTool: true,
			defaultVersion: 1,
		};
		super({ 1: new MagicHourToolNodeV1('audio', baseDescription) }, baseDescription);
	}
}

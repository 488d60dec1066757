import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { MagicHourToolNode, toolSubtitle } from '../shared/toolNode';
import { docsUrl } from '../shared/transport/packageInfo';

export class MagicHourAudio extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour Audio',
			name: 'magicHourAudio',
			icon: {
				light: 'file:../../icons/magichour-audio.svg',
				dark: 'file:../../icons/magichour-audio.dark.svg',
			},
			group: ['transform'],
			subtitle: toolSubtitle('audio'),
			description: 'Text to speech, voice-overs and voice cloning with Magic Hour AI',
			documentationUrl: docsUrl('audio'),
			usableAsTool: true,
			defaultVersion: 2,
		};
		super(
			{
				1: new MagicHourToolNode('audio', baseDescription, 1),
				2: new MagicHourToolNode('audio', baseDescription, 2),
			},
			baseDescription,
		);
	}
}

import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { toolSubtitle } from '../shared/actions/toolNode';
import { MagicHourAudioV1 } from './MagicHourAudioV1';

export class MagicHourAudio extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour Audio',
			name: 'magicHourAudio',
			icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
			group: ['transform'],
			subtitle: toolSubtitle('audio'),
			description: 'Generate and clone voices with Magic Hour AI',
			usableAsTool: true,
			defaultVersion: 1,
		};
		super({ 1: new MagicHourAudioV1(baseDescription) }, baseDescription);
	}
}

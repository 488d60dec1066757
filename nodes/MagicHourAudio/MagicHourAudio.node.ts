import { VersionedNodeType } from 'n8n-workflow';

import { baseDescription } from './description';
import { MagicHourAudioV1 } from './MagicHourAudioV1';

export class MagicHourAudio extends VersionedNodeType {
	constructor() {
		super(
			{ 1: new MagicHourAudioV1() },
			{
				...baseDescription,
				icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
				subtitle: '={{$parameter["operation"]}}',
				usableAsTool: true,
				defaultVersion: 1,
			},
		);
	}
}

import { VersionedNodeType } from 'n8n-workflow';

import { baseDescription } from './description';
import { MagicHourVideoV1 } from './MagicHourVideoV1';

export class MagicHourVideo extends VersionedNodeType {
	constructor() {
		super(
			{ 1: new MagicHourVideoV1() },
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

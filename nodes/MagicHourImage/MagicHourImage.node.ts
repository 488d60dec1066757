import { VersionedNodeType } from 'n8n-workflow';

import { baseDescription } from './description';
import { MagicHourImageV1 } from './MagicHourImageV1';

export class MagicHourImage extends VersionedNodeType {
	constructor() {
		super(
			{ 1: new MagicHourImageV1() },
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

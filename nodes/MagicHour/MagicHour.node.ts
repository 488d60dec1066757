import { VersionedNodeType } from 'n8n-workflow';

import { baseDescription } from './description';
import { MagicHourV1 } from './MagicHourV1';

export class MagicHour extends VersionedNodeType {
	constructor() {
		super(
			{ 1: new MagicHourV1() },
			{
				...baseDescription,
				icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
				subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
				usableAsTool: true,
				defaultVersion: 1,
			},
		);
	}
}

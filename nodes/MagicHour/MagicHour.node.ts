import { VersionedNodeType } from 'n8n-workflow';
import type { INodeTypeBaseDescription } from 'n8n-workflow';

import { docsUrl } from '../shared/transport/packageInfo';
import { MagicHourV1 } from './MagicHourV1';
import { MAGIC_HOUR_PANEL_DESCRIPTION } from './panelDescription';
import { magicHourSubtitle } from './subtitle';

export class MagicHour extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Magic Hour',
			name: 'magicHour',
			icon: {
				light: 'file:../../icons/magichour.svg',
				dark: 'file:../../icons/magichour.dark.svg',
			},
			group: ['transform'],
			subtitle: magicHourSubtitle(),
			description: MAGIC_HOUR_PANEL_DESCRIPTION,
			documentationUrl: docsUrl('utility'),
			usableAsTool: true,
			defaultVersion: 1,
		};
		super({ 1: new MagicHourV1(baseDescription) }, baseDescription);
	}
}

/* eslint-disable n8n-nodes-base/node-filename-against-convention -- a version-independent base description, as n8n's own versioned nodes keep it */
import type { INodeTypeBaseDescription } from 'n8n-workflow';

/** What every version of the Magic Hour Audio node shares. */
export const baseDescription: INodeTypeBaseDescription = {
	displayName: 'Magic Hour Audio',
	name: 'magicHourAudio',
	group: ['transform'],
	description: 'Generate and clone voices with Magic Hour AI',
};

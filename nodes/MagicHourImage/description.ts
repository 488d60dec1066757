/* eslint-disable n8n-nodes-base/node-filename-against-convention -- a version-independent base description, as n8n's own versioned nodes keep it */
import type { INodeTypeBaseDescription } from 'n8n-workflow';

/** What every version of the Magic Hour Image node shares. */
export const baseDescription: INodeTypeBaseDescription = {
	displayName: 'Magic Hour Image',
	name: 'magicHourImage',
	group: ['transform'],
	description: 'Create and edit images with Magic Hour AI',
};

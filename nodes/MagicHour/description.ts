/* eslint-disable n8n-nodes-base/node-filename-against-convention -- a version-independent base description, as n8n's own versioned nodes keep it */
import type { INodeTypeBaseDescription } from 'n8n-workflow';

/** What every version of the Magic Hour node shares. */
export const baseDescription: INodeTypeBaseDescription = {
	displayName: 'Magic Hour',
	name: 'magicHour',
	group: ['transform'],
	description: 'Wait for, download and manage Magic Hour projects, upload files, detect faces and check credits',
};

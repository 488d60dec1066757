import type { INodeProperties } from 'n8n-workflow';

import { agentDescriptionProperty } from '../../../shared/catalog/agentProperties';

/** What the AI Agent's model reads about each operation of the Magic Hour node, by resource. */
export const AGENT_OPERATION_DESCRIPTIONS: Readonly<
	Record<string, Readonly<Record<string, string>>>
> = {
	project: {
		get: 'Check a Magic Hour project (a job started by a Magic Hour image, video or audio tool) by its ID and kind: returns its status, the credits charged and, once complete, the output file URLs. Free; answers at once, so call it again later while the status is "queued" or "rendering".',
		waitFor:
			'Wait until a Magic Hour project is finished, given its ID, then return its status, the credits charged and the output file URLs. Free, but video projects can take many minutes: prefer Get Project unless the user wants to wait.',
		download:
			'Get the output file URLs of a finished Magic Hour project, given its ID and kind. Free.',
		delete:
			'Delete a Magic Hour project and its output files for good, given its ID and kind. Free; cannot be undone.',
	},
	account: {
		get: "Get the Magic Hour account's credit balance and plan. Free; use it to check that a costly job fits the balance.",
	},
	faceDetection: {
		detect:
			'Find the faces in an image or video (by URL) before a multi-face swap; returns each face with its image path. Free.',
	},
	file: {
		upload:
			"Upload a file from the workflow's binary data to Magic Hour and return its file path for other Magic Hour tools. Free.",
	},
};

/** The Magic Hour node's parameters that exist only when it is an AI Agent's tool. */
export const agentProperties: INodeProperties[] = [
	...Object.entries(AGENT_OPERATION_DESCRIPTIONS).flatMap(([resource, operations]) =>
		Object.entries(operations).map(([operation, text]) =>
			agentDescriptionProperty(text, { resource: [resource], operation: [operation] }),
		),
	),
	// n8n hands a model only JSON: "Wait for Project" returns the URLs without downloading.
	{
		displayName: 'Download Outputs',
		name: 'downloadOutputs',
		type: 'hidden',
		default: false,
		displayOptions: { show: { resource: ['project'], operation: ['waitFor'], '@tool': [true] } },
	},
];

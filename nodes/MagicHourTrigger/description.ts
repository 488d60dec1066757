import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS } from './events';
import { DEFAULT_TOLERANCE_SECONDS } from './signature';

export const setupNotice: INodeProperties = {
	displayName:
		"Magic Hour has no API for registering webhooks, so set this one up by hand: in Magic Hour's Developer Hub, open Webhooks, add this node's <b>Production URL</b> (shown above, ending in /webhook), tick the same events as below, and paste the signing secret Magic Hour shows you into the <b>Webhook Signing Secret</b> field of the Magic Hour credentials. To try the node with the Test URL, add that URL as a second webhook while you test: test and production deliveries are deduplicated separately, so neither hides the other.",
	name: 'setupNotice',
	type: 'notice',
	default: '',
};

export const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	options: EVENT_OPTIONS,
	default: [
		'video.completed',
		'video.errored',
		'image.completed',
		'image.errored',
		'audio.completed',
		'audio.errored',
	],
	description:
		'The events that start the workflow. Other events Magic Hour sends are acknowledged and ignored.',
};

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Download Output Files',
			name: 'downloadOutputs',
			type: 'boolean',
			default: false,
			description:
				'Whether to download the output files of "completed" events into binary properties (data, data_1, …). The files are the ones the Magic Hour API lists for the project (read with these credentials), never addresses from the delivery. Needs "Verify Signature" on: otherwise the workflow cannot be activated. Magic Hour gets its answer before the download; should the download fail, the workflow starts without files and with "download_error".',
		},
		{
			displayName: 'Timestamp Tolerance (Seconds)',
			name: 'toleranceSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 86400 },
			default: DEFAULT_TOLERANCE_SECONDS,
			description:
				'How far the signed timestamp of a delivery may be from the current time, in the past or the future. Older deliveries are rejected as possible replays.',
		},
		{
			displayName: 'Verify Signature',
			name: 'verifySignature',
			type: 'boolean',
			default: true,
			description:
				'Whether to reject deliveries whose signature does not match the Webhook Signing Secret of the credentials. Turning this off lets anyone who knows the URL start the workflow with made-up data, and is refused together with "Download Output Files".',
		},
	],
};

export const triggerProperties: INodeProperties[] = [setupNotice, eventsProperty, optionsProperty];

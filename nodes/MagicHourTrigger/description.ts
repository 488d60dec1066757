import type { INodeProperties, TriggerPanelDefinition } from 'n8n-workflow';

import { EVENT_OPTIONS } from './events';
import { DEFAULT_TOLERANCE_SECONDS } from './signature';

export const setupNotice: INodeProperties = {
	// n8n's notices keep only <a>, <ul> and <li>.
	displayName:
		'Set up once in Magic Hour:<ul><li>1. Open "Webhook URLs" above and copy the Production URL (the Test URL while you listen for a test event).</li><li>2. In the <a href="https://magichour.ai/developer" target="_blank">Developer Hub</a> → Webhooks, add that URL and tick the events chosen below.</li><li>3. Paste the signing secret Magic Hour shows into "Webhook Signing Secret" of the credentials.</li></ul>',
	name: 'setupNotice',
	type: 'notice',
	default: '',
};

/** The left pane of the Trigger's panel (n8n's own text would say "Pull in events"). */
export const triggerPanel: TriggerPanelDefinition = {
	header: 'Listen for a Magic Hour event',
	executionsHelp: {
		inactive:
			'While building: click "Listen for test event", then run a Magic Hour job (or resend an event) with the Test URL added as a webhook in Magic Hour\'s Developer Hub. A delivery the Trigger refuses (wrong signing secret, clock difference, event not ticked) ends the test with the reason on this node. When it works, publish the workflow: events sent to the Production URL then start it.',
		active:
			'The workflow is active: events Magic Hour sends to the Production URL start it. To test changes, click "Listen for test event" and send to the Test URL.',
	},
	activationHint:
		'Once you publish the workflow, Magic Hour events sent to the Production URL start it.',
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

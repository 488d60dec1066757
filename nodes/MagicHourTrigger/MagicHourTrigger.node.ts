import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { CREDENTIALS_TYPE } from '../shared/transport/apiRequest';
import { docsUrl } from '../shared/transport/packageInfo';
import { contentLengthOf } from '../shared/transport/transfer';
import type { ProjectKind } from '../shared/catalog/types';
import { triggerPanel, triggerProperties } from './description';
import { deliveryKey, deliveryLedger, type DeliveryLedger } from './dedupe';
import { downloadErrorOf, downloadProjectOutputs, lookUpCompletedProject } from './download';
import { DEFAULT_EVENTS, eventsSubtitle, parseEventBody, type MagicHourEvent } from './events';
import { MAGIC_HOUR_PANEL_DESCRIPTION } from '../MagicHour/panelDescription';
import {
	NO_SECRET,
	notSelected,
	refuseDelivery,
	secretNeededError,
	type DeliveryResponse,
} from './refusal';
import {
	DEFAULT_TOLERANCE_SECONDS,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	verifySignature,
} from './signature';

/** Largest delivery body accepted. A project payload is a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

const DOWNLOADS_NEED_VERIFICATION =
	'"Download Output Files" needs "Verify Signature": with verification off, anyone who knows the webhook URL could make n8n download files. Turn "Verify Signature" on (and paste the signing secret into the Magic Hour credentials), or turn "Download Output Files" off.';

interface TriggerOptions {
	downloadOutputs?: boolean;
	toleranceSeconds?: number;
	verifySignature?: boolean;
}

/** The parts of n8n's (express) request the trigger reads. */
interface DeliveryRequest {
	headers: Record<string, string | string[] | undefined>;
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}

function reject(res: DeliveryResponse, status: number, message: string): IWebhookResponseData {
	res.status(status).json({ message }).end();
	return { noWebhookResponse: true };
}

/**
 * Answers Magic Hour itself, so n8n writes the ledger to its database right away, before it
 * creates the execution. Left to n8n's own answer, the claim would not be saved at all: n8n
 * builds the execution's workflow from the same static-data object first, which clears its
 * "changed" mark (seen with n8n 2.40.7: every ledger entry after the first was lost).
 */
function answerStarted(res: DeliveryResponse): void {
	res.status(200).json({ message: 'Workflow was started' }).end();
}

const downloadsWithoutVerification = (options: TriggerOptions) =>
	options.downloadOutputs === true && options.verifySignature === false;

async function rawBodyOf(req: DeliveryRequest): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		await req.readRawBody();
	}
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

async function signingSecretOf(ctx: IWebhookFunctions | IHookFunctions): Promise<string> {
	try {
		const credentials = await ctx.getCredentials(CREDENTIALS_TYPE);
		const secret = credentials.webhookSecret;
		return typeof secret === 'string' ? secret.trim() : '';
	} catch (error) {
		ctx.logger.warn(
			`Magic Hour Trigger: could not read the credentials: ${(error as Error).message}`,
		);
		return '';
	}
}

export class MagicHourTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Magic Hour Trigger',
		name: 'magicHourTrigger',
		icon: {
			light: 'file:../../icons/magichour-trigger.svg',
			dark: 'file:../../icons/magichour-trigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(),
		// n8n's node panel shows this node and "Magic Hour" as one entry ("Magic Hour") with this
		// description, in the trigger panel and in "What happens next?" alike: it names both.
		description: MAGIC_HOUR_PANEL_DESCRIPTION,
		documentationUrl: docsUrl('trigger'),
		defaults: {
			name: 'Magic Hour Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CREDENTIALS_TYPE,
				required: true,
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		eventTriggerDescription: 'Waiting for Magic Hour to send an event to the Test URL',
		activationMessage: 'Magic Hour events sent to the Production URL now start this workflow.',
		triggerPanel,
		properties: [...triggerProperties],
	};

	// Magic Hour has no API to register webhooks: the user adds the URL in its Developer Hub,
	// so there is nothing to check, create or delete on Magic Hour's side.
	webhookMethods = {
		default: {
			// Runs on every activation, production and Test URL: the place to refuse a set-up
			// that would let anyone make n8n download files.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const options = this.getNodeParameter('options', {}) as TriggerOptions;
				if (downloadsWithoutVerification(options)) {
					throw new NodeOperationError(this.getNode(), DOWNLOADS_NEED_VERIFICATION);
				}
				// Listening or being active while every delivery is refused would fail silently.
				if (options.verifySignature !== false && !(await signingSecretOf(this))) {
					throw secretNeededError(this);
				}
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject() as unknown as DeliveryRequest;
		const res = this.getResponseObject() as unknown as DeliveryResponse;
		const events = this.getNodeParameter('events', DEFAULT_EVENTS) as string[];
		const options = this.getNodeParameter('options', {}) as TriggerOptions;

		// The size the sender declares, checked before the body is read or hashed.
		if ((contentLengthOf(req.headers) ?? 0) > MAX_BODY_BYTES) {
			return reject(res, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes`);
		}
		if (downloadsWithoutVerification(options)) {
			// Activation refuses this set-up; should a delivery get here anyway, nothing is fetched.
			this.logger.warn(`Magic Hour Trigger rejected a delivery: ${DOWNLOADS_NEED_VERIFICATION}`);
			return reject(res, 403, DOWNLOADS_NEED_VERIFICATION);
		}
		const rawBody = await rawBodyOf(req);
		if (rawBody === undefined) {
			return reject(res, 400, 'The request body could not be read');
		}
		if (rawBody.length > MAX_BODY_BYTES) {
			return reject(res, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes`);
		}

		if (options.verifySignature !== false) {
			const secret = await signingSecretOf(this);
			if (!secret) {
				this.logger.warn(
					'Magic Hour Trigger rejected a delivery: signature verification is on but the credentials have no Webhook Signing Secret',
				);
				return refuseDelivery(this, res, NO_SECRET);
			}
			const check = verifySignature({
				secret,
				rawBody,
				signatureHeader: req.headers[SIGNATURE_HEADER],
				timestampHeader: req.headers[TIMESTAMP_HEADER],
				nowSeconds: Math.floor(Date.now() / 1000),
				toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
			});
			if (!check.valid) {
				this.logger.debug(`Magic Hour Trigger rejected a delivery: ${check.reason}`);
				return refuseDelivery(this, res, { status: 401, message: check.message, fix: check.fix });
			}
		}

		const parsed = parseEventBody(rawBody);
		if (!parsed.ok) {
			return reject(res, 400, parsed.message);
		}
		const { event } = parsed;

		if (!event.kind || !event.action || !events.includes(event.type)) {
			return refuseDelivery(this, res, notSelected(event.type, events));
		}

		const ledger = deliveryLedger(this);
		const key = deliveryKey(event.type, event.payload.id);
		const claim = ledger.claim(key);
		if (claim === 'in-progress') {
			// Not 2xx: should the running delivery fail, Magic Hour must still deliver it again.
			return reject(res, 409, 'This event is still being processed; deliver it again later');
		}
		if (claim === 'duplicate') {
			return { webhookResponse: { message: 'Duplicate delivery; ignored' } };
		}

		try {
			if (options.downloadOutputs === true && event.action === 'completed') {
				return await emitWithDownloads.call(this, event, event.kind, ledger, key, res);
			}
			ledger.accept(key);
			answerStarted(res);
			return { noWebhookResponse: true, workflowData: [[eventItem(event, event.payload)]] };
		} finally {
			ledger.finish(key);
		}
	}
}

function eventItem(event: MagicHourEvent, project: IDataObject): INodeExecutionData {
	return {
		json: {
			event: event.type,
			kind: event.kind,
			status: event.action,
			project,
			received_at: new Date().toISOString(),
		},
	};
}

/**
 * A completed event with "Download Output Files": the project is read from the API (a 503 asks
 * Magic Hour to deliver again when that fails for a passing reason), Magic Hour is answered,
 * then the files the API lists are downloaded. The execution starts either way: with the files,
 * or with `download_error` saying why there are none, so a failed download is reported once
 * instead of as a failed execution on every retry.
 */
async function emitWithDownloads(
	this: IWebhookFunctions,
	event: MagicHourEvent,
	kind: ProjectKind,
	ledger: DeliveryLedger,
	key: string,
	res: DeliveryResponse,
): Promise<IWebhookResponseData> {
	const lookup = await lookUpCompletedProject(this, kind, event.payload.id);
	if (!lookup.ok && lookup.retryLater) {
		ledger.release(key);
		this.logger.warn(
			`Magic Hour Trigger asked Magic Hour to deliver ${event.type} of project ${event.payload.id} again: ${lookup.error.message}`,
		);
		return reject(
			res,
			503,
			'Could not read this project from the Magic Hour API yet; deliver the event again later',
		);
	}

	ledger.accept(key);
	answerStarted(res);

	const item = eventItem(event, lookup.ok ? lookup.project : event.payload);
	try {
		if (!lookup.ok) throw lookup.error;
		item.binary = await downloadProjectOutputs(this, kind, lookup.project);
	} catch (error) {
		const downloadError = downloadErrorOf(error);
		item.json.download_error = downloadError;
		this.logger.warn(
			`Magic Hour Trigger could not download the outputs of project ${event.payload.id}: ${downloadError.message}`,
		);
	}
	return { noWebhookResponse: true, workflowData: [[item]] };
}

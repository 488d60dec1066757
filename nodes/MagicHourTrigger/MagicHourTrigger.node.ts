import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IBinaryKeyData,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { CREDENTIALS_TYPE } from '../shared/transport/credentials';
import { triggerProperties } from './description';
import { downloadEventOutputs } from './download';
import {
	claimDelivery,
	deliveryInProcess,
	deliveryKey,
	forgetDeliveryInProcess,
	markDeliveryInProcess,
	releaseDelivery,
} from './dedupe';
import { DEFAULT_EVENTS, parseEventBody } from './events';
import {
	DEFAULT_TOLERANCE_SECONDS,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	verifySignature,
} from './signature';

/** Largest delivery body accepted. A project payload is a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

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

/** The parts of n8n's (express) response the trigger writes. */
interface DeliveryResponse {
	status(code: number): DeliveryResponse;
	json(body: unknown): DeliveryResponse;
	end(): unknown;
}

function reject(res: DeliveryResponse, status: number, message: string): IWebhookResponseData {
	res.status(status).json({ message }).end();
	return { noWebhookResponse: true };
}

async function rawBodyOf(req: DeliveryRequest): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		await req.readRawBody();
	}
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

async function signingSecretOf(ctx: IWebhookFunctions): Promise<string> {
	try {
		const credentials = await ctx.getCredentials(CREDENTIALS_TYPE);
		const secret = credentials.webhookSecret;
		return typeof secret === 'string' ? secret.trim() : '';
	} catch (error) {
		ctx.logger.warn(`Magic Hour Trigger: could not read the credentials: ${(error as Error).message}`);
		return '';
	}
}

export class MagicHourTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Magic Hour Trigger',
		name: 'magicHourTrigger',
		icon: { light: 'file:../../icons/magichour.svg', dark: 'file:../../icons/magichour.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).length === 9 ? "All events" : ($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when a Magic Hour video, image or audio job starts, completes or fails',
		defaults: {
			name: 'Magic Hour Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'magicHourCommunityApi',
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
		properties: [...triggerProperties],
	};

	// Magic Hour has no API to register webhooks: the user adds the URL in its Developer Hub,
	// so there is nothing to check, create or delete on Magic Hour's side.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
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
				return reject(
					res,
					401,
					'Signature verification is on, but the Magic Hour credentials in n8n have no Webhook Signing Secret. Paste the signing secret from the Magic Hour Developer Hub into the credentials.',
				);
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
				return reject(res, 401, check.message);
			}
		}

		const parsed = parseEventBody(rawBody);
		if (!parsed.ok) {
			return reject(res, 400, parsed.message);
		}
		const { event } = parsed;

		if (!event.kind || !event.action || !events.includes(event.type)) {
			return { webhookResponse: { message: `Event ${event.type} is not selected in this trigger; ignored` } };
		}

		const staticData = this.getWorkflowStaticData('node');
		const key = deliveryKey(event.type, event.payload.id);
		const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		const inProcess = deliveryInProcess(scope, key, Date.now());
		if (inProcess === 'running') {
			// Not 2xx: should the running delivery fail, Magic Hour must still deliver it again.
			return reject(res, 409, 'This event is still being processed; deliver it again later');
		}
		if (inProcess === 'done' || !claimDelivery(staticData, key, Date.now())) {
			return { webhookResponse: { message: 'Duplicate delivery; ignored' } };
		}

		let binary: IBinaryKeyData | undefined;
		if (options.downloadOutputs === true && event.action === 'completed') {
			markDeliveryInProcess(scope, key, true, Date.now());
			try {
				binary = await downloadEventOutputs(this, event.kind, event.payload);
			} catch (error) {
				// Let the retry of this delivery through: it is the way to get the files.
				releaseDelivery(staticData, key);
				forgetDeliveryInProcess(scope, key);
				throw new NodeOperationError(this.getNode(), error as Error);
			}
		}
		markDeliveryInProcess(scope, key, false, Date.now());

		const item: INodeExecutionData = {
			json: {
				event: event.type,
				kind: event.kind,
				status: event.action,
				project: event.payload,
				received_at: new Date().toISOString(),
			},
		};
		if (binary && Object.keys(binary).length > 0) item.binary = binary;

		return { workflowData: [[item]] };
	}
}

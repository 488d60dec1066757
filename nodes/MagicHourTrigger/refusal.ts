import { NodeOperationError } from 'n8n-workflow';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** A delivery the Trigger does not turn into an execution, and what the user can do about it. */
export interface Refusal {
	/** HTTP status for the sender; undefined: acknowledged with 200 and ignored. */
	status?: number;
	message: string;
	fix: string;
}

export const NO_SECRET: Refusal = {
	status: 401,
	message:
		'Signature verification is on, but the Magic Hour credentials in n8n have no Webhook Signing Secret',
	fix: 'Paste the signing secret from the Magic Hour Developer Hub (magichour.ai/developer → Webhooks) into "Webhook Signing Secret" of the Magic Hour credentials.',
};

/** Listening and activation are refused while every delivery would be: this says how to fix it. */
export const SECRET_NEEDED_TO_LISTEN = {
	message: 'Add the Webhook Signing Secret to the Magic Hour credentials first',
	description:
		'"Verify Signature" is on, but the credentials have no Webhook Signing Secret, so every delivery from Magic Hour would be refused. 1. At magichour.ai/developer → Webhooks, add this node\'s URL (Webhook URLs at the top of this panel). 2. Copy the signing secret Magic Hour shows. 3. Paste it into "Webhook Signing Secret" of the Magic Hour credentials selected here. (Or turn "Verify Signature" off in Options, which lets anyone who knows the URL start this workflow.)',
};

export function notSelected(eventType: string, selected: string[]): Refusal {
	return {
		message: `Magic Hour sent "${eventType}", which is not ticked in Events; ignored`,
		fix: `This Trigger starts only for: ${selected.join(', ') || 'no events'}. Tick "${eventType}" in Events if it should start the workflow.`,
	};
}

/** The parts of n8n's (express) response the trigger writes. */
export interface DeliveryResponse {
	status(code: number): DeliveryResponse;
	json(body: unknown): DeliveryResponse;
	end(): unknown;
}

/**
 * While the user listens for a test event ("manual" mode, the Test URL), a refused delivery
 * fails the test execution with the reason, so the editor shows it on the Trigger (n8n answers
 * the sender 500, "Workflow could not be started!"). On the Production URL the sender gets the
 * status and the reason, and no execution starts: a forged delivery must not run the workflow
 * nor its error workflow.
 */
export function refuseDelivery(
	ctx: IWebhookFunctions,
	res: DeliveryResponse,
	refusal: Refusal,
): { noWebhookResponse: true } | { webhookResponse: { message: string } } {
	if (ctx.getMode() === 'manual') {
		throw new NodeOperationError(ctx.getNode(), `Test delivery refused: ${refusal.message}`, {
			description: `${refusal.fix} This delivery did not start the workflow; on the Production URL it would be answered HTTP ${refusal.status ?? 200} and start nothing either.`,
		});
	}
	if (refusal.status === undefined) return { webhookResponse: { message: refusal.message } };
	res
		.status(refusal.status)
		.json({ message: `${refusal.message}. ${refusal.fix}` })
		.end();
	return { noWebhookResponse: true };
}

export function secretNeededError(ctx: IHookFunctions): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), SECRET_NEEDED_TO_LISTEN.message, {
		description: SECRET_NEEDED_TO_LISTEN.description,
	});
}

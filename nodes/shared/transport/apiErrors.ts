import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

export interface FailedRequest {
	method: string;
	path: string;
	itemIndex?: number;
	attempts: number;
	/** True for requests that create a job (and may charge credits). */
	isCreate: boolean;
}

/** The API answers `{code, message}` (older copies of the reference: `{message}` only). */
export function readApiError(body: unknown): { code?: string; message?: string } {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return { message: body.slice(0, 500) || undefined };
		}
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		const { code, message } = parsed as Record<string, unknown>;
		return {
			code: typeof code === 'string' ? code : undefined,
			message: typeof message === 'string' ? message : undefined,
		};
	}
	return {};
}

const PLAN_HINT =
	'Choose a model, resolution or option your plan includes (their descriptions name the plans), or upgrade your plan at magichour.ai/pricing, then run again.';

/** Refused before any job existed: the promise is exact only for creates. */
const NOTHING_CHARGED = 'No job was created and nothing was charged for this item.';

/**
 * 502/503 on a create: the job may exist. Magic Hour's guide says a 502 without a project ID
 * created no job, but its agent guide says not to rely on that after an ambiguous failure, and no
 * answer it documents proves that no job was created. So a create is never sent again here and
 * the user is told to check the library first.
 */
const MAY_EXIST_HINT =
	'The request may have reached Magic Hour and created a job that charges credits, so it was not sent again. ' +
	'Look at your recent projects in the Magic Hour web app before you run this item again.';

function describeStatus(
	status: number,
	request: FailedRequest,
	apiMessage: string | undefined,
	code: string | undefined,
) {
	const said = apiMessage ? `Magic Hour says: "${apiMessage}". ` : '';
	const charged = request.isCreate ? ` ${NOTHING_CHARGED}` : '';
	switch (status) {
		case 400:
		case 422:
			return {
				message: `Magic Hour did not accept a value of this item${apiMessage ? `: ${apiMessage}` : ''}`,
				description: `${said}Change the value it names and run again.${charged}`,
			};
		case 401:
			return {
				message: 'Magic Hour did not accept the API key',
				description: `Open the Magic Hour credentials: copy the key again, or create a new one at magichour.ai/developer → API Keys, and check that Environment matches the key.${charged}`,
			};
		case 402:
			if (code === 'plan_upgrade_required' || code === 'subscription_required') {
				return {
					message: 'Your Magic Hour plan does not include this',
					description: `${said}${PLAN_HINT}${charged}`,
				};
			}
			return {
				message: 'Not enough Magic Hour credits (or your plan does not include this tool)',
				description: `${said}Add credits or upgrade your plan at magichour.ai/pricing, then run again.${charged}`,
			};
		case 403:
			// Magic Hour's guide: 403 = the key is valid but the model, resolution or feature is not on the plan.
			if (request.isCreate) {
				return {
					message: 'Your Magic Hour plan does not include this model, resolution or feature',
					description: `${said}${PLAN_HINT}${charged}`,
				};
			}
			return {
				message: 'Magic Hour refused access',
				description: `${said}The API key lacks permission for this request (your plan may not include it), or the file or download link is protected or expired.`,
			};
		case 404:
			if (request.path.includes('-projects/') || request.path.includes('/face-detection/')) {
				return {
					message: 'Magic Hour project not found',
					description: `${said}Check the project ID and its kind (image, video or audio): deleted projects and projects of another API key are not found.`,
				};
			}
			return {
				message: 'Magic Hour has no such address',
				description: `${said}Check the Environment and Base URL in the Magic Hour credentials (the Base URL is the address before /v1).${charged}`,
			};
		case 429:
			return {
				message: 'Magic Hour asked to slow down (too many requests at once)',
				description: `It still said so after ${request.attempts} attempts.${charged} Lower "Max Concurrent Jobs" in Execution Settings, or wait a minute, then run again.`,
			};
		default:
			if (status >= 500) {
				return {
					message: `Magic Hour had a server problem (HTTP ${status})`,
					description: request.isCreate
						? `${said}${MAY_EXIST_HINT}`
						: `${said}Tried ${request.attempts} times. Try again in a few minutes.`,
				};
			}
			return {
				message: `Magic Hour answered with an unexpected error (HTTP ${status})`,
				description: said || undefined,
			};
	}
}

/** Magic Hour's own error code, for support: at the end of the description, not in the message. */
function withCode(description: string | undefined, code: string | undefined, status: number) {
	const forSupport = `(Magic Hour error${code ? ` ${code}` : ''}, HTTP ${status}.)`;
	return description ? `${description} ${forSupport}` : forSupport;
}

export function apiStatusError(
	node: INode,
	request: FailedRequest,
	status: number,
	body: unknown,
): NodeApiError {
	const { code, message: apiMessage } = readApiError(body);
	const { message, description } = describeStatus(status, request, apiMessage, code);
	const response: JsonObject = { status, code: code ?? null, message: apiMessage ?? null };
	const error = new NodeApiError(node, response, {
		message,
		description: withCode(description, code, status),
		httpCode: String(status),
		itemIndex: request.itemIndex,
	});
	if (code) error.context.errorCode = code;
	if (request.isCreate && status >= 500) error.context.jobMayExist = true;
	return error;
}

export function networkError(
	node: INode,
	request: FailedRequest,
	code: string | undefined,
	reachedServerPossibly: boolean,
): NodeApiError {
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
	const what = timedOut ? 'did not answer in time' : 'could not be reached';
	const charged = request.isCreate && !reachedServerPossibly ? ` ${NOTHING_CHARGED}` : '';
	// n8n rewrites messages that contain a known network error code, so the code goes in the description.
	const cause = code ? ` Network error: ${code}.` : '';
	const description =
		request.isCreate && reachedServerPossibly
			? `${MAY_EXIST_HINT}${cause}`
			: `Tried ${request.attempts} times.${charged} Check your network and the Environment (or Base URL) in the Magic Hour credentials, then run again.${cause}`;
	// The code goes under another key: n8n replaces messages of errors whose `code` it knows.
	const error = new NodeApiError(
		node,
		{ networkErrorCode: code ?? null, message: `Magic Hour ${what}` },
		{ message: `Magic Hour ${what}`, description, itemIndex: request.itemIndex },
	);
	if (request.isCreate && reachedServerPossibly) error.context.jobMayExist = true;
	return error;
}

/** Where a redirect pointed, without its query or fragment (they may carry tokens). */
function redirectTarget(location: unknown, requestUrl: string): string {
	const text = String(Array.isArray(location) ? location[0] : (location ?? '')).trim();
	if (!text) return 'nowhere (no Location header)';
	try {
		const target = new URL(text, requestUrl);
		return `${target.origin}${target.pathname}`;
	} catch {
		return 'an invalid address';
	}
}

/** API requests never follow redirects: the API key must not travel to wherever they point. */
export function apiRedirectError(
	node: INode,
	request: FailedRequest,
	status: number,
	location: unknown,
	requestUrl: string,
): NodeApiError {
	const target = redirectTarget(location, requestUrl);
	return new NodeApiError(
		node,
		{ status, message: `redirect to ${target}` },
		{
			message: `Magic Hour answered with a redirect (HTTP ${status}) to ${target}; it was not followed`,
			description:
				"Requests that carry the API key never follow redirects, so the key cannot reach another address. Check the base URL in the Magic Hour credentials: use the address the redirect points to if you trust it, e.g. https:// instead of http://, or the proxy's final address.",
			httpCode: String(status),
			itemIndex: request.itemIndex,
		},
	);
}

/** Errors n8n shows well pass through; anything else becomes a NodeOperationError of the item. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

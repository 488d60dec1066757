import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { kindName, PROJECT_KINDS, type ProjectKind } from '../shared/catalog/types';

export type EventAction = 'started' | 'completed' | 'errored';

export const EVENT_ACTIONS: readonly EventAction[] = ['started', 'completed', 'errored'];

/** The nine events Magic Hour can send. */
export const ALL_EVENTS: readonly string[] = PROJECT_KINDS.flatMap((kind) =>
	EVENT_ACTIONS.map((action) => `${kind}.${action}`),
);

export const DEFAULT_EVENTS: string[] = PROJECT_KINDS.flatMap((kind) => [
	`${kind}.completed`,
	`${kind}.errored`,
]);

const ACTION_TEXT: Record<EventAction, { label: string; description: string }> = {
	started: { label: 'Started', description: 'rendering began' },
	completed: {
		label: 'Completed',
		description: 'finished; its output files are ready to download',
	},
	errored: {
		label: 'Errored',
		description: 'failed; the payload carries the error code and message',
	},
};

export const EVENT_OPTIONS: INodePropertyOptions[] = PROJECT_KINDS.flatMap((kind) =>
	EVENT_ACTIONS.map((action) => ({
		name: `${kindName(kind)} ${ACTION_TEXT[action].label}`,
		value: `${kind}.${action}`,
		description: `A ${kind} job ${ACTION_TEXT[action].description}`,
	})),
);

export interface MagicHourEvent {
	type: string;
	/** `video|image|audio` for the nine known events, otherwise undefined. */
	kind?: ProjectKind;
	action?: EventAction;
	payload: IDataObject & { id: string };
}

export type ParseResult = { ok: true; event: MagicHourEvent } | { ok: false; message: string };

const MAX_ID_LENGTH = 256;

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a delivery body, `{"type": "<event>", "payload": <project as returned by
 * GET /v1/<kind>-projects/{id}>}`, from its raw bytes.
 */
export function parseEventBody(rawBody: Buffer): ParseResult {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return { ok: false, message: 'The request body is not valid JSON' };
	}
	if (!isPlainObject(body)) {
		return { ok: false, message: 'The request body must be a JSON object' };
	}
	const { type, payload } = body;
	if (typeof type !== 'string' || type.length === 0 || type.length > 100) {
		return { ok: false, message: 'The request body has no event "type"' };
	}
	if (!isPlainObject(payload)) {
		return { ok: false, message: 'The request body has no "payload" object' };
	}
	const id = payload.id;
	if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
		return { ok: false, message: 'The payload has no project "id"' };
	}
	const [kind, action] = type.split('.');
	const known =
		(PROJECT_KINDS as readonly string[]).includes(kind) &&
		EVENT_ACTIONS.includes(action as EventAction) &&
		type.split('.').length === 2;
	return {
		ok: true,
		event: {
			type,
			kind: known ? (kind as ProjectKind) : undefined,
			action: known ? (action as EventAction) : undefined,
			payload: payload as IDataObject & { id: string },
		},
	};
}

/** The canvas subtitle: the chosen events by name ("Image Completed, Video Completed"), not their values. */
export function eventsSubtitle(): string {
	const names = Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name]));
	return `={{ ($parameter["events"] || []).length === ${ALL_EVENTS.length} ? "All events" : ($parameter["events"] || []).map((event) => (${JSON.stringify(names)}[event] || event)).join(", ") }}`;
}

/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- not node code: runs in tests or on the developer's machine, never inside n8n */
/**
 * `/__emulator/*`: JSON control endpoint for other processes (e.g. n8n in e2e tests).
 * No auth, never logged, never faulted; only answered to clients on the emulator's own host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EmulatorContext } from './context';
import { faultRuleSchema } from './faults';
import { HttpError, readJsonBody } from './http';

const PREFIX = '/__emulator';

export function isControlPath(path: string): boolean {
	return path === PREFIX || path.startsWith(`${PREFIX}/`);
}

const failNextSchema = z.object({
	endpoint: z.string().optional(),
	code: z.string().min(1),
	message: z.string().optional(),
});
const cancelNextSchema = z.object({ endpoint: z.string().optional() });
const finalCreditsSchema = z.object({
	endpoint: z.string().optional(),
	credits: z.number().int().nonnegative(),
});
const durationSchema = z.object({ endpoint: z.string().min(1), ms: z.number().nonnegative() });
const subscribeSchema = z.object({
	url: z.string().url(),
	events: z.array(z.string()).min(1),
	secret: z.string().min(1),
});
const unsubscribeSchema = z.object({ id: z.number().int() });
const duplicateSchema = z.object({ n: z.number().int().nonnegative() });
const creditsSchema = z.object({ credits: z.number().nonnegative() });
const outputBytesSchema = z.object({
	image: z.number().int().nonnegative().optional(),
	video: z.number().int().nonnegative().optional(),
	audio: z.number().int().nonnegative().optional(),
});
const faultsSchema = z.union([
	faultRuleSchema,
	z.array(faultRuleSchema),
	z.object({ rules: z.array(faultRuleSchema) }),
]);

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
	const result = schema.safeParse(value);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new HttpError(
			422,
			'unprocessable_entity',
			`${issue.path.join('.') || 'body'}: ${issue.message}`,
		);
	}
	return result.data;
}

function isLoopback(address: string | undefined): boolean {
	return (
		!!address && (address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1')
	);
}

/** Everything about the emulator's current state, for debugging and e2e assertions. */
function state(ctx: EmulatorContext): Record<string, unknown> {
	const { settings } = ctx;
	return {
		baseUrl: settings.baseUrl,
		apiKey: settings.apiKey,
		speed: settings.speed,
		tier: settings.tier,
		credits: ctx.account.credits,
		downloadUrlTtlMs: settings.downloadUrlTtlMs,
		outputBytes: settings.outputBytes,
		projects: ctx.projects.list().map((p) => ({
			id: p.id,
			kind: p.kind,
			endpoint: p.endpoint,
			status: p.deleted ? 'deleted' : ctx.projects.clockStatus(p, Date.now()),
			outcome: p.outcome,
			creditsCharged: p.refunded ? 0 : p.creditsCharged,
			createdAt: new Date(p.createdAt).toISOString(),
		})),
		uploads: ctx.uploads.list().map((a) => ({
			file_path: a.filePath,
			bytes: a.bytes,
			sha256: a.sha256,
			generated: a.generated,
		})),
		faults: ctx.faults.list(),
		jobs: ctx.projects.pendingDirectives(),
		webhooks: {
			subscriptions: ctx.webhooks.listSubscriptions(),
			deliveries: ctx.webhooks.deliveries.length,
		},
		counters: ctx.metrics.snapshot(),
	};
}

async function route(
	ctx: EmulatorContext,
	req: IncomingMessage,
	method: string,
	path: string,
): Promise<{ status: number; body?: unknown }> {
	const action = `${method} ${path.slice(PREFIX.length).replace(/\/$/, '') || '/'}`;
	const body = () => readJsonBody(req, { allowEmpty: true });
	switch (action) {
		case 'GET /':
		case 'GET /state':
			return { status: 200, body: state(ctx) };
		case 'GET /log':
			return { status: 200, body: ctx.metrics.log };
		case 'GET /counters':
			return { status: 200, body: ctx.metrics.snapshot() };
		case 'POST /reset':
			ctx.reset();
			return { status: 200, body: { ok: true } };
		case 'POST /faults': {
			const input = parse(faultsSchema, await body());
			const rules = Array.isArray(input) ? input : 'rules' in input ? input.rules : [input];
			rules.forEach((rule) => ctx.faults.add(rule));
			return { status: 200, body: { faults: ctx.faults.list() } };
		}
		case 'DELETE /faults':
		case 'POST /faults/clear':
			ctx.faults.clear();
			return { status: 200, body: { faults: [] } };
		case 'POST /jobs/fail-next':
			ctx.projects.failNext(parse(failNextSchema, await body()));
			return { status: 200, body: { ok: true } };
		case 'POST /jobs/cancel-next':
			ctx.projects.cancelNext(parse(cancelNextSchema, await body()));
			return { status: 200, body: { ok: true } };
		case 'POST /jobs/final-credits-next':
			ctx.projects.finalCreditsNext(parse(finalCreditsSchema, await body()));
			return { status: 200, body: { ok: true } };
		case 'POST /jobs/duration': {
			const { endpoint, ms } = parse(durationSchema, await body());
			ctx.projects.setDurationMs(endpoint, ms);
			return { status: 200, body: { ok: true } };
		}
		case 'POST /webhooks/subscribe': {
			const { id } = ctx.webhooks.subscribe(parse(subscribeSchema, await body()));
			return { status: 200, body: { id } };
		}
		case 'POST /webhooks/unsubscribe':
			return {
				status: 200,
				body: { removed: ctx.webhooks.unsubscribe(parse(unsubscribeSchema, await body()).id) },
			};
		case 'POST /webhooks/duplicate-next':
			ctx.webhooks.duplicateNext(parse(duplicateSchema, await body()).n);
			return { status: 200, body: { ok: true } };
		case 'GET /webhooks/deliveries':
			return { status: 200, body: ctx.webhooks.deliveries };
		case 'POST /credits':
			ctx.account.setCredits(parse(creditsSchema, await body()).credits);
			return { status: 200, body: { credits: ctx.account.credits } };
		case 'POST /output-bytes': {
			const sizes = parse(outputBytesSchema, await body());
			for (const kind of ['image', 'video', 'audio'] as const) {
				const bytes = sizes[kind];
				if (bytes !== undefined) ctx.settings.outputBytes[kind] = bytes;
			}
			return { status: 200, body: { outputBytes: ctx.settings.outputBytes } };
		}
		default: {
			const project = /^GET \/projects\/([^/]+)$/.exec(action);
			if (project) {
				const record = ctx.projects.get(project[1]);
				if (!record) throw new HttpError(404, 'not_found', 'Not Found');
				return { status: 200, body: record };
			}
			throw new HttpError(404, 'not_found', `Unknown control action ${action}`);
		}
	}
}

export async function handleControl(
	ctx: EmulatorContext,
	req: IncomingMessage,
	res: ServerResponse,
	method: string,
	path: string,
): Promise<void> {
	let status: number;
	let body: unknown;
	const remote = req.socket.remoteAddress;
	if (!isLoopback(remote) && remote !== req.socket.localAddress) {
		status = 403;
		body = {
			code: 'forbidden',
			message: 'The control endpoint only answers clients on the emulator host',
		};
	} else {
		try {
			({ status, body } = await route(ctx, req, method, path));
		} catch (error) {
			if (!(error instanceof HttpError)) throw error;
			status = error.status;
			body = { code: error.code, message: error.message };
		}
	}
	const text = JSON.stringify(body ?? {});
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}

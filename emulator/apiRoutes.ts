/** The route table: the Magic Hour API (/v1, bearer auth) plus the pre-signed upload and download URLs. */
import type { EmulatorContext } from './context';
import { createJob } from './creates';
import { HttpError, json, noContent, readJsonBody } from './http';
import { kindOfProjectsPath } from './projects';
import { Router } from './router';
import { createEndpoints, validateCreateBody } from './validation';

/** Validates a non-project POST body (upload URLs, face detection) with the shared spec validator. */
function validated(path: string, body: unknown, tier: string): Record<string, unknown> {
	const checked = validateCreateBody(path, body, { tier });
	if (!checked.ok) throw new HttpError(checked.status, checked.code, checked.message);
	return checked.body;
}

export function buildApiRouter(ctx: EmulatorContext): Router {
	const router = new Router();

	router.add({
		methods: ['GET'],
		pattern: '/v1/account',
		auth: true,
		handle: () => json(200, ctx.account.toJson()),
	});

	router.add({
		methods: ['GET'],
		pattern: '/v1/saved-items',
		auth: true,
		handle: (req) => ctx.savedItems.list(req.url ?? '/v1/saved-items'),
	});

	router.add({
		methods: ['POST'],
		pattern: '/v1/files/upload-urls',
		auth: true,
		handle: async (req) =>
			ctx.uploads.createUploadUrls(
				validated('/v1/files/upload-urls', await readJsonBody(req), ctx.account.tier),
			),
	});

	router.add({
		methods: ['POST'],
		pattern: '/v1/face-detection',
		auth: true,
		handle: async (req) =>
			json(
				200,
				ctx.faces.create(
					validated('/v1/face-detection', await readJsonBody(req), ctx.account.tier),
				),
			),
	});

	router.add({
		methods: ['GET'],
		pattern: '/v1/face-detection/:id',
		auth: true,
		handle: (_req, { id }) => json(200, ctx.faces.view(id)),
	});

	for (const [segment, kind] of Object.entries(kindOfProjectsPath)) {
		router.add({
			methods: ['GET'],
			pattern: `/v1/${segment}/:id`,
			auth: true,
			handle: (_req, { id }) => json(200, ctx.projects.view(kind, id)),
		});
		router.add({
			methods: ['DELETE'],
			pattern: `/v1/${segment}/:id`,
			auth: true,
			handle: (_req, { id }) => {
				ctx.projects.delete(kind, id);
				return noContent();
			},
		});
	}

	for (const endpoint of createEndpoints) {
		router.add({
			methods: ['POST'],
			pattern: endpoint.path,
			auth: true,
			handle: async (req) => createJob(endpoint, await readJsonBody(req), ctx),
		});
	}

	router.add({
		methods: ['GET', 'HEAD'],
		pattern: '/downloads/:token/:name',
		routePath: '/downloads/:token',
		auth: false,
		handle: (req, { token }) => ctx.downloads.serve(token, req.method === 'HEAD'),
	});

	router.add({
		methods: ['PUT'],
		pattern: '/uploads/:token/:name',
		routePath: '/uploads/:token',
		auth: false,
		handle: (req, { token }) => ctx.uploads.receive(token, req),
	});

	return router;
}

/** The route table: the Magic Hour API (/v1, bearer auth) plus the pre-signed upload and download URLs. */
import type { EmulatorContext } from './context';
import { createJob } from './creates';
import { json, noContent, readJsonBody } from './http';
import { kindOfProjectsPath } from './projects';
import { Router } from './router';
import { createEndpoints } from './validation';

export function buildApiRouter(ctx: EmulatorContext): Router {
	const router = new Router();

	router.add({
		methods: ['GET'],
		pattern: '/v1/account',
		auth: true,
		handle: () => json(200, ctx.account.toJson()),
	});

	router.add({
		methods: ['POST'],
		pattern: '/v1/files/upload-urls',
		auth: true,
		handle: async (req) => ctx.uploads.createUploadUrls(await readJsonBody(req)),
	});

	router.add({
		methods: ['POST'],
		pattern: '/v1/face-detection',
		auth: true,
		handle: async (req) => json(200, ctx.faces.create(await readJsonBody(req))),
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

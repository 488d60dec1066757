/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: runs in tests or on the developer's machine, never inside n8n */
/** A tiny method + path router with ':param' segments and normalised route names for the log. */
import type { IncomingMessage } from 'node:http';
import type { Reply } from './http';

export type Handler = (
	req: IncomingMessage,
	params: Record<string, string>,
) => Reply | Promise<Reply>;

export interface RouteDefinition {
	methods: string[];
	/** e.g. '/v1/image-projects/:id' */
	pattern: string;
	/** Path shown in route names when it differs from the pattern, e.g. '/downloads/:token'. */
	routePath?: string;
	/** Requires `Authorization: Bearer <api key>`. */
	auth: boolean;
	handle: Handler;
}

export interface RouteMatch {
	definition: RouteDefinition;
	params: Record<string, string>;
	/** Normalised name used in the log and counters, e.g. 'GET /v1/image-projects/:id'. */
	route: string;
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

interface CompiledRoute {
	definition: RouteDefinition;
	regex: RegExp;
	paramNames: string[];
}

export class Router {
	private routes: CompiledRoute[] = [];

	add(definition: RouteDefinition): this {
		const paramNames: string[] = [];
		const source = definition.pattern
			.split('/')
			.map((segment) => {
				if (!segment.startsWith(':')) return segment.replace(/[.+?^${}()|[\]\\*]/g, '\\$&');
				paramNames.push(segment.slice(1));
				return '([^/]+)';
			})
			.join('/');
		this.routes.push({ definition, regex: new RegExp(`^${source}/?$`), paramNames });
		return this;
	}

	/** The route for `method` + `path`, or undefined (no such path, or not for that method). */
	match(method: string, path: string): RouteMatch | undefined {
		for (const { definition, regex, paramNames } of this.routes) {
			if (!definition.methods.includes(method)) continue;
			const found = regex.exec(path);
			if (!found) continue;
			const params: Record<string, string> = {};
			paramNames.forEach((name, i) => {
				params[name] = safeDecode(found[i + 1]);
			});
			return {
				definition,
				params,
				route: `${method} ${definition.routePath ?? definition.pattern}`,
			};
		}
		return undefined;
	}
}

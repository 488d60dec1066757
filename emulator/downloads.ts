/** Pre-signed download URLs (`/downloads/<token>/<name>.<ext>`) and the streamed media behind them. */
import { newToken } from './ids';
import { errorReply, HttpError, notFound, type JsonReply, type MediaReply } from './http';
import { planMedia, type MediaSpec } from './media';

export type DownloadTarget =
	| { type: 'project-output'; projectId: string; index: number }
	| { type: 'file'; spec: MediaSpec; bytes: number };

/** What a target currently resolves to; undefined when it is gone (e.g. project deleted). */
export type TargetResolver = (
	target: DownloadTarget,
) => { spec: MediaSpec; bytes: number } | undefined;

interface IssuedLink {
	target: DownloadTarget;
	expiresAt: number;
}

export interface DownloadLink {
	url: string;
	expires_at: string;
}

const SWEEP_EVERY = 1000;
/** Expired links keep answering 403 (not 404) for this long before they are forgotten. */
const FORGET_EXPIRED_AFTER_MS = 10 * 60 * 1000;

const EXPIRED = {
	code: 'forbidden',
	message: 'Download URL expired: fetch the project again for a fresh URL',
};

export function expiredReply(): JsonReply {
	return errorReply(403, EXPIRED.code, EXPIRED.message);
}

export class DownloadLinks {
	private links = new Map<string, IssuedLink>();
	private issuedSinceSweep = 0;

	constructor(
		private readonly baseUrl: () => string,
		private readonly ttlMs: () => number,
		private readonly resolve: TargetResolver,
	) {}

	/** A fresh URL for `target`, valid for the configured TTL. */
	issue(target: DownloadTarget, fileName: string): DownloadLink {
		this.sweepOccasionally();
		const token = newToken();
		const expiresAt = Date.now() + this.ttlMs();
		this.links.set(token, { target, expiresAt });
		return {
			url: `${this.baseUrl()}/downloads/${token}/${encodeURIComponent(fileName)}`,
			expires_at: new Date(expiresAt).toISOString(),
		};
	}

	/** Drops every link pointing at a project's outputs (project deleted). */
	revokeProject(projectId: string): void {
		for (const [token, link] of this.links) {
			if (link.target.type === 'project-output' && link.target.projectId === projectId)
				this.links.delete(token);
		}
	}

	clear(): void {
		this.links.clear();
	}

	/** GET/HEAD /downloads/:token/:name */
	serve(token: string, headOnly: boolean): MediaReply {
		const link = this.links.get(token);
		if (!link) throw notFound();
		if (Date.now() >= link.expiresAt) throw new HttpError(403, EXPIRED.code, EXPIRED.message);
		const resolved = this.resolve(link.target);
		if (!resolved) throw notFound();
		const plan = planMedia(resolved.spec, resolved.bytes);
		return {
			kind: 'media',
			status: 200,
			length: plan.size,
			headers: {
				'content-type': plan.mime,
				'cache-control': 'private, no-store',
			},
			pieces: plan.pieces,
			headOnly,
		};
	}

	private sweepOccasionally(): void {
		if (++this.issuedSinceSweep < SWEEP_EVERY) return;
		this.issuedSinceSweep = 0;
		const now = Date.now();
		for (const [token, link] of this.links)
			if (now >= link.expiresAt + FORGET_EXPIRED_AFTER_MS) this.links.delete(token);
	}
}

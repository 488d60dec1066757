/**
 * POST /v1/face-detection and GET /v1/face-detection/:id.
 * Detection is free, runs on the same clock as projects, and reports faces as they are found.
 * Only failNext directives scoped to '/v1/face-detection' apply to it.
 */
import type { DownloadLinks } from './downloads';
import { HttpError, isRecord, notFound } from './http';
import { newId } from './ids';
import type { ProjectStore } from './projects';
import { inputFileProblem, type UploadStore } from './uploads';

export const FACE_DETECTION_ENDPOINT = '/v1/face-detection';
/** Median detection time at speed 1. */
const MEDIAN_SECONDS = 5;
/** Faces found in every target unless the job fails. */
export const DEFAULT_FACE_COUNT = 2;
const FACE_IMAGE_BYTES = 2048;

type DetectionStatus = 'queued' | 'rendering' | 'complete' | 'error';

interface Detection {
	id: string;
	targetFilePath: string;
	createdAt: number;
	renderAtMs: number;
	finishAtMs: number;
	failure?: { code: string; message: string };
	facePaths: string[];
}

function unprocessable(message: string): HttpError {
	return new HttpError(422, 'unprocessable_entity', message);
}

function parseBody(body: unknown): { target: string; confidence: number } {
	if (!isRecord(body)) throw unprocessable('Body must be a JSON object');
	const assets = body.assets;
	if (!isRecord(assets)) throw unprocessable('assets is required');
	const target = assets.target_file_path;
	if (typeof target !== 'string' || target.length === 0)
		throw unprocessable('assets.target_file_path is required');
	const confidence = body.confidence_score ?? 0.5;
	if (typeof confidence !== 'number' || confidence < 0 || confidence > 1) {
		throw unprocessable('confidence_score must be a number between 0 and 1');
	}
	return { target, confidence };
}

export class FaceDetections {
	private detections = new Map<string, Detection>();

	constructor(
		private readonly uploads: UploadStore,
		private readonly downloads: DownloadLinks,
		private readonly projects: ProjectStore,
	) {}

	create(body: unknown): { id: string; credits_charged: number } {
		const { target } = parseBody(body);
		const duration = this.projects.durationFor(FACE_DETECTION_ENDPOINT, MEDIAN_SECONDS);
		const id = newId();
		const fail = this.projects.takeFailDirective(FACE_DETECTION_ENDPOINT, true);
		const problem = inputFileProblem(this.uploads, 'assets.target_file_path', target);
		const detection: Detection = {
			id,
			targetFilePath: target,
			createdAt: Date.now(),
			renderAtMs: Math.round(duration * 0.1),
			finishAtMs: Math.round(duration),
			failure: fail
				? { code: fail.code, message: fail.message ?? `Face detection failed (${fail.code})` }
				: problem
					? { code: 'invalid_file_format', message: problem }
					: undefined,
			facePaths: Array.from(
				{ length: DEFAULT_FACE_COUNT },
				(_, i) => `api-assets/${id}/0-${i}.png`,
			),
		};
		this.detections.set(id, detection);
		return { id, credits_charged: 0 };
	}

	view(id: string): Record<string, unknown> {
		const detection = this.detections.get(id);
		if (!detection) throw notFound();
		const elapsed = Date.now() - detection.createdAt;
		let status: DetectionStatus = 'queued';
		let found = 0;
		if (elapsed >= detection.finishAtMs) {
			status = detection.failure ? 'error' : 'complete';
			found = detection.failure ? 0 : detection.facePaths.length;
		} else if (elapsed >= detection.renderAtMs) {
			status = 'rendering';
			const progress =
				(elapsed - detection.renderAtMs) / Math.max(1, detection.finishAtMs - detection.renderAtMs);
			found = detection.failure ? 0 : Math.floor(progress * detection.facePaths.length);
		}
		const faces = detection.facePaths.slice(0, found).map((path) => {
			if (!this.uploads.get(path))
				this.uploads.registerGenerated(path, 'image', 'png', FACE_IMAGE_BYTES);
			const { url } = this.downloads.issue(
				{
					type: 'file',
					spec: { ext: 'png', mime: 'image/png', kind: 'image' },
					bytes: FACE_IMAGE_BYTES,
				},
				path.split('/').pop() ?? 'face.png',
			);
			return { path, url };
		});
		return { id: detection.id, credits_charged: 0, status, faces };
	}

	reset(): void {
		this.detections.clear();
	}
}

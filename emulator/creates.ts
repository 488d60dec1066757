/** POST /v1/<tool>: validate, price, charge and start a job. */
import type { Account } from './account';
import { errorReply, json, type JsonReply } from './http';
import type { Metrics } from './metrics';
import type { ProjectStore } from './projects';
import { inputFileProblem, type UploadStore } from './uploads';
import { estimateCredits, fileFields, outputsFor, validateCreateBody } from './validation';

export interface CreateEndpoint {
	path: string;
	kind: 'image' | 'video' | 'audio';
	medianSeconds: number;
	projectType: string;
}

export interface CreateDeps {
	account: Account;
	metrics: Metrics;
	projects: ProjectStore;
	uploads: UploadStore;
}

export function createJob(endpoint: CreateEndpoint, rawBody: unknown, deps: CreateDeps): JsonReply {
	deps.metrics.count('creates');
	const checked = validateCreateBody(endpoint.path, rawBody, { tier: deps.account.tier });
	if (!checked.ok) {
		const message =
			checked.field && !checked.message.includes(checked.field)
				? `${checked.field}: ${checked.message}`
				: checked.message;
		return errorReply(checked.status, checked.code, message);
	}
	const body = checked.body;
	const cost = Math.max(0, Math.ceil(estimateCredits(endpoint.path, body)));
	if (!deps.account.tryCharge(cost)) {
		return errorReply(
			402,
			'insufficient_credits',
			`Insufficient credits: this request costs ${cost} credits and the balance is ${deps.account.credits}`,
		);
	}
	deps.metrics.count('creditsCharged', cost);

	const inputProblem = fileFields(endpoint.path, body)
		.map(({ field, value }) => inputFileProblem(deps.uploads, field, value))
		.find((problem) => problem !== undefined);

	const project = deps.projects.create({
		endpoint: endpoint.path,
		kind: endpoint.kind,
		projectType: endpoint.projectType,
		medianSeconds: endpoint.medianSeconds,
		body,
		outputs: outputsFor(endpoint.path, body),
		credits: cost,
		inputProblem,
	});

	const answer: Record<string, unknown> = { id: project.id, credits_charged: cost };
	// Legacy fields the official Node SDK 0.43.1 still requires.
	if (endpoint.kind === 'video') answer.estimated_frame_cost = cost;
	if (endpoint.kind === 'image') answer.frame_cost = cost;
	return json(200, answer);
}

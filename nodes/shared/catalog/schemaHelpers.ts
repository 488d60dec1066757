import { z } from 'zod';

/** A file input value: a public http(s) URL or a path returned by the upload endpoint. */
export const fileValue = z
	.string({ required_error: 'is required' })
	.trim()
	.min(1, 'is required')
	.refine((value) => /^https?:\/\/\S+$/i.test(value) || /^[\w.-]+\/\S+$/.test(value), {
		message: 'must be a public http(s) URL or a Magic Hour file path (api-assets/...)',
	});

export const jobName = z.string().min(1).max(255).optional();

export const seconds = (label = 'seconds') => z.number({ invalid_type_error: `${label} must be a number` }).min(0);

/** Adds an issue when end <= start. */
export function endAfterStart(body: { start_seconds?: number; end_seconds?: number }, ctx: z.RefinementCtx): void {
	if (body.start_seconds !== undefined && body.end_seconds !== undefined && body.end_seconds <= body.start_seconds) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['end_seconds'],
			message: 'must be greater than the start time',
		});
	}
}

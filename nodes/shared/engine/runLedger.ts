import type { IDataObject } from 'n8n-workflow';

export interface LedgerEntry {
	itemIndex: number;
	/** Null when a job may exist without a known ID (its create answer was lost or had no ID). */
	id: string | null;
	tool: string;
	status: string;
	/** What Magic Hour reported it charged (a video's estimate until it ends). */
	credits?: number;
	jobName?: string;
}

/**
 * Every job a run created (or may have created), so that each one reaches the user also when the
 * run fails or is cancelled: a paid job must never vanish.
 */
export class RunLedger {
	private readonly entries = new Map<number, LedgerEntry>();
	private readonly creating = new Map<number, string | undefined>();

	constructor(private readonly tool: string) {}

	/** A create request is about to be sent for the item. */
	sending(itemIndex: number, jobName: string | undefined): void {
		this.creating.set(itemIndex, jobName);
	}

	/**
	 * The create request failed: a job that may exist anyway (lost answer, 5xx) stays listed;
	 * one never sent (refused before an attempt, 429, 4xx) is gone. Returns the error to throw.
	 */
	createFailed(itemIndex: number, error: unknown): unknown {
		const mayExist =
			(error as { context?: IDataObject } | undefined)?.context?.jobMayExist === true;
		if (!mayExist) this.creating.delete(itemIndex);
		return error;
	}

	/** Whether the item's failed create may have created a job anyway (see createFailed). */
	mayHaveCreated(itemIndex: number): boolean {
		return this.creating.has(itemIndex);
	}

	created(itemIndex: number, id: string): void {
		this.creating.delete(itemIndex);
		this.entries.set(itemIndex, { itemIndex, id, tool: this.tool, status: 'queued' });
	}

	/** The create was accepted but its answer holds no ID. */
	createdWithoutId(itemIndex: number, jobName: string | undefined): void {
		this.creating.delete(itemIndex);
		this.entries.set(itemIndex, {
			itemIndex,
			id: null,
			tool: this.tool,
			status: 'unknown',
			jobName,
		});
	}

	/** Magic Hour reported the job's charge. */
	charged(itemIndex: number, credits: number): void {
		const entry = this.entries.get(itemIndex);
		if (entry) entry.credits = credits;
	}

	status(itemIndex: number, status: string): void {
		const entry = this.entries.get(itemIndex);
		if (entry) entry.status = status;
	}

	/** Jobs known or possibly created, in item order; a create still in flight counts as possibly created. */
	get projects(): LedgerEntry[] {
		const pending = [...this.creating].map(
			([itemIndex, jobName]): LedgerEntry => ({
				itemIndex,
				id: null,
				tool: this.tool,
				status: 'unknown',
				jobName,
			}),
		);
		return [...this.entries.values(), ...pending].sort((a, b) => a.itemIndex - b.itemIndex);
	}

	/** One line per job: what a user needs to find it again. */
	lines(): string[] {
		return this.projects.map((entry) => {
			const where = `${entry.tool}, item index ${entry.itemIndex}`;
			const credits = entry.credits === undefined ? '' : `, ${entry.credits} credits charged`;
			if (entry.id) return `- project ${entry.id} (${where}): status ${entry.status}${credits}`;
			const name = entry.jobName ? ` (job name "${entry.jobName}")` : '';
			return `- a job whose ID Magic Hour did not return (${where})${name}: it may exist and charge credits`;
		});
	}

	/** Adds the run's jobs to a failing error's description and context; returns the error. */
	annotate<E extends Error>(error: E): E {
		const lines = this.lines();
		if (lines.length === 0) return error;
		const target = error as E & { description?: string | null; context?: IDataObject };
		target.description = [
			target.description,
			'Jobs this run created at Magic Hour (they may charge credits; pick them up with "Wait for Project" instead of running these items again):',
			...lines,
		]
			.filter(Boolean)
			.join('\n');
		if (target.context && typeof target.context === 'object') {
			target.context.createdProjects = this.projects.map((entry) => ({
				...entry,
			})) as unknown as IDataObject[];
		}
		return error;
	}
}

import type { ToolDeclaration } from './types';

/** The inputs a call needs: the required files (as URLs) and the required text fields. */
function neededInputs(tool: ToolDeclaration): string[] {
	const files = tool.files
		.filter((file) => file.required)
		.map((file) => `${file.displayName} (${file.assetType} URL)`);
	const fields = tool.fields
		.filter(
			(field) =>
				field.required && field.type === 'string' && field.default === '' && !field.displayOptions,
		)
		.map((field) => field.displayName);
	return [...files, ...fields];
}

function timing(tool: ToolDeclaration): string {
	if (tool.kind === 'video') {
		return 'Video takes minutes: unless this tool is set to wait, the call returns the project ID at once (status "queued"); check back later with the Get Project tool.';
	}
	return `Takes about ${tool.expectedSeconds} s; returns the project ID, status, credits charged and the output file URLs.`;
}

/** The default description of a tool for an AI Agent, e.g. "Magic Hour AI Image Generator: Generate a new image… Needs: Prompt. Cost: … Takes about 20 s; …". */
export function agentToolDescription(tool: ToolDeclaration): string {
	const inputs = neededInputs(tool);
	return [
		`Magic Hour ${tool.displayName}: ${tool.agent.does}`,
		inputs.length ? `Needs: ${inputs.join(', ')}.` : '',
		`Cost: ${tool.agent.cost}.`,
		timing(tool),
	]
		.filter(Boolean)
		.join(' ');
}

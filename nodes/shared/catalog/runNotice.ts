import type { INodeProperties } from 'n8n-workflow';

import type { ToolDeclaration } from './types';

/** A documented median as a user reads it: "about 20 seconds", "about 3 minutes". */
export function typicalDuration(seconds: number): string {
	if (seconds < 60) return `about ${seconds} seconds`;
	const minutes = Math.round(seconds / 60);
	return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
}

/** "Usually ready in about 20 seconds. Cost: 50 credits." from the catalog's median and price. */
export function timeAndCostText(tool: ToolDeclaration): string {
	const cost = tool.agent.cost;
	const longer = tool.kind === 'video' ? ' (longer clips take longer)' : '';
	return [
		`Usually ready in ${typicalDuration(tool.expectedSeconds)}${longer}.`,
		cost === 'free' ? 'Free.' : cost ? `Cost: ${cost}.` : '',
	]
		.filter(Boolean)
		.join(' ');
}

/** The notice at the top of a tool's parameters: how long it usually takes and what it costs. */
export function timeAndCostNotice(tool: ToolDeclaration): INodeProperties {
	return {
		displayName: timeAndCostText(tool),
		name: 'timeAndCostNotice',
		type: 'notice',
		default: '',
	};
}

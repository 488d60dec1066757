/** The real tool nodes and the realistic parameters of the catalog test fixtures. */
import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import type { ProjectKind, ToolDeclaration } from '../../nodes/shared/catalog/types';
import type { ToolFixture } from '../../test/catalog/toolFixture';

export const TOOL_NODES: Record<ProjectKind, INodeType | IVersionedNodeType> = {
	image: new MagicHourImage(),
	video: new MagicHourVideo(),
	audio: new MagicHourAudio(),
};

export function toolOf(operation: string): ToolDeclaration {
	const tool = TOOLS.find((t) => t.operation === operation);
	if (!tool) throw new Error(`unknown tool ${operation}`);
	return tool;
}

/** A fixture with URL inputs only (no uploads), so the figures are about waiting, not uploading. */
export function fixtureOf(operation: string, index: number): ToolFixture {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { fixtures } = require(`../../test/catalog/fixtures/${operation}`) as {
		fixtures: ToolFixture[];
	};
	const fixture = fixtures[index];
	if (!fixture) throw new Error(`no fixture ${operation}#${index}`);
	if (fixture.binaries)
		throw new Error(
			`fixture ${operation}#${index} has binary inputs: choose one with URL inputs only`,
		);
	return fixture;
}

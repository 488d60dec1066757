import type { INodeProperties, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { loadExamples } from '../../scripts/e2e/n8n';

const NODES: Record<string, IVersionedNodeType> = {
	magicHour: new MagicHour(),
	magicHourAudio: new MagicHourAudio(),
	magicHourImage: new MagicHourImage(),
	magicHourVideo: new MagicHourVideo(),
};

function parameterNames(nodeType: IVersionedNodeType): Set<string> {
	const properties = (nodeType.nodeVersions[1] as INodeType).description
		.properties as INodeProperties[];
	return new Set(properties.map((property) => property.name));
}

// A renamed parameter left behind in an example would be ignored by n8n without a word.
it('every parameter the examples set on a Magic Hour node is one the node has', () => {
	const unknown: string[] = [];
	for (const { file, workflow } of loadExamples()) {
		for (const node of workflow.nodes as Array<{
			name: string;
			type: string;
			parameters: object;
		}>) {
			const typeName = /^n8n-nodes-magic-hour\.(\w+?)(Tool)?$/.exec(node.type)?.[1];
			const nodeType = typeName ? NODES[typeName] : undefined;
			if (!nodeType) continue;
			const names = parameterNames(nodeType);
			for (const key of Object.keys(node.parameters)) {
				if (!names.has(key)) unknown.push(`${file.split('/').pop()}: ${node.name}.${key}`);
			}
		}
	}
	expect(unknown).toEqual([]);
});

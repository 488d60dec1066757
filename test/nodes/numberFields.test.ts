import type { INodeProperties, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourTrigger } from '../../nodes/MagicHourTrigger/MagicHourTrigger.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';

/**
 * The typeOptions n8n's editor reads on a number field (its ParameterInputFull passes maxValue,
 * minValue and numberPrecision to the input, 1.123.x and 2.40.x alike): anything else, e.g.
 * numberStepSize, silently does nothing.
 */
const READ_BY_THE_EDITOR = ['minValue', 'maxValue', 'numberPrecision'];

function* numberFields(
	properties: ReadonlyArray<INodeProperties | { values?: INodeProperties[] }>,
	path: string,
): Generator<[string, INodeProperties]> {
	for (const property of properties) {
		if ('values' in property && Array.isArray(property.values))
			yield* numberFields(property.values, path);
		if (!('type' in property)) continue;
		const here = `${path} > ${property.displayName}`;
		if (property.type === 'number') yield [here, property];
		if (Array.isArray(property.options))
			yield* numberFields(property.options as INodeProperties[], here);
	}
}

const nodes: Array<INodeType | IVersionedNodeType> = [
	new MagicHour(),
	new MagicHourImage(),
	new MagicHourVideo(),
	new MagicHourAudio(),
	new MagicHourTrigger(),
];
const fields = nodes.flatMap((type) => {
	const versions = 'nodeVersions' in type ? Object.values(type.nodeVersions) : [type as INodeType];
	return versions.flatMap((version) =>
		[...numberFields(version.description.properties, version.description.displayName)].map(
			([path, property]) => ({ path, property }),
		),
	);
});

test('there are number fields to check', () => {
	expect(fields.length).toBeGreaterThan(15);
});

test('number fields set only typeOptions the n8n editor reads', () => {
	const unread = fields.flatMap(({ path, property }) =>
		Object.keys(property.typeOptions ?? {})
			.filter((key) => !READ_BY_THE_EDITOR.includes(key))
			.map((key) => `${path}: ${key}`),
	);
	expect(unread).toEqual([]);
});

import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';

import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourAudio } from '../../nodes/MagicHourAudio/MagicHourAudio.node';
import { MagicHourImage } from '../../nodes/MagicHourImage/MagicHourImage.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { executeNode, failureOf } from '../harness/executeNode';
import { FAST_POLLING, useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();
const FAST = FAST_POLLING;
const RUN_SETTING_NAMES = [
	'pollingMode',
	'pollIntervalSeconds',
	'maxConcurrency',
	'maxCreditsPerRun',
];
const apiRequests = () => emu.log.filter((entry) => entry.path.startsWith('/v1/'));

function propertiesOf(nodeType: IVersionedNodeType): INodeProperties[] {
	return (nodeType.nodeVersions[1] as INodeType).description.properties;
}

function runImage(parameters: IDataObject, items: INodeExecutionData[]) {
	return executeNode({
		nodeType: new MagicHourImage(),
		parameters: { operation: 'aiImageGenerator', imageCount: 1, ...parameters } as never,
		items,
		credentials: { apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl },
	});
}

describe('Execution Settings: one collection, apart from the tool options', () => {
	it.each([
		['Image', new MagicHourImage()],
		['Video', new MagicHourVideo()],
		['Audio', new MagicHourAudio()],
	])(
		'Magic Hour %s has one Execution Settings collection and no run setting among the tool options',
		(_kind, nodeType) => {
			const properties = propertiesOf(nodeType);
			const settings = properties.filter((property) => property.name === 'executionSettings');
			expect(settings).toHaveLength(1);
			const settingNames = (settings[0].options as INodeProperties[]).map((option) => option.name);
			expect(settingNames).toEqual(
				expect.arrayContaining([...RUN_SETTING_NAMES, 'timeoutMinutes', 'binaryPropertyPrefix']),
			);
			for (const options of properties.filter((property) => property.name === 'options')) {
				const names = (options.options as INodeProperties[]).map((option) => option.name);
				expect(names.filter((name) => settingNames.includes(name))).toEqual([]);
			}
		},
	);

	it('each setting says whether it applies to the whole run or to each item', () => {
		const settings = propertiesOf(new MagicHourImage()).find(
			(property) => property.name === 'executionSettings',
		)!;
		for (const option of settings.options as INodeProperties[]) {
			const scope = RUN_SETTING_NAMES.includes(option.name) ? /whole run/ : /for each item/;
			expect(option.description).toMatch(scope);
		}
	});

	it('no tool declares an option named "jobName": the Job Name option every tool gets cannot take one over', () => {
		expect(
			TOOLS.filter((tool) => tool.optionalFields.some((field) => field.name === 'jobName')).map(
				(tool) => tool.operation,
			),
		).toEqual([]);
	});

	it('"Wait for Project" uses the same collection', () => {
		const properties = propertiesOf(new MagicHour());
		const settings = properties.filter((property) => property.name === 'executionSettings');
		expect(settings).toHaveLength(1);
		expect((settings[0].options as INodeProperties[]).map((option) => option.name)).toEqual(
			expect.arrayContaining([
				'pollingMode',
				'pollIntervalSeconds',
				'timeoutMinutes',
				'binaryPropertyPrefix',
			]),
		);
	});
});

describe('Execution Settings at run time', () => {
	it('a setting that is not a number fails naming it, before any request', async () => {
		const error = await failureOf(
			runImage(
				{ prompt: 'a boat', executionSettings: { ...FAST, maxConcurrency: '={{ "many" }}' } },
				[{ json: {} }],
			),
		);
		expect(error.message).toMatch(/"Max Concurrent Jobs" must be a number/);
		expect(error.description).toMatch(/Execution Settings/);
		expect(apiRequests()).toHaveLength(0);
	});

	it('per-run settings are read once, for the first item', async () => {
		const { output } = await runImage(
			{
				prompt: '={{ $json.prompt }}',
				executionSettings: { ...FAST, maxConcurrency: '={{ $json.limit }}' },
			},
			[{ json: { prompt: 'a boat', limit: 2 } }, { json: { prompt: 'a tree', limit: 'not read' } }],
		);
		expect(output[0].map((item) => item.json.status)).toEqual(['complete', 'complete']);
	});

	it('per-item settings follow each item: the binary property prefix', async () => {
		const { output } = await runImage(
			{
				prompt: '={{ $json.prompt }}',
				executionSettings: { ...FAST, binaryPropertyPrefix: '={{ $json.field }}' },
			},
			[
				{ json: { prompt: 'a boat', field: 'boat' } },
				{ json: { prompt: 'a tree', field: 'tree' } },
			],
		);
		expect(output[0].map((item) => Object.keys(item.binary ?? {}))).toEqual([['boat'], ['tree']]);
	});

	it('the job name stays a tool option and reaches Magic Hour', async () => {
		await runImage({ prompt: 'a boat', options: { jobName: 'boat-7' }, executionSettings: FAST }, [
			{ json: {} },
		]);
		expect(emu.listProjects().map((project) => project.name)).toEqual(['boat-7']);
	});
});

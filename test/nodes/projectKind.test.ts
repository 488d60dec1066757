import type { IDataObject, INodeExecutionData, INodeProperties, INodeType } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { createJob, credentialsFor } from '../engine/engineHarness';
import { executeNode, readBinary } from '../harness/executeNode';
import { useFastEmulator } from '../harness/fastEmulator';

const emu = useFastEmulator();

/** The Magic Hour node on a project operation, with "Project ID" and "Project Kind" left at their defaults. */
function run(
	operation: string,
	items: INodeExecutionData[],
	parameters: IDataObject = {},
	continueOnFail = false,
) {
	return executeNode({
		nodeType: new MagicHour(),
		parameters: { resource: 'project', operation, ...parameters } as never,
		items,
		continueOnFail,
		credentials: credentialsFor(emu),
	});
}

/** The API requests the node sent from log position `from` on: "METHOD kind-projects STATUS", downloads as "GET downloads". */
function requestsSince(from: number): string[] {
	return emu.log.slice(from).map((entry) => {
		const [, version, route] = entry.path.split('/');
		return version === 'downloads'
			? `${entry.method} downloads`
			: `${entry.method} ${route} ${entry.status}`;
	});
}

async function finishedJobs() {
	const jobs = {
		image: await createJob(emu, 'image', { durationMs: 1 }),
		video: await createJob(emu, 'video', { durationMs: 1 }),
		audio: await createJob(emu, 'audio', { durationMs: 1 }),
	};
	await sleep(50);
	return jobs;
}

describe('Project Kind "Auto-Detect" (the default of Get, Download Outputs, Delete and Wait for Project)', () => {
	it('is one parameter: the four project operations show the same "Project Kind", Auto-Detect by default', () => {
		const properties = (
			(new MagicHour().nodeVersions[1] as INodeType).description.properties as INodeProperties[]
		).filter((property) => /kind/i.test(property.name));
		expect(properties.flatMap((property) => property.displayOptions?.show?.operation)).toEqual([
			'delete',
			'download',
			'get',
			'waitFor',
		]);
		expect(
			properties.every((property) => property.displayOptions?.show?.resource?.[0] === 'project'),
		).toBe(true);
		const [first, ...others] = properties.map((property) => ({
			...property,
			displayOptions: undefined,
		}));
		expect(first).toMatchObject({ name: 'projectKind', type: 'options', default: 'auto' });
		for (const other of others) expect(other).toEqual(first);
	});

	it('Get: uses a valid input "kind" as is; asks Magic Hour for an item without one or with a wrong value, with free GETs only', async () => {
		const { image, video, audio } = await finishedJobs();
		const before = emu.log.length;
		const { output } = await run('get', [
			{ json: { id: image.id, kind: 'image' } },
			{ json: { id: video.id } },
			{ json: { id: audio.id, kind: 'Audio project' } },
		]);
		expect(output[0].map((item) => [item.json.id, item.json.kind, item.json.status])).toEqual([
			[image.id, 'image', 'complete'],
			[video.id, 'video', 'complete'],
			[audio.id, 'audio', 'complete'],
		]);
		// Items run in input order; a found project's GET is its answer, so detection costs only the 404s.
		expect(requestsSince(before)).toEqual([
			'GET image-projects 200',
			'GET image-projects 404',
			'GET video-projects 200',
			'GET image-projects 404',
			'GET video-projects 404',
			'GET audio-projects 200',
		]);
	});

	it('Download Outputs: detects the kind of an item without one and downloads from the project it read', async () => {
		const { video } = await finishedJobs();
		const before = emu.log.length;
		const { output } = await run('download', [{ json: { id: video.id } }]);
		expect(output[0][0].json).toMatchObject({ id: video.id, kind: 'video', status: 'complete' });
		expect(output[0][0].binary?.data.mimeType).toBe('video/mp4');
		expect((await readBinary(output[0][0].binary!.data)).subarray(4, 8).toString('latin1')).toBe(
			'ftyp',
		);
		expect(requestsSince(before)).toEqual([
			'GET image-projects 404',
			'GET video-projects 200',
			'GET downloads',
		]);
	});

	it('Delete: detects the kind by reading (never by trying DELETE) for an item with a wrong "kind" value', async () => {
		const { audio, image } = await finishedJobs();
		const before = emu.log.length;
		const { output } = await run('delete', [
			{ json: { id: audio.id, kind: 42 } },
			{ json: { id: image.id, kind: 'image' } },
		]);
		expect(output[0].map((item) => item.json)).toEqual([
			{ id: audio.id, kind: 'audio', deleted: true },
			{ id: image.id, kind: 'image', deleted: true },
		]);
		expect(requestsSince(before)).toEqual([
			'GET image-projects 404',
			'GET video-projects 404',
			'GET audio-projects 200',
			'DELETE audio-projects 204',
			'DELETE image-projects 204',
		]);
		const gone = await run('get', [{ json: { id: audio.id } }], {}, true);
		expect(gone.output[0][0].json.error).toBe(`Magic Hour has no project with ID ${audio.id}`);
	});

	it('an ID that is no project fails after three GETs naming the ID; a valid but wrong input "kind" is used as is', async () => {
		const { image } = await finishedJobs();
		const before = emu.log.length;
		const { output } = await run(
			'get',
			[{ json: { id: 'no-such-project' } }, { json: { id: image.id, kind: 'video' } }],
			{},
			true,
		);
		expect(output[0][0].json).toMatchObject({
			error: 'Magic Hour has no project with ID no-such-project',
		});
		expect(output[0][1].json.error).toMatch(/project not found/i);
		expect(requestsSince(before)).toEqual([
			'GET image-projects 404',
			'GET video-projects 404',
			'GET audio-projects 404',
			'GET video-projects 404',
		]);
	});

	it('an explicit kind overrides the input item; an unknown one fails before any request', async () => {
		const { image } = await finishedJobs();
		const before = emu.log.length;
		const { output } = await run('get', [{ json: { id: image.id, kind: 'video' } }], {
			projectKind: 'image',
		});
		expect(output[0][0].json).toMatchObject({ id: image.id, kind: 'image' });
		const failed = await run(
			'get',
			[{ json: { id: image.id } }],
			{ projectKind: '={{ "gif" }}' },
			true,
		);
		expect(failed.output[0][0].json.error).toBe('Unknown project kind "gif"');
		expect(requestsSince(before)).toEqual(['GET image-projects 200']);
	});
});

import type { IDataObject } from 'n8n-workflow';

import { start } from '../../emulator';
import { MagicHour } from '../../nodes/MagicHour/MagicHour.node';
import { MagicHourVideo } from '../../nodes/MagicHourVideo/MagicHourVideo.node';
import { executeNode } from '../harness/executeNode';
import { loadOptions } from '../harness/loadOptions';

let emu: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
	emu = await start({ speed: 1000, quiet: true, tier: 'business', credits: 10_000_000 });
});
afterAll(async () => emu.stop());
beforeEach(() => emu.reset());

const credentials = () => ({ apiKey: emu.apiKey, environment: 'custom', baseUrl: emu.baseUrl });
const listCalls = () =>
	emu.log.filter((entry) => entry.method === 'GET' && entry.path === '/v1/saved-items').length;

function list(parameters: IDataObject) {
	return executeNode({
		nodeType: new MagicHour(),
		parameters: { resource: 'file', operation: 'listSavedItems', ...parameters } as never,
		credentials: credentials(),
	});
}

async function get(query: string) {
	const response = await fetch(`${emu.baseUrl}/v1/saved-items${query}`, {
		headers: { Authorization: `Bearer ${emu.apiKey}` },
	});
	return { status: response.status, body: (await response.json()) as IDataObject };
}

describe('emulator: GET /v1/saved-items', () => {
	it('pages newest first with an opaque cursor (20 by default)', async () => {
		const first = await get('');
		expect(first.status).toBe(200);
		const items = first.body.items as IDataObject[];
		expect(items).toHaveLength(20);
		expect(typeof first.body.next_cursor).toBe('string');
		const second = await get(`?cursor=${first.body.next_cursor as string}`);
		expect((second.body.items as IDataObject[]).length).toBe(6);
		expect(second.body.next_cursor).toBeNull();
		const asset = (items[0].assets as IDataObject[])[0];
		expect(asset).toEqual({
			file_path: expect.stringMatching(/^saved-items\/[\w-]+\/[\w-]+\/[\w.-]+$/),
			media_kind: 'IMAGE',
			is_primary: true,
			url: expect.stringContaining('/downloads/'),
			url_expires_at: expect.any(String),
		});
		const preview = await fetch(String(asset.url));
		expect(preview.status).toBe(200);
	});

	it('filters by type and checks the query like the spec', async () => {
		const voices = await get('?type=voice&limit=100');
		expect((voices.body.items as IDataObject[]).every((item) => item.type === 'voice')).toBe(true);
		expect((await get('?type=font')).status).toBe(400);
		expect((await get('?limit=0')).status).toBe(400);
		expect((await get('?limit=101')).status).toBe(400);
		expect((await get('?cursor=not-a-cursor')).status).toBe(400);
	});
});

describe('Magic Hour node: List Saved Items', () => {
	it('returns all items across pages, each with its permanent file path', async () => {
		const { output } = await list({ returnAll: true });
		expect(output[0]).toHaveLength(26);
		expect(listCalls()).toBe(1);
		const alex = output[0].find((item) => item.json.name === 'Alex')!;
		expect(alex.json).toEqual(
			expect.objectContaining({
				type: 'character',
				file_path: expect.stringMatching(/^saved-items\/.*\/front\.png$/),
				media_kind: 'IMAGE',
			}),
		);
		expect(alex.pairedItem).toEqual({ item: 0 });
	});

	it('follows next_cursor page by page and stops at the limit', async () => {
		emu.setSavedItemsPageCap(4);
		const all = await list({ returnAll: true });
		expect(all.output[0]).toHaveLength(26);
		expect(new Set(all.output[0].map((item) => item.json.id)).size).toBe(26);
		expect(listCalls()).toBe(7);
		emu.reset();
		emu.setSavedItemsPageCap(4);
		expect((await list({ returnAll: false, limit: 10 })).output[0]).toHaveLength(10);
		expect(listCalls()).toBe(3);
	});

	it('filters by type', async () => {
		const { output } = await list({ returnAll: false, limit: 3, savedItemType: 'voice' });
		expect(output[0].map((item) => item.json.type)).toEqual(['voice', 'voice', 'voice']);
	});
});

describe('a saved item as a file input', () => {
	it('is offered by media kind and used as the file path, without upload', async () => {
		const options = await loadOptions({
			nodeType: new MagicHourVideo(),
			method: 'savedVideoFiles',
			credentials: credentials(),
		});
		expect(options.map((option) => option.name)).toEqual([
			'Dance move (reference)',
			'Logo animation (reference)',
		]);
		const images = await loadOptions({
			nodeType: new MagicHourVideo(),
			method: 'savedImageFiles',
			credentials: credentials(),
		});
		expect(images.find((option) => option.name === 'Alex (character 1)')?.value).toMatch(
			/front\.png$/,
		);

		const { output } = await executeNode({
			nodeType: new MagicHourVideo(),
			parameters: {
				operation: 'characterReplace',
				videoSource: 'savedItem',
				videoSavedItem: options[0].value,
				imageSource: 'savedItem',
				imageSavedItem: images[0].value,
				endSeconds: 5,
				executionSettings: { pollingMode: 'fixed', pollIntervalSeconds: 0.05 },
			} as never,
			credentials: credentials(),
		});
		expect(output[0][0].json.status).toBe('complete');
		expect(emu.counters().byRoute['POST /v1/files/upload-urls'] ?? 0).toBe(0);
	});

	it('a saved-items path that does not exist ends the job in error at Magic Hour', async () => {
		const error = await executeNode({
			nodeType: new MagicHourVideo(),
			parameters: {
				operation: 'aiVideoTranslator',
				videoSource: 'url',
				videoUrl: 'saved-items/user-emulator/si_gone/clip.mp4',
				targetLanguage: 'French',
				endSeconds: 5,
				executionSettings: { pollingMode: 'fixed', pollIntervalSeconds: 0.05 },
			} as never,
			credentials: credentials(),
		}).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toMatch(/invalid_file_format|file/i);
	});
});

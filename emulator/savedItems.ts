/**
 * GET /v1/saved-items: the account's saved library (characters, references, voices, moodboards,
 * brand kits), newest first, paged with an opaque cursor. The library is fixed and realistic: 26
 * items, so the default page of 20 needs a second page. Each asset has a permanent
 * `saved-items/<user>/<item>/<file>` path that create requests accept as an input file, and a
 * signed preview URL that expires like download links.
 *
 * Query validation follows spec.json (`lists`): `type` enum, `limit` integer 1–100 (default 20),
 * `cursor` non-empty; a cursor this emulator did not issue is a 400 `invalid_request`.
 */
import type { DownloadLinks } from './downloads';
import { errorReply, json, type JsonReply } from './http';
import type { MediaSpec } from './media';
import { spec } from './validation';
import {
	firstIssue,
	issueToFailure,
	schemaToZod,
	type JsonSchema,
} from './validation/schema-to-zod';

const USER = 'user-emulator';
const DEFAULT_LIMIT = 20;
const ASSET_BYTES = 4 * 1024;

type MediaKind = 'IMAGE' | 'VIDEO' | 'AUDIO';

interface SavedAsset {
	fileName: string;
	mediaKind: MediaKind;
	isPrimary: boolean;
}

interface SavedItemRecord {
	id: string;
	type: 'character' | 'reference' | 'voice' | 'moodboard' | 'brand_kit';
	name: string | null;
	assets: SavedAsset[];
}

const image = (fileName: string, isPrimary = false): SavedAsset => ({
	fileName,
	mediaKind: 'IMAGE',
	isPrimary,
});
const video = (fileName: string, isPrimary = false): SavedAsset => ({
	fileName,
	mediaKind: 'VIDEO',
	isPrimary,
});
const audio = (fileName: string, isPrimary = false): SavedAsset => ({
	fileName,
	mediaKind: 'AUDIO',
	isPrimary,
});

/** Newest first. */
const LIBRARY: ReadonlyArray<SavedItemRecord> = [
	{
		id: 'si_char_alex',
		type: 'character',
		name: 'Alex',
		assets: [image('front.png', true), image('profile.png'), image('full-body.png')],
	},
	{
		id: 'si_voice_narrator',
		type: 'voice',
		name: 'Warm narrator',
		assets: [audio('sample.mp3', true)],
	},
	{
		id: 'si_ref_studio',
		type: 'reference',
		name: 'White studio backdrop',
		assets: [image('backdrop.jpg', true)],
	},
	{
		id: 'si_brand_acme',
		type: 'brand_kit',
		name: 'Acme brand kit',
		assets: [image('logo.png', true), image('palette.png'), audio('jingle.mp3')],
	},
	{ id: 'si_char_mia', type: 'character', name: 'Mia (mascot)', assets: [image('mia.png', true)] },
	{
		id: 'si_mood_autumn',
		type: 'moodboard',
		name: 'Autumn campaign',
		assets: [image('leaves.jpg', true), image('coffee.jpg'), image('street.jpg')],
	},
	{ id: 'si_ref_dance', type: 'reference', name: 'Dance move', assets: [video('move.mp4', true)] },
	{ id: 'si_voice_host', type: 'voice', name: 'Podcast host', assets: [audio('host.mp3', true)] },
	{
		id: 'si_char_robot',
		type: 'character',
		name: 'Robot R-7',
		assets: [image('r7.png', true), image('r7-side.png')],
	},
	{
		id: 'si_ref_product',
		type: 'reference',
		name: 'Sneaker product shot',
		assets: [image('sneaker.png', true)],
	},
	{ id: 'si_char_unnamed', type: 'character', name: null, assets: [image('character.png', true)] },
	{ id: 'si_voice_kid', type: 'voice', name: 'Cartoon kid', assets: [audio('kid.wav', true)] },
	{
		id: 'si_mood_neon',
		type: 'moodboard',
		name: 'Neon nights',
		assets: [image('neon-1.jpg', true), image('neon-2.jpg')],
	},
	{
		id: 'si_ref_city',
		type: 'reference',
		name: 'City skyline',
		assets: [image('skyline.jpg', true)],
	},
	{
		id: 'si_char_grandpa',
		type: 'character',
		name: 'Grandpa Joe',
		assets: [image('joe.png', true)],
	},
	{
		id: 'si_ref_logo_anim',
		type: 'reference',
		name: 'Logo animation',
		assets: [video('logo.mp4', true)],
	},
	{
		id: 'si_voice_trailer',
		type: 'voice',
		name: 'Trailer voice',
		assets: [audio('trailer.mp3', true)],
	},
	{
		id: 'si_char_chef',
		type: 'character',
		name: 'Chef Luca',
		assets: [image('luca.png', true), image('luca-kitchen.png')],
	},
	{
		id: 'si_brand_bloom',
		type: 'brand_kit',
		name: 'Bloom Café',
		assets: [image('bloom-logo.png', true)],
	},
	{
		id: 'si_ref_beach',
		type: 'reference',
		name: 'Beach at sunset',
		assets: [image('beach.jpg', true)],
	},
	{ id: 'si_char_knight', type: 'character', name: 'Knight', assets: [image('knight.png', true)] },
	{ id: 'si_voice_news', type: 'voice', name: 'News anchor', assets: [audio('anchor.mp3', true)] },
	{ id: 'si_mood_retro', type: 'moodboard', name: 'Retro 80s', assets: [image('retro.jpg', true)] },
	{
		id: 'si_ref_office',
		type: 'reference',
		name: 'Office interior',
		assets: [image('office.jpg', true)],
	},
	{ id: 'si_char_cat', type: 'character', name: 'Whiskers', assets: [image('whiskers.png', true)] },
	{
		id: 'si_ref_music',
		type: 'reference',
		name: 'Background track',
		assets: [audio('track.mp3', true)],
	},
];

const MEDIA: Record<MediaKind, (ext: string) => MediaSpec> = {
	IMAGE: (ext) => ({ ext, mime: ext === 'png' ? 'image/png' : 'image/jpeg', kind: 'image' }),
	VIDEO: (ext) => ({ ext, mime: 'video/mp4', kind: 'video' }),
	AUDIO: (ext) => ({ ext, mime: ext === 'wav' ? 'audio/wav' : 'audio/mpeg', kind: 'audio' }),
};

const filePathOf = (item: SavedItemRecord, asset: SavedAsset) =>
	`saved-items/${USER}/${item.id}/${asset.fileName}`;

const SAVED_PATHS: ReadonlySet<string> = new Set(
	LIBRARY.flatMap((item) => item.assets.map((asset) => filePathOf(item, asset))),
);

/** Whether `filePath` is an asset of the saved library (create requests may use it as an input). */
export function isSavedItemPath(filePath: string): boolean {
	return SAVED_PATHS.has(filePath);
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number | undefined {
	const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
	return match ? Number(match[1]) : undefined;
}

const QUERY_SCHEMAS =
	(spec as unknown as { lists?: Record<string, { query: Record<string, JsonSchema> }> }).lists?.[
		'/v1/saved-items'
	]?.query ?? {};

/** Query values as the spec types them (integers from text), or an error reply. */
function readQuery(
	search: URLSearchParams,
): { type?: string; limit: number; cursor?: string } | JsonReply {
	const values: Record<string, unknown> = {};
	for (const [name, schema] of Object.entries(QUERY_SCHEMAS)) {
		const raw = search.get(name);
		if (raw === null) continue;
		const value = schema.type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
		const parsed = schemaToZod(schema).safeParse(value);
		if (!parsed.success) {
			const issue = firstIssue(parsed.error.issues);
			const { message } = issue ? issueToFailure(issue) : { message: 'is invalid' };
			return errorReply(400, 'invalid_request', `${name}: ${message}`);
		}
		values[name] = parsed.data;
	}
	return {
		type: values.type as string | undefined,
		limit: (values.limit as number | undefined) ?? DEFAULT_LIMIT,
		cursor: values.cursor as string | undefined,
	};
}

export class SavedItems {
	/** Largest page actually returned; the API may return fewer items than `limit` asks for. */
	pageCap = 100;

	constructor(private readonly downloads: DownloadLinks) {}

	/** GET /v1/saved-items?type=&limit=&cursor= */
	list(url: string): JsonReply {
		const query = readQuery(new URL(url, 'http://emulator.invalid').searchParams);
		if ('status' in query) return query;
		const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
		if (offset === undefined)
			return errorReply(400, 'invalid_request', 'cursor: is not a cursor this API issued');
		const matching = LIBRARY.filter((item) => query.type === undefined || item.type === query.type);
		const page = matching.slice(offset, offset + Math.min(query.limit, this.pageCap));
		const next = offset + page.length < matching.length ? encodeCursor(offset + page.length) : null;
		return json(200, { items: page.map((item) => this.view(item)), next_cursor: next });
	}

	private view(item: SavedItemRecord): Record<string, unknown> {
		return {
			id: item.id,
			type: item.type,
			name: item.name,
			assets: item.assets.map((asset) => {
				const ext = asset.fileName.split('.').pop() ?? 'bin';
				const link = this.downloads.issue(
					{ type: 'file', spec: MEDIA[asset.mediaKind](ext), bytes: ASSET_BYTES },
					asset.fileName,
				);
				return {
					file_path: filePathOf(item, asset),
					media_kind: asset.mediaKind,
					is_primary: asset.isPrimary,
					url: link.url,
					url_expires_at: link.expires_at,
				};
			}),
		};
	}
}

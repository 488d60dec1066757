/**
 * GET /v1/saved-items: the account's saved characters, references, voices, moodboards and brand
 * kits, newest first, a page at a time. Each asset's `file_path` is permanent and can be passed to
 * a file input instead of uploading the file again (its `url` expires after 24 hours).
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { ProjectKind } from '../catalog/types';
import { magicHourRequest, type MagicHourContext } from '../transport/apiRequest';

export interface SavedItemAsset extends IDataObject {
	file_path: string;
	media_kind: 'IMAGE' | 'VIDEO' | 'AUDIO' | string;
	is_primary: boolean;
	url: string;
	url_expires_at: string;
}

export interface SavedItem extends IDataObject {
	id: string;
	type: string;
	name: string | null;
	assets: SavedItemAsset[];
}

interface SavedItemsPage {
	items?: SavedItem[];
	next_cursor?: string | null;
}

/** The API's largest page. */
export const MAX_PAGE_SIZE = 100;

/**
 * Saved items of one type (or all), newest first: up to `max` of them, or all when `max` is
 * undefined, following `next_cursor` page by page.
 */
export async function fetchSavedItems(
	ctx: MagicHourContext,
	settings: { type?: string; max?: number; itemIndex?: number },
): Promise<SavedItem[]> {
	const items: SavedItem[] = [];
	const seenCursors = new Set<string>();
	let cursor: string | undefined;
	for (;;) {
		const remaining = settings.max === undefined ? MAX_PAGE_SIZE : settings.max - items.length;
		if (remaining <= 0) break;
		const query = new URLSearchParams({ limit: String(Math.min(MAX_PAGE_SIZE, remaining)) });
		if (settings.type) query.set('type', settings.type);
		if (cursor) query.set('cursor', cursor);
		const page = await magicHourRequest<SavedItemsPage>(ctx, {
			method: 'GET',
			path: `/v1/saved-items?${query.toString()}`,
			itemIndex: settings.itemIndex,
		});
		items.push(...(page.items ?? []));
		const next = page.next_cursor;
		// A cursor seen before would loop for ever: stop instead.
		if (typeof next !== 'string' || next === '' || seenCursors.has(next)) break;
		seenCursors.add(next);
		cursor = next;
	}
	return settings.max === undefined ? items : items.slice(0, settings.max);
}

const MEDIA_KIND: Record<ProjectKind, string> = { image: 'IMAGE', video: 'VIDEO', audio: 'AUDIO' };
const MAX_LISTED = 500;

/** Dropdown options: every saved asset of the media kind, named after its item, valued by its file path. */
async function savedFileOptions(
	ctx: ILoadOptionsFunctions,
	assetType: ProjectKind,
): Promise<INodePropertyOptions[]> {
	const items = await fetchSavedItems(ctx, { max: MAX_LISTED });
	const options: INodePropertyOptions[] = [];
	for (const item of items) {
		const assets = (item.assets ?? []).filter(
			(asset) => asset.media_kind === MEDIA_KIND[assetType],
		);
		assets.forEach((asset, index) => {
			const title = item.name?.trim() || item.id;
			options.push({
				name:
					assets.length > 1 ? `${title} (${item.type} ${index + 1})` : `${title} (${item.type})`,
				value: asset.file_path,
				description: asset.is_primary ? 'Primary file of the saved item' : undefined,
			});
		});
	}
	return options;
}

/** loadOptions methods of the "Saved Item" file source, one per media kind. */
export const savedItemLoadOptions = {
	async savedImageFiles(this: ILoadOptionsFunctions) {
		return savedFileOptions(this, 'image');
	},
	async savedVideoFiles(this: ILoadOptionsFunctions) {
		return savedFileOptions(this, 'video');
	},
	async savedAudioFiles(this: ILoadOptionsFunctions) {
		return savedFileOptions(this, 'audio');
	},
};

export const SAVED_FILES_METHOD: Record<ProjectKind, keyof typeof savedItemLoadOptions> = {
	image: 'savedImageFiles',
	video: 'savedVideoFiles',
	audio: 'savedAudioFiles',
};

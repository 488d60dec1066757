/**
 * Phrases a no-code user types into n8n's node panel, and and the node each must find among the
 * first results.
 */
export type MagicHourNode =
	| 'Magic Hour'
	| 'Magic Hour Image'
	| 'Magic Hour Video'
	| 'Magic Hour Audio';

export interface SearchPhrase {
	phrase: string;
	/** The node that holds the action (either one counts for phrases that fit two). */
	node: MagicHourNode | MagicHourNode[];
}

export const SEARCH_PHRASES: SearchPhrase[] = [
	{ phrase: 'swap faces', node: ['Magic Hour Image', 'Magic Hour Video'] },
	{ phrase: 'face swap', node: ['Magic Hour Image', 'Magic Hour Video'] },
	{ phrase: 'sync lips', node: 'Magic Hour Video' },
	{ phrase: 'lip sync', node: 'Magic Hour Video' },
	{ phrase: 'upscale image', node: 'Magic Hour Image' },
	{ phrase: 'voice over', node: 'Magic Hour Audio' },
	{ phrase: 'clone voice', node: 'Magic Hour Audio' },
	{ phrase: 'translate video', node: 'Magic Hour Video' },
	{ phrase: 'text to speech', node: 'Magic Hour Audio' },
	{ phrase: 'wait for project', node: 'Magic Hour' },
	{ phrase: 'animate', node: 'Magic Hour Video' },
	{ phrase: 'remove background', node: 'Magic Hour Image' },
	{ phrase: 'generate image', node: 'Magic Hour Image' },
	{ phrase: 'text to video', node: 'Magic Hour Video' },
	{ phrase: 'image to video', node: 'Magic Hour Video' },
	{ phrase: 'talking photo', node: 'Magic Hour Video' },
	{ phrase: 'subtitles', node: 'Magic Hour Video' },
	{ phrase: 'headshot', node: 'Magic Hour Image' },
	{ phrase: 'edit image', node: 'Magic Hour Image' },
	{ phrase: 'colorize photo', node: 'Magic Hour Image' },
	{ phrase: 'qr code', node: 'Magic Hour Image' },
	{ phrase: 'meme', node: 'Magic Hour Image' },
	{ phrase: 'gif', node: 'Magic Hour Image' },
	{ phrase: 'change clothes', node: 'Magic Hour Image' },
	{ phrase: 'dub video', node: 'Magic Hour Video' },
	{ phrase: 'detect faces', node: 'Magic Hour' },
	{ phrase: 'upload file', node: 'Magic Hour' },
	{ phrase: 'credit balance', node: 'Magic Hour' },
	{ phrase: 'ai video', node: 'Magic Hour Video' },
	{ phrase: 'voice', node: 'Magic Hour Audio' },
];

/** How far down the results the right node may be and still count as found. */
export const TOP_RESULTS = 5;

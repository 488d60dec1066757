// Kept in step with package.json by a test; node code may not import package.json at runtime.
export const PACKAGE_NAME = 'n8n-nodes-magic-hour';
export const PACKAGE_VERSION = '0.1.0';
export const USER_AGENT = `${PACKAGE_NAME}/${PACKAGE_VERSION}`;

/** The package's README (package.json "homepage"); each node's "Docs" link opens its section. */
export const README_URL = 'https://github.com/n8n-nodes-magic-hour/n8n-nodes-magic-hour';

/** Where a node's (or the credential's) section of the README starts: a heading's anchor. */
export const DOCS_ANCHORS = {
	image: 'magic-hour-image',
	video: 'magic-hour-video',
	audio: 'magic-hour-audio',
	utility: 'magic-hour-utility-node',
	trigger: 'magic-hour-trigger',
	credentials: 'credentials',
} as const;

export function docsUrl(section: keyof typeof DOCS_ANCHORS): string {
	return `${README_URL}#${DOCS_ANCHORS[section]}`;
}

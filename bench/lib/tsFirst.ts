/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not node code: benchmark script, runs on the developer's machine, never inside n8n */
/**
 * Preloaded after ts-node: makes `require('./X.node')` find `X.node.ts` before the `X.node.json`
 * codex file next to it (Node tries extensions in registration order: .js, .json, .node, .ts).
 * Jest does the same through its moduleFileExtensions.
 */
import Module from 'node:module';

const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
for (const ext of ['.json', '.node']) {
	const handler = extensions[ext];
	delete extensions[ext];
	extensions[ext] = handler;
}

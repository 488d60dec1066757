import type { IDataObject, INodeParameters } from 'n8n-workflow';

/**
 * Parameters a realistic user would set for one tool, exactly as n8n stores them on the node
 * (flat parameters + the "options" collection). Binary inputs name the binary property and
 * describe the file the previous node would produce.
 */
export interface ToolFixture {
	operation: string;
	parameters: INodeParameters;
	binaries?: Record<string, { fileName: string; mimeType: string }>;
}

/** File values as the dispatcher produces them before upload: URL as typed, binary → placeholder path. */
export function placeholderFiles(
	fixture: ToolFixture,
	fileInputNames: string[],
	nested: Array<{ key: string; spec: { source: string; url?: string } }>,
): Record<string, string> {
	const files: Record<string, string> = {};
	const p = fixture.parameters as IDataObject;
	for (const name of fileInputNames) {
		const source = (p[`${name}Source`] as string | undefined) ?? 'url';
		files[name] =
			source === 'none'
				? ''
				: source === 'binary'
					? `api-assets/pending/${name}.bin`
					: String(p[`${name}Url`] ?? '');
	}
	for (const entry of nested) {
		files[entry.key] =
			entry.spec.source === 'binary'
				? `api-assets/pending/${entry.key}.bin`
				: String(entry.spec.url ?? '');
	}
	return files;
}

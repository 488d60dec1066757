import type { INode } from 'n8n-workflow';

import { bodyLabels, toolRequestBody } from '../../nodes/shared/catalog/requestBody';
import { TOOLS } from '../../nodes/shared/catalog/tools';
import { validateToolBody } from '../../nodes/shared/engine/validateBody';

const tool = (operation: string) => TOOLS.find((t) => t.operation === operation)!;
const node = { name: 'Magic Hour', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };

describe('request body from body paths', () => {
	it('sends each field at its path, options only when given, and the job name once', () => {
		const gif = tool('aiGifGenerator');
		const input = { fields: { prompt: 'a cat' }, options: { outputFormat: '' }, files: {} };
		expect(toolRequestBody(gif, input, '')).toEqual({ style: { prompt: 'a cat' } });
		expect(
			toolRequestBody(gif, { ...input, options: { outputFormat: 'mp4' } }, 'Newsletter'),
		).toEqual({ name: 'Newsletter', style: { prompt: 'a cat' }, output_format: 'mp4' });
	});

	it('does not send free text of only blanks, but sends a listed value as given', () => {
		const headshot = tool('aiHeadshotGenerator');
		const files = { image: 'https://example.com/me.png' };
		expect(toolRequestBody(headshot, { fields: {}, options: { prompt: '  ' }, files }, '')).toEqual(
			{ assets: { image_file_path: 'https://example.com/me.png' } },
		);
	});

	it('names a parameter by its display name, without the "Name or ID" n8n wants on lists', () => {
		expect(bodyLabels(tool('imageToVideo'))).toMatchObject({
			end_seconds: 'Duration',
			resolution: 'Resolution',
			'style.prompt': 'Prompt',
			'assets.image_file_path': 'Image',
		});
	});

	it('checks the job name apart from the tool schema, before any request', () => {
		const gif = tool('aiGifGenerator');
		const body = toolRequestBody(
			gif,
			{ fields: { prompt: '' }, options: {}, files: {} },
			'x'.repeat(256),
		);
		expect(() => validateToolBody(node as INode, gif, body, 0)).toThrow(
			'AI GIF Generator: "Job Name": String must contain at most 255 character(s)',
		);
	});
});

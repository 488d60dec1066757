import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { ProjectKind } from '../shared/catalog/types';
import { downloadOutputs } from '../shared/engine/downloads';
import { projectPath, type ProjectDetail } from '../shared/engine/projectTypes';
import { magicHourRequest } from '../shared/transport/apiRequest';

/**
 * Downloads the outputs of a `*.completed` event with the same engine as the tool nodes: an
 * expired link is refreshed through the API once, a broken transfer is retried, nothing partial
 * is emitted. A failure that persists throws, so Magic Hour delivers the event again later.
 */
export async function downloadEventOutputs(
	ctx: IWebhookFunctions,
	kind: ProjectKind,
	payload: IDataObject & { id: string },
): Promise<IBinaryKeyData> {
	return downloadOutputs(ctx, payload as ProjectDetail, {
		kind,
		itemIndex: 0,
		refresh: async () => magicHourRequest<ProjectDetail>(ctx, { method: 'GET', path: projectPath(kind, payload.id) }),
	});
}

/**
 * The Magic Hour API operations the nodes call besides the create endpoints of the tools (which
 * `TOOLS` declares). The drift check (`npm run spec:check`) compares them with the spec.
 */
export const OTHER_API_OPERATIONS: readonly string[] = [
	'GET /v1/account',
	'GET /v1/saved-items',
	'POST /v1/files/upload-urls',
	'POST /v1/face-detection',
	'GET /v1/face-detection/{id}',
	'GET /v1/video-projects/{id}',
	'DELETE /v1/video-projects/{id}',
	'GET /v1/image-projects/{id}',
	'DELETE /v1/image-projects/{id}',
	'GET /v1/audio-projects/{id}',
	'DELETE /v1/audio-projects/{id}',
];

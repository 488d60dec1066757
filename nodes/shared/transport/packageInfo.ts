// Kept in step with package.json by a test; node code may not import package.json at runtime.
export const PACKAGE_NAME = 'n8n-nodes-magic-hour';
export const PACKAGE_VERSION = '0.1.0';
export const USER_AGENT = `${PACKAGE_NAME}/${PACKAGE_VERSION}`;

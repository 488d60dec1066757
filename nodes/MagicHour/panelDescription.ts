/**
 * What n8n's node panel says under "Magic Hour". The panel merges "Magic Hour Trigger" into
 * "Magic Hour" (same name without "Trigger") and shows the trigger's description for both, so
 * the two nodes share this text and it names what each does.
 */
export const MAGIC_HOUR_PANEL_DESCRIPTION =
	'Wait for a job, get or download it, upload files, detect faces, check credits; or start a workflow when a job finishes';

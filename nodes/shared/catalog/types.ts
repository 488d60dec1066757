import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import type { z } from 'zod';

/**
 * The media kinds of a project, of a file input or upload, and of a webhook event, in the order a
 * project's kind is looked for.
 */
export const PROJECT_KINDS = ['image', 'video', 'audio'] as const;

export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** A kind as n8n shows it, e.g. "Image". */
export function kindName(kind: ProjectKind): string {
	return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** Where a file input comes from: a URL (or an `api-assets/...` path) or a binary property of the input item. */
export interface FileSpec {
	source: 'url' | 'binary' | 'none';
	url?: string;
	binaryProperty?: string;
}

/**
 * A top-level file input of a tool. The catalog turns it into three n8n parameters:
 * `<name>Source` (URL / Binary File [/ None]), `<name>Url` and `<name>BinaryProperty`.
 */
export interface FileInputDeclaration {
	name: string;
	displayName: string;
	description: string;
	assetType: ProjectKind;
	/** Formats accepted beyond the asset type's own list (face-swap video also takes gif). */
	extraExtensions?: readonly string[];
	required: boolean;
	/** n8n displayOptions relative to the tool's other fields (e.g. only when video source is "file"). */
	displayOptions?: INodeProperties['displayOptions'];
	/** Where the file value goes in the request body when one is given, e.g. `assets.image_file_path`. */
	body?: string;
}

/**
 * A parameter of a tool. `body` is the dotted path its value is sent at (`style.prompt`), which
 * also names the parameter in validation messages: a field is always sent, an option when the
 * user gave it (not empty, not only blanks). A parameter the tool's `buildBody` writes itself
 * has no `body`.
 */
export type ToolField = INodeProperties & { body?: string };

/**
 * One file to resolve before a create: a top-level file input, or one nested in a field value
 * (face mappings, image lists, references) that the tool finds itself.
 */
export interface FileInputSlot {
	key: string;
	label: string;
	assetType: ProjectKind;
	extraExtensions?: readonly string[];
	spec: FileSpec;
}

export interface ToolInput {
	/** Values of the tool's `fields`, by parameter name. */
	fields: IDataObject;
	/** The tool's "Options" collection (only the options the user added). */
	options: IDataObject;
	/** Resolved file values (URL or uploaded `api-assets/...` path) by file input name or nested key; '' when none. */
	files: Record<string, string>;
}

/** What a model needs to choose a tool: when to use it and what one call costs. */
export interface AgentPurpose {
	/** One or two sentences: what the tool makes, from what, and when to pick it. */
	does: string;
	/** The price of one call in Magic Hour credits, as far as it is known before the call. */
	cost: string;
}

export interface ToolDeclaration {
	/** n8n operation value, camelCase, unique in the catalog. */
	operation: string;
	/** Create endpoint, e.g. `/v1/face-swap-photo`. */
	endpoint: `/v1/${string}`;
	kind: ProjectKind;
	/** Name shown as the operation, e.g. "Face Swap Photo". */
	displayName: string;
	/** Sentence case text shown in n8n's node panel, e.g. "Swap faces in a photo". */
	action: string;
	/** One line shown under the operation. */
	description: string;
	/** Documented median processing time, used by Automatic polling. */
	expectedSeconds: number;
	files: readonly FileInputDeclaration[];
	/** What an AI Agent's model reads about the tool (the node panel uses `description`). */
	agent: AgentPurpose;
	/** Required and main parameters, shown after the file inputs (names unique within the tool). */
	fields: ToolField[];
	/** Optional parameters, gathered in the tool's "Options" collection. */
	optionalFields: ToolField[];
	/** Nested file inputs the tool's fields contain (face mappings…). */
	nestedFiles?(fields: IDataObject, options: IDataObject): FileInputSlot[];
	/**
	 * For parameters that do not map one to one: gets the body built from the `body` paths and
	 * returns the request body. Pure: no I/O.
	 */
	buildBody?(input: ToolInput, body: IDataObject): IDataObject;
	/** Validates the body before anything is sent (spec limits and per-model rules); the job name is checked apart. */
	schema: z.ZodType<unknown>;
	/** Names in error messages for body paths `buildBody` writes, e.g. `{ 'style.points': 'Points' }`. */
	labels?: Record<string, string>;
	/** Options that depend on other parameters (e.g. durations of the chosen model). Method names must be unique across the catalog (prefix them with the operation). */
	loadOptions?: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>>;
}

import {
	createRunExecutionData,
	Workflow,
	type IBinaryData,
	type ICredentialDataDecryptedObject,
	type IExecuteData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IVersionedNodeType,
	type NodeExecutionHint,
} from 'n8n-workflow';

import {
	binaryDataService,
	core,
	additionalDataFor,
	ensureBinaryData,
	nodeOf,
	StaticNodeTypes,
} from './n8nRuntime';

export interface ExecuteOptions {
	nodeType: INodeType | IVersionedNodeType;
	typeName?: string;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	abortSignal?: AbortSignal;
	/** The node's typeVersion (default 1). */
	typeVersion?: number;
	/** Called with n8n's context right before execute(), e.g. to observe or tune its helpers. */
	onContext?: (context: IExecuteFunctions, logs: string[]) => void;
}

export interface ExecuteResult {
	output: INodeExecutionData[][];
	logs: string[];
	/** The execution hints the node added (n8n shows them above its output). */
	hints: NodeExecutionHint[];
}

let executionCounter = 0;

export async function executeNode(options: ExecuteOptions): Promise<ExecuteResult> {
	await ensureBinaryData();
	const typeName = options.typeName ?? 'n8n-nodes-magic-hour.underTest';
	const typeVersion = options.typeVersion ?? 1;
	const node = nodeOf(typeName, options.parameters, {
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
		typeVersion,
	});
	const nodeTypes = new StaticNodeTypes({ [typeName]: options.nodeType });
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const items = options.items ?? [{ json: {} }];
	const executionId = `exec-${++executionCounter}`;
	const logs: string[] = [];
	const additionalData = additionalDataFor(options.credentials, { executionId });
	const runExecutionData = createRunExecutionData();
	const executeData: IExecuteData = { node, data: { main: [items] }, source: null };
	const context = new core.ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		executeData,
		[],
		options.abortSignal,
	);
	// `logger` is a memoized getter on the prototype: shadow it with an own property.
	Object.defineProperty(context, 'logger', {
		configurable: true,
		value: {
			debug: (m: string) => logs.push(`debug ${m}`),
			info: (m: string) => logs.push(`info ${m}`),
			warn: (m: string) => logs.push(`warn ${m}`),
			error: (m: string) => logs.push(`error ${m}`),
		},
	});
	options.onContext?.(context as unknown as IExecuteFunctions, logs);
	const type = nodeTypes.getByNameAndVersion(typeName, typeVersion);
	if (!type.execute) throw new Error(`${typeName} has no execute()`);
	const output = (await type.execute.call(context)) as INodeExecutionData[][];
	return { output, logs, hints: context.hints };
}

export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	return binaryDataService().getAsBuffer(binary);
}

export async function binaryFromBuffer(
	data: Buffer,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	await ensureBinaryData();
	const binary = await core.prepareBinaryData(data, 'exec-input', 'wf-test', fileName, mimeType);
	binary.fileName = fileName;
	return binary;
}

/** The error a run threw; fails the test when it did not throw. */
export async function failureOf(
	promise: Promise<unknown>,
): Promise<Error & { description?: string; context?: IDataObject }> {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string; context?: IDataObject };
	}
	throw new Error('expected the node to fail');
}

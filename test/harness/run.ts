import { DirectoryLoader, ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { ImagineAnything } from '../../package/nodes/ImagineAnything/ImagineAnything.node';
import { ImagineAnythingPollTrigger } from '../../package/nodes/ImagineAnythingPollTrigger/ImagineAnythingPollTrigger.node';
import { ImagineAnythingTrigger } from '../../package/nodes/ImagineAnythingTrigger/ImagineAnythingTrigger.node';
import { CREDENTIAL_TYPE, TestCredentialsHelper } from './credentials';

export const PACKAGE = 'n8n-nodes-imagineanything';

/** The node types as n8n's loader makes them: declarative nodes get n8n's Request Options (Timeout, Proxy…). */
function loaded<T extends INodeType>(nodeType: T): T {
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	return nodeType;
}

const nodeClasses: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE}.imagineAnything`]: loaded(new ImagineAnything()),
	[`${PACKAGE}.imagineAnythingTrigger`]: loaded(new ImagineAnythingTrigger()),
	[`${PACKAGE}.imagineAnythingPollTrigger`]: loaded(new ImagineAnythingPollTrigger()),
};

export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType> = nodeClasses) {}

	getByName(type: string) {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export interface RunOptions {
	parameters: INodeParameters;
	/** Input items (json only, or full items); default one empty item. */
	items?: Array<IDataObject | INodeExecutionData>;
	credential?: INodeCredentialsDetails | null;
	/** Credentials of other types the node has selected, by type (e.g. the AI provider key). */
	otherCredentials?: Record<string, INodeCredentialsDetails>;
	continueOnFail?: boolean;
	/** n8n's node setting On Error (Continue / Continue (using error output)). */
	onError?: INode['onError'];
	nodeType?: string;
}

export interface RunResult {
	items: INodeExecutionData[];
	/** The items of the node's error output (with On Error: Continue (using error output)). */
	errorItems: INodeExecutionData[];
	/** The node's error when it failed as a whole (continueOnFail off). */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

const nodeTypes = new TestNodeTypes();

/** Runs one node through n8n-core's WorkflowExecute, as n8n runs a workflow's node. */
export class Harness {
	readonly credentials = new TestCredentialsHelper();

	addCredential(baseUrl: string, clientId: string, clientSecret: string): INodeCredentialsDetails {
		return this.credentials.add({ baseUrl, clientId, clientSecret });
	}

	private additionalData(hooks: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentials,
			hooks,
			executeWorkflow: async () => {
				throw new Error('not supported in tests');
			},
			getRunExecutionData: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('not supported in tests');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/**
	 * A resource locator's list, as n8n's server answers the editor: the node's list search method
	 * in n8n-core's LoadOptionsContext, on a temporary node holding the editor's current parameters
	 * (the ones set plus every default, as the editor sends them).
	 */
	async listSearch(
		method: string,
		options: { parameters: INodeParameters; credential?: INodeCredentialsDetails | null; filter?: string; paginationToken?: string },
	): Promise<INodeListSearchResult> {
		const type = `${PACKAGE}.imagineAnything`;
		const nodeType = nodeTypes.getByNameAndVersion(type, 1);
		const node: INode = {
			id: 'temp-node',
			name: 'Temp-Node',
			type,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			...(options.credential ? { credentials: { [CREDENTIAL_TYPE]: options.credential } } : {}),
		};
		const parameters = NodeHelpers.getNodeParameters(nodeType.description.properties, options.parameters, true, false, node, nodeType.description) ?? {};
		node.parameters = parameters;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const additionalData = { ...this.additionalData(undefined as never), currentNodeParameters: parameters };
		const search = nodeType.methods?.listSearch?.[method];
		if (!search) throw new Error(`No list search method ${method}`);
		return await search.call(new LoadOptionsContext(workflow, node, additionalData, 'parameters'), options.filter, options.paginationToken);
	}

	async run(options: RunOptions): Promise<RunResult> {
		const node: INode = {
			id: 'node-under-test',
			name: 'ImagineAnything',
			type: options.nodeType ?? `${PACKAGE}.imagineAnything`,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			continueOnFail: options.continueOnFail ?? false,
			...(options.onError ? { onError: options.onError } : {}),
			credentials: { ...(options.credential ? { [CREDENTIAL_TYPE]: options.credential } : {}), ...options.otherCredentials },
		};
		const workflow = new Workflow({
			id: 'test-workflow',
			name: 'test',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		const items: INodeExecutionData[] = (options.items ?? [{}]).map((item) =>
			'json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject },
		);
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
			},
		});
		const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
			id: workflow.id,
			name: 'test',
			active: false,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: [node],
			connections: {},
			settings: {},
		} as never);
		let finished: IRun | undefined;
		hooks.addHandler('workflowExecuteAfter', (run: IRun) => {
			finished = run;
		});
		const execute = new WorkflowExecute(this.additionalData(hooks), 'manual', runExecutionData);
		const run = (await execute.processRunExecutionData(workflow)) ?? finished;
		if (!run) throw new Error('The engine returned no run data');
		const taskData = run.data.resultData.runData[node.name]?.[0];
		return {
			items: taskData?.data?.main?.[0] ?? [],
			errorItems: taskData?.data?.main?.[1] ?? [],
			error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
			run,
		};
	}
}

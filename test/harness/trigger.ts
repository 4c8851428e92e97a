import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IHttpRequestMethods,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { createTestEnv, type TestEnv } from '../env';
import type { SandboxOptions } from '../sandbox';
import { CREDENTIAL_TYPE, type TestCredentialsHelper } from './credentials';
import { PACKAGE, TestNodeTypes } from './run';

/*
 * Runs trigger nodes the way n8n's server does, without n8n:
 * - lifecycle: checkExists/create/delete through n8n-core's HookContext, in the modes n8n's
 *   ActiveWorkflowManager (production: 'trigger'/'activate', deactivation 'internal'/'update')
 *   and TestWebhooks ("Listen for test event": 'manual'/'manual', a fresh static data `{}`,
 *   deleted again after the first execution) use;
 * - deliveries: a node:http server on 127.0.0.1 serving /webhook/<path> and
 *   /webhook-test/<path>, handing each request to the node's webhook() through WebhookContext
 *   with an express-like request (headers, parsed body, rawBody Buffer, query, params) and
 *   response, and answering like n8n (node's own answer, webhookResponse, or "started");
 * - polls: poll() through PollContext.
 * Static data is kept as JSON between calls, as n8n keeps it in its database.
 */

export const TRIGGER_TYPE = `${PACKAGE}.imagineAnythingTrigger`;
export const POLL_TRIGGER_TYPE = `${PACKAGE}.imagineAnythingPollTrigger`;

const nodeTypes = new TestNodeTypes();

export interface WorkflowStart {
	isTest: boolean;
	items: INodeExecutionData[];
}

/** One request the server received, with what the trigger made of it. */
export interface ReceivedDelivery {
	path: string;
	isTest: boolean;
	status: number;
	/** The answer body (parsed JSON when it was JSON). */
	answer: unknown;
	/** Set when the trigger started the workflow. */
	started?: WorkflowStart;
	/** What webhook() returned. */
	result?: IWebhookResponseData;
	error?: Error;
}

interface Route {
	workflow: TriggerWorkflow;
	isTest: boolean;
	webhook: IWebhookData;
}

function plainCopy<T>(value: T): T {
	const copy = JSON.parse(JSON.stringify(value ?? {})) as T & { __dataChanged?: unknown };
	delete copy.__dataChanged;
	return copy;
}

/** The small part of express's Response that trigger nodes use. */
class ExpressLikeResponse {
	statusCode = 200;
	private readonly headers: Record<string, string> = {};

	constructor(private readonly res: ServerResponse) {}

	get headersSent(): boolean {
		return this.res.headersSent;
	}

	get writableEnded(): boolean {
		return this.res.writableEnded;
	}

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	set(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	header(name: string, value: string): this {
		return this.setHeader(name, value);
	}

	json(body: unknown): this {
		this.headers['content-type'] ??= 'application/json; charset=utf-8';
		return this.send(JSON.stringify(body));
	}

	send(body?: unknown): this {
		if (body !== undefined && typeof body === 'object' && !Buffer.isBuffer(body)) return this.json(body);
		return this.end(body as string | Buffer | undefined);
	}

	end(body?: string | Buffer): this {
		if (this.res.writableEnded) return this;
		this.res.writeHead(this.statusCode, this.headers);
		this.res.end(body);
		return this;
	}
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function reply(res: ServerResponse, status: number, body: unknown): void {
	if (res.writableEnded) return;
	const payload = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload) });
	res.end(payload);
}

export interface TriggerWorkflowOptions {
	/** Full node type; default the webhook trigger. */
	nodeType?: string;
	parameters: INodeParameters;
	credential: INodeCredentialsDetails;
	workflowId?: string;
	/** The node's webhookId (part of its URLs); default derived from the workflow id. */
	webhookId?: string;
	nodeName?: string;
}

/** A test listen in progress, as n8n's editor holds it after "Listen for test event". */
export interface TestListen {
	/** The first workflow start from the test URL; the listen ends (delete) right after it, as in n8n. */
	started: Promise<WorkflowStart>;
	/** Ends the listen without an event (n8n's timeout or the user's "stop listening"). */
	stop(): Promise<void>;
	/** The test registration's static data (n8n keeps it apart from the workflow's). */
	staticData(): IDataObject;
}

/** One workflow with one trigger node, its persisted static data and its webhook registrations. */
export class TriggerWorkflow {
	readonly node: INode;
	readonly starts: WorkflowStart[] = [];
	/** The workflow's static data as n8n's database holds it. */
	staticData: IDataObject = {};
	private testStaticData: IDataObject | undefined;
	private endTest: (() => Promise<void>) | undefined;

	constructor(
		private readonly server: TriggerServer,
		readonly id: string,
		options: TriggerWorkflowOptions,
	) {
		this.node = {
			id: `${id}-node`,
			name: options.nodeName ?? 'ImagineAnything Trigger',
			type: options.nodeType ?? TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			webhookId: options.webhookId ?? `${id}-hook`,
			credentials: { [CREDENTIAL_TYPE]: options.credential },
		};
	}

	/** A fresh Workflow over a copy of `staticData`, as n8n builds one per activation or request. */
	build(staticData: IDataObject = this.staticData): Workflow {
		return new Workflow({
			id: this.id,
			name: `Workflow ${this.id}`,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: plainCopy(staticData),
			settings: { executionOrder: 'v1' },
		});
	}

	/** What n8n computes for the node's webhooks (WebhookService.getNodeWebhooks). */
	webhooks(isTest: boolean): IWebhookData[] {
		const workflow = this.build();
		const description = nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion).description;
		return (description.webhooks ?? []).map((webhookDescription) => {
			const nodePath = String(workflow.expression.getSimpleParameterValue(this.node, webhookDescription.path, 'internal', {}));
			const isFullPath = workflow.expression.getSimpleParameterValue(
				this.node,
				webhookDescription.isFullPath,
				'internal',
				{},
				undefined,
				false,
			) as boolean;
			const path = NodeHelpers.getNodeWebhookPath(this.id, this.node, nodePath.replace(/^\/|\/$/g, ''), isFullPath);
			return {
				httpMethod: String(webhookDescription.httpMethod) as IHttpRequestMethods,
				node: this.node.name,
				path,
				webhookDescription,
				workflowId: this.id,
				workflowExecuteAdditionalData: this.server.additionalData(),
				...(isTest ? { isTest: true } : {}),
			};
		});
	}

	url(isTest: boolean): string {
		const [webhook] = this.webhooks(isTest);
		return `${isTest ? this.server.testBaseUrl : this.server.productionBaseUrl}/${webhook.path}`;
	}

	/** Runs one lifecycle method through HookContext; static data is read from and written back to `store`. */
	async hook(
		method: 'checkExists' | 'create' | 'delete',
		options: { isTest: boolean; mode: WorkflowExecuteMode; activation: WorkflowActivateMode },
	): Promise<boolean | undefined> {
		const isTestData = options.isTest;
		const workflow = this.build(isTestData ? (this.testStaticData ?? {}) : this.staticData);
		const [webhook] = this.webhooks(options.isTest);
		const nodeType = nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
		const fn = nodeType.webhookMethods?.[webhook.webhookDescription.name]?.[method];
		if (!fn) return undefined;
		const context = new HookContext(workflow, this.node, this.server.additionalData(), options.mode, options.activation, webhook);
		try {
			return (await fn.call(context)) as boolean;
		} finally {
			if (isTestData) this.testStaticData = plainCopy(workflow.staticData as IDataObject);
			else this.staticData = plainCopy(workflow.staticData as IDataObject);
		}
	}

	/** Activation (ActiveWorkflowManager): checkExists, create when missing; on failure delete, then rethrow. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		const mode = { isTest: false, mode: 'trigger' as const, activation };
		try {
			if (!(await this.hook('checkExists', mode))) await this.hook('create', mode);
		} catch (error) {
			await this.hook('delete', { isTest: false, mode: 'internal', activation: 'update' }).catch(() => undefined);
			throw error;
		}
		this.server.route(this, false);
	}

	async deactivate(): Promise<void> {
		this.server.unroute(this, false);
		await this.hook('delete', { isTest: false, mode: 'internal', activation: 'update' });
	}

	/** "Listen for test event" (TestWebhooks.needsWebhook): a fresh static data, the test URL. */
	async listenForTestEvent(): Promise<TestListen> {
		this.testStaticData = {};
		const mode = { isTest: true, mode: 'manual' as const, activation: 'manual' as const };
		const end = async () => {
			this.server.unroute(this, true);
			this.endTest = undefined;
			await this.hook('delete', { isTest: true, mode: 'internal', activation: 'update' });
		};
		this.server.route(this, true);
		try {
			if (!(await this.hook('checkExists', mode))) await this.hook('create', mode);
		} catch (error) {
			await end().catch(() => undefined);
			throw error;
		}
		let resolveStart: (start: WorkflowStart) => void = () => undefined;
		const started = new Promise<WorkflowStart>((resolve) => {
			resolveStart = resolve;
		});
		this.endTest = end;
		this.onTestStart = async (start) => {
			this.onTestStart = undefined;
			await end();
			resolveStart(start);
		};
		return {
			started,
			stop: async () => {
				this.onTestStart = undefined;
				if (this.endTest) await this.endTest();
			},
			staticData: () => plainCopy(this.testStaticData ?? {}),
		};
	}

	/** Set while a test listen waits for its first execution. */
	onTestStart: ((start: WorkflowStart) => Promise<void>) | undefined;

	/** Hands a received request to webhook() through WebhookContext. */
	async receive(
		isTest: boolean,
		webhook: IWebhookData,
		request: Record<string, unknown>,
		response: ExpressLikeResponse,
	): Promise<IWebhookResponseData> {
		const workflow = this.build(isTest ? (this.testStaticData ?? {}) : this.staticData);
		const additionalData = {
			...this.server.additionalData(),
			httpRequest: request,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const mode: WorkflowExecuteMode = isTest ? 'manual' : 'webhook';
		const context = new WebhookContext(workflow, this.node, additionalData, mode, webhook, [], null);
		const nodeType = nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
		try {
			return (await nodeType.webhook!.call(context)) as IWebhookResponseData;
		} finally {
			if (isTest) this.testStaticData = plainCopy(workflow.staticData as IDataObject);
			else this.staticData = plainCopy(workflow.staticData as IDataObject);
		}
	}

	/** One poll through PollContext: 'trigger' as the active workflow polls, 'manual' as "Fetch Test Event". */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[][] | null> {
		const workflow = this.build();
		const activation: WorkflowActivateMode = mode === 'manual' ? 'manual' : 'activate';
		const context = new PollContext(workflow, this.node, this.server.additionalData(), mode, activation);
		const nodeType = nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
		try {
			return (await nodeType.poll!.call(context)) as INodeExecutionData[][] | null;
		} finally {
			// n8n saves a manual run's static data only for active workflows; keep the stricter view.
			if (mode === 'trigger') this.staticData = plainCopy(workflow.staticData as IDataObject);
		}
	}

	/** The node's part of the static data (`node:<name>`). */
	nodeStaticData(isTest = false): IDataObject {
		const data = isTest ? (this.testStaticData ?? {}) : this.staticData;
		return (data[`node:${this.node.name}`] as IDataObject) ?? {};
	}
}

/** The local n8n stand-in: additional data for node contexts, and the webhook HTTP server. */
export class TriggerServer {
	readonly received: ReceivedDelivery[] = [];
	private readonly routes = new Map<string, Route>();
	private baseUrl = '';
	/**
	 * The address n8n advertises in webhook URLs (its WEBHOOK_URL); default this server's own.
	 * Requests are still served here, so a test can give n8n a public-looking (e.g. http://) URL.
	 */
	publicBaseUrl: string | undefined;
	private nextWorkflow = 1;

	private constructor(
		readonly credentials: TestCredentialsHelper,
		private readonly server: Server,
	) {}

	static async start(credentials: TestCredentialsHelper): Promise<TriggerServer> {
		const server = createServer((req, res) => {
			void instance.handle(req, res).catch((error: Error) => reply(res, 500, { message: error.message }));
		});
		const instance = new TriggerServer(credentials, server);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		instance.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return instance;
	}

	get productionBaseUrl(): string {
		return `${this.publicBaseUrl ?? this.baseUrl}/webhook`;
	}

	get testBaseUrl(): string {
		return `${this.publicBaseUrl ?? this.baseUrl}/webhook-test`;
	}

	/** This server's own address; deliveries to a URL under publicBaseUrl can be re-aimed here. */
	get localBaseUrl(): string {
		return this.baseUrl;
	}

	/** A plain object, like n8n's own (a deep mock breaks n8n-core). */
	additionalData(): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentials,
			executeWorkflow: async () => {
				throw new Error('not supported in tests');
			},
			getRunExecutionData: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: `${this.baseUrl}/rest`,
			instanceBaseUrl: `${this.baseUrl}/`,
			formWaitingBaseUrl: `${this.baseUrl}/form-waiting`,
			webhookBaseUrl: this.productionBaseUrl,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: this.testBaseUrl,
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('not supported in tests');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	workflow(options: TriggerWorkflowOptions): TriggerWorkflow {
		const id = options.workflowId ?? `wf${this.nextWorkflow++}`;
		return new TriggerWorkflow(this, id, options);
	}

	route(workflow: TriggerWorkflow, isTest: boolean): void {
		for (const webhook of workflow.webhooks(isTest)) {
			this.routes.set(`${isTest ? 'test' : 'prod'}:${webhook.httpMethod} ${webhook.path}`, { workflow, isTest, webhook });
		}
	}

	unroute(workflow: TriggerWorkflow, isTest: boolean): void {
		for (const webhook of workflow.webhooks(isTest)) this.routes.delete(`${isTest ? 'test' : 'prod'}:${webhook.httpMethod} ${webhook.path}`);
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const rawBody = await readBody(req);
		const url = new URL(req.url ?? '/', this.baseUrl);
		const match = /^\/(webhook|webhook-test)\/(.+?)\/?$/.exec(url.pathname);
		const isTest = match?.[1] === 'webhook-test';
		const route = match ? this.routes.get(`${isTest ? 'test' : 'prod'}:${req.method} ${match[2]}`) : undefined;
		const record: ReceivedDelivery = { path: url.pathname, isTest, status: 404, answer: undefined };
		this.received.push(record);
		if (!route) {
			record.answer = { message: `The requested webhook "${req.method} ${url.pathname}" is not registered.` };
			reply(res, 404, record.answer);
			return;
		}

		const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
		let body: unknown = {};
		if (String(headers['content-type'] ?? '').includes('json') && rawBody.length > 0) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = {};
			}
		}
		const request = {
			method: req.method,
			url: req.url,
			path: url.pathname,
			headers,
			body,
			rawBody,
			query: Object.fromEntries(url.searchParams),
			params: {},
			header: (name: string) => headers[name.toLowerCase()],
			get: (name: string) => headers[name.toLowerCase()],
		};
		const response = new ExpressLikeResponse(res);
		const captured: { status?: number; body?: string } = {};
		const originalEnd = res.end.bind(res);
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			captured.status = res.statusCode;
			if (chunk !== undefined && typeof chunk !== 'function') captured.body = String(chunk);
			return originalEnd(chunk as never, ...(rest as []));
		}) as typeof res.end;

		let result: IWebhookResponseData;
		try {
			result = await route.workflow.receive(route.isTest, route.webhook, request, response);
		} catch (error) {
			record.error = error as Error;
			record.status = 500;
			record.answer = { message: 'Error in workflow' };
			reply(res, 500, record.answer);
			return;
		}
		record.result = result;
		if (result.noWebhookResponse) {
			if (!res.writableEnded) response.end();
		} else if (result.workflowData === undefined) {
			reply(res, 200, result.webhookResponse !== undefined ? result.webhookResponse : { message: 'Webhook call received' });
		} else {
			const start: WorkflowStart = { isTest: route.isTest, items: result.workflowData[0] ?? [] };
			record.started = start;
			route.workflow.starts.push(start);
			reply(res, 200, { message: 'Workflow was started' });
			if (route.isTest && route.workflow.onTestStart) await route.workflow.onTestStart(start);
		}
		record.status = captured.status ?? res.statusCode;
		try {
			record.answer = captured.body === undefined ? undefined : JSON.parse(captured.body);
		} catch {
			record.answer = captured.body;
		}
	}
}

/** A sandbox, the engine harness and a TriggerServer, with agents created straight in the sandbox's store. */
export interface TriggerTestEnv {
	env: TestEnv;
	server: TriggerServer;
	/** A new agent (no rate-limited registration) and a credential for it. */
	newAgent(handle: string): { handle: string; agentId: string; credential: INodeCredentialsDetails };
	close(): Promise<void>;
}

export async function createTriggerTestEnv(options?: SandboxOptions): Promise<TriggerTestEnv> {
	const env = await createTestEnv(options);
	const server = await TriggerServer.start(env.harness.credentials);
	return {
		env,
		server,
		newAgent(handle) {
			const agent = env.sandbox.store.createAgent({ handle, name: handle }, Date.now());
			const credential = env.sandbox.credentialsFor(handle);
			return {
				handle,
				agentId: agent.id,
				credential: env.harness.addCredential(env.sandbox.url, credential.clientId, credential.clientSecret),
			};
		},
		close: async () => {
			await server.close();
			await env.close();
		},
	};
}

import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiRequest, DEFAULT_SETTINGS, hasCredential, noCredential, type Answer, type ApiRequest, type RefusalExplainer, type TransportSettings } from '../transport';
import { isObject, listItems, unwrap } from '../transport/answers';
import { masked } from '../transport/secrets';
import { pathValues, resolvePath } from './locators';
import { invalidParameter, typedParameter } from './validation';

/** How an answer becomes items. */
export type Output =
	/** One object; `unwrap` names the key it may come wrapped in (`{post: {…}}`). */
	| { kind: 'item'; unwrap?: string }
	/** An array under `key` (or the one array in the answer), followed across pages. */
	| { kind: 'list'; key: string; maxPageSize?: number }
	/** A status answer such as `{following: true}`; 204 (no content) becomes `{success: true}`. */
	| { kind: 'result' };

export interface ApiCall {
	method: IHttpRequestMethods;
	/** Path with `{parameter}` placeholders, filled from the node's parameters. */
	path: string;
	output: Output;
	/**
	 * `required` (default): as the credential's agent. `optional`: public data, read with the
	 * credential's token when one is selected, without one otherwise. `none`: never with a token
	 * (registration).
	 */
	auth?: 'required' | 'optional' | 'none';
	/** The parameter each body or query field comes from (API name → display name), for the service's errors. */
	fieldLabels?: Record<string, string>;
	/** The operation's reading of the service's 400 messages (transport/failure.ts). */
	explainRefusal?: RefusalExplainer;
	/** Checks and shaping of the request, run in order before anything is sent (see validation.ts). */
	preSend?: PreSendAction[];
	/** Requests sent before the operation's own one (e.g. the upload a byte is made from). */
	before?: PriorRequest[];
	/** Reshapes each answer before its items are read (e.g. one answer holding several arrays into one list). */
	reshape?: (this: IExecuteSingleFunctions, body: IDataObject) => IDataObject;
	/** Reshapes each output item (e.g. to keep a secret out of the output). */
	transform?: (this: IExecuteSingleFunctions, entry: IDataObject) => IDataObject;
	/**
	 * Body fields that hold secrets (a provider API key). They are sent, but their values are
	 * masked wherever they would reach the output or an error, even when the service echoes them.
	 */
	secretFields?: string[];
	/**
	 * Runs on the shaped items before they leave, e.g. to wait for an asynchronous job.
	 * `followUp` sends further reads for the same item through the same transport.
	 */
	finish?: (this: IExecutePaginationFunctions, items: IDataObject[], followUp: FollowUp) => Promise<IDataObject[]>;
}

/** A further read of the same operation and item (see ApiCall.finish); answers the parsed body. */
export type FollowUp = (method: IHttpRequestMethods, path: string, qs?: IDataObject) => Promise<unknown>;

/**
 * A request an operation sends before its own, through the same transport. All of them are
 * prepared (and so checked) before the first one is sent.
 */
export interface PriorRequest {
	method: IHttpRequestMethods;
	/** Path with `{parameter}` placeholders, like ApiCall.path. */
	path: string;
	/** Body fields to start from, as parameters' `routing.send` would build them. */
	body?: IDataObject;
	/** Shapes the request before anything is sent, like a preSend (e.g. `uploadFile`). */
	prepare?: PreSendAction;
	/** Carries the answer into the operation's own request (e.g. the uploaded media's id into its body). */
	apply: (this: IExecuteSingleFunctions, answer: unknown, request: DeclarativeRestApiSettings.HttpRequestOptions) => void;
	/** Added to the error when a later request fails: what this one left behind (e.g. an uploaded file). */
	leftBehind?: (answer: unknown) => string;
}

const MAX_PAGES = 1000;

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/** The action of each operation ("Create a post"), for errors about writes; set by defineResource. */
const actions = new WeakMap<INodePropertyRouting, string>();

export function describeRoute(routing: INodePropertyRouting | undefined, action: string): void {
	if (routing) actions.set(routing, action);
}

/**
 * Request Options: n8n's Timeout (ms), Proxy and Ignore SSL Issues (parsed by the routing node
 * into the request options) and our Max Wait for Rate Limit (s); defaults where not set.
 */
function settingsOf(this: IExecuteSingleFunctions, requestData: RequestData): TransportSettings {
	const options = this.getNodeParameter('requestOptions', {}) as IDataObject;
	const timeout = Number(options.timeout);
	const maxWait = Number(options.maxRateLimitWait);
	return {
		timeoutMs: timeout > 0 ? timeout : DEFAULT_SETTINGS.timeoutMs,
		maxRateLimitWaitMs: options.maxRateLimitWait !== undefined && maxWait >= 0 ? maxWait * 1000 : DEFAULT_SETTINGS.maxRateLimitWaitMs,
		proxy: requestData.options.proxy,
		skipSslCertificateValidation: requestData.options.skipSslCertificateValidation === true,
	};
}

interface Sending {
	call: ApiCall;
	action?: string;
	settings: TransportSettings;
	secrets: string[];
}

async function send(
	this: IExecutePaginationFunctions,
	sending: Sending,
	options: RequestData['options'],
	expect: ApiRequest['expect'],
	qs?: IDataObject,
): Promise<Answer> {
	const request: ApiRequest = {
		expect,
		method: (options.method ?? sending.call.method) as IHttpRequestMethods,
		path: String(options.url),
		qs: qs ?? (options.qs as IDataObject | undefined),
		body: options.body as ApiRequest['body'],
		headers: options.headers as IDataObject | undefined,
		anonymous: sending.call.auth === 'none' || (sending.call.auth === 'optional' && !hasCredential(this)),
		action: sending.action,
		secrets: sending.secrets,
		fieldLabels: sending.call.fieldLabels,
		explainRefusal: sending.call.explainRefusal,
		baseUrl: typeof options.baseURL === 'string' && options.baseURL !== '' ? options.baseURL : undefined,
	};
	const emptyBody = !Buffer.isBuffer(request.body) && isObject(request.body) && Object.keys(request.body).length === 0;
	if (request.method === 'GET' || emptyBody) delete request.body;
	return await apiRequest.call(this, request, sending.settings);
}

/**
 * How many items a list operation returns: all (Return All), else its Limit, a whole number from
 * 1 (to the list's largest page where it has one), mapped text included.
 */
function listLimit(this: IExecutePaginationFunctions, maxPageSize?: number): number {
	if (typedParameter.call(this, 'Return All', this.getNodeParameter('returnAll', false), 'boolean') === true) return Number.POSITIVE_INFINITY;
	const limit = typedParameter.call(this, 'Limit', this.getNodeParameter('limit', 50), 'number');
	if (limit === undefined) throw invalidParameter.call(this, 'Limit', 'is required', 'Set Limit to how many results you want (a whole number of at least 1), or turn on Return All.');
	const max = maxPageSize ? ` and at most ${maxPageSize}` : '';
	if (!Number.isInteger(limit) || (limit as number) < 1 || (maxPageSize !== undefined && (limit as number) > maxPageSize)) {
		throw invalidParameter.call(this, 'Limit', `must be a whole number of at least 1${max} (got ${String(limit)})`);
	}
	return limit as number;
}

async function fetchList(
	this: IExecutePaginationFunctions,
	sending: Sending,
	options: RequestData['options'],
	output: Extract<Output, { kind: 'list' }>,
): Promise<IDataObject[]> {
	const limit = listLimit.call(this, output.maxPageSize);
	const pageSize = output.maxPageSize ?? 100;
	const results: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES && results.length < limit; page++) {
		const qs: IDataObject = { ...(options.qs as IDataObject), limit: Math.min(pageSize, limit - results.length) };
		if (cursor) qs.cursor = cursor;
		const answer = await own.call(this, sending, options, { list: output.key }, qs);
		const items = listItems(answer.body, output.key);
		results.push(...items);
		const { nextCursor, hasMore } = isObject(answer.body) ? answer.body : ({} as IDataObject);
		cursor = typeof nextCursor === 'string' && nextCursor !== '' ? nextCursor : undefined;
		if (!cursor || hasMore === false || items.length === 0) break;
	}
	return results.slice(0, limit);
}

/** A request of the operation itself: its answer reshaped (when the operation does) before it is checked. */
async function own(
	this: IExecutePaginationFunctions,
	sending: Sending,
	options: RequestData['options'],
	expect: Exclude<ApiRequest['expect'], undefined>,
	qs?: IDataObject,
): Promise<Answer> {
	const { reshape } = sending.call;
	if (!reshape) return await send.call(this, sending, options, expect, qs);
	const answer = await send.call(this, sending, options, 'object', qs);
	return { ...answer, body: reshape.call(this, answer.body as IDataObject) };
}

/** One item from a single answer (the transport has checked it holds what `output` needs). */
function shape(answer: Answer, output: Exclude<Output, { kind: 'list' }>): IDataObject[] {
	if (output.kind === 'item') return [unwrap(answer.body, output.unwrap)];
	const object = unwrap(answer.body);
	return [Object.keys(object).length ? object : { success: true }];
}

async function preparePriorRequests(
	this: IExecutePaginationFunctions,
	requestData: RequestData,
	call: ApiCall,
): Promise<Array<{ step: PriorRequest; options: RequestData['options'] }>> {
	const prepared = [];
	for (const step of call.before ?? []) {
		let options: RequestData['options'] = {
			method: step.method,
			url: await resolvePath.call(this, step.path),
			qs: {},
			headers: {},
			body: { ...step.body },
		};
		// The routing node hands its request options to preSends the same way.
		if (step.prepare) options = await step.prepare.call(this, options as IHttpRequestOptions);
		prepared.push({ step, options });
	}
	return prepared;
}

/** Further reads of the same item through the same transport (e.g. polling a job). */
function followUpFor(this: IExecutePaginationFunctions, sending: Sending): FollowUp {
	return async (method, url, qs = {}) => (await send.call(this, sending, { method, url, qs }, undefined, qs)).body;
}

/** The values of a request's secret body fields (very short values would garble text when masked). */
function secretsOf(requestData: RequestData, call: ApiCall): string[] {
	const body = (requestData.options.body ?? {}) as IDataObject;
	return (call.secretFields ?? [])
		.map((field) => body[field])
		.filter((value): value is string => typeof value === 'string' && value.length >= 4);
}

function executorFor(call: ApiCall, routing: INodePropertyRouting) {
	return async function (this: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
		// n8n prepares every item's request in one synchronous loop before any is sent; whatever ran
		// here before the first await (evaluating the item's parameters) would delay the first request.
		await Promise.resolve();
		try {
			return await runOperation.call(this, call, routing, requestData);
		} catch (error) {
			withMissingTarget.call(this, call, error);
			// n8n's declarative engine would make an error item without pairedItem (and turn any error
			// that is not a NodeApiError into one "with code none"): the item's failure is ours to shape.
			if (this.continueOnFail()) return [failedItem.call(this, call, routing, error as Error)];
			throw asItemError.call(this, error);
		}
	};
}

async function runOperation(
	this: IExecutePaginationFunctions,
	call: ApiCall,
	routing: INodePropertyRouting,
	requestData: RequestData,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	if ((call.auth ?? 'required') === 'required' && !hasCredential(this)) throw noCredential(this.getNode(), itemIndex);
	for (const step of call.preSend ?? []) requestData.options = await step.call(this, requestData.options as IHttpRequestOptions);
	const settings = settingsOf.call(this, requestData);
	const action = actions.get(routing);
	requestData.options.url = await resolvePath.call(this, call.path);
	requestData.options.method = call.method;
	const leftBehind: string[] = [];
	for (const { step, options } of await preparePriorRequests.call(this, requestData, call)) {
		const answer = await send.call(this, { call, settings, secrets: [] }, options, 'object');
		step.apply.call(this, answer.body, requestData.options);
		if (step.leftBehind) leftBehind.push(step.leftBehind(answer.body));
	}
	const sending: Sending = { call, action, settings, secrets: secretsOf(requestData, call) };
	try {
		return await ownRequest.call(this, sending, requestData.options, itemIndex);
	} catch (error) {
		throw withLeftBehind(error, leftBehind);
	}
}

/**
 * The error of an item that stops the node. n8n's declarative engine lets a NodeApiError through
 * and turns anything else into a NodeApiError "with code none", as if the service had answered: a
 * rule of the node that refused the item becomes a NodeApiError without an HTTP code, saying that
 * nothing was sent.
 */
function asItemError(this: IExecutePaginationFunctions, error: unknown): Error {
	if (error instanceof NodeApiError) return error;
	const cause = error as Error & { description?: string };
	return new NodeApiError(this.getNode(), {}, { message: cause.message, description: cause.description ?? undefined, itemIndex: this.getItemIndex() });
}

/** What the request's path was about, e.g. ` (Agent nobody_here, Post post_1)`; empty when nothing. */
function targetOf(this: IExecutePaginationFunctions, call: ApiCall): { about: ReturnType<typeof pathValues>; text: string } {
	const about = pathValues.call(this, call.path);
	return { about, text: about.length ? ` (${about.map(({ label, value }) => `${label} ${value}`).join(', ')})` : '' };
}

/**
 * A 404 message of the service ("Agent not found") names what was not found, so that it stands
 * alone (an AI agent reading it, a log line) without the item's parameters beside it.
 */
function withMissingTarget(this: IExecutePaginationFunctions, call: ApiCall, error: unknown): void {
	if (!(error instanceof NodeApiError) || error.httpCode !== '404') return;
	const { about, text } = targetOf.call(this, call);
	if (about.length && !about.some(({ value }) => error.message.includes(String(value)))) error.message = `${error.message}${text}`;
}

/**
 * The output item of a failed item under Continue On Fail or n8n's error output, paired to its
 * input: `error` (what went wrong) and `message` (which operation on what, whether it was sent,
 * what to do). n8n routes an item to the error output only when its json has no other fields,
 * and replaces the json of any item that carries an error object with the bare message; so under
 * Continue (regular output) the same facts also come as fields: `operation`, `httpCode` and the
 * IDs or handles the request was about.
 */
function failedItem(this: IExecutePaginationFunctions, call: ApiCall, routing: INodePropertyRouting, error: Error): INodeExecutionData {
	const { description, httpCode } = error as Error & { description?: string | null; httpCode?: string | null };
	const status = httpCode && /^\d{3}$/.test(httpCode) ? Number(httpCode) : undefined;
	const action = actions.get(routing) ?? 'The request';
	const { about, text: target } = targetOf.call(this, call);
	const outcome = status ? `failed: ImagineAnything answered ${status}` : error instanceof NodeOperationError ? 'was not sent' : 'failed';
	const json: IDataObject = { error: error.message, message: [`${action}${target} ${outcome}.`, description].filter(Boolean).join(' ') };
	if (this.getNode().onError !== 'continueErrorOutput') {
		json.operation = action;
		if (status) json.httpCode = status;
		for (const { parameter, value } of about) json[parameter] = value;
	}
	return { json, pairedItem: { item: this.getItemIndex() } };
}

/** A failure (already a NodeApiError, see the transport) that also tells what earlier requests left behind. */
function withLeftBehind(error: unknown, leftBehind: string[]): unknown {
	if (error instanceof NodeApiError && leftBehind.length) {
		error.description = [error.description, ...leftBehind].filter(Boolean).join(' ');
	}
	return error;
}

/** The operation's own request(s), shaped into output items. */
async function ownRequest(
	this: IExecutePaginationFunctions,
	sending: Sending,
	options: RequestData['options'],
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { call, secrets } = sending;
	let json =
		call.output.kind === 'list'
			? await fetchList.call(this, sending, options, call.output)
			: shape(await own.call(this, sending, options, call.output.kind === 'item' ? 'object' : 'status'), call.output);
	if (call.finish) json = await call.finish.call(this, json, followUpFor.call(this, sending));
	const { transform } = call;
	return masked(json, secrets).map((entry) => ({
		json: transform ? transform.call(this, entry) : entry,
		pairedItem: { item: itemIndex },
	}));
}

/**
 * The routing of one operation. Every operation runs through `executorFor` via n8n's
 * pagination hook, the only place a declarative node can wrap its own requests: there it
 * resolves locators and sends every request through the transport (pacing, faults, errors).
 */
export function apiRoute(call: ApiCall): INodePropertyRouting {
	// The executor runs the operation's preSend steps itself, so that their failures are its to shape.
	const routing: INodePropertyRouting = {
		request: { method: call.method, url: call.path },
		send: { paginate: true },
	};
	routing.operations = { pagination: executorFor(call, routing) };
	return routing;
}
